// @vitest-environment jsdom
import './setup-dom'
import '../../src/renderer/src/i18n'
import { notifications } from '@mantine/notifications'
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { PersonProfile } from '../../src/renderer/src/features/volunteers/person-profile'
import { HostsPage } from '../../src/renderer/src/features/volunteers/hosts-page'
import { MatchingPage } from '../../src/renderer/src/features/volunteers/matching-page'
import {
  DEFAULT_MATCH_WEIGHTS,
  type VacancyMatches,
} from '../../src/shared/schemas/volunteers-matching'
import type { HostOrganisation } from '../../src/shared/schemas/volunteers'
import { callsOf, fail, installFakeBridge, ok } from './fake-bridge'
import { TestProviders } from './session'
import { PERSON } from './person-fixture'

/*
 * The screens around outflow, doorstroom and host organisations: outflow says beforehand how many
 * running placements it ends and asks to confirm; a doorstroom entry can be removed after a
 * question; a host organisation opens from the list for editing, its contact person included.
 */

afterEach(() => {
  cleanup()
  notifications.clean()
  delete window.api
})

const TODAY = '2026-06-15'

describe('outflow on the person page', () => {
  it('says how many running placements it ends and records only after confirming', async () => {
    const calls = installFakeBridge(
      { 'placements.list': () => ok({ rows: [], total: 2 }) },
      { 'people.setOutflow': () => ok({ ...PERSON, status: 'left' }) },
    )
    render(
      <TestProviders role="coordinator">
        <PersonProfile person={PERSON} today={TODAY} onChanged={() => {}} />
      </TestProviders>,
    )
    const form = screen.getByRole('form', { name: 'Uitstroom' })
    const user = userEvent.setup()
    await user.click(within(form).getByLabelText(/^Reden van uitstroom/))
    await user.click(await screen.findByRole('option', { name: 'Betaald werk', hidden: true }))
    fireEvent.click(within(form).getByRole('button', { name: 'Uitstroom vastleggen' }))
    expect((await screen.findByTestId('outflow-ends')).textContent).toMatch(
      /Dit beëindigt 2 lopende koppelingen op de uitstroomdatum/,
    )
    expect(callsOf(calls, 'placements.list')).toEqual([{ personId: 4, scope: 'active' }])
    expect(callsOf(calls, 'people.setOutflow')).toEqual([])
    fireEvent.click(screen.getByRole('button', { name: 'Ja, uitstroom vastleggen' }))
    await waitFor(() =>
      expect(callsOf(calls, 'people.setOutflow')).toEqual([
        { id: 4, kind: 'paid_work', on: TODAY, note: '' },
      ]),
    )
  })

  it('says that undoing the outflow does not reopen the placements', () => {
    installFakeBridge({}, {})
    render(
      <TestProviders role="coordinator">
        <PersonProfile
          person={{ ...PERSON, status: 'left', outflowKind: 'moved', outflowOn: '2026-06-01' }}
          today={TODAY}
          onChanged={() => {}}
        />
      </TestProviders>,
    )
    expect(screen.getByRole('button', { name: 'Uitstroom ongedaan maken' })).toBeTruthy()
    expect(screen.getByText(/zet de beëindigde koppelingen niet terug/)).toBeTruthy()
  })
})

describe('doorstroom on the person page', () => {
  it('removes an entry after a question', async () => {
    let changed = 0
    const calls = installFakeBridge({}, { 'people.removeMove': () => ok({ ok: true }) })
    render(
      <TestProviders role="coordinator">
        <PersonProfile person={PERSON} today={TODAY} onChanged={() => (changed += 1)} />
      </TestProviders>,
    )
    fireEvent.click(screen.getByRole('button', { name: 'Doorstroom van 01-04-2026 verwijderen' }))
    expect(
      await screen.findByText('Doorstroom van 01-04-2026 naar Kassa eigen winkel verwijderen?'),
    ).toBeTruthy()
    expect(callsOf(calls, 'people.removeMove')).toEqual([])
    fireEvent.click(screen.getByRole('button', { name: 'Ja, verwijderen' }))
    await waitFor(() => expect(callsOf(calls, 'people.removeMove')).toEqual([{ id: 31 }]))
    await waitFor(() => expect(changed).toBe(1))
  })
})

