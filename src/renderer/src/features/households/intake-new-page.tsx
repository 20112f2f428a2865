export function IntakeNewPage(_props: { householdId: number }): React.JSX.Element {
  return <div>IntakeNewPage</div>
}
