import type { MethodParsed } from '../../../shared/api'
import { validationError, type FieldError } from '../../../shared/errors'
import { addDays, toDutchDate } from '../../../shared/dates'
import type {
  Contact,
  ContactKind,
  PersonContacts,
} from '../../../shared/schemas/volunteers-followup'
import type { Db, ServiceContext } from '../../context'
import { audit } from '../audit/audit'
import { personOrThrow, writablePerson } from './followup-queries'

/** A next contact is planned at most a year ahead (the message says "hoogstens een jaar"). */
const NEXT_CONTACT_AHEAD_DAYS = 365

async function readContacts(db: Db, personId: number, onlyId?: number): Promise<Contact[]> {
  const rows = await db
    .selectFrom('personContact as c')
    .leftJoin('account as a', 'a.id', 'c.byAccountId')
    .select([
      'c.id',
      'c.personId',
      'c.contactedOn',
      'c.kind',
      'c.byAccountId',
      'a.displayName as byName',
      'c.note',
      'c.nextOn',
    ])
    .where('c.personId', '=', personId)
    .$if(onlyId !== undefined, (q) => q.where('c.id', '=', onlyId ?? 0))
    .orderBy('c.contactedOn', 'desc')
    .orderBy('c.id', 'desc')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    personId: r.personId,
    contactedOn: r.contactedOn,
    kind: r.kind as ContactKind,
    byAccountId: r.byAccountId ?? null,
    byName: r.byName ?? null,
    note: r.note ?? null,
    nextOn: r.nextOn ?? null,
  }))
}

/**
 * Logs a contact after matching: the day (not in the future, not before the registration), the
 * kind, by the user, a short note and when to get in touch next. An evaluation may review the
 * trajectory's goals: each goal's status as it stands now (a goal closed here is closed on the
 * contact's day; one reopened loses its closing day), in the same transaction.
 */
export async function logContact(
  ctx: ServiceContext,
  input: MethodParsed<'contacts.log'>,
): Promise<Contact> {
  const id = await ctx.db.transaction().execute(async (trx) => {
    const person = await writablePerson(trx, input.personId)
    const problems: FieldError[] = []
    if (input.contactedOn > ctx.clock.today())
      problems.push({ path: 'contactedOn', key: 'futureDate' })
    else if (input.contactedOn < person.registeredOn)
      problems.push({
        path: 'contactedOn',
        key: 'beforeRegistration',
        params: { date: toDutchDate(person.registeredOn) },
      })
    // A typo in the year (2200) would keep the person off the dashboard for good.
    const latestNext = addDays(ctx.clock.today(), NEXT_CONTACT_AHEAD_DAYS)
    if (input.nextOn && input.nextOn > latestNext)
      problems.push({
        path: 'nextOn',
        key: 'arrivesTooFar',
        params: { date: toDutchDate(latestNext) },
      })
    const goals = input.goalReviews.length
      ? await trx
          .selectFrom('planGoal')
          .select(['id', 'status', 'closedOn'])
          .where('personId', '=', input.personId)
          .where(
            'id',
            'in',
            input.goalReviews.map((g) => g.goalId),
          )
          .execute()
      : []
    const goalById = new Map(goals.map((g) => [g.id, g]))
    input.goalReviews.forEach((g, i) => {
      if (!goalById.has(g.goalId))
        problems.push({ path: `goalReviews.${i}.goalId`, key: 'unknownOption' })
    })
    if (problems.length) throw validationError(problems)

    const { id } = await trx
      .insertInto('personContact')
      .values({
        personId: input.personId,
        contactedOn: input.contactedOn,
        kind: input.kind,
        byAccountId: ctx.session.userId,
        note: input.note,
        nextOn: input.nextOn,
        createdAt: ctx.clock.now().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const subject = { kind: 'person', id: input.personId }
    await audit(trx, ctx, {
      action: 'create',
      entityType: 'personContact',
      entityId: id,
      subject,
      fields: [
        'contactedOn',
        'kind',
        ...(input.note ? ['note'] : []),
        ...(input.nextOn ? ['nextOn'] : []),
      ],
    })
    let goalsChanged = false
    for (const g of input.goalReviews) {
      const old = goalById.get(g.goalId)
      if (!old || old.status === g.status) continue
      const closedOn = g.status === 'open' ? null : input.contactedOn
      await trx
        .updateTable('planGoal')
        .set({ status: g.status, closedOn })
        .where('id', '=', g.goalId)
        .execute()
      goalsChanged = true
    }
    if (goalsChanged) {
      await trx
        .updateTable('plan')
        .set({ updatedAt: ctx.clock.now().toISOString() })
        .where('personId', '=', input.personId)
        .execute()
      await audit(trx, ctx, {
        action: 'update',
        entityType: 'plan',
        entityId: input.personId,
        subject,
        fields: ['goals'],
        detail: 'evaluation',
      })
    }
    return id
  })
  const [c] = await readContacts(ctx.db, input.personId, id)
  return c
}

/** A person's contacts, newest first, and the next contact date of the latest; audited. */
export async function listContacts(
  ctx: ServiceContext,
  input: MethodParsed<'contacts.list'>,
): Promise<PersonContacts> {
  await personOrThrow(ctx.db, input.personId)
  const contacts = await readContacts(ctx.db, input.personId)
  await audit(ctx.db, ctx, {
    action: 'view',
    entityType: 'personContact',
    subject: { kind: 'person', id: input.personId },
  })
  return { contacts, nextOn: contacts[0]?.nextOn ?? null }
}
