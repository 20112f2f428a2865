export function DashboardPage(): React.JSX.Element {
  return <div>DashboardPage</div>
}
