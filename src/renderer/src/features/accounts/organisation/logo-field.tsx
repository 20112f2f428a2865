import { useState } from 'react'
import { Button, FileInput, Group, Image, Paper, Stack } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { fieldMessage } from '../../../common/forms'
import { issuesToFieldErrors } from '../../../../../shared/validation'
import { logoDataUrl } from '../../../../../shared/schemas/accounts'

const ACCEPT = ['image/png', 'image/jpeg']

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result))
    reader.onerror = () => reject(reader.error)
    reader.readAsDataURL(file)
  })
}

interface Props {
  /** A PNG or JPEG as a data URL, or null. */
  value: string | null
  onChange: (value: string | null) => void
  /** A message from the form (main's own check), shown when the field has none of its own. */
  error?: React.ReactNode
}

/**
 * The organisation's logo: a PNG or JPEG of at most about 300 kB, kept as a data URL (the page's
 * security policy allows `data:` images and nothing remote), with a preview.
 */
export function LogoField({ value, onChange, error }: Props): React.JSX.Element {
  const { t } = useTranslation()
  const [file, setFile] = useState<File | null>(null)
  const [problem, setProblem] = useState<string | null>(null)

  const choose = async (f: File | null): Promise<void> => {
    setFile(f)
    setProblem(null)
    if (!f) {
      onChange(null)
      return
    }
    if (!ACCEPT.includes(f.type)) {
      setProblem(t('validation.logoFormat'))
      return
    }
    // Larger files cannot fit main's limit on the data URL; no need to read them.
    if (f.size > 300 * 1024) {
      setProblem(t('validation.logoTooLarge'))
      return
    }
    const dataUrl = await readAsDataUrl(f)
    const parsed = logoDataUrl.safeParse(dataUrl)
    if (!parsed.success) {
      setProblem(fieldMessage(t, issuesToFieldErrors(parsed.error.issues)[0]))
      return
    }
    onChange(dataUrl)
  }

  return (
    <Stack gap="xs">
      <FileInput
        label={t('auth.fields.logo')}
        description={t('auth.fields.logoHelp')}
        placeholder={t('auth.fields.logoChoose')}
        accept={ACCEPT.join(',')}
        value={file}
        onChange={(f) => void choose(f)}
        error={problem ?? error}
        clearable
      />
      {value ? (
        <Group gap="sm" align="center">
          <Paper withBorder p={6} radius="sm">
            <Image
              src={value}
              alt={t('auth.fields.logoPreview')}
              h={64}
              w="auto"
              fit="contain"
              maw={200}
            />
          </Paper>
          <Button
            variant="subtle"
            color="gray"
            size="xs"
            onClick={() => {
              setFile(null)
              setProblem(null)
              onChange(null)
            }}
          >
            {t('auth.fields.logoRemove')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  )
}
