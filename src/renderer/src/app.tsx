import { lazy, Suspense } from 'react'
import { AppShell, Group, Loader, NavLink, SegmentedControl, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { matchPath, navigate, recordId, useHashPath } from './router'
import { PageErrorBoundary } from './components/page-error-boundary'
import { setLanguage, type Language } from './i18n'

// Each screen is its own chunk, loaded when first opened, so the app's first paint stays light.
const DashboardPage = lazy(() =>
  import('./features/dashboard/dashboard-page').then((m) => ({ default: m.DashboardPage })),
)
const HouseholdsPage = lazy(() =>
  import('./features/households/households-page').then((m) => ({ default: m.HouseholdsPage })),
)
const HouseholdNewPage = lazy(() =>
  import('./features/households/household-new-page').then((m) => ({
    default: m.HouseholdNewPage,
  })),
)
const HouseholdDetailPage = lazy(() =>
  import('./features/households/household-detail-page').then((m) => ({
    default: m.HouseholdDetailPage,
  })),
)
const HouseholdEditPage = lazy(() =>
  import('./features/households/household-edit-page').then((m) => ({
    default: m.HouseholdEditPage,
  })),
)
const IntakeNewPage = lazy(() =>
  import('./features/households/intake-new-page').then((m) => ({ default: m.IntakeNewPage })),
)
const AppointmentsPage = lazy(() =>
  import('./features/appointments/appointments-page').then((m) => ({
    default: m.AppointmentsPage,
  })),
)
const DayPage = lazy(() =>
  import('./features/appointments/day-page').then((m) => ({ default: m.DayPage })),
)
const VisitNewPage = lazy(() =>
  import('./features/visits/visit-new-page').then((m) => ({ default: m.VisitNewPage })),
)
const CallListPage = lazy(() =>
  import('./features/calllist/call-list-page').then((m) => ({ default: m.CallListPage })),
)
const StatsPage = lazy(() =>
  import('./features/stats/stats-page').then((m) => ({ default: m.StatsPage })),
)
const SettingsPage = lazy(() =>
  import('./features/settings/settings-page').then((m) => ({ default: m.SettingsPage })),
)

type Params = Record<string, string>
type Render = (p: Params) => React.JSX.Element | null

/** A route on a record's id: anything but a positive number there is "not found". */
function withId(render: (id: number) => React.JSX.Element): Render {
  return (p) => {
    const id = recordId(p.id)
    return id === null ? null : render(id)
  }
}

const ROUTES: [string, Render][] = [
  ['/', () => <DashboardPage />],
  ['/households', () => <HouseholdsPage />],
  ['/households/new', () => <HouseholdNewPage />],
  ['/households/:id', withId((id) => <HouseholdDetailPage id={id} />)],
  ['/households/:id/edit', withId((id) => <HouseholdEditPage id={id} />)],
  ['/households/:id/intake', withId((id) => <IntakeNewPage householdId={id} />)],
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
      <AppShell.Main>
        <PageErrorBoundary resetKey={path}>
          <Suspense fallback={<Loader size="sm" aria-label={t('common.loading')} />}>
            {page ?? <Text>{t('errors.notFound')}</Text>}
          </Suspense>
        </PageErrorBoundary>
      </AppShell.Main>
    </AppShell>
  )
}
