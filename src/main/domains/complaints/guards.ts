import { AppError } from '../../../shared/errors'
import type { Db, ServiceContext } from '../../context'

/**
 * The account a complaint is about may read it but never write to it: not an entry, a correction,
 * a term, a decision, a letter or a handler. Checking only the handler field left every other
 * write open to them.
 */
export function refuseIfAbout(
  complaint: { aboutAccountId: number | null },
  ctx: Pick<ServiceContext, 'session'>,
): void {
  if (complaint.aboutAccountId !== null && complaint.aboutAccountId === ctx.session.userId)
    throw new AppError({ code: 'FORBIDDEN', key: 'complaintAboutYou' })
}

/**
 * The name people know the signed-in account by, as the timeline shows it for every other
 * entry; the username is a login, not a name.
 */
export async function sessionDisplayName(
  db: Db,
  ctx: Pick<ServiceContext, 'session'>,
): Promise<string> {
  const a = await db
    .selectFrom('account')
    .select('displayName')
    .where('id', '=', ctx.session.userId)
    .executeTakeFirst()
  return a?.displayName ?? ctx.session.userName
}
