import type { SubjectPart } from '../subjects/registry'
import type { SubjectColumn } from '../subjects/types'
import { letterTexts } from '../../i18n'
import {
  helpRequestRows,
  householdHelpRequestRows,
  personHelpRequestRows,
  readCarerRows,
} from './queries'

/*
 * Help requests and informal care in a subject access export (AVG art. 15): a person's carer
 * record with their load over time and the support given, and every help request they asked or
 * were matched to as volunteer; for a household, the requests it asked.
 */

const T = letterTexts('support')

const col = (key: string, type: SubjectColumn['type'] = 'text'): SubjectColumn => ({
  key,
  label: T(`columns.${key}`),
  type,
})

type RequestRow = Awaited<ReturnType<typeof personHelpRequestRows>>[number]

function requestsTable(rows: readonly RequestRow[], personId: number | null) {
  return {
    key: 'helpRequests',
    title: T('requests'),
    layout: 'table' as const,
    columns: [
      col('role'),
      col('kind'),
      col('asked'),
      col('openedOn', 'date'),
      col('status'),
      col('matchedOn', 'date'),
      col('volunteer'),
      col('endedOn', 'date'),
    ],
    rows: [...rows].reverse().map((r) => ({
      role: personId !== null && r.volunteerId === personId ? T('asVolunteer') : T('asAsker'),
      kind: r.kindName,
      asked: r.asked,
      openedOn: r.openedOn,
      status: T(`statuses.${r.status}`),
      matchedOn: r.matchedOn,
      volunteer: r.volunteerName,
      endedOn: r.endedOn,
    })),
    empty: T('emptyRequests'),
  }
}

export const supportPart: SubjectPart = {
  key: 'support',
  title: T('title'),
  kinds: ['person', 'household', 'helpRequest'],
  processing: { purposes: [T('purpose')], categories: [T('category')] },
  async collect(db, subject) {
    if (subject.kind === 'household')
      return { tables: [requestsTable(await householdHelpRequestRows(db, subject.id), null)] }
    if (subject.kind === 'helpRequest') {
      // A resident who is only a name and a contact: their one request, with what they gave.
      const rows = await helpRequestRows(db).where('r.id', '=', subject.id).execute()
      return {
        tables: [
          {
            key: 'requester',
            title: T('requester'),
            layout: 'record',
            columns: [col('requesterName'), col('requesterContact')],
            rows: rows.map((r) => ({
              requesterName: r.requesterName,
              requesterContact: r.requesterContact,
            })),
          },
          requestsTable(rows, null),
        ],
      }
    }
    const [{ carer, loads, support }, requests] = await Promise.all([
      readCarerRows(db, subject.id),
      personHelpRequestRows(db, subject.id),
    ])
    return {
      tables: [
        {
          key: 'carer',
          title: T('carer'),
          layout: 'record',
          columns: [
            col('caresFor'),
            col('caringSince', 'date'),
            col('registeredOn', 'date'),
            col('endedOn', 'date'),
            col('consent'),
            col('consentOn', 'date'),
          ],
          rows: carer
            ? [
                {
                  caresFor: carer.caresFor,
                  caringSince: carer.caringSince,
                  registeredOn: carer.registeredOn,
                  endedOn: carer.endedOn,
                  consent: carer.consent === 1 ? T('yes') : T('no'),
                  consentOn: carer.consentOn,
                },
              ]
            : [],
          empty: T('emptyCarer'),
        },
        ...(carer
          ? [
              {
                key: 'loads',
                title: T('loads'),
                layout: 'table' as const,
                columns: [col('measuredOn', 'date'), col('load')],
                rows: loads.map((l) => ({
                  measuredOn: l.measuredOn,
                  load: T(`loadScale.${l.load}`),
                })),
              },
              {
                key: 'carerSupport',
                title: T('supportGiven'),
                layout: 'table' as const,
                columns: [col('givenOn', 'date'), col('supportKind'), col('note')],
                rows: [...support].reverse().map((s) => ({
                  givenOn: s.givenOn,
                  supportKind: T(`supportKinds.${s.kind}`),
                  note: s.note,
                })),
                empty: T('emptySupport'),
              },
            ]
          : []),
        requestsTable(requests, subject.id),
      ],
    }
  },
}
