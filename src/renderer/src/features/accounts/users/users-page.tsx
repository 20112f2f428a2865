import 'mantine-datatable/styles.css'
import { useCallback, useState } from 'react'
import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  PasswordInput,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import { modals } from '@mantine/modals'
import { notifications } from '@mantine/notifications'
import { IconKey, IconPencil, IconUserCheck, IconUserOff, IconUserPlus } from '@tabler/icons-react'
import { DataTable } from 'mantine-datatable'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { call } from '../../../api'
import { ErrorAlert } from '../../../common/components/error-alert'
import { errorMessage, serverFieldErrors, showError, zodValidate } from '../../../common/forms'
import {
  ROLES,
  userCreateInput,
  userResetPasswordInput,
  userUpdateInput,
} from '../../../../../shared/schemas/accounts'
import type { Role, UserAccount } from '../../../../../shared/schemas/accounts'
import { instantText } from '../../../common/format'
import { useLoad } from '../../../common/hooks/use-load'
import { useSession } from '../../../common/hooks/use-session'

function roleOptions(t: TFunction): { value: Role; label: string }[] {
  return ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))
}

/** The admin's list of accounts: add one, change name or role, switch off, reset a password. */
export function UsersPage(): React.JSX.Element {
  const { t } = useTranslation()
  const me = useSession().user
  const loader = useCallback(() => call('users.list', {}), [])
  const { data: users, error, reload } = useLoad(loader)
  // Each account's leidinggevende, who handles step 1 of a complaint about that account.
  const managersLoader = useCallback(() => call('complaints.accounts', {}), [])
  const { data: complaintAccounts, reload: reloadManagers } = useLoad(managersLoader)
  const managerOf = new Map((complaintAccounts ?? []).map((a) => [a.id, a.manager]))
  const [creating, setCreating] = useState(false)
  const [editing, setEditing] = useState<UserAccount | null>(null)
  const [resetting, setResetting] = useState<UserAccount | null>(null)

  const setActive = async (u: UserAccount, active: boolean): Promise<void> => {
    try {
      await call('users.update', { id: u.id, active })
      notifications.show({
        color: 'teal',
        message: t(active ? 'users.disable.enabled' : 'users.disable.done', {
          name: u.displayName,
        }),
      })
      reload()
    } catch (err) {
      showError(t, err)
    }
  }

  const confirmDisable = (u: UserAccount): void => {
    modals.openConfirmModal({
      title: t('users.disable.title', { name: u.displayName }),
      children: <Text size="sm">{t('users.disable.text', { name: u.displayName })}</Text>,
      labels: { confirm: t('users.disable.confirm'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () => void setActive(u, false),
    })
  }

  return (
    <Stack gap="md" maw={1200}>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t('users.title')}</Title>
          <Text c="dimmed">{t('users.intro')}</Text>
        </div>
        <Button
          leftSection={<IconUserPlus size={16} aria-hidden />}
          onClick={() => setCreating(true)}
        >
          {t('users.new')}
        </Button>
      </Group>
      <ErrorAlert message={error ? errorMessage(t, error) : null} />
      <DataTable<UserAccount>
        withTableBorder
        borderRadius="md"
        striped
        highlightOnHover
        minHeight={users && users.length ? undefined : 160}
        fetching={users === null && !error}
        records={users ?? []}
        noRecordsText={t('users.empty')}
        aria-label={t('users.title')}
        columns={[
          {
            accessor: 'displayName',
            title: t('users.columns.name'),
            render: (u) => (
              <Group gap={6} wrap="nowrap">
                <Text size="sm" fw={500} c={u.active ? undefined : 'dimmed'}>
                  {u.displayName}
                </Text>
                {u.id === me.id ? (
                  <Text size="sm" c="dimmed">
                    ({t('users.you')})
                  </Text>
                ) : null}
              </Group>
            ),
          },
          { accessor: 'username', title: t('users.columns.username') },
          {
            accessor: 'role',
            title: t('users.columns.role'),
            // The leidinggevende under the role: a column of its own pushed the buttons off.
            render: (u) => {
              const manager = managerOf.get(u.id)
              return (
                <>
                  <Text size="sm">{t(`roles.${u.role}`)}</Text>
                  {manager ? (
                    <Text size="xs" c="dimmed">
                      {t('users.columns.managerOf', { name: manager.name })}
                    </Text>
                  ) : null}
                </>
              )
            },
          },
          {
            accessor: 'active',
            title: t('users.columns.status'),
            render: (u) => (
              <Stack gap={4} align="flex-start">
                <Badge
                  color={u.active ? 'teal' : 'gray'}
                  variant="light"
                  tt="none"
                  style={{ minWidth: 'max-content' }}
                >
                  {u.active ? t('users.status.active') : t('users.status.disabled')}
                </Badge>
                {u.mustChangePassword ? (
                  <Badge
                    color="orange"
                    variant="light"
                    tt="none"
                    style={{ minWidth: 'max-content' }}
                  >
                    {t('users.status.mustChange')}
                  </Badge>
                ) : null}
              </Stack>
            ),
          },
          {
            accessor: 'lastLoginAt',
            title: t('users.columns.lastLogin'),
            noWrap: true,
            render: (u) => (u.lastLoginAt ? instantText(u.lastLoginAt) : t('users.never')),
          },
          {
            accessor: 'actions',
            title: t('users.columns.actions'),
            textAlign: 'right',
            render: (u) => {
              const own = u.id === me.id
              return (
                // Words, not bare icons: a new beheerder should not have to hover to find out
                // which button resets a password and which one switches an account off.
                <Group gap={6} justify="flex-end" wrap="nowrap">
                  <Button
                    size="compact-sm"
                    variant="light"
                    leftSection={<IconPencil size={14} aria-hidden />}
                    aria-label={t('users.actions.editOf', { name: u.displayName })}
                    onClick={() => setEditing(u)}
                  >
                    {t('users.actions.edit')}
                  </Button>
                  <Button
                    size="compact-sm"
                    variant="light"
                    leftSection={<IconKey size={14} aria-hidden />}
                    aria-label={t('users.actions.resetOf', { name: u.displayName })}
                    onClick={() => setResetting(u)}
                  >
                    {t('users.actions.reset')}
                  </Button>
                  {u.active ? (
                    <Tooltip label={t('users.actions.ownAccount')} disabled={!own} withArrow>
                      {/* A disabled button gets no pointer events; the span shows why. */}
                      <span>
                        <Button
                          size="compact-sm"
                          variant="light"
                          color="red"
                          leftSection={<IconUserOff size={14} aria-hidden />}
                          aria-label={t('users.actions.disableOf', { name: u.displayName })}
                          aria-description={own ? t('users.actions.ownAccount') : undefined}
                          // Main refuses it too (ownAccount); here it is not even offered.
                          disabled={own}
                          onClick={() => confirmDisable(u)}
                        >
                          {t('users.actions.disable')}
                        </Button>
                      </span>
                    </Tooltip>
                  ) : (
                    <Button
                      size="compact-sm"
                      variant="light"
                      color="teal"
                      leftSection={<IconUserCheck size={14} aria-hidden />}
                      aria-label={t('users.actions.enableOf', { name: u.displayName })}
                      onClick={() => void setActive(u, true)}
                    >
                      {t('users.actions.enable')}
                    </Button>
                  )}
                </Group>
              )
            },
          },
        ]}
      />
      <Modal opened={creating} onClose={() => setCreating(false)} title={t('users.create.title')}>
        {creating && (
          <CreateUserForm
            onClose={() => setCreating(false)}
            onCreated={() => {
              setCreating(false)
              reload()
            }}
          />
        )}
      </Modal>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing ? t('users.edit.title', { name: editing.displayName }) : ''}
      >
        {editing && (
          <EditUserForm
            user={editing}
            own={editing.id === me.id}
            managerId={managerOf.get(editing.id)?.id ?? null}
            managers={(users ?? []).filter(
              (u) => u.active && u.role !== 'volunteer' && u.id !== editing.id,
            )}
            onClose={() => setEditing(null)}
            onSaved={() => {
              setEditing(null)
              reload()
              reloadManagers()
            }}
          />
        )}
      </Modal>
      <Modal
        opened={resetting !== null}
        onClose={() => setResetting(null)}
        title={resetting ? t('users.reset.title', { name: resetting.displayName }) : ''}
      >
        {resetting && (
          <ResetPasswordForm
            user={resetting}
            onClose={() => setResetting(null)}
            onDone={() => {
              setResetting(null)
              reload()
            }}
          />
        )}
      </Modal>
    </Stack>
  )
}

