import { useEffect, useState } from 'react'
import { Anchor, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core'
import { IconCheck, IconCircleDashed } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api'
import { navigate } from '../../router'
import type { FirstSteps, FirstStepKey } from '../../../../shared/schemas/workshop'

/** Where each step is done. */
const STEP_PATHS: Record<FirstStepKey, string> = {
  halfDays: '/appointments',
  accounts: '/users',
  intake: '/households/new',
}

/**
 * A new organisation's first steps on the start screen, each linking to its screen and ticked
 * once main counts it done; gone once all are done.
 */
export function FirstStepsChecklist({
  allowed,
}: {
  /** Whether the role may ask (staff); the start screen knows the role. */
  allowed: boolean
}): React.JSX.Element | null {
  const { t } = useTranslation()
  const [steps, setSteps] = useState<FirstSteps | null>(null)
  useEffect(() => {
    if (!allowed) return
    let live = true
    call('firstSteps.get', {}).then(
      (s) => live && setSteps(s),
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [allowed])
  if (!steps?.show) return null
  return (
    <Paper withBorder p="md" radius="md" data-testid="first-steps">
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('workshop.firstSteps.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('workshop.firstSteps.intro')}
        </Text>
        {steps.steps.map((step) => (
          <Group key={step.key} gap="sm" wrap="nowrap">
            <ThemeIcon
              color={step.done ? 'teal' : 'gray'}
              variant={step.done ? 'filled' : 'light'}
              radius="xl"
              size="sm"
              role="img"
              aria-label={t(step.done ? 'workshop.firstSteps.done' : 'workshop.firstSteps.todo')}
            >
              {step.done ? <IconCheck size={14} /> : <IconCircleDashed size={14} />}
            </ThemeIcon>
            <Anchor
              href={`#${STEP_PATHS[step.key]}`}
              td={step.done ? 'line-through' : undefined}
              c={step.done ? 'dimmed' : undefined}
              onClick={(e) => {
                e.preventDefault()
                navigate(STEP_PATHS[step.key])
              }}
            >
              {t(`workshop.firstSteps.${step.key}`)}
            </Anchor>
          </Group>
        ))}
      </Stack>
    </Paper>
  )
}
