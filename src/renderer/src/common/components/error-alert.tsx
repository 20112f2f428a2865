import { Alert } from '@mantine/core'

/** The one way a screen shows a message from main that is not about a single field. */
export function ErrorAlert({
  message,
}: {
  message: string | null | undefined
}): React.JSX.Element | null {
  if (!message) return null
  return (
    <Alert color="red" variant="light" role="alert">
      {message}
    </Alert>
  )
}