const HOST: HostOrganisation = {
  id: 9,
  name: 'Kringloop De Vonst',
  kind: 'other',
  area: 'Zwolle',
  contactPerson: 'Joke Mulder',
  phone: null,
  email: null,
  address: null,
  helpsWith: 'Kleding en meubels',
  active: true,
  isOwn: false,
  activeVacancies: 2,
  activePlacements: 1,
}

describe('host organisations', () => {
  it('opens an organisation from the list and saves a new contact person, keeping the rest', async () => {
    const calls = installFakeBridge(
      { 'organisations.list': () => ok([HOST]) },
      {
        'organisations.update': (input) => ok({ ...HOST, ...(input as Partial<HostOrganisation>) }),
      },
    )
    render(
      <TestProviders role="coordinator">
        <HostsPage />
      </TestProviders>,
    )
    fireEvent.click(await screen.findByRole('button', { name: 'Kringloop De Vonst bewerken' }))
    const dialog = await screen.findByRole('dialog')
    const contact = within(dialog).getByRole('textbox', { name: 'Contactpersoon' })
    expect((contact as HTMLInputElement).value).toBe('Joke Mulder')
    fireEvent.change(contact, { target: { value: 'Piet de Boer' } })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Opslaan' }))
    await waitFor(() =>
      expect(callsOf(calls, 'organisations.update')).toEqual([
        {
          id: 9,
          name: 'Kringloop De Vonst',
          contactPerson: 'Piet de Boer',
          phone: '',
          email: '',
          address: '',
          area: 'Zwolle',
          kind: 'other',
          helpsWith: 'Kleding en meubels',
          active: true,
        },
      ]),
    )
  })
})

const MATCHES: VacancyMatches = {
  vacancy: {
    id: 3,
    title: 'Winkelhulp',
    partnerName: 'Kringloop De Vonst',
    place: 'Zwolle',
    places: 2,
    placesLeft: 2,
    active: true,
    halfDays: [{ weekday: 2, part: 'morning' }],
  },
  weights: DEFAULT_MATCH_WEIGHTS,
  ranked: [
    {
      personId: 4,
      reference: 'D-00004',
      name: 'Ana Jansen',
      place: 'Zwolle',
      score: 10,
      parts: [],
      missing: { skills: [], halfDays: [] },
      waitingDays: 30,
      halfDays: [{ weekday: 2, part: 'morning' }],
      reasons: [],
    },
  ],
  excluded: [],
  counts: { ranked: 1, excluded: 0, notCandidates: 0 },
}

describe('proposing from the matching list', () => {
  it('proposes on an earlier day typed for a placement from paper, and shows main’s refusal at the date', async () => {
    let answer: 'ok' | 'early' = 'early'
    const calls = installFakeBridge(
      {
        'matching.forVacancy': () => ok(MATCHES),
        'shop.dashboard': () => fail({ code: 'NOT_FOUND', key: 'unknownMethod' }),
      },
      {
        'placements.propose': () =>
          answer === 'early'
            ? fail({
                code: 'VALIDATION',
                key: 'validation',
                fields: [
                  {
                    path: 'date',
                    key: 'proposedBeforeRegistration',
                    params: { date: '05-01-2026' },
                  },
                ],
              })
            : ok({ placement: { personName: 'Ana Jansen' }, warnings: [] }),
      },
    )
    render(
      <TestProviders role="coordinator">
        <MatchingPage vacancyId={3} />
      </TestProviders>,
    )
    const date = await screen.findByRole('textbox', { name: /Voorstellen op/ })
    fireEvent.change(date, { target: { value: '02-01-2026' } })
    fireEvent.blur(date)
    const card = screen.getByRole('article', { name: 'Ana Jansen' })
    fireEvent.click(within(card).getByRole('button', { name: /Voorstellen/ }))
    expect(await screen.findByText('Dit ligt vóór de aanmelding (05-01-2026)')).toBeTruthy()
    answer = 'ok'
    fireEvent.change(date, { target: { value: '04-05-2026' } })
    fireEvent.blur(date)
    fireEvent.click(within(card).getByRole('button', { name: /Voorstellen/ }))
    await waitFor(() =>
      expect(callsOf(calls, 'placements.propose')).toEqual([
        { personId: 4, vacancyId: 3, date: '2026-01-02', overrideReason: null },
        { personId: 4, vacancyId: 3, date: '2026-05-04', overrideReason: null },
      ]),
    )
  })
})

