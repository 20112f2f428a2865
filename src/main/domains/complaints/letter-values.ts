import type { Organisation } from '../../../shared/schemas/accounts'
import type { LetterKind, LetterValues } from '../../../shared/schemas/complaint-letters'
import { labelsT } from '../../i18n'
import { addressLines } from '../../pdf/letterhead'
import type { Db } from '../../context'
import type { LetterCopy } from './letter-pdf'
import { decisionDeadline } from './calendar'

const t = labelsT('nl')
const w = (key: string, params?: Record<string, string>): string =>
  t(`pdf.complaintLetter.${key}`, params ?? {})

/** A day as a Dutch letter writes it: "3 maart 2026". */
export function longDutchDate(day: string | null | undefined): string {
  if (!day) return w('noDate')
  const [y, m, d] = day.split('-').map(Number)
  return `${d} ${w(`months.m${m}`)} ${y}`
}

/** The description as a letter quotes it: at most about 400 characters, cut between words. */
export function summary(text: string | null, max = 400): string {
  const clean = (text ?? '').replace(/\s+/g, ' ').trim()
  if (clean.length <= max) return clean
  const cut = clean.slice(0, max)
  const space = cut.lastIndexOf(' ')
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')} …`
}

/** "directeur" becomes "de directeur"; a title that already has its article keeps it. */
export function withArticle(title: string): string {
  const clean = title.trim()
  if (!clean) return w('deciderFallback')
  return /^(de|het|een)\s/i.test(clean) ? clean : `de ${clean}`
}

export interface LetterFacts {
  organisation: Organisation
  deciderTitle: string
  /** Today: the letter's date. */
  today: string
  /** Who makes the letter; signs it when the complaint has no handler. */
  authorName: string
}

/** The fields of a complaint a letter reads. */
export interface ComplaintForLetter {
  id: number
  number: string
  receivedOn: string
  complainantKind: 'household' | 'person' | 'contact' | 'anonymous'
  complainantName: string | null
  complainantContact: string | null
  householdId: number | null
  personId: number | null
  aboutKind: 'service' | 'staff' | 'other'
  aboutAccountId: number | null
  aboutText: string | null
  description: string
  wish: string | null
  handlerId: number | null
  /** The highest step reached. */
  step: number
  ackDueOn: string
  decisionDueOn: string
  extensionWeeks: number
  decidedOn: string | null
  outcome: string | null
}

/** Entries that a later correction marked as no longer counting. */
async function voidedIds(db: Db, complaintId: number): Promise<Set<number>> {
  const rows = await db
    .selectFrom('complaintEntry')
    .select('correctsId')
    .where('complaintId', '=', complaintId)
    .where('kind', '=', 'correction')
    .where('voids', '=', 1)
    .execute()
  return new Set(rows.map((r) => r.correctsId).filter((v): v is number => v !== null))
}

/** The newest entry of a kind that still counts. */
async function lastEntry(
  db: Db,
  complaintId: number,
  kind: 'extension' | 'decision',
): Promise<{
  text: string | null
  dueOn: string | null
  date: string
  party: string | null
} | null> {
  const voided = await voidedIds(db, complaintId)
  const rows = await db
    .selectFrom('complaintEntry')
    .select(['id', 'text', 'dueOn', 'date', 'party'])
    .where('complaintId', '=', complaintId)
    .where('kind', '=', kind)
    .orderBy('id', 'desc')
    .execute()
  return rows.find((r) => !voided.has(r.id)) ?? null
}

/** The complainant's name and address lines, or null for an anonymous complaint. */
async function complainantAddress(db: Db, c: ComplaintForLetter): Promise<string[] | null> {
  if (c.complainantKind === 'household' && c.householdId !== null) {
    const h = await db
      .selectFrom('household')
      .select(['contactName', 'street', 'houseNumber', 'postcode', 'city'])
      .where('id', '=', c.householdId)
      .executeTakeFirst()
    if (h)
      return [
        h.contactName,
        [h.street, h.houseNumber].filter(Boolean).join(' '),
        [h.postcode, h.city].filter(Boolean).join('  '),
      ].filter((l) => l.trim() !== '')
  }
  if (c.complainantKind === 'person' && c.personId !== null) {
    const p = await db
      .selectFrom('person')
      .select(['firstName', 'lastName', 'address', 'postcode', 'place'])
      .where('id', '=', c.personId)
      .executeTakeFirst()
    if (p)
      return [
        `${p.firstName} ${p.lastName}`.trim(),
        p.address ?? '',
        [p.postcode, p.place].filter(Boolean).join('  '),
      ].filter((l) => l.trim() !== '')
  }
  // A name with contact details typed in (also what is left of a household or person removed
  // since): the contact as typed, one line per line.
  const name = c.complainantName?.trim()
  if (!name) return null
  return [name, ...(c.complainantContact ?? '').split(/\r?\n/).filter((l) => l.trim() !== '')]
}

