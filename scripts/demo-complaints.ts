/**
 * Demo complaints (issue 14): about 40 over the last two years, in every state a coordinator
 * meets: just in and not yet acknowledged (one of them late), acknowledged and running, moved to
 * step 2 or straight to the committee (hearings of both sides, advice), extended (once with the
 * complainant's consent), decided with each outcome and measures (some carried out), informed,
 * closed, one reopened, one with a correction. Written through the real router with the clock
 * at the day each thing happened, so every term and audit entry is the app's own.
 */
import type { MethodInput, MethodName, MethodOutput } from '../src/shared/api'
import { addDays } from '../src/shared/dates'
import type { ComplaintOutcome } from '../src/shared/schemas/complaints'

export interface ComplaintsWriter {
  call<M extends MethodName>(
    instant: string,
    method: M,
    input: MethodInput<M>,
  ): Promise<MethodOutput<M>>
}

export interface ComplaintsRng {
  int(min: number, max: number): number
  chance(p: number): boolean
  pick<T>(items: readonly T[]): T
}

export interface ComplaintsSummary {
  complaints: number
  open: number
  decided: number
  closed: number
  atCommittee: number
}

const at = (day: string, hour = 11): string => `${day}T${String(hour).padStart(2, '0')}:00:00Z`

const STORIES: {
  category: string
  about: 'service' | 'staff' | 'other'
  text: string
  wish: string
}[] = [
  {
    category: 'Bejegening',
    about: 'staff',
    text: 'Ik werd aan de balie afgesnauwd toen ik vroeg naar maat 128.',
    wish: 'Excuses en een vriendelijker ontvangst',
  },
  {
    category: 'Wachttijd',
    about: 'service',
    text: 'Ik stond drie kwartier buiten te wachten terwijl ik een afspraak had.',
    wish: 'Dat afspraken op tijd beginnen',
  },
  {
    category: 'Privacy',
    about: 'staff',
    text: 'Mijn inkomen werd hardop besproken terwijl er andere klanten bij stonden.',
    wish: 'Dat dit niet meer gebeurt',
  },
  {
    category: 'Kwaliteit van de dienstverlening',
    about: 'service',
    text: 'De winterjassen waren al op voordat onze afspraak was.',
    wish: 'Eerlijkere verdeling van de nieuwe collectie',
  },
  {
    category: 'Bereikbaarheid',
    about: 'service',
    text: 'De telefoon wordt op dinsdag nooit opgenomen.',
    wish: 'Een vaste tijd waarop ik kan bellen',
  },
  {
    category: 'Overig',
    about: 'other',
    text: 'De fietsenstalling bij de winkel is te klein; mijn fiets viel om.',
    wish: 'Meer plek voor fietsen',
  },
]
const MEASURES = [
  'Werkoverleg over bejegening aan de balie',
  'Afspraak: inkomen en schulden alleen in de spreekkamer bespreken',
  'Nieuwe collectie in delen uitgeven over drie weken',
  'Vaste belmomenten op de website en de deur',
  'Extra vrijwilliger op drukke zaterdagen',
]
const CHANNELS = ['in_person', 'letter', 'email', 'phone', 'form'] as const
const NAMES = [
  'Mevrouw De Wit',
  'Meneer Yilmaz',
  'Mevrouw Bakker',
  'Meneer Jansen',
  'Mevrouw Haddou',
]
const OUTCOMES: ComplaintOutcome[] = [
  'founded',
  'partly_founded',
  'unfounded',
  'withdrawn',
  'mediated',
]

