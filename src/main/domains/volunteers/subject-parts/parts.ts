import type { SubjectPart } from '../../subjects/registry'
import type { SubjectColumn } from '../../subjects/types'
import { codeLabel, letterTexts } from '../../../i18n'

/**
 * A person of the volunteers domain as a data subject: what the subject access export (AVG art.
 * 15) shows of them. Three parts: the person's own record (profile, options, availability,
 * doorstroom), their placements, and the follow-up (hours, measurements, plan, contacts).
 */

const P = letterTexts('person')
const PL = letterTexts('volunteerPlacements')
const F = letterTexts('volunteerFollowUp')

const col = (
  t: (k: string) => string,
  key: string,
  type: SubjectColumn['type'] = 'text',
): SubjectColumn => ({ key, label: t(`columns.${key}`), type })

const yesNo = (v: number): string => (v === 1 ? P('yes') : P('no'))

export const personPart: SubjectPart = {
  key: 'person',
  title: P('title'),
  kinds: ['person'],
  processing: {
    purposes: [P('purpose')],
    categories: [P('categoryContact'), P('categoryTrajectory')],
    async sources(db, subject) {
      const p = await db
        .selectFrom('person as p')
        .leftJoin('volOption as o', 'o.id', 'p.referralSourceId')
        .leftJoin('household as h', 'h.id', 'p.householdId')
        .select(['o.name as via', 'p.referrer', 'h.reference'])
        .where('p.id', '=', subject.id)
        .executeTakeFirst()
      return [
        P('sourceSelf'),
        ...(p?.via ? [P('sourceVia', { via: p.via })] : []),
        ...(p?.referrer ? [P('sourceReferrer', { referrer: p.referrer })] : []),
        ...(p?.reference ? [P('sourceHousehold', { reference: p.reference })] : []),
      ]
    },
  },
  async collect(db, subject) {
    const p = await db
      .selectFrom('person as p')
      .leftJoin('programme as g', 'g.id', 'p.programmeId')
      .leftJoin('volOption as o', 'o.id', 'p.referralSourceId')
      .leftJoin('household as h', 'h.id', 'p.householdId')
      .selectAll('p')
      .select(['g.name as programme', 'o.name as referralSource', 'h.reference as household'])
      .where('p.id', '=', subject.id)
      .executeTakeFirstOrThrow()
    const options = await db
      .selectFrom('personOption as po')
      .innerJoin('volOption as o', 'o.id', 'po.optionId')
      .select(['o.kind', 'o.name', 'o.demand'])
      .where('po.personId', '=', subject.id)
      .orderBy('o.kind')
      .orderBy('o.sort')
      .orderBy('o.searchName')
      .execute()
    const slots = await db
      .selectFrom('personSlot')
      .select(['weekday', 'part'])
      .where('personId', '=', subject.id)
      .orderBy('weekday')
      .orderBy('part')
      .execute()
    const moves = await db
      .selectFrom('personMove')
      .select(['movedOn', 'toText', 'note'])
      .where('personId', '=', subject.id)
      .orderBy('movedOn')
      .orderBy('id')
      .execute()
    const code = (table: string, v: string | null): string | null =>
      v === null ? null : P(`codes.${table}.${v}`)
    return {
      intro: P('intro'),
      tables: [
        {
          key: 'details',
          title: P('details'),
          layout: 'record',
          columns: [
            col(P, 'reference'),
            col(P, 'firstName'),
            col(P, 'lastName'),
            col(P, 'phone'),
            col(P, 'email'),
            col(P, 'address'),
            col(P, 'postcode'),
            col(P, 'place'),
            col(P, 'district'),
            col(P, 'birthYear', 'number'),
            col(P, 'gender'),
            col(P, 'maritalStatus'),
            col(P, 'registeredOn', 'date'),
            col(P, 'intakeOn', 'date'),
            col(P, 'programme'),
            col(P, 'participationDuty'),
            col(P, 'dutyToApply'),
            col(P, 'ownTransport'),
            col(P, 'languages'),
            col(P, 'referralSource'),
            col(P, 'referrer'),
            col(P, 'household'),
            col(P, 'status'),
            col(P, 'notes'),
            col(P, 'outflowKind'),
            col(P, 'outflowOn', 'date'),
            col(P, 'outflowNote'),
            col(P, 'createdAt', 'datetime'),
            col(P, 'updatedAt', 'datetime'),
          ],
          rows: [
            {
              reference: p.reference,
              firstName: p.firstName,
              lastName: p.lastName,
              phone: p.phone,
              email: p.email,
              address: p.address,
              postcode: p.postcode,
              place: p.place,
              district: p.district,
              birthYear: p.birthYear,
              gender: code('gender', p.gender),
              maritalStatus: code('maritalStatus', p.maritalStatus),
              registeredOn: p.registeredOn,
              intakeOn: p.intakeOn,
              programme: p.programme,
              participationDuty: yesNo(p.participationDuty),
              dutyToApply: yesNo(p.dutyToApply),
              ownTransport: yesNo(p.ownTransport),
              languages: p.languages,
              referralSource: p.referralSource,
              referrer: p.referrer,
              household: p.household,
              status: code('status', p.status),
              notes: p.notes,
              outflowKind: code('outflow', p.outflowKind),
              outflowOn: p.outflowOn,
              outflowNote: p.outflowNote,
              createdAt: p.createdAt,
              updatedAt: p.updatedAt,
            },
          ],
        },
        {
          key: 'options',
          title: P('options'),
          layout: 'table',
          columns: [col(P, 'kind'), col(P, 'name'), col(P, 'demand')],
          rows: options.map((o) => ({
            kind: code('optionKind', o.kind),
            name: o.name,
            demand: code('demand', o.demand),
          })),
          empty: P('emptyOptions'),
        },
        {
          key: 'availability',
          title: P('availability'),
          layout: 'table',
          columns: [col(P, 'weekday'), col(P, 'part')],
          rows: slots.map((s) => ({
            weekday: code('weekday', String(s.weekday)),
            part: codeLabel('parts', s.part).toLowerCase(),
          })),
          empty: P('emptyAvailability'),
        },
        {
          key: 'moves',
          title: P('moves'),
          layout: 'table',
          columns: [col(P, 'movedOn', 'date'), col(P, 'toText'), col(P, 'note')],
          rows: moves,
          empty: P('emptyMoves'),
        },
      ],
    }
  },
}

