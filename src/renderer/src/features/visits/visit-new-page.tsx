export function VisitNewPage(_props: {
  householdId: number
  appointmentId?: number
}): React.JSX.Element {
  return <div>VisitNewPage</div>
}