function FormButtons({
  onClose,
  submit,
  loading,
}: {
  onClose: () => void
  submit: string
  loading: boolean
}): React.JSX.Element {
  const { t } = useTranslation()
  return (
    <Group justify="flex-end" gap="sm">
      <Button variant="default" onClick={onClose}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={loading}>
        {submit}
      </Button>
    </Group>
  )
}

function CreateUserForm({
  onClose,
  onCreated,
}: {
  onClose: () => void
  onCreated: () => void
}): React.JSX.Element {
  const { t } = useTranslation()
  const [problem, setProblem] = useState<string | null>(null)
  const form = useForm<{
    username: string
    displayName: string
    role: Role | null
    password: string
  }>({
    initialValues: { username: '', displayName: '', role: 'volunteer', password: '' },
    validate: zodValidate(userCreateInput, t),
  })
  const submit = form.onSubmit(async (values) => {
    setProblem(null)
    try {
      const created = await call('users.create', userCreateInput.parse(values))
      notifications.show({
        color: 'teal',
        message: t('users.create.created', { name: created.displayName }),
      })
      onCreated()
    } catch (err) {
      const fields = serverFieldErrors(t, err)
      form.setErrors(fields)
      setProblem(errorMessage(t, err))
    }
  })
  const role = form.values.role
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          label={t('auth.fields.username')}
          description={t('auth.fields.usernameHelp')}
          required
          withAsterisk={false}
          maxLength={40}
          autoComplete="off"
          data-autofocus
          {...form.getInputProps('username')}
        />
        <TextInput
          label={t('auth.fields.displayName')}
          required
          withAsterisk={false}
          maxLength={80}
          {...form.getInputProps('displayName')}
        />
        <Select
          label={t('users.columns.role')}
          description={role ? t(`users.roleHelp.${role}`) : undefined}
          data={roleOptions(t)}
          allowDeselect={false}
          required
          withAsterisk={false}
          {...form.getInputProps('role')}
        />
        <PasswordInput
          label={t('users.create.password')}
          description={t('auth.fields.passwordHelp')}
          required
          withAsterisk={false}
          autoComplete="new-password"
          {...form.getInputProps('password')}
        />
        <Alert color="blue" variant="light">
          <Text size="sm">{t('users.create.explain')}</Text>
        </Alert>
        <ErrorAlert message={problem} />
        <FormButtons
          onClose={onClose}
          submit={t('users.create.submit')}
          loading={form.submitting}
        />
      </Stack>
    </form>
  )
}

