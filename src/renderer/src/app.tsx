import { AppShell, Group, NavLink, SegmentedControl, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { matchPath, navigate, useHashPath } from './router'
import { setLanguage, type Language } from './i18n'
import { DashboardPage } from './features/dashboard/dashboard-page'
import { HouseholdsPage } from './features/households/households-page'
import { HouseholdNewPage } from './features/households/household-new-page'
import { HouseholdDetailPage } from './features/households/household-detail-page'
import { HouseholdEditPage } from './features/households/household-edit-page'
import { IntakeNewPage } from './features/households/intake-new-page'
import { AppointmentsPage } from './features/appointments/appointments-page'
import { DayPage } from './features/appointments/day-page'
import { VisitNewPage } from './features/visits/visit-new-page'
import { CallListPage } from './features/calllist/call-list-page'
import { StatsPage } from './features/stats/stats-page'
import { SettingsPage } from './features/settings/settings-page'

type Params = Record<string, string>
const ROUTES: [string, (p: Params) => React.JSX.Element][] = [
  ['/', () => <DashboardPage />],
  ['/households', () => <HouseholdsPage />],
  ['/households/new', () => <HouseholdNewPage />],
  ['/households/:id', (p) => <HouseholdDetailPage id={Number(p.id)} />],
  ['/households/:id/edit', (p) => <HouseholdEditPage id={Number(p.id)} />],
  ['/households/:id/intake', (p) => <IntakeNewPage householdId={Number(p.id)} />],
  ['/appointments', (p) => <AppointmentsPage week={p.week} />],
  ['/appointments/day/:date', (p) => <DayPage date={p.date} />],
  [
    '/visits/new',
    (p) => (
      <VisitNewPage
        householdId={Number(p.household)}
        appointmentId={p.appointment ? Number(p.appointment) : undefined}
      />
    ),
  ],
  ['/calllist', () => <CallListPage />],
  ['/stats', () => <StatsPage />],
  ['/settings', () => <SettingsPage />],
]

const NAV = [
  { path: '/', key: 'nav.dashboard' },
  { path: '/households', key: 'nav.households' },
  { path: '/appointments', key: 'nav.appointments' },
  { path: '/calllist', key: 'nav.callList' },
  { path: '/stats', key: 'nav.stats' },
  { path: '/settings', key: 'nav.settings' },
] as const

export function App(): React.JSX.Element {
  const { t, i18n } = useTranslation()
  const path = useHashPath()
  let page: React.JSX.Element | null = null
  for (const [pattern, render] of ROUTES) {
    const params = matchPath(pattern, path)
    if (params) {
      page = render(params)
      break
    }
  }
  const section = '/' + (path.split('?')[0].split('/')[1] ?? '')
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 0 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Title order={3} c="teal.8">
            {t('app.name')}
          </Title>
          <SegmentedControl
            size="xs"
            aria-label={t('app.language')}
            value={i18n.language}
            onChange={(v) => setLanguage(v as Language)}
            data={[
              { value: 'nl', label: 'NL' },
              { value: 'en', label: 'EN' },
            ]}
          />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label="Menu">
        {NAV.map((n) => (
          <NavLink
            key={n.path}
            href={`#${n.path}`}
            label={t(n.key)}
            active={n.path === section}
            onClick={(e) => {
              e.preventDefault()
              navigate(n.path)
            }}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>{page ?? <Text>{t('errors.notFound')}</Text>}</AppShell.Main>
    </AppShell>
  )
}
