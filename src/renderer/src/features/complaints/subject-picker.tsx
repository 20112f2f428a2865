import { useState } from 'react'
import { Button, Group, Paper, Stack, Text, TextInput, UnstyledButton } from '@mantine/core'
import { IconSearch } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { showError } from '../../common/forms'

export interface PickedRecord {
  id: number
  label: string
  detail?: string
}

/**
 * Finds a household or person of the app by a search main answers, and picks one. The search
 * runs on Enter or the button, not per keystroke: each search of households is a call main logs.
 */
export function SubjectPicker({
  label,
  placeholder,
  value,
  onChange,
  search,
  error,
  required,
}: {
  label: string
  placeholder: string
  value: PickedRecord | null
  onChange: (v: PickedRecord | null) => void
  search: (query: string) => Promise<PickedRecord[]>
  error?: string
  required?: boolean
}): React.JSX.Element {
  const { t } = useTranslation()
  const [query, setQuery] = useState('')
  const [found, setFound] = useState<PickedRecord[] | null>(null)
  const [busy, setBusy] = useState(false)

  const run = async (): Promise<void> => {
    if (query.trim().length < 2) return
    setBusy(true)
    try {
      setFound(await search(query.trim()))
    } catch (err) {
      showError(t, err)
    } finally {
      setBusy(false)
    }
  }

  if (value)
    return (
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {label}
        </Text>
        <Group gap="sm">
          <Paper withBorder px="sm" py={4}>
            <Text size="sm" data-testid="picked-subject">
              {value.label}
              {value.detail ? (
                <Text span c="dimmed" size="sm">
                  {' '}
                  · {value.detail}
                </Text>
              ) : null}
            </Text>
          </Paper>
          <Button variant="subtle" size="xs" onClick={() => onChange(null)}>
            {t('complaints.form.change')}
          </Button>
        </Group>
      </Stack>
    )

  return (
    <Stack gap={4}>
      <Group align="flex-end" gap="xs">
        <TextInput
          label={label}
          placeholder={placeholder}
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault()
              void run()
            }
          }}
          error={error}
          required={required}
          style={{ flex: 1 }}
        />
        <Button
          variant="default"
          loading={busy}
          leftSection={<IconSearch size={14} aria-hidden />}
          onClick={() => void run()}
          mb={error ? 22 : 0}
        >
          {t('common.search')}
        </Button>
      </Group>
      {found && found.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('complaints.form.noMatch')}
        </Text>
      )}
      {found && found.length > 0 && (
        <Paper withBorder p={4}>
          <Stack gap={0} role="listbox" aria-label={label}>
            {found.map((r) => (
              <UnstyledButton
                key={r.id}
                role="option"
                aria-selected={false}
                px="sm"
                py={6}
                onClick={() => {
                  onChange(r)
                  setFound(null)
                }}
              >
                <Text size="sm">
                  {r.label}
                  {r.detail ? (
                    <Text span c="dimmed" size="sm">
                      {' '}
                      · {r.detail}
                    </Text>
                  ) : null}
                </Text>
              </UnstyledButton>
            ))}
          </Stack>
        </Paper>
      )}
    </Stack>
  )
}
