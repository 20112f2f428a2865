// @vitest-environment jsdom
import './setup-dom'
import '../../src/renderer/src/i18n'
import { notifications } from '@mantine/notifications'
import { cleanup, render, screen, waitFor, within } from '@testing-library/react'
import userEvent, { type UserEvent } from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { TestProviders as Providers } from './session'
import { StatsPage } from '../../src/renderer/src/features/shop/stats/stats-page'
import type { ShopStats, ShopTotals } from '../../src/shared/schemas/shop'
import {
  TODAY,
  callsOf,
  describedText,
  installBridge as install,
  ok,
  type Handler,
} from './shop-bridge'

function renderWith(ui: React.JSX.Element): UserEvent {
  const user = userEvent.setup()
  render(<Providers>{ui}</Providers>)
  return user
}

const NO_ANSWERS = { yes: 0, no: 0, unknown: 0, shareYes: null }

const figures = {
  referrals: [],
  topics: [],
  appointmentsCame: 30,
  appointmentsNoShow: 10,
  intakes: 0,
  debts: NO_ANSWERS,
  multipleProblems: NO_ANSWERS,
}

const STATS: ShopStats = {
  householdsReached: 41,
  newHouseholds: 9,
  visits: 57,
  childrenReached: 88,
  appointmentsCame: 36,
  appointmentsNoShow: 12,
  noShowRate: 0.25,
  referrals: [
    { key: 'Schuldhulpverlening', intakes: 2, visits: 5, total: 7 },
    { key: 'Voedselbank', intakes: 3, visits: 0, total: 3 },
  ],
  topics: [{ key: 'Financiën en schulden', intakes: 4, visits: 7, total: 11 }],
  intakes: 9,
  debts: { yes: 6, no: 1, unknown: 2, shareYes: 6 / 7 },
  multipleProblems: { yes: 2, no: 2, unknown: 5, shareYes: 0.5 },
  period: { from: '2026-01-01', to: TODAY },
  district: null,
  byDistrict: [
    {
      district: '',
      householdsReached: 1,
      newHouseholds: 0,
      visits: 2,
      childrenReached: 3,
      noShowRate: null,
      ...figures,
      appointmentsCame: 0,
      appointmentsNoShow: 0,
    },
    {
      district: 'Centrum',
      householdsReached: 40,
      newHouseholds: 9,
      visits: 55,
      childrenReached: 85,
      noShowRate: 1 / 3,
      ...figures,
      appointmentsCame: 36,
      appointmentsNoShow: 12,
    },
  ],
  generatedAt: '2026-03-10T10:15:00.000Z',
}

const TOTALS: ShopTotals = {
  date: TODAY,
  district: null,
  start: '2019-02-01',
  sinceStart: {
    householdsReached: 384,
    newHouseholds: 390,
    visits: 5120,
    childrenReached: 702,
    intakes: 402,
  },
  onDate: {
    activeFrom: '2025-03-11',
    activeHouseholds: 118,
    volunteersFrom: '2026-02-11',
    volunteers: 9,
  },
  generatedAt: '2026-03-10T10:15:00.000Z',
}

/** The page's bridge: the figures since the start answer unless a test says otherwise. */
function installBridge(handlers: Record<string, Handler> = {}): ReturnType<typeof install> {
  return install({ 'shop.totals': () => ok(TOTALS), ...handlers })
}

