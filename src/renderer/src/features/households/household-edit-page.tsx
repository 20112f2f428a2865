export function HouseholdEditPage(_props: { id: number }): React.JSX.Element {
  return <div>HouseholdEditPage</div>
}