/**
 * The copies of a letter and the values filled in for each: the complainant (unless anonymous)
 * and, for the extension and the decision, the staff member or volunteer complained about (at
 * the organisation's address, since the app keeps no home address of an account).
 */
export async function letterCopies(
  db: Db,
  c: ComplaintForLetter,
  kind: LetterKind,
  facts: LetterFacts,
  originalDecisionDueOn: string,
): Promise<LetterCopy[]> {
  const handler =
    c.handlerId === null
      ? null
      : await db
          .selectFrom('account')
          .select('displayName')
          .where('id', '=', c.handlerId)
          .executeTakeFirst()
  const extension = kind === 'extension' ? await lastEntry(db, c.id, 'extension') : null
  const decision = kind === 'decision' ? await lastEntry(db, c.id, 'decision') : null
  const measures =
    kind === 'decision'
      ? await db
          .selectFrom('complaintMeasure')
          .select('text')
          .where('complaintId', '=', c.id)
          .orderBy('id')
          .execute()
      : []
  const complainant = await complainantAddress(db, c)
  const base: Omit<LetterValues, 'ontvanger'> = {
    klachtnummer: c.number,
    ontvangen_op: longDutchDate(c.receivedOn),
    datum: longDutchDate(facts.today),
    klager: complainant?.[0] ?? w('anonymousComplainant'),
    omschrijving: summary(c.description),
    wens: summary(c.wish) || w('nothingStated'),
    ontvangstbevestiging_uiterlijk: longDutchDate(c.ackDueOn),
    beslistermijn: longDutchDate(c.decisionDueOn),
    oorspronkelijke_beslistermijn: longDutchDate(originalDecisionDueOn),
    nieuwe_beslistermijn: longDutchDate(extension?.dueOn ?? c.decisionDueOn),
    reden_verlenging: extension?.text?.trim() || w('nothingStated'),
    uitkomst: c.outcome ? t(`complaintCodes.outcomes.${c.outcome}`).toLowerCase() : w('noOutcome'),
    toelichting: decision?.text?.trim() || '',
    maatregelen: measures.length
      ? measures.map((m) => `- ${m.text.replace(/\s+/g, ' ').trim()}`).join('\n')
      : w('noMeasures'),
    // Who decided: at step 3 the role the decision names (the settings' title then); before the
    // committee the handler, else the organisation.
    beslisser: decision?.party
      ? withArticle(decision.party)
      : c.step === 3
        ? withArticle(facts.deciderTitle)
        : (handler?.displayName ?? (facts.organisation.name || w('thisOrganisation'))),
    behandelaar: handler?.displayName ?? facts.authorName,
    organisatie: facts.organisation.name || w('thisOrganisation'),
    organisatie_adres: addressLines(facts.organisation).join(', '),
  }
  const copies: LetterCopy[] = []
  if (complainant)
    copies.push({ address: complainant, values: { ...base, ontvanger: complainant[0]! } })
  if (kind !== 'acknowledgement' && c.aboutKind === 'staff') {
    // The account when there is one; else the name typed for someone without an account.
    const about =
      c.aboutAccountId === null
        ? c.aboutText?.trim() || null
        : ((
            await db
              .selectFrom('account')
              .select('displayName')
              .where('id', '=', c.aboutAccountId)
              .executeTakeFirst()
          )?.displayName ?? null)
    if (about)
      copies.push({
        address: [
          about,
          facts.organisation.name || w('thisOrganisation'),
          ...addressLines(facts.organisation),
        ],
        values: { ...base, ontvanger: about },
      })
  }
  return copies
}

/**
 * The decision deadline as it was before any extension: the same rule as the complaint's own
 * (its weeks as they were at receipt), without the extension.
 */
export function originalDecisionDue(c: {
  receivedOn: string
  decisionDueOn: string
  decisionWeeks: number
  extensionWeeks: number
}): string {
  if (c.extensionWeeks <= 0) return c.decisionDueOn
  return decisionDeadline(c.receivedOn, c.decisionWeeks).dueOn
}
