import { useEffect, useState } from 'react'

/** The app's few screens are addressed by the URL fragment: `#/households/12`. */
export function currentPath(): string {
  const h = window.location.hash.replace(/^#/, '')
  return h.startsWith('/') ? h : '/'
}

export function navigate(path: string): void {
  window.location.hash = path
}

export function useHashPath(): string {
  const [path, setPath] = useState(currentPath)
  useEffect(() => {
    const onChange = (): void => setPath(currentPath())
    window.addEventListener('hashchange', onChange)
    return () => window.removeEventListener('hashchange', onChange)
  }, [])
  return path
}

/** `decodeURIComponent`, or null for a malformed escape such as `%E0`. */
function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment)
  } catch {
    return null
  }
}

/**
 * Matches `/households/:id` against `/households/12` -> `{ id: '12' }`, or null. A segment that
 * cannot be decoded (`/households/%E0`, typed or pasted by hand) matches nothing.
 */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const [pathname, query = ''] = path.split('?')
  const p = pattern.split('/').filter(Boolean)
  const s = pathname.split('/').filter(Boolean)
  if (p.length !== s.length) return null
  const params: Record<string, string> = {}
  for (let i = 0; i < p.length; i++) {
    if (p[i].startsWith(':')) {
      const value = decodeSegment(s[i])
      if (value === null) return null
      params[p[i].slice(1)] = value
    } else if (p[i] !== s[i]) return null
  }
  new URLSearchParams(query).forEach((v, k) => {
    params[k] = v
  })
  return params
}

/** A record id in a path: digits only, more than zero (`12`, not `abc`, `1e3` or `0`). */
export function recordId(param: string | undefined): number | null {
  if (!param || !/^\d{1,15}$/.test(param)) return null
  const id = Number(param)
  return id > 0 ? id : null
}
