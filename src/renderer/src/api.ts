import type { MethodInput, MethodName, MethodOutput } from '../../shared/api'
import { AppError, isAppErrorData, type ApiResult } from '../../shared/errors'

const TOKEN_KEY = 'dichtbij.webToken'

/**
 * In the browser build (`npm run web`) there is no `window.api`; the bridge's token arrives in
 * the URL's fragment once and is kept for this tab only. Called at start-up, before any screen
 * changes the fragment.
 */
export function captureWebToken(): void {
  const m = /(?:^|[#&])token=([A-Za-z0-9_-]+)/.exec(window.location.hash)
  if (!m) return
  sessionStorage.setItem(TOKEN_KEY, m[1])
  history.replaceState(null, '', window.location.pathname + window.location.search)
}

function webToken(): string | null {
  captureWebToken()
  return sessionStorage.getItem(TOKEN_KEY)
}

async function transport(method: string, input: unknown): Promise<unknown> {
  if (window.api) return window.api.call(method, input)
  const token = webToken()
  const res = await fetch('api', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token ?? ''}` },
    body: JSON.stringify({ method, input }),
  })
  if (res.status === 401) return { ok: false, error: { code: 'FORBIDDEN', key: 'forbidden' } }
  return res.json()
}

/** Calls main; resolves with the result or rejects with an AppError (code, key, fields). */
export async function call<M extends MethodName>(
  method: M,
  input: MethodInput<M>,
): Promise<MethodOutput<M>> {
  const result = (await transport(method, input)) as ApiResult<MethodOutput<M>>
  if (result && result.ok === true) return result.value
  const error = result && !result.ok && isAppErrorData(result.error) ? result.error : null
  throw new AppError(error ?? { code: 'INTERNAL', key: 'internal' })
}
