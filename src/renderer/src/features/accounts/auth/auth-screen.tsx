import { Box, Center, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { Language } from '../../../i18n/base'
import { chooseLanguage } from '../../../i18n/computer-language'

/** The language switch, in the header and on the screens before anyone is logged in. */
export function LanguageSwitch(): React.JSX.Element {
  const { t, i18n } = useTranslation()
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('app.language')}
      value={i18n.language}
      onChange={(v) => void chooseLanguage(v as Language)}
      data={[
        { value: 'nl', label: 'NL' },
        { value: 'en', label: 'EN' },
      ]}
    />
  )
}

interface Props {
  title: string
  organisationName?: string | null
  width?: number
  /** Shown above the screen (the oefenomgeving's band). */
  band?: React.ReactNode
  children: React.ReactNode
}

/**
 * The frame of the screens shown instead of the app (setup, login, lock, a forced password
 * change): nothing of the app's data is mounted behind them.
 */
export function AuthScreen({
  title,
  organisationName,
  width = 420,
  band,
  children,
}: Props): React.JSX.Element {
  const { t } = useTranslation()
  return (
    <>
      {band}
      <Box mih="100vh" bg="gray.0" py="xl" px="md" component="main">
        <Center>
          <Stack w="100%" maw={width} gap="md">
            <Group justify="space-between" align="center">
              <div>
                <Text fw={700} size="xl" c="teal.8">
                  {t('app.name')}
                </Text>
                {organisationName ? (
                  <Text size="sm" c="dimmed" data-testid="organisation-name">
                    {organisationName}
                  </Text>
                ) : null}
              </div>
              <LanguageSwitch />
            </Group>
            <Paper withBorder shadow="sm" p="lg" radius="md">
              <Title order={1} size="h2" mb="md">
                {title}
              </Title>
              {children}
            </Paper>
          </Stack>
        </Center>
      </Box>
    </>
  )
}