/** Writes the demo complaints; `householdIds` and `personIds` are complainants from the app. */
export async function seedComplaints(
  w: ComplaintsWriter,
  rng: ComplaintsRng,
  today: string,
  householdIds: readonly number[],
  personIds: readonly number[],
): Promise<ComplaintsSummary> {
  const first = at(addDays(today, -730))
  const accounts = await w.call(first, 'complaints.accounts', {})
  const coordinator = accounts.find((a) => a.role === 'coordinator')
  const admin = accounts.find((a) => a.role === 'admin')
  const volunteer = accounts.find((a) => a.role === 'volunteer')
  // The coordinator leads the counter volunteer: step 1 of a complaint about her goes to him.
  if (volunteer && coordinator)
    await w.call(first, 'complaints.setManager', {
      accountId: volunteer.id,
      managerId: coordinator.id,
    })
  const categories = await w.call(first, 'complaints.categories', {})
  const categoryId = (name: string): number =>
    (categories.find((c) => c.name === name) ?? categories[0]!).id
  const s: ComplaintsSummary = { complaints: 0, open: 0, decided: 0, closed: 0, atCommittee: 0 }
  const total = 40
  for (let i = 0; i < total; i++) {
    // Spread over two years, oldest first; the last few came in the past two weeks.
    const age = i >= total - 4 ? (total - i) * 3 : Math.round(730 - (i * 700) / (total - 4))
    const received = addDays(today, -age)
    const story = STORIES[i % STORIES.length]!
    const kind =
      i % 4 === 0 ? 'household' : i % 4 === 1 ? 'contact' : i % 4 === 2 ? 'person' : 'anonymous'
    const householdId = kind === 'household' && householdIds.length ? rng.pick(householdIds) : null
    const personId = kind === 'person' && personIds.length ? rng.pick(personIds) : null
    const complainantKind =
      (kind === 'household' && !householdId) || (kind === 'person' && !personId) ? 'contact' : kind
    const toCommittee = i % 7 === 3
    const c = await w.call(at(received), 'complaints.create', {
      receivedOn: received,
      channel: CHANNELS[i % CHANNELS.length]!,
      complainantKind,
      householdId,
      personId,
      complainantName: complainantKind === 'contact' ? NAMES[i % NAMES.length]! : null,
      complainantContact:
        complainantKind === 'contact' ? `06-${String(20000000 + i * 7919)}` : null,
      aboutKind: story.about,
      aboutAccountId: story.about === 'staff' ? (volunteer?.id ?? null) : null,
      aboutText: story.about === 'staff' ? null : story.text.split(' ').slice(0, 5).join(' '),
      categoryId: categoryId(story.category),
      description: story.text,
      wish: story.wish,
      step: toCommittee ? 3 : 1,
      ...(toCommittee ? { handlerId: admin?.id ?? null } : {}),
    })
    s.complaints += 1
    const id = c.id
    const last = (day: string): string => (day > today ? today : day)
    // The newest: one not yet acknowledged (due soon), one past its term (late).
    if (age <= 3) {
      s.open += 1
      continue
    }
    const lateAck = age <= 12 && i % 2 === 0
    if (lateAck) {
      s.open += 1
      continue
    }
    const ackOn = last(addDays(received, i % 9 === 5 ? 9 : rng.int(1, 4)))
    await w.call(at(ackOn), 'complaints.addEntry', {
      complaintId: id,
      kind: 'acknowledged',
      date: ackOn,
    })
    if (i === 10) {
      // Entered with the wrong day: a correction puts it right, the first entry stays.
      const d = await w.call(at(ackOn), 'complaints.get', { id })
      const ack = d.entries.find((e) => e.kind === 'acknowledged')!
      await w.call(at(ackOn, 15), 'complaints.addEntry', {
        complaintId: id,
        kind: 'correction',
        date: ackOn,
        correctsId: ack.id,
        newDate: addDays(ackOn, -1),
        text: 'De bevestiging ging een dag eerder per e-mail de deur uit',
      })
    }
    let step = toCommittee ? 3 : 1
    if (!toCommittee && i % 5 === 2 && age > 20) {
      const day = last(addDays(received, 10))
      step = i % 10 === 2 ? 3 : 2
      await w.call(at(day), 'complaints.escalate', {
        complaintId: id,
        step: step as 2 | 3,
        date: day,
        text:
          step === 3
            ? 'Bemiddeling door de leidinggevende leidde niet tot een oplossing; klager wil naar de klachtencommissie'
            : 'Klager is niet tevreden met het gesprek; de directeur bemiddelt',
        ...(step === 3 ? { handlerId: admin?.id ?? null } : {}),
      })
    }
    if (step === 3) {
      s.atCommittee += 1
      const hearing = last(addDays(received, 21))
      if (age > 22) {
        for (const party of ['complainant', 'staff'] as const)
          await w.call(at(hearing), 'complaints.addEntry', {
            complaintId: id,
            kind: 'hearing',
            date: hearing,
            party,
            persons:
              party === 'complainant' ? 'Klager met een buurvrouw' : 'Betrokken vrijwilliger',
            text:
              party === 'complainant'
                ? 'Klager licht toe wat er gebeurde en wat zij verwacht.'
                : 'De vrijwilliger vertelt hoe het die dag ging aan de balie.',
          })
      }
      if (age > 30)
        await w.call(at(last(addDays(received, 28))), 'complaints.addEntry', {
          complaintId: id,
          kind: 'advice',
          date: last(addDays(received, 28)),
          text: 'De commissie adviseert de klacht deels gegrond te verklaren.',
          outcome: 'partly_founded',
        })
      // The committee needs more time: once, in time, with a reason.
      if (age > 35) {
        await w.call(at(last(addDays(received, 35))), 'complaints.extend', {
          complaintId: id,
          weeks: 4,
          date: last(addDays(received, 35)),
          reason: 'De klachtencommissie komt pas over drie weken weer bijeen.',
        })
        if (i % 2 === 1 && age > 60)
          await w.call(at(last(addDays(received, 60))), 'complaints.extend', {
            complaintId: id,
            weeks: 2,
            date: last(addDays(received, 60)),
            reason: 'Klager stemt schriftelijk in met later besluiten (brief in het dossier).',
            withConsent: true,
          })
      }
    }
    // Running complaints stay open; older ones are decided, most of them closed.
    if (age < 45 || (step === 3 && age < 80)) {
      s.open += 1
      continue
    }
    const decidedOn = last(addDays(received, step === 3 ? 62 : rng.int(14, 40)))
    const outcome = step === 3 ? 'partly_founded' : OUTCOMES[i % OUTCOMES.length]!
    const decided = await w.call(at(decidedOn), 'complaints.decide', {
      complaintId: id,
      date: decidedOn,
      outcome,
      text:
        outcome === 'withdrawn'
          ? 'Klager heeft de klacht ingetrokken na een gesprek.'
          : 'Na gesprekken met beide kanten is dit het besluit.',
      measures:
        outcome === 'founded' || outcome === 'partly_founded'
          ? [{ text: MEASURES[i % MEASURES.length]! }]
          : [],
    })
    for (const m of decided.measures)
      if (i % 3 !== 0)
        await w.call(at(last(addDays(decidedOn, 30))), 'complaints.measureDone', {
          measureId: m.id,
          doneOn: last(addDays(decidedOn, 30)),
        })
    const informed = last(addDays(decidedOn, 2))
    if (complainantKind !== 'anonymous')
      await w.call(at(informed), 'complaints.addEntry', {
        complaintId: id,
        kind: 'informed',
        date: informed,
        party: 'complainant',
      })
    if (story.about === 'staff')
      await w.call(at(informed), 'complaints.addEntry', {
        complaintId: id,
        kind: 'informed',
        date: informed,
        party: 'staff',
      })
    if (i % 6 === 4) {
      s.decided += 1
      continue
    }
    const closedOn = last(addDays(decidedOn, 5))
    await w.call(at(closedOn), 'complaints.close', { complaintId: id, date: closedOn })
    if (i === 8) {
      // Reopened: the complainant came back with a new fact; it is being handled again.
      const reopened = last(addDays(closedOn, 10))
      await w.call(at(reopened), 'complaints.reopen', {
        complaintId: id,
        date: reopened,
        text: 'Klager meldt dat het opnieuw gebeurde; de klacht wordt weer in behandeling genomen.',
      })
      s.open += 1
      continue
    }
    s.closed += 1
  }
  return s
}
