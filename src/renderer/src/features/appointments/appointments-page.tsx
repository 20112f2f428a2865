export function AppointmentsPage(_props: { week?: string }): React.JSX.Element {
  return <div>AppointmentsPage</div>
}