function EditUserForm({
  user,
  own,
  managerId,
  managers,
  onClose,
  onSaved,
}: {
  user: UserAccount
  own: boolean
  managerId: number | null
  managers: UserAccount[]
  onClose: () => void
  onSaved: () => void
}): React.JSX.Element {
  const { t } = useTranslation()
  const [problem, setProblem] = useState<string | null>(null)
  const [manager, setManager] = useState<string | null>(managerId ? String(managerId) : null)
  const [managerError, setManagerError] = useState<string | undefined>(undefined)
  const form = useForm<{ id: number; displayName: string; role: Role }>({
    initialValues: { id: user.id, displayName: user.displayName, role: user.role },
    validate: zodValidate(userUpdateInput, t),
  })
  const submit = form.onSubmit(async (values) => {
    setProblem(null)
    setManagerError(undefined)
    try {
      const next = manager ? Number(manager) : null
      if (next !== managerId) {
        try {
          await call('complaints.setManager', { accountId: user.id, managerId: next })
        } catch (err) {
          setManagerError(serverFieldErrors(t, err).managerId)
          throw err
        }
      }
      const saved = await call(
        'users.update',
        own ? { id: values.id, displayName: values.displayName } : values,
      )
      notifications.show({
        color: 'teal',
        message: t('users.edit.saved', { name: saved.displayName }),
      })
      onSaved()
    } catch (err) {
      form.setErrors(serverFieldErrors(t, err))
      setProblem(errorMessage(t, err))
    }
  })
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput label={t('auth.fields.username')} value={user.username} readOnly disabled />
        <TextInput
          label={t('auth.fields.displayName')}
          required
          withAsterisk={false}
          maxLength={80}
          data-autofocus
          {...form.getInputProps('displayName')}
        />
        <Select
          label={t('users.columns.role')}
          description={own ? t('users.edit.ownRole') : t(`users.roleHelp.${form.values.role}`)}
          data={roleOptions(t)}
          allowDeselect={false}
          disabled={own}
          {...form.getInputProps('role')}
        />
        <Select
          label={t('users.edit.manager')}
          description={t('users.edit.managerHelp')}
          data={managers.map((m) => ({ value: String(m.id), label: m.displayName }))}
          value={manager}
          onChange={setManager}
          error={managerError}
          clearable
          searchable
        />
        <ErrorAlert message={problem} />
        <FormButtons onClose={onClose} submit={t('users.edit.submit')} loading={form.submitting} />
      </Stack>
    </form>
  )
}

function ResetPasswordForm({
  user,
  onClose,
  onDone,
}: {
  user: UserAccount
  onClose: () => void
  onDone: () => void
}): React.JSX.Element {
  const { t } = useTranslation()
  const [problem, setProblem] = useState<string | null>(null)
  const form = useForm({
    initialValues: { id: user.id, password: '' },
    validate: zodValidate(userResetPasswordInput, t),
  })
  const submit = form.onSubmit(async (values) => {
    setProblem(null)
    try {
      await call('users.resetPassword', values)
      notifications.show({
        color: 'teal',
        message: t('users.reset.done', { name: user.displayName }),
      })
      onDone()
    } catch (err) {
      form.setErrors(serverFieldErrors(t, err))
      setProblem(errorMessage(t, err))
    }
  })
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <PasswordInput
          label={t('users.reset.password')}
          description={t('auth.fields.passwordHelp')}
          required
          withAsterisk={false}
          autoComplete="new-password"
          data-autofocus
          {...form.getInputProps('password')}
        />
        <Alert color="blue" variant="light">
          <Text size="sm">{t('users.reset.explain', { name: user.displayName })}</Text>
        </Alert>
        <ErrorAlert message={problem} />
        <FormButtons onClose={onClose} submit={t('users.reset.submit')} loading={form.submitting} />
      </Stack>
    </form>
  )
}
