export function DayPage(_props: { date: string }): React.JSX.Element {
  return <div>DayPage</div>
}
