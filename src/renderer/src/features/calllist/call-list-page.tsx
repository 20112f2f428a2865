export function CallListPage(): React.JSX.Element {
  return <div>CallListPage</div>
}
