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

/** Matches `/households/:id` against `/households/12` -> `{ id: '12' }`, or null. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const [pathname, query = ''] = path.split('?')
  const p = pattern.split('/').filter(Boolean)
  const s = pathname.split('/').filter(Boolean)
  if (p.length !== s.length) return null
  const params: Record<string, string> = {}
  for (let i = 0; i < p.length; i++) {
    if (p[i].startsWith(':')) params[p[i].slice(1)] = decodeURIComponent(s[i])
    else if (p[i] !== s[i]) return null
  }
  new URLSearchParams(query).forEach((v, k) => {
    params[k] = v
  })
  return params
}
