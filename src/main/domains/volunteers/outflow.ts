import { auditNote } from '../../../shared/audit-text'
import { toDutchDate } from '../../../shared/dates'
import { validationError } from '../../../shared/errors'
import { subjectAccessNl } from '../../../shared/i18n/subject-access'
import type { OutflowKind } from '../../../shared/schemas/volunteers'
import { ACTIVE_STEPS } from '../../../shared/schemas/volunteers-matching'
import type { Db, ServiceContext } from '../../context'
import { audit } from '../audit/audit'

/*
 * Outflow ends what the person was still doing: a person who left holds no place, no half-days,
 * is asked no hours and is not on the board. A proposal that never started is declined, anything
 * from the introduction on is ended, both on the outflow day. Undoing the outflow does not reopen
 * them: the coordinator proposes again if the person comes back.
 */

const PERSON_STATUS_RANK = { registered: 0, intake: 1, active: 2 } as const
type OpenStatus = keyof typeof PERSON_STATUS_RANK

/**
 * The status the facts ask for at least: an intake date means 'intake', a placement in step
 * "placed" means 'active'. A coordinator may set a higher status by hand, never a lower one.
 */
export async function statusByFacts(
  db: Db,
  personId: number,
  intakeOn: string | null,
  chosen: OpenStatus | null,
): Promise<OpenStatus> {
  const placed = await db
    .selectFrom('placement')
    .select('id')
    .where('personId', '=', personId)
    .where('step', '=', 'placed')
    .executeTakeFirst()
  const floor: OpenStatus = placed ? 'active' : intakeOn ? 'intake' : 'registered'
  if (!chosen) return floor
  return PERSON_STATUS_RANK[chosen] > PERSON_STATUS_RANK[floor] ? chosen : floor
}

/** The text stored as the reason of a placement the outflow closed (stored data is Dutch). */
export function outflowReason(kind: OutflowKind, on: string): string {
  return `Uitstroom (${subjectAccessNl.person.codes.outflow[kind]}) op ${toDutchDate(on)}`
}

/**
 * Ends or declines every running placement of the person on the outflow day, each audited under
 * the person. An outflow day before a placement's last dated step is refused, naming that day,
 * so no placement ends before it began. Returns how many it closed.
 */
export async function closePlacementsForOutflow(
  trx: Db,
  ctx: ServiceContext,
  personId: number,
  kind: OutflowKind,
  on: string,
): Promise<number> {
  const running = await trx
    .selectFrom('placement')
    .select(['id', 'step', 'proposedOn', 'introductionOn', 'trialOn', 'placedOn'])
    .where('personId', '=', personId)
    .where('step', 'in', [...ACTIVE_STEPS])
    .execute()
  const latest = running
    .flatMap((p) => [p.proposedOn, p.introductionOn, p.trialOn, p.placedOn])
    .filter((d): d is string => !!d)
    .reduce<string | null>((a, b) => (a === null || b > a ? b : a), null)
  if (latest && on < latest)
    throw validationError([
      { path: 'on', key: 'outflowBeforePlacementStep', params: { date: toDutchDate(latest) } },
    ])
  const reason = outflowReason(kind, on)
  const now = ctx.clock.now().toISOString()
  for (const p of running) {
    const to = p.step === 'proposed' ? 'declined' : 'ended'
    const column = to === 'declined' ? 'declinedOn' : 'endedOn'
    await trx
      .updateTable('placement')
      .set({ step: to, [column]: on, reason, updatedAt: now })
      .where('id', '=', p.id)
      .execute()
    await audit(trx, ctx, {
      action: 'update',
      entityType: 'placement',
      entityId: p.id,
      subject: { kind: 'person', id: personId },
      fields: ['step', column, 'reason'],
      detail: auditNote({ k: 'stepChanged', fromStep: p.step, toStep: to }),
    })
  }
  return running.length
}