describe('stats page', () => {
  afterEach(() => {
    cleanup()
    notifications.clean()
  })

  it("asks for this year so far by main's clock and shows every figure by its test id", async () => {
    const calls = installBridge({ 'shop.stats': () => ok(STATS) })
    renderWith(<StatsPage />)
    expect((await screen.findByTestId('stat-visits')).textContent).toBe('57')
    expect(callsOf(calls, 'shop.stats')).toEqual([
      { from: '2026-01-01', to: '2026-03-10', district: null },
    ])
    expect(screen.getByTestId('stat-households-reached').textContent).toBe('41')
    expect(screen.getByTestId('stat-new-households').textContent).toBe('9')
    expect(screen.getByTestId('stat-children-reached').textContent).toBe('88')
    expect(screen.getByTestId('stat-came').textContent).toBe('36')
    expect(screen.getByTestId('stat-no-show').textContent).toBe('12')
    expect(screen.getByTestId('stat-no-show-rate').textContent).toBe('25,0')
    expect(screen.getByText('Unieke huishoudens met een bezoek in de periode.')).toBeTruthy()
    expect(
      screen.getByText('Niet gekomen / (gekomen + niet gekomen), over de afspraken in de periode.'),
    ).toBeTruthy()
    expect(screen.getByTestId('stats-meta').textContent).toBe(
      'Periode 01-01-2026 t/m 10-03-2026 · Wijk/kern: alle · Gemaakt op 10-03-2026 11:15',
    )

    const referrals = screen.getByRole('region', { name: 'Verwijzingen per bestemming' })
    const row = within(referrals).getByRole('row', { name: /Schuldhulpverlening/ })
    expect(within(row).getByText('7')).toBeTruthy()
    const districts = screen.getByTestId('stats-by-district')
    expect(within(districts).getByRole('row', { name: /\(geen wijk\)/ })).toBeTruthy()
    expect(within(districts).getByRole('row', { name: /Centrum/ }).textContent).toContain('33,3%')
  })

  it('writes large figures the Dutch way, with a point between thousands', async () => {
    installBridge({
      'shop.stats': () =>
        ok({
          ...STATS,
          visits: 18884,
          childrenReached: 149883,
          referrals: [{ key: 'Schuldhulpverlening', intakes: 1204, visits: 1292, total: 2496 }],
          debts: { yes: 6012, no: 1, unknown: 2, shareYes: 0.99 },
          byDistrict: [{ ...STATS.byDistrict[1], visits: 12345 }],
        }),
    })
    renderWith(<StatsPage />)
    expect((await screen.findByTestId('stat-visits')).textContent).toBe('18.884')
    expect(screen.getByTestId('stat-children-reached').textContent).toBe('149.883')
    const referrals = screen.getByRole('region', { name: 'Verwijzingen per bestemming' })
    const row = within(referrals).getByRole('row', { name: /Schuldhulpverlening/ })
    expect(row.textContent).toBe('Schuldhulpverlening1.2041.2922.496')
    expect(screen.getByText('6.012')).toBeTruthy()
    const districts = screen.getByTestId('stats-by-district')
    expect(within(districts).getByRole('row', { name: /Centrum/ }).textContent).toContain('12.345')
  })

  it('shows the no-show rate in one format, in total and per district: 10,0% and 12,3%', async () => {
    installBridge({
      'shop.stats': () =>
        ok({
          ...STATS,
          noShowRate: 0.1,
          byDistrict: [
            { ...STATS.byDistrict[1], district: 'Centrum', noShowRate: 0.123 },
            { ...STATS.byDistrict[1], district: 'Noord', noShowRate: 0.05 },
          ],
        }),
    })
    renderWith(<StatsPage />)
    expect((await screen.findByTestId('stat-no-show-rate')).textContent).toBe('10,0')
    const districts = screen.getByTestId('stats-by-district')
    expect(within(districts).getByRole('row', { name: /Centrum/ }).textContent).toContain('12,3%')
    expect(within(districts).getByRole('row', { name: /Noord/ }).textContent).toContain('5,0%')
  })

  it("explains that a child's age is the visit's year minus the birth year", async () => {
    installBridge({ 'shop.stats': () => ok(STATS) })
    renderWith(<StatsPage />)
    const value = await screen.findByTestId('stat-children-reached')
    expect(describedText(value.parentElement!)).toBe(
      'Unieke kinderen van 0 t/m 17 jaar in huishoudens met een bezoek in de periode. Alleen het geboortejaar is bekend, dus de leeftijd is het jaar van het bezoek min het geboortejaar.',
    )
  })

  it('keeps a "from" date it cannot read, says so and asks main nothing with it', async () => {
    const calls = installBridge({ 'shop.stats': () => ok(STATS) })
    const user = renderWith(<StatsPage />)
    await screen.findByTestId('stat-visits')
    const from = screen.getByLabelText(/^Van/) as HTMLInputElement
    await user.clear(from)
    await user.type(from, '1-1-26')
    await user.tab()
    expect(from.value).toBe('1-1-26')
    expect(describedText(from)).toContain('Geen geldige datum (dd-mm-jjjj)')
    expect(
      callsOf(calls, 'shop.stats').every((c) => (c as { from: string }).from === '2026-01-01'),
    ).toBe(true)

    await user.clear(from)
    await user.type(from, '1-2-2026')
    await user.tab()
    await waitFor(() =>
      expect(callsOf(calls, 'shop.stats')).toContainEqual({
        from: '2026-02-01',
        to: TODAY,
        district: null,
      }),
    )
    expect(describedText(from)).not.toContain('Geen geldige datum')
  })

  it('asks again for a district and refuses a period that ends before it starts', async () => {
    const calls = installBridge({ 'shop.stats': () => ok(STATS) })
    const user = renderWith(<StatsPage />)
    await screen.findByTestId('stat-visits')
    await user.type(screen.getByLabelText('Wijk of kern (optioneel)'), 'Centrum')
    await waitFor(
      () =>
        expect(callsOf(calls, 'shop.stats')).toContainEqual({
          from: '2026-01-01',
          to: '2026-03-10',
          district: 'Centrum',
        }),
      { timeout: 2000 },
    )

    const to = screen.getByLabelText(/^Tot en met/)
    await user.clear(to)
    await user.type(to, '31-12-2025')
    await user.tab()
    expect(await screen.findByText('De einddatum ligt vóór de begindatum')).toBeTruthy()
    expect(
      callsOf(calls, 'shop.stats').some((c) => (c as { to: string }).to === '2025-12-31'),
    ).toBe(false)
  })
})

