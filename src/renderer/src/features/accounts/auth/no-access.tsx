import { Anchor, Stack, Text, Title } from '@mantine/core'
import { IconLockAccess } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useSession } from '../../../common/hooks/use-session'

/** A page the role may not use (typed into the address, an old link): said plainly, no form. */
export function NoAccessPage(): React.JSX.Element {
  const { t } = useTranslation()
  const { role } = useSession().user
  return (
    <Stack gap="sm" maw={640} data-testid="no-access">
      <IconLockAccess size={40} color="var(--mantine-color-gray-6)" aria-hidden />
      <Title order={2}>{t('auth.noAccess.title')}</Title>
      <Text>{t('auth.noAccess.text', { role: t(`roles.${role}`) })}</Text>
      <Anchor href="#/">{t('auth.noAccess.back')}</Anchor>
    </Stack>
  )
}
