import { useState } from 'react'
import { Button, Divider, Drawer, Stack, Text, Title } from '@mantine/core'
import { useDisclosure, useHotkeys } from '@mantine/hooks'
import { notifications } from '@mantine/notifications'
import { IconDownload, IconHelp } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api'
import { saveDownload } from '../../common/download'
import { showError } from '../../common/forms'
import { useHashPath } from '../../router'
import { QUICK_GUIDES, type QuickGuide } from '../../../../shared/schemas/search'
import { helpTopic } from './help-topics'
import './texts'

/**
 * "Help" in the header, and F1 from every screen behind the login: a side panel with a few lines
 * about the screen that is open (chosen by its route), and the two quick guides to print.
 */
export function HelpButton(): React.JSX.Element {
  const { t } = useTranslation()
  const [opened, { open, close, toggle }] = useDisclosure(false)
  const path = useHashPath()
  // F1 also while typing in a field: that is when a question comes up.
  useHotkeys([['F1', toggle]], [])
  const topic = helpTopic(path)
  const paragraphs = t(`help.topics.${topic}.body`).split('\n\n')
  return (
    <>
      <Button
        variant="default"
        size="xs"
        leftSection={<IconHelp size={16} aria-hidden />}
        title={t('help.buttonHint')}
        onClick={open}
      >
        {t('help.button')}
      </Button>
      <Drawer
        opened={opened}
        onClose={close}
        position="right"
        size="md"
        title={t('help.panelTitle')}
      >
        <Stack gap="sm" data-testid="help-panel" data-topic={topic}>
          <Title order={3}>{t(`help.topics.${topic}.title`)}</Title>
          {paragraphs.map((p) => (
            <Text key={p}>{p}</Text>
          ))}
          <Text size="sm" c="dimmed">
            {t('help.searchTip')}
          </Text>
          <Divider my="sm" />
          <Title order={4}>{t('help.guidesTitle')}</Title>
          {QUICK_GUIDES.map((guide) => (
            <GuideButton key={guide} guide={guide} />
          ))}
        </Stack>
      </Drawer>
    </>
  )
}

/** Main makes the guide's PDF; it is saved like every other file main makes, by its ticket. */
function GuideButton({ guide }: { guide: QuickGuide }): React.JSX.Element {
  const { t } = useTranslation()
  const [busy, setBusy] = useState(false)
  const download = async (): Promise<void> => {
    setBusy(true)
    try {
      const file = await call('help.quickGuide', { guide })
      if (!(await saveDownload(file))) return
      notifications.show({
        color: 'teal',
        message: t('help.guideSaved', { filename: file.filename }),
      })
    } catch (err) {
      showError(t, err)
    } finally {
      setBusy(false)
    }
  }
  return (
    <Button
      variant="light"
      justify="flex-start"
      loading={busy}
      leftSection={<IconDownload size={16} aria-hidden />}
      onClick={() => void download()}
    >
      {t(`help.guides.${guide}`)}
    </Button>
  )
}
