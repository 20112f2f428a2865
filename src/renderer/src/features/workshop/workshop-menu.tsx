import { Menu, Text } from '@mantine/core'
import { modals } from '@mantine/modals'
import { IconArrowBack, IconPrinter, IconRefresh, IconSchool } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api'
import { downloadFile } from '../../common/download'
import { showError } from '../../common/forms'
import { useCan } from '../../common/hooks/use-session'
import { isDemo, useWorkshop } from './status'

/**
 * The oefenomgeving in the user menu, for admins and coordinators: open it (real data), or inside
 * it reset the demo, print the logins sheet and go back to the real data.
 */
export function WorkshopMenuItems({
  onSwitch,
}: {
  /** Asks the real login for a switch (the dialog lives outside the menu, which closes). */
  onSwitch: (mode: 'open' | 'leave') => void
}): React.JSX.Element | null {
  const { t } = useTranslation()
  const can = useCan()
  const { status, switched } = useWorkshop()
  if (!can('workshop.reset')) return null
  const demo = isDemo(status)

  const reset = (): void => {
    modals.openConfirmModal({
      title: <Text fw={700}>{t('workshop.resetConfirm.title')}</Text>,
      children: <Text size="sm">{t('workshop.resetConfirm.text')}</Text>,
      labels: {
        confirm: t('workshop.resetConfirm.confirm'),
        cancel: t('workshop.resetConfirm.cancel'),
      },
      confirmProps: { color: 'orange' },
      onConfirm: () => {
        call('workshop.reset', {}).then(switched, (err) => showError(t, err))
      },
    })
  }

  const sheet = (): void => {
    call('workshop.loginsSheet', {}).then(
      (file) => downloadFile(file.pdf),
      (err) => showError(t, err),
    )
  }

  return (
    <>
      <Menu.Divider />
      {demo ? (
        <>
          <Menu.Item leftSection={<IconRefresh size={16} aria-hidden />} onClick={reset}>
            {t('workshop.reset')}
          </Menu.Item>
          <Menu.Item leftSection={<IconPrinter size={16} aria-hidden />} onClick={sheet}>
            {t('workshop.sheet')}
          </Menu.Item>
          <Menu.Item
            leftSection={<IconArrowBack size={16} aria-hidden />}
            onClick={() => onSwitch('leave')}
          >
            {t('workshop.leave')}
          </Menu.Item>
        </>
      ) : (
        <>
          <Menu.Item
            leftSection={<IconSchool size={16} aria-hidden />}
            onClick={() => onSwitch('open')}
          >
            {t('workshop.open')}
          </Menu.Item>
          <Menu.Item leftSection={<IconPrinter size={16} aria-hidden />} onClick={sheet}>
            {t('workshop.sheet')}
          </Menu.Item>
        </>
      )}
    </>
  )
}
