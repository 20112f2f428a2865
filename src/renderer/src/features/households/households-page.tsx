export function HouseholdsPage(): React.JSX.Element {
  return <div>HouseholdsPage</div>
}
