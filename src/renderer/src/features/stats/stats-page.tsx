export function StatsPage(): React.JSX.Element {
  return <div>StatsPage</div>
}
