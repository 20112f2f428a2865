import { useId } from 'react'
import { Card, Text } from '@mantine/core'

/**
 * One figure on a card: its name, the number (in an element holding only the number, found by
 * its test id) and its definition, which the number is described by for screen readers.
 */
export function Figure({
  label,
  help,
  testId,
  value,
  suffix = '',
}: {
  label: string
  help: string
  testId: string
  value: string
  suffix?: string
}): React.JSX.Element {
  const helpId = useId()
  return (
    <Card withBorder padding="md">
      <Text component="dt" fw={600}>
        {label}
      </Text>
      <Text component="dd" m={0} fz={32} fw={700} lh={1.2} aria-describedby={helpId}>
        <span data-testid={testId}>{value}</span>
        {suffix}
      </Text>
      {/* A second description: a list of terms may hold nothing but terms and descriptions. */}
      <Text component="dd" m={0} size="xs" c="dimmed" id={helpId}>
        {help}
      </Text>
    </Card>
  )
}