describe('topics, referrals and the intake questions', () => {
  afterEach(() => {
    cleanup()
    notifications.clean()
  })

  it('counts each topic and destination from intakes, from visits and in total, as it says', async () => {
    installBridge({ 'shop.stats': () => ok(STATS) })
    renderWith(<StatsPage />)
    const referrals = await screen.findByTestId('stats-referrals')
    const cells = (name: RegExp): string[] =>
      within(within(referrals).getByRole('row', { name }))
        .getAllByRole('cell')
        .map((c) => c.textContent ?? '')
    expect(
      within(referrals)
        .getAllByRole('columnheader')
        .map((c) => c.textContent),
    ).toEqual(['Bestemming', 'Intake', 'Bezoek', 'Totaal'])
    expect(cells(/Schuldhulpverlening/)).toEqual(['Schuldhulpverlening', '2', '5', '7'])
    expect(cells(/Voedselbank/)).toEqual(['Voedselbank', '3', '0', '3'])
    const topics = screen.getByTestId('stats-topics')
    expect(
      within(within(topics).getByRole('row', { name: /Financiën/ }))
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['Financiën en schulden', '4', '7', '11'])
    expect(
      screen.getByText(
        'Intake: doorverwijzingen bij intakes met een datum in de periode. Bezoek: doorverwijzingen bij bezoeken met een datum in de periode (het gesprek bij het bezoek). Totaal: beide samen.',
      ),
    ).toBeTruthy()
  })

  it('shows yes, no and unknown for debts and multiple problems, and the share of yes among the known', async () => {
    installBridge({ 'shop.stats': () => ok(STATS) })
    renderWith(<StatsPage />)
    const answers = await screen.findByTestId('stats-answers')
    const cells = (name: string): string[] =>
      within(within(answers).getByRole('row', { name: new RegExp(name) }))
        .getAllByRole('cell')
        .map((c) => c.textContent ?? '')
    expect(cells('Schulden')).toEqual(['Schulden', '6', '1', '2', '85,7%'])
    expect(cells('Meerdere problemen')).toEqual(['Meerdere problemen', '2', '2', '5', '50,0%'])
    expect(
      screen.getByText(
        'Bij de 9 intakes met een datum in de periode. % ja telt alleen de intakes waar het antwoord bekend is: ja / (ja + nee).',
      ),
    ).toBeTruthy()
  })

  it('shows a dash for the share when no answer is known', async () => {
    installBridge({ 'shop.stats': () => ok({ ...STATS, debts: { ...NO_ANSWERS, unknown: 3 } }) })
    renderWith(<StatsPage />)
    const answers = await screen.findByTestId('stats-answers')
    expect(
      within(within(answers).getByRole('row', { name: /Schulden/ }))
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['Schulden', '0', '0', '3', '–'])
  })
})