export const volunteerPlacementsPart: SubjectPart = {
  key: 'volunteerPlacements',
  title: PL('title'),
  kinds: ['person'],
  processing: {
    purposes: [PL('purpose')],
    categories: [PL('category')],
    async recipients(db, subject) {
      const rows = await db
        .selectFrom('placement as pl')
        .innerJoin('vacancy as v', 'v.id', 'pl.vacancyId')
        .innerJoin('partner as o', 'o.id', 'v.partnerId')
        .select('o.name')
        .distinct()
        .where('pl.personId', '=', subject.id)
        .where('o.isOwn', '=', 0)
        .orderBy('o.name')
        .execute()
      return rows.length ? [PL('recipient', { names: rows.map((r) => r.name).join(', ') })] : []
    },
  },
  async collect(db, subject) {
    const rows = await db
      .selectFrom('placement as pl')
      .innerJoin('vacancy as v', 'v.id', 'pl.vacancyId')
      .innerJoin('partner as o', 'o.id', 'v.partnerId')
      .selectAll('pl')
      .select(['v.title as vacancy', 'o.name as organisation'])
      .where('pl.personId', '=', subject.id)
      .orderBy('pl.proposedOn')
      .orderBy('pl.id')
      .execute()
    const slots = rows.length
      ? await db
          .selectFrom('placementSlot')
          .select(['placementId', 'weekday', 'part'])
          .where(
            'placementId',
            'in',
            rows.map((r) => r.id),
          )
          .orderBy('weekday')
          .execute()
      : []
    const halfDays = (id: number): string =>
      slots
        .filter((s) => s.placementId === id)
        .map(
          (s) => `${P(`codes.weekday.${s.weekday}`)} ${codeLabel('parts', s.part).toLowerCase()}`,
        )
        .join(', ')
    const dates = [
      'proposedOn',
      'introductionOn',
      'trialOn',
      'trialEndsOn',
      'placedOn',
      'endedOn',
      'declinedOn',
    ] as const
    return {
      tables: [
        {
          key: 'placements',
          layout: 'table',
          columns: [
            col(PL, 'vacancy'),
            col(PL, 'organisation'),
            col(PL, 'step'),
            ...dates.map((d) => col(PL, d, 'date')),
            col(PL, 'reason'),
            col(PL, 'overrideReason'),
            col(PL, 'halfDays'),
          ],
          rows: rows.map((r) => ({
            vacancy: r.vacancy,
            organisation: r.organisation,
            step: PL(`steps.${r.step}`),
            ...Object.fromEntries(dates.map((d) => [d, r[d]])),
            reason: r.reason,
            overrideReason: r.overrideReason,
            halfDays: halfDays(r.id),
          })),
          empty: PL('empty'),
        },
      ],
    }
  },
}

