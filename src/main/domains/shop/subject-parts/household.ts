import type { SubjectPart } from '../../subjects/registry'
import type { SubjectColumn } from '../../subjects/types'
import { lowerFirst, type SharedLabels } from '../../../../shared/i18n'
import { codeLabel, labelsT } from '../../../i18n'

// The letter is in Dutch; field names are the ones the household form shows.
const t = labelsT('nl')
const H = (field: keyof SharedLabels['householdFields']): string => t(`householdFields.${field}`)
const M = (field: keyof SharedLabels['memberFields']): string => t(`memberFields.${field}`)
const S = (key: string, params?: Record<string, string>): string =>
  t(`subjectAccess.household.${key}`, params ?? {})

const DETAIL_COLUMNS: SubjectColumn[] = [
  { key: 'reference', label: H('reference'), type: 'text' },
  { key: 'contactName', label: H('contactName'), type: 'text' },
  { key: 'street', label: H('street'), type: 'text' },
  { key: 'houseNumber', label: H('houseNumber'), type: 'text' },
  { key: 'postcode', label: H('postcode'), type: 'text' },
  { key: 'city', label: H('city'), type: 'text' },
  { key: 'district', label: H('district'), type: 'text' },
  { key: 'phone', label: H('phone'), type: 'text' },
  { key: 'email', label: H('email'), type: 'text' },
  { key: 'incomeSource', label: H('incomeSource'), type: 'text' },
  { key: 'maritalStatus', label: H('maritalStatus'), type: 'text' },
  { key: 'referrer', label: H('referrer'), type: 'text' },
  { key: 'proofSeenOn', label: H('proofSeenOn'), type: 'date' },
  { key: 'eligibleUntil', label: H('eligibleUntil'), type: 'date' },
  { key: 'consentDate', label: H('consentDate'), type: 'date' },
  { key: 'consentBy', label: H('consentBy'), type: 'text' },
  { key: 'status', label: H('status'), type: 'text' },
  { key: 'notes', label: H('notes'), type: 'text' },
  { key: 'createdAt', label: H('createdAt'), type: 'datetime' },
  { key: 'updatedAt', label: H('updatedAt'), type: 'datetime' },
]

const MEMBER_COLUMNS: SubjectColumn[] = [
  { key: 'firstName', label: M('firstName'), type: 'text' },
  { key: 'birthYear', label: M('birthYear'), type: 'number' },
  { key: 'gender', label: M('gender'), type: 'text' },
  { key: 'clothingSize', label: M('clothingSize'), type: 'text' },
]

/** The household's own record, with every column the table has except derived search keys. */
export const householdPart: SubjectPart = {
  key: 'household',
  title: S('title'),
  kinds: ['household'],
  processing: {
    purposes: [S('purpose')],
    categories: [
      S('categoryContact'),
      S('categoryMembers'),
      S('categoryIncome'),
      S('categoryNoBsn'),
    ],
    async sources(db, subject) {
      const h = await db
        .selectFrom('household')
        .select('referrer')
        .where('id', '=', subject.id)
        .executeTakeFirst()
      const referrer = h?.referrer?.trim()
      return [S('sourceSelf'), ...(referrer ? [S('sourceReferrer', { referrer })] : [])]
    },
  },
  async collect(db, subject) {
    const h = await db
      .selectFrom('household')
      .selectAll()
      .where('id', '=', subject.id)
      .executeTakeFirstOrThrow()
    const members = await db
      .selectFrom('member')
      .select(['firstName', 'birthYear', 'gender', 'clothingSize'])
      .where('householdId', '=', subject.id)
      .orderBy('birthYear')
      .orderBy('id')
      .execute()
    return {
      intro: S('intro'),
      tables: [
        {
          key: 'details',
          title: S('details'),
          layout: 'record',
          columns: DETAIL_COLUMNS,
          rows: [
            {
              reference: h.reference,
              contactName: h.contactName,
              street: h.street,
              houseNumber: h.houseNumber,
              postcode: h.postcode,
              city: h.city,
              district: h.district,
              phone: h.phone,
              email: h.email,
              incomeSource: codeLabel('income', h.incomeSource, t),
              maritalStatus:
                h.maritalStatus === null
                  ? null
                  : lowerFirst(codeLabel('maritalStatus', h.maritalStatus, t)),
              referrer: h.referrer,
              proofSeenOn: h.proofSeenOn,
              eligibleUntil: h.eligibleUntil,
              consentDate: h.consentDate,
              consentBy: h.consentBy,
              status: lowerFirst(codeLabel('status', h.status, t)),
              notes: h.notes,
              createdAt: h.createdAt,
              updatedAt: h.updatedAt,
            },
          ],
        },
        {
          key: 'members',
          title: S('members'),
          layout: 'table',
          columns: MEMBER_COLUMNS,
          rows: members.map((m) => ({
            firstName: m.firstName,
            birthYear: m.birthYear,
            gender: lowerFirst(codeLabel('gender', m.gender, t)),
            clothingSize: m.clothingSize,
          })),
          empty: S('noMembers'),
        },
      ],
    }
  },
}