describe('figures since the start and on a date', () => {
  afterEach(() => {
    cleanup()
    notifications.clean()
  })

  it("asks for today by main's clock and shows each figure with its definition", async () => {
    const calls = installBridge({ 'shop.stats': () => ok(STATS) })
    renderWith(<StatsPage />)
    expect((await screen.findByTestId('total-new-households')).textContent).toBe('390')
    expect(callsOf(calls, 'shop.totals')).toEqual([{ date: TODAY, district: null }])
    expect(screen.getByTestId('total-households-reached').textContent).toBe('384')
    // Not "new households": the period's figure of that name counts first visits, this intakes.
    expect(screen.getByText('Ingeschreven gezinnen')).toBeTruthy()
    expect(screen.queryByText(/Nieuwe huishoudens \(intake\)/)).toBeNull()
    expect(screen.getByTestId('total-visits').textContent).toBe('5.120')
    expect(screen.getByTestId('total-children-reached').textContent).toBe('702')
    expect(screen.getByTestId('total-intakes').textContent).toBe('402')
    expect(screen.getByTestId('totals-since').textContent).toBe(
      'Vanaf de start op 01-02-2019 (de eerste dag met een bezoek of intake) t/m 10-03-2026.',
    )
    const active = screen.getByTestId('total-active-households')
    expect(active.textContent).toBe('118')
    expect(describedText(active.parentElement!)).toBe(
      'Unieke huishoudens met minstens één bezoek van 11-03-2025 t/m 10-03-2026 (de 12 maanden tot en met de datum).',
    )
    const volunteers = screen.getByTestId('total-volunteers')
    expect(volunteers.textContent).toBe('9')
    expect(describedText(volunteers.parentElement!)).toContain(
      'Accounts met de rol vrijwilliger die van 11-02-2026 t/m 10-03-2026 (4 weken) inlogden of hun scherm ontgrendelden',
    )
    expect(describedText(screen.getByTestId('total-new-households').parentElement!)).toContain(
      'Unieke huishoudens met een intake sinds de start',
    )
    expect(screen.getByRole('heading', { name: 'Op 10-03-2026' })).toBeTruthy()
  })

  it('asks again for another date and for the district chosen above', async () => {
    const calls = installBridge({
      'shop.stats': () => ok(STATS),
      'shop.totals': (input) => {
        const { date } = input as { date: string }
        return ok({ ...TOTALS, date })
      },
    })
    const user = renderWith(<StatsPage />)
    await screen.findByTestId('total-visits')
    const date = screen.getByLabelText(/^Datum/)
    await user.clear(date)
    await user.type(date, '31-12-2025')
    await user.tab()
    await waitFor(() =>
      expect(callsOf(calls, 'shop.totals')).toContainEqual({ date: '2025-12-31', district: null }),
    )
    expect(await screen.findByRole('heading', { name: 'Op 31-12-2025' })).toBeTruthy()
    await user.type(screen.getByLabelText('Wijk of kern (optioneel)'), 'Centrum')
    await waitFor(
      () =>
        expect(callsOf(calls, 'shop.totals')).toContainEqual({
          date: '2025-12-31',
          district: 'Centrum',
        }),
      { timeout: 2000 },
    )
  })

  it('says so when nothing was registered yet up to the date', async () => {
    installBridge({
      'shop.stats': () => ok(STATS),
      'shop.totals': () =>
        ok({
          ...TOTALS,
          start: null,
          sinceStart: {
            householdsReached: 0,
            newHouseholds: 0,
            visits: 0,
            childrenReached: 0,
            intakes: 0,
          },
        }),
    })
    renderWith(<StatsPage />)
    expect((await screen.findByTestId('totals-since')).textContent).toBe(
      'Tot en met 10-03-2026 is er nog geen bezoek of intake geregistreerd.',
    )
    expect(screen.getByTestId('total-visits').textContent).toBe('0')
  })
})