describe('more of a long matching list', () => {
  /** A register of 45 who fit and 30 left out; main answers the first of each list asked. */
  function longList(limit: number, excludedLimit: number): VacancyMatches {
    const one = (i: number, excluded: boolean) => ({
      ...MATCHES.ranked[0],
      personId: 100 + i,
      reference: `D-${String(100 + i).padStart(5, '0')}`,
      name: `${excluded ? 'Uit' : 'Kandidaat'} ${i}`,
      reasons: excluded
        ? [
            {
              code: 'noSharedHalfDay' as const,
              text: { key: 'matching.reasons.noSharedHalfDay', params: {} },
            },
          ]
        : [],
    })
    return {
      ...MATCHES,
      ranked: Array.from({ length: Math.min(limit, 45) }, (_, i) => one(i, false)),
      excluded: Array.from({ length: Math.min(excludedLimit, 30) }, (_, i) => one(50 + i, true)),
      counts: { ranked: 45, excluded: 30, notCandidates: 0 },
    }
  }

  it('shows 20 of each list with the true totals, and the next 20 of one list on its "Meer tonen" without losing what is shown', async () => {
    let release: () => void = () => undefined
    const calls = installFakeBridge(
      { 'shop.dashboard': () => fail({ code: 'NOT_FOUND', key: 'unknownMethod' }) },
      {
        'matching.forVacancy': async (input) => {
          const { limit, excludedLimit } = input as { limit: number; excludedLimit: number }
          // The second page waits until the test has looked at the screen in between.
          if (limit > 20) await new Promise<void>((r) => (release = r))
          return ok(longList(limit, excludedLimit))
        },
      },
    )
    render(
      <TestProviders role="coordinator">
        <MatchingPage vacancyId={3} />
      </TestProviders>,
    )
    const ranked = await screen.findByRole('region', { name: 'Passend, op volgorde' })
    expect(within(ranked).getAllByRole('article')).toHaveLength(20)
    expect(within(ranked).getByText('20 van 45 getoond')).toBeTruthy()
    const excluded = screen.getByRole('region', { name: 'Valt af' })
    expect(within(excluded).getAllByRole('row')).toHaveLength(20)
    expect(within(excluded).getByText('20 van 30 getoond')).toBeTruthy()
    expect(callsOf(calls, 'matching.forVacancy')).toEqual([
      { vacancyId: 3, limit: 20, excludedLimit: 20 },
    ])

    fireEvent.click(within(ranked).getByRole('button', { name: 'Meer tonen' }))
    // While main answers, the first 20 stay on screen.
    await waitFor(() => expect(callsOf(calls, 'matching.forVacancy')).toHaveLength(2))
    expect(within(ranked).getAllByRole('article')).toHaveLength(20)
    release()
    await waitFor(() => expect(within(ranked).getAllByRole('article')).toHaveLength(40))
    expect(callsOf(calls, 'matching.forVacancy')[1]).toEqual({
      vacancyId: 3,
      limit: 40,
      excludedLimit: 20,
    })
    expect(within(ranked).getByText('40 van 45 getoond')).toBeTruthy()
    // The list below did not grow: its place on the page stays where the coordinator left it.
    expect(within(excluded).getAllByRole('row')).toHaveLength(20)

    fireEvent.click(within(excluded).getByRole('button', { name: 'Meer tonen' }))
    await waitFor(() => expect(callsOf(calls, 'matching.forVacancy')).toHaveLength(3))
    release()
    await waitFor(() => expect(within(excluded).getAllByRole('row')).toHaveLength(30))
    expect(callsOf(calls, 'matching.forVacancy')[2]).toEqual({
      vacancyId: 3,
      limit: 40,
      excludedLimit: 40,
    })
    expect(within(ranked).getAllByRole('article')).toHaveLength(40)
    // All 30 left out are shown now: no more to ask for there.
    expect(within(excluded).queryByRole('button', { name: 'Meer tonen' })).toBeNull()
  })
})
