import { Fragment, lazy, Suspense, useState } from 'react'
import {
  AppShell,
  Button,
  Group,
  Loader,
  Menu,
  NavLink,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core'
import { IconChevronDown, IconKey, IconLock, IconLogout } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { matchPath, navigate, recordId, useHashPath } from './router'
import { PageErrorBoundary } from './common/components/page-error-boundary'
import { useCloseMessagesOnPageChange } from './common/hooks/use-close-messages-on-page-change'
import type { MethodName } from '../../shared/api'
import { LanguageSwitch } from './features/accounts/auth/auth-screen'
import { ChangePasswordModal } from './features/accounts/auth/change-password'
import { NoAccessPage } from './features/accounts/auth/no-access'
import { useCan, useSessionApi } from './common/hooks/use-session'
import { RecoveryKeyPrompt } from './features/backup/recovery-key-modal'
import { SIDE_MENU_WIDTH } from './common/components/messages'
import { BAND_HEIGHT, SwitchModal, WorkshopBand, isDemo, useWorkshop } from './features/workshop'
import { WorkshopMenuItems } from './features/workshop/workshop-menu'
import { SearchButton, SearchSpotlight } from './features/search'
import { HelpButton } from './features/help'
// The menu names two screens of the areas feature, so its few texts come with the app.
import './features/areas/texts'

// Each screen is its own chunk, loaded when first opened, so the app's first paint stays light.
const DashboardPage = lazy(() =>
  import('./features/shop/dashboard/dashboard-page').then((m) => ({ default: m.DashboardPage })),
)
const HouseholdsPage = lazy(() =>
  import('./features/shop/households/households-page').then((m) => ({ default: m.HouseholdsPage })),
)
const HouseholdNewPage = lazy(() =>
  import('./features/shop/households/household-new-page').then((m) => ({
    default: m.HouseholdNewPage,
  })),
)
const HouseholdDetailPage = lazy(() =>
  import('./features/shop/households/household-detail-page').then((m) => ({
    default: m.HouseholdDetailPage,
  })),
)
const HouseholdEditPage = lazy(() =>
  import('./features/shop/households/household-edit-page').then((m) => ({
    default: m.HouseholdEditPage,
  })),
)
const IntakeNewPage = lazy(() =>
  import('./features/shop/households/intake-new-page').then((m) => ({ default: m.IntakeNewPage })),
)
const AppointmentsPage = lazy(() =>
  import('./features/shop/appointments/appointments-page').then((m) => ({
    default: m.AppointmentsPage,
  })),
)
const DayPage = lazy(() =>
  import('./features/shop/appointments/day-page').then((m) => ({ default: m.DayPage })),
)
const VisitNewPage = lazy(() =>
  import('./features/shop/visits/visit-new-page').then((m) => ({ default: m.VisitNewPage })),
)
const CallListPage = lazy(() =>
  import('./features/shop/calllist/call-list-page').then((m) => ({ default: m.CallListPage })),
)
const CollectionsPage = lazy(() =>
  import('./features/collections/collections-page').then((m) => ({
    default: m.CollectionsPage,
  })),
)
const CollectionPage = lazy(() =>
  import('./features/collections/collection-page').then((m) => ({ default: m.CollectionPage })),
)
const PartnersPage = lazy(() =>
  import('./features/partners/partners-page').then((m) => ({ default: m.PartnersPage })),
)
const ImportPage = lazy(() =>
  import('./features/imports/import-page').then((m) => ({ default: m.ImportPage })),
)
const StatsPage = lazy(() =>
  import('./features/shop/stats/stats-page').then((m) => ({ default: m.StatsPage })),
)
const SettingsPage = lazy(() =>
  import('./features/shop/settings/settings-page').then((m) => ({ default: m.SettingsPage })),
)

// The volunteers domain: coordinator and admin only (main refuses a volunteer every call).
const VolunteersDashboardPage = lazy(() =>
  import('./features/volunteers/dashboard-page').then((m) => ({
    default: m.VolunteersDashboardPage,
  })),
)
const PeoplePage = lazy(() =>
  import('./features/volunteers/people-page').then((m) => ({ default: m.PeoplePage })),
)
const PersonNewPage = lazy(() =>
  import('./features/volunteers/person-new-page').then((m) => ({ default: m.PersonNewPage })),
)
const PersonPage = lazy(() =>
  import('./features/volunteers/person-page').then((m) => ({ default: m.PersonPage })),
)
const HostsPage = lazy(() =>
  import('./features/volunteers/hosts-page').then((m) => ({ default: m.HostsPage })),
)
const VacanciesPage = lazy(() =>
  import('./features/volunteers/vacancies-page').then((m) => ({ default: m.VacanciesPage })),
)
const VacancyPage = lazy(() =>
  import('./features/volunteers/vacancy-page').then((m) => ({ default: m.VacancyPage })),
)
const MatchingPage = lazy(() =>
  import('./features/volunteers/matching-page').then((m) => ({ default: m.MatchingPage })),
)
const PlacementsBoardPage = lazy(() =>
  import('./features/volunteers/placements-board-page').then((m) => ({
    default: m.PlacementsBoardPage,
  })),
)
const HoursPage = lazy(() =>
  import('./features/volunteers/hours-page').then((m) => ({ default: m.HoursPage })),
)
const VolunteersSettingsPage = lazy(() =>
  import('./features/volunteers/settings-page').then((m) => ({
    default: m.VolunteersSettingsPage,
  })),
)
const VolunteersStatsPage = lazy(() =>
  import('./features/volunteers/stats-page').then((m) => ({ default: m.VolunteersStatsPage })),
)

const UsersPage = lazy(() =>
  import('./features/accounts/users/users-page').then((m) => ({ default: m.UsersPage })),
)
const AuditPage = lazy(() =>
  import('./features/audit/audit-page').then((m) => ({ default: m.AuditPage })),
)
const RetentionPage = lazy(() =>
  import('./features/retention/retention-page').then((m) => ({ default: m.RetentionPage })),
)
// Complaints: coordinator and admin only; their texts come with these chunks (complaints/texts.ts).
const ComplaintsPage = lazy(() =>
  import('./features/complaints/complaints-page').then((m) => ({ default: m.ComplaintsPage })),
)
const ComplaintNewPage = lazy(() =>
  import('./features/complaints/complaint-new-page').then((m) => ({
    default: m.ComplaintNewPage,
  })),
)
const ComplaintPage = lazy(() =>
  import('./features/complaints/complaint-page').then((m) => ({ default: m.ComplaintPage })),
)
const LetterTemplatesPage = lazy(() =>
  import('./features/complaints/letter-templates-page').then((m) => ({
    default: m.LetterTemplatesPage,
  })),
)
const AnnualReportPage = lazy(() =>
  import('./features/complaints/annual-report-page').then((m) => ({
    default: m.AnnualReportPage,
  })),
)
const ComplaintSettingsPage = lazy(() =>
  import('./features/complaints/complaint-settings-page').then((m) => ({
    default: m.ComplaintSettingsPage,
  })),
)
const SubsidyPage = lazy(() =>
  import('./features/reports/subsidy-page').then((m) => ({ default: m.SubsidyPage })),
)
const TrainingsPage = lazy(() =>
  import('./features/trainings/trainings-page').then((m) => ({ default: m.TrainingsPage })),
)
const HelpRequestsPage = lazy(() =>
  import('./features/support/help-requests-page').then((m) => ({ default: m.HelpRequestsPage })),
)
const HelpRequestPage = lazy(() =>
  import('./features/support/help-request-page').then((m) => ({ default: m.HelpRequestPage })),
)
const CarersPage = lazy(() =>
  import('./features/support/carers-page').then((m) => ({ default: m.CarersPage })),
)
const ActivitiesPage = lazy(() =>
  import('./features/reports/activities-page').then((m) => ({ default: m.ActivitiesPage })),
)
// Outcome indicators (issue 17): staff only, like the report they feed.
const SatisfactionPage = lazy(() =>
  import('./features/outcomes/satisfaction-page').then((m) => ({ default: m.SatisfactionPage })),
)
const StoriesPage = lazy(() =>
  import('./features/outcomes/stories-page').then((m) => ({ default: m.StoriesPage })),
)
// Areas as a tree, the team's figures and two reports side by side (issue 17).
const AreasPage = lazy(() =>
  import('./features/areas/areas-page').then((m) => ({ default: m.AreasPage })),
)
const TeamPage = lazy(() =>
  import('./features/areas/team-page').then((m) => ({ default: m.TeamPage })),
)
const ComparePage = lazy(() =>
  import('./features/reports/compare-page').then((m) => ({ default: m.ComparePage })),
)
const BackupsPage = lazy(() =>
  import('./features/backup/backups-page').then((m) => ({ default: m.BackupsPage })),
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

/**
 * Each route names the method its page cannot do without; a role that may not call it gets "Geen
 * toegang" instead of the page (main refuses the call anyway, see api.ts).
 */
const ROUTES: [string, MethodName, Render][] = [
  ['/', 'shop.dashboard', () => <DashboardPage />],
  ['/households', 'households.search', () => <HouseholdsPage />],
  ['/households/new', 'households.create', () => <HouseholdNewPage />],
  ['/households/:id', 'households.get', withId((id) => <HouseholdDetailPage id={id} />)],
  ['/households/:id/edit', 'households.update', withId((id) => <HouseholdEditPage id={id} />)],
  ['/households/:id/intake', 'intakes.create', withId((id) => <IntakeNewPage householdId={id} />)],
  ['/appointments', 'slots.list', (p) => <AppointmentsPage week={p.week} />],
  ['/appointments/day/:date', 'appointments.byDay', (p) => <DayPage date={p.date} />],
  [
    '/visits/new',
    'visits.register',
    (p) => (
      <VisitNewPage
        householdId={Number(p.household)}
        appointmentId={p.appointment ? Number(p.appointment) : undefined}
      />
    ),
  ],
  ['/calllist', 'households.callList', () => <CallListPage />],
  ['/collections', 'collections.list', () => <CollectionsPage />],
  ['/collections/:id', 'collections.callList', withId((id) => <CollectionPage id={id} />)],
  ['/stats', 'shop.stats', () => <StatsPage />],
  // Every role reads the map (volunteers refer families at the counter); adding and changing
  // entries is offered to staff only, on the page itself.
  ['/partners', 'partners.list', () => <PartnersPage />],
  // The spreadsheet import: coordinators and the admin (the first-run wizard links here).
  ['/import', 'imports.run', () => <ImportPage />],
  // Coordinators keep the lists; the shop settings themselves are the admin's (read-only here).
  ['/volunteers', 'volunteers.dashboard', () => <VolunteersDashboardPage />],
  [
    '/volunteers/people',
    'people.search',
    (p) => <PeoplePage status={p.status} waitingSince={p.waitingSince} />,
  ],
  ['/volunteers/people/new', 'people.create', (p) => <PersonNewPage household={p.household} />],
  ['/volunteers/people/:id', 'people.get', withId((id) => <PersonPage id={id} />)],
  [
    '/volunteers/people/:id/matching',
    'matching.forPerson',
    withId((id) => <MatchingPage personId={id} />),
  ],
  ['/volunteers/organisations', 'organisations.list', () => <HostsPage />],
  [
    '/volunteers/vacancies',
    'vacancies.list',
    (p) => <VacanciesPage organisation={p.organisation} />,
  ],
  ['/volunteers/vacancies/:id', 'vacancies.get', withId((id) => <VacancyPage id={id} />)],
  [
    '/volunteers/vacancies/:id/matching',
    'matching.forVacancy',
    withId((id) => <MatchingPage vacancyId={id} />),
  ],
  ['/volunteers/placements', 'placements.list', () => <PlacementsBoardPage />],
  [
    '/volunteers/hours',
    'hours.month',
    (p) => <HoursPage month={p.month} missing={p.missing === '1'} />,
  ],
  ['/volunteers/stats', 'volunteers.stats', () => <VolunteersStatsPage />],
  ['/volunteers/trainings', 'trainings.sessions', () => <TrainingsPage />],
  ['/volunteers/help', 'helpRequests.list', () => <HelpRequestsPage />],
  ['/volunteers/help/:id', 'helpRequests.get', withId((id) => <HelpRequestPage id={id} />)],
  ['/volunteers/carers', 'carers.list', () => <CarersPage />],
  ['/volunteers/settings', 'volunteerLists.create', () => <VolunteersSettingsPage />],
  ['/settings', 'lists.create', () => <SettingsPage />],
  ['/users', 'users.list', () => <UsersPage />],
  ['/audit', 'audit.list', () => <AuditPage />],
  ['/retention', 'retention.due', () => <RetentionPage />],
  ['/backups', 'backup.list', () => <BackupsPage />],
  ['/complaints', 'complaints.list', () => <ComplaintsPage />],
  ['/complaints/new', 'complaints.create', () => <ComplaintNewPage />],
  ['/complaints/templates', 'complaints.template', () => <LetterTemplatesPage />],
  ['/complaints/report', 'complaints.annualReport', () => <AnnualReportPage />],
  ['/complaints/settings', 'complaints.settings', () => <ComplaintSettingsPage />],
  ['/complaints/:id', 'complaints.get', withId((id) => <ComplaintPage id={id} />)],
  ['/activities', 'activities.list', () => <ActivitiesPage />],
  ['/satisfaction', 'surveys.invites', () => <SatisfactionPage />],
  ['/stories', 'stories.list', () => <StoriesPage />],
  ['/reports', 'reports.subsidy', () => <SubsidyPage />],
  ['/reports/compare', 'reports.compare', () => <ComparePage />],
  ['/team', 'reports.dashboard', () => <TeamPage />],
  ['/areas', 'areas.save', () => <AreasPage />],
]

/** The volunteers' screens, listed under their menu item while one of them is open. */
const VOLUNTEERS_NAV: { path: string; key: string; method: MethodName }[] = [
  { path: '/volunteers/people', key: 'volunteers.nav.people', method: 'people.search' },
  { path: '/volunteers/vacancies', key: 'volunteers.nav.vacancies', method: 'vacancies.list' },
  {
    path: '/volunteers/organisations',
    key: 'volunteers.nav.organisations',
    method: 'organisations.list',
  },
  { path: '/volunteers/placements', key: 'volunteers.nav.placements', method: 'placements.list' },
  { path: '/volunteers/hours', key: 'volunteers.nav.hours', method: 'hours.month' },
  { path: '/volunteers/stats', key: 'volunteers.nav.stats', method: 'volunteers.stats' },
  { path: '/volunteers/trainings', key: 'volunteers.nav.trainings', method: 'trainings.sessions' },
  { path: '/volunteers/help', key: 'volunteers.nav.help', method: 'helpRequests.list' },
  { path: '/volunteers/carers', key: 'volunteers.nav.carers', method: 'carers.list' },
  {
    path: '/volunteers/settings',
    key: 'volunteers.nav.settings',
    method: 'volunteerLists.create',
  },
]

const NAV: { path: string; key: string; method: MethodName }[] = [
  { path: '/', key: 'nav.dashboard', method: 'shop.dashboard' },
  { path: '/households', key: 'nav.households', method: 'households.search' },
  { path: '/appointments', key: 'nav.appointments', method: 'slots.list' },
  { path: '/calllist', key: 'nav.callList', method: 'households.callList' },
  { path: '/collections', key: 'nav.collections', method: 'collections.list' },
  { path: '/stats', key: 'nav.stats', method: 'shop.stats' },
  { path: '/partners', key: 'nav.partners', method: 'partners.list' },
  { path: '/volunteers', key: 'volunteers.nav.title', method: 'volunteers.dashboard' },
  { path: '/complaints', key: 'nav.complaints', method: 'complaints.list' },
  { path: '/activities', key: 'nav.activities', method: 'activities.list' },
  { path: '/satisfaction', key: 'nav.satisfaction', method: 'surveys.invites' },
  { path: '/stories', key: 'nav.stories', method: 'stories.list' },
  { path: '/team', key: 'areas.nav.team', method: 'reports.dashboard' },
  { path: '/reports', key: 'nav.reports', method: 'reports.subsidy' },
  { path: '/areas', key: 'areas.nav.areas', method: 'areas.save' },
  { path: '/settings', key: 'nav.settings', method: 'lists.create' },
  { path: '/users', key: 'nav.users', method: 'users.list' },
  { path: '/audit', key: 'nav.audit', method: 'audit.list' },
  { path: '/retention', key: 'nav.retention', method: 'retention.due' },
  { path: '/backups', key: 'nav.backups', method: 'backup.list' },
  { path: '/import', key: 'nav.import', method: 'imports.run' },
]

/** The app itself, shown by the auth gate only to a logged-in user at an unlocked screen. */
export function App(): React.JSX.Element {
  const { t } = useTranslation()
  const can = useCan()
  const path = useHashPath()
  useCloseMessagesOnPageChange(path)
  let page: React.JSX.Element | null = null
  for (const [pattern, method, render] of ROUTES) {
    const params = matchPath(pattern, path)
    if (params) {
      page = can(method) ? render(params) : <NoAccessPage />
      break
    }
  }
  const section = '/' + (path.split('?')[0].split('/')[1] ?? '')
  // The oefenomgeving's band sits above the header on every screen while it is open.
  const demo = isDemo(useWorkshop().status)
  return (
    <AppShell
      header={{ height: 56 + (demo ? BAND_HEIGHT : 0) }}
      navbar={{ width: SIDE_MENU_WIDTH, breakpoint: 0 }}
      padding="md"
    >
      <AppShell.Header>
        <WorkshopBand />
        <div style={{ height: 56 }}>
          <AppHeader />
        </div>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label="Menu">
        {NAV.filter((n) => can(n.method)).map((n) => (
          <Fragment key={n.path}>
            <NavLink
              href={`#${n.path}`}
              label={t(n.key)}
              active={n.path === section && (n.path !== '/volunteers' || path === n.path)}
              onClick={(e) => {
                e.preventDefault()
                navigate(n.path)
              }}
            />
            {n.path === '/volunteers' &&
              section === '/volunteers' &&
              VOLUNTEERS_NAV.filter((v) => can(v.method)).map((v) => (
                <NavLink
                  key={v.path}
                  href={`#${v.path}`}
                  label={t(v.key)}
                  pl="lg"
                  active={path === v.path || path.startsWith(`${v.path}/`)}
                  onClick={(e) => {
                    e.preventDefault()
                    navigate(v.path)
                  }}
                />
              ))}
          </Fragment>
        ))}
      </AppShell.Navbar>
      <AppShell.Main>
        <PageErrorBoundary resetKey={path}>
          <Suspense fallback={<Loader size="sm" aria-label={t('common.loading')} />}>
            {page ?? <Text>{t('errors.notFound')}</Text>}
          </Suspense>
        </PageErrorBoundary>
      </AppShell.Main>
      <RecoveryKeyPrompt />
    </AppShell>
  )
}

/** Name and logo, the language, who is logged in (with their role), lock and log out. */
function AppHeader(): React.JSX.Element {
  const { t } = useTranslation()
  const { session, organisationName, lock, logout, update } = useSessionApi()
  const [changing, setChanging] = useState(false)
  const [switching, setSwitching] = useState<'open' | 'leave' | null>(null)
  const { switched } = useWorkshop()
  const { displayName, role } = session.user
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
        {/* The one h1 of every screen (each page's own title is its h2), at the size it had. */}
        <Title order={1} size="h3" c="teal.8">
          {t('app.name')}
        </Title>
        {organisationName ? (
          <Text c="dimmed" size="sm" truncate="end" visibleFrom="sm">
            {organisationName}
          </Text>
        ) : null}
      </Group>
      <Group gap="sm" wrap="nowrap">
        <SearchButton />
        <HelpButton />
        <LanguageSwitch />
        <Button
          variant="default"
          size="xs"
          leftSection={<IconLock size={16} aria-hidden />}
          title={t('auth.header.lockHint')}
          onClick={() => lock('button')}
        >
          {t('auth.header.lock')}
        </Button>
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <UnstyledButton aria-label={t('auth.header.userMenu', { name: displayName })}>
              <Group gap={6} wrap="nowrap">
                <div style={{ textAlign: 'right', lineHeight: 1.2 }}>
                  <Text size="sm" fw={600} data-testid="user-name">
                    {displayName}
                  </Text>
                  <Text size="xs" c="dimmed" data-testid="user-role">
                    {t(`roles.${role}`)}
                  </Text>
                </div>
                <IconChevronDown size={16} aria-hidden />
              </Group>
            </UnstyledButton>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item
              leftSection={<IconKey size={16} aria-hidden />}
              onClick={() => setChanging(true)}
            >
              {t('auth.header.changePassword')}
            </Menu.Item>
            <Menu.Item leftSection={<IconLogout size={16} aria-hidden />} onClick={logout}>
              {t('auth.header.logout')}
            </Menu.Item>
            <WorkshopMenuItems onSwitch={setSwitching} />
          </Menu.Dropdown>
        </Menu>
      </Group>
      <SearchSpotlight />
      <SwitchModal
        opened={switching !== null}
        mode={switching ?? 'open'}
        onClose={() => setSwitching(null)}
        onSwitched={() => {
          setSwitching(null)
          switched()
        }}
      />
      <ChangePasswordModal
        opened={changing}
        onClose={() => setChanging(false)}
        onChanged={update}
      />
    </Group>
  )
}
