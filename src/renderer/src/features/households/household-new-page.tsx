export function HouseholdNewPage(): React.JSX.Element {
  return <div>HouseholdNewPage</div>
}
