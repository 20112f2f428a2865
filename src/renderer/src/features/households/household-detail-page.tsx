export function HouseholdDetailPage(_props: { id: number }): React.JSX.Element {
  return <div>HouseholdDetailPage</div>
}
