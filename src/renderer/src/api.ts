import type { MethodInput, MethodName, MethodOutput } from '../../shared/api'
import { AppError, isAppErrorData, type ApiResult, type AppErrorData } from '../../shared/errors'

/** The browser bridge hands a tab its session in this header after logging in or out. */
const SESSION_HEADER = 'X-Dichtbij-Session'
const SESSION_KEY = 'dichtbij.session'

/**
 * In the browser build (`npm run web`) there is no `window.api`. The session token `auth.login`
 * issued is kept for this tab only (sessionStorage), and sent back as a bearer token.
 */
async function transport(method: string, input: unknown): Promise<unknown> {
  if (window.api) return window.api.call(method, input)
  const token = sessionStorage.getItem(SESSION_KEY)
  const res = await fetch('api', {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ method, input }),
  })
  const issued = res.headers.get(SESSION_HEADER)
  if (issued !== null) {
    if (issued) sessionStorage.setItem(SESSION_KEY, issued)
    else sessionStorage.removeItem(SESSION_KEY)
  }
  if (!res.ok) return { ok: false, error: { code: 'FORBIDDEN', key: 'forbidden' } }
  return res.json()
}

type AuthListener = (error: AppErrorData) => void
const authListeners = new Set<AuthListener>()

/**
 * Tells the app shell when main says the screen is locked or nobody is logged in, whichever
 * screen made the call, so it can show the lock or login screen at once.
 */
export function onAuthProblem(listener: AuthListener): () => void {
  authListeners.add(listener)
  return () => authListeners.delete(listener)
}

/**
 * Locked, logged out, or refused for a role or a pending password change: each may mean the
 * session changed in main (an admin changed the role or reset the password), so the shell
 * looks again.
 */
function isAuthProblem(e: AppErrorData): boolean {
  return (
    e.code === 'LOCKED' ||
    (e.code === 'FORBIDDEN' && ['notLoggedIn', 'forbidden', 'mustChangePassword'].includes(e.key))
  )
}

/** Calls main; resolves with the result or rejects with an AppError (code, key, fields). */
export async function call<M extends MethodName>(
  method: M,
  input: MethodInput<M>,
): Promise<MethodOutput<M>> {
  const result = (await transport(method, input)) as ApiResult<MethodOutput<M>>
  if (result && result.ok === true) return result.value
  const error = result && !result.ok && isAppErrorData(result.error) ? result.error : null
  if (error && isAuthProblem(error)) authListeners.forEach((l) => l(error))
  throw new AppError(error ?? { code: 'INTERNAL', key: 'internal' })
}
