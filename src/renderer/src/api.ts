import type { MethodInput, MethodName, MethodOutput } from '../../shared/api'
import { AppError, isAppErrorData, type ApiResult, type AppErrorData } from '../../shared/errors'
import { tagBytes, untagBytes } from '../../shared/tagged-bytes'

/** The browser bridge hands a tab its session in this header after logging in or out. */
const SESSION_HEADER = 'X-Dichtbij-Session'
const SESSION_KEY = 'dichtbij.session'

/** The bridge's path and header for a restore upload (see scripts/web-server.ts). */
const UPLOAD_PATH = 'api/upload'
const CALL_HEADER = 'X-Dichtbij-Call'

/**
 * Bytes from their base64 form, decoded a piece at a time (a backup can be large). Only called
 * on text the tag codec found to be base64.
 */
function base64ToBytes(base64: string): Uint8Array {
  const bytes = new Uint8Array(Math.ceil((base64.length * 3) / 4))
  let length = 0
  // A multiple of 4 characters, so each piece decodes on its own.
  const step = 4 * 65_536
  for (let i = 0; i < base64.length; i += step) {
    const binary = atob(base64.slice(i, i + step))
    for (let j = 0; j < binary.length; j++) bytes[length++] = binary.charCodeAt(j)
  }
  return bytes.subarray(0, length)
}

/** Bytes as base64, a piece at a time (String.fromCharCode takes only so many arguments). */
function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = []
  // A multiple of 3 bytes, so the pieces join without padding in between.
  const step = 3 * 8_192
  for (let i = 0; i < bytes.length; i += step)
    parts.push(btoa(String.fromCharCode(...bytes.subarray(i, i + step))))
  return parts.join('')
}

/**
 * A restore from a picked file: the bridge takes the file's bytes as the raw body (ordinary calls
 * are kept small) and the rest of the call, without the bytes, in a header.
 */
function uploadOf(method: string, input: unknown): { headers: HeadersInit; body: BodyInit } | null {
  if (method !== 'backup.restore' && method !== 'setup.restore') return null
  const { source, ...rest } = (input ?? {}) as { source?: { kind?: unknown; bytes?: unknown } }
  if (source?.kind !== 'upload' || !(source.bytes instanceof Uint8Array)) return null
  const { bytes, ...described } = source as { bytes: Uint8Array<ArrayBuffer> }
  const call = JSON.stringify({ method, input: { ...rest, source: described } })
  return {
    headers: {
      'Content-Type': 'application/octet-stream',
      [CALL_HEADER]: encodeURIComponent(call),
    },
    body: new Blob([bytes]),
  }
}

/**
 * In the browser build (`npm run web`) there is no `window.api`. The session token `auth.login`
 * issued is kept for this tab only (sessionStorage), and sent back as a bearer token.
 */
async function transport(method: string, input: unknown): Promise<unknown> {
  if (window.api) return window.api.call(method, input)
  const token = sessionStorage.getItem(SESSION_KEY)
  const auth: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {}
  const upload = uploadOf(method, input)
  const res = upload
    ? await fetch(UPLOAD_PATH, {
        method: 'POST',
        headers: { ...upload.headers, ...auth },
        body: upload.body,
      })
    : await fetch('api', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...auth },
        // Bytes anywhere else in a call go as `{ "$bytes": "<base64>" }`, as results come.
        body: JSON.stringify({ method, input: tagBytes(input, bytesToBase64) }),
      })
  const issued = res.headers.get(SESSION_HEADER)
  if (issued !== null) {
    if (issued) sessionStorage.setItem(SESSION_KEY, issued)
    else sessionStorage.removeItem(SESSION_KEY)
  }
  // A refusal by the bridge itself (too large, another upload busy) comes in the API's shape.
  if (!res.ok && (res.headers.get('Content-Type') ?? '').startsWith('application/json'))
    return res.json()
  if (!res.ok) return { ok: false, error: { code: 'FORBIDDEN', key: 'forbidden' } }
  const answer: unknown = await res.json()
  try {
    // A file main made (a PDF, a backup) reaches the screen as bytes, as it does over IPC.
    return untagBytes(answer, base64ToBytes)
  } catch {
    return { ok: false, error: { code: 'INTERNAL', key: 'internal' } }
  }
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

type RefusalListener = (error: AppErrorData) => void
const refusalListeners = new Set<RefusalListener>()

/**
 * Tells a listener about every refusal main answers, whichever screen made the call: a screen
 * that keeps something main decides (the volunteers' rights) can read it again at once.
 */
export function onRefusal(listener: RefusalListener): () => void {
  refusalListeners.add(listener)
  return () => refusalListeners.delete(listener)
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
  if (error) refusalListeners.forEach((l) => l(error))
  throw new AppError(error ?? { code: 'INTERNAL', key: 'internal' })
}