export const volunteerFollowUpPart: SubjectPart = {
  key: 'volunteerFollowUp',
  title: F('title'),
  kinds: ['person'],
  processing: { purposes: [F('purpose')], categories: [F('category')] },
  async collect(db, subject) {
    const id = subject.id
    const hours = await db
      .selectFrom('volunteerHours as h')
      .leftJoin('placement as pl', 'pl.id', 'h.placementId')
      .leftJoin('vacancy as v', 'v.id', 'pl.vacancyId')
      .select(['h.month', 'v.title as placement', 'h.hours'])
      .where('h.personId', '=', id)
      .orderBy('h.month')
      .orderBy('h.id')
      .execute()
    const measurements = await db
      .selectFrom('measurement as m')
      .leftJoin('account as a', 'a.id', 'm.byAccountId')
      .select(['m.id', 'm.measuredOn', 'm.moment', 'm.version', 'm.ladder', 'a.displayName as by'])
      .where('m.personId', '=', id)
      .orderBy('m.measuredOn')
      .orderBy('m.id')
      .execute()
    const scores = measurements.length
      ? await db
          .selectFrom('measurementScore')
          .select(['measurementId', 'domain', 'score'])
          .where(
            'measurementId',
            'in',
            measurements.map((m) => m.id),
          )
          .execute()
      : []
    const plan = await db
      .selectFrom('plan')
      .select(['barriers', 'aim', 'updatedAt'])
      .where('personId', '=', id)
      .executeTakeFirst()
    const goals = await db
      .selectFrom('planGoal')
      .select(['text', 'zrmDomain', 'status', 'closedOn'])
      .where('personId', '=', id)
      .orderBy('id')
      .execute()
    const reviews = await db
      .selectFrom('planReview')
      .select(['plannedOn', 'doneOn', 'note'])
      .where('personId', '=', id)
      .orderBy('plannedOn')
      .orderBy('id')
      .execute()
    const contacts = await db
      .selectFrom('personContact as c')
      .leftJoin('account as a', 'a.id', 'c.byAccountId')
      .select(['c.contactedOn', 'c.kind', 'a.displayName as by', 'c.note', 'c.nextOn'])
      .where('c.personId', '=', id)
      .orderBy('c.contactedOn')
      .orderBy('c.id')
      .execute()
    const domain = (d: string): string => codeLabel('zrm.domains', d)
    return {
      tables: [
        {
          key: 'hours',
          title: F('hours'),
          layout: 'table',
          columns: [col(F, 'month'), col(F, 'placement'), col(F, 'hours', 'number')],
          rows: hours,
          empty: F('emptyHours'),
        },
        {
          key: 'measurements',
          title: F('measurements'),
          layout: 'table',
          columns: [
            col(F, 'measuredOn', 'date'),
            col(F, 'moment'),
            col(F, 'version'),
            col(F, 'ladder', 'number'),
            col(F, 'scores'),
            col(F, 'by'),
          ],
          rows: measurements.map((m) => ({
            measuredOn: m.measuredOn,
            moment: codeLabel('zrm.moments', m.moment).toLowerCase(),
            version: codeLabel('zrm.versions', m.version),
            ladder: m.ladder,
            scores: scores
              .filter((s) => s.measurementId === m.id)
              .map((s) => `${domain(s.domain)} ${s.score}`)
              .join('; '),
            by: m.by ?? null,
          })),
          empty: F('emptyMeasurements'),
        },
        {
          key: 'plan',
          title: F('plan'),
          layout: 'record',
          columns: [col(F, 'barriers'), col(F, 'aim'), col(F, 'updatedAt', 'datetime')],
          rows: plan
            ? [
                {
                  barriers: plan.barriers,
                  aim: plan.aim ? F(`aims.${plan.aim}`) : null,
                  updatedAt: plan.updatedAt,
                },
              ]
            : [],
          empty: F('emptyPlan'),
        },
        {
          key: 'goals',
          title: F('goals'),
          layout: 'table',
          columns: [
            col(F, 'text'),
            col(F, 'zrmDomain'),
            col(F, 'status'),
            col(F, 'closedOn', 'date'),
          ],
          rows: goals.map((g) => ({
            text: g.text,
            zrmDomain: g.zrmDomain ? domain(g.zrmDomain) : null,
            status: F(`goalStatus.${g.status}`),
            closedOn: g.closedOn,
          })),
          empty: F('emptyGoals'),
        },
        {
          key: 'reviews',
          title: F('reviews'),
          layout: 'table',
          columns: [col(F, 'plannedOn', 'date'), col(F, 'doneOn', 'date'), col(F, 'note')],
          rows: reviews,
          empty: F('emptyReviews'),
        },
        {
          key: 'contacts',
          title: F('contacts'),
          layout: 'table',
          columns: [
            col(F, 'contactedOn', 'date'),
            col(F, 'kind'),
            col(F, 'by'),
            col(F, 'note'),
            col(F, 'nextOn', 'date'),
          ],
          rows: contacts.map((c) => ({
            contactedOn: c.contactedOn,
            kind: F(`contactKinds.${c.kind}`),
            by: c.by ?? null,
            note: c.note,
            nextOn: c.nextOn,
          })),
          empty: F('emptyContacts'),
        },
      ],
    }
  },
}
