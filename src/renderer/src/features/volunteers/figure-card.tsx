import { useId } from 'react'
import { Card, Text } from '@mantine/core'

/** One figure: its name, the number alone in an element (found by its test id), its definition. */
export function FigureCard({
  label,
  help,
  testId,
  value,
}: {
  label: string
  help: string
  testId: string
  value: string
}): React.JSX.Element {
  const helpId = useId()
  return (
    <Card withBorder padding="sm">
      <Text component="dt" fw={600} size="sm">
        {label}
      </Text>
      <Text component="dd" m={0} fz={28} fw={700} lh={1.2} aria-describedby={helpId}>
        <span data-testid={testId}>{value}</span>
      </Text>
      {/* A second description: a list of terms may hold nothing but terms and descriptions. */}
      <Text component="dd" m={0} size="xs" c="dimmed" id={helpId}>
        {help}
      </Text>
    </Card>
  )
}
