export function SettingsPage(): React.JSX.Element {
  return <div>SettingsPage</div>
}
