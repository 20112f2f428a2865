/**
 * Browser APIs that Mantine and mantine-datatable use and jsdom lacks. Import this first in a
 * renderer test (after the `@vitest-environment jsdom` docblock). Each stub is only installed
 * when the API is missing, so importing it twice, or from several files, is harmless.
 */

import { configure } from '@testing-library/react'

// Two shared cores running the whole suite can be slow to render; waiting longer costs nothing
// when the screen is right, and a wrong screen still fails.
configure({ asyncUtilTimeout: 5000 })

/**
 * Enough of media queries for layout code: an empty query matches (as in browsers; mantine-datatable
 * shows a column when its query is empty), and min-/max-width are compared with the window's
 * width. Reduced motion matches, so Mantine closes a modal without a transition timer that
 * could fire after the test's window is gone ("window is not defined" in a later file). Anything
 * else (colour scheme) does not match.
 */
function mediaMatches(query: string): boolean {
  const q = query.trim()
  if (!q) return true
  if (/^\(\s*prefers-reduced-motion:\s*reduce\s*\)$/.test(q)) return true
  const m = /^\(\s*(min|max)-width:\s*([\d.]+)(px|em|rem)\s*\)$/.exec(q)
  if (!m) return false
  const px = Number(m[2]) * (m[3] === 'px' ? 1 : 16)
  return m[1] === 'min' ? window.innerWidth >= px : window.innerWidth <= px
}

if (typeof window !== 'undefined') {
  if (!window.matchMedia) {
    Object.defineProperty(window, 'matchMedia', {
      writable: true,
      configurable: true,
      value: (query: string): MediaQueryList =>
        ({
          matches: mediaMatches(query),
          media: query,
          onchange: null,
          addListener: () => {},
          removeListener: () => {},
          addEventListener: () => {},
          removeEventListener: () => {},
          dispatchEvent: () => false,
        }) as MediaQueryList,
    })
  }

  if (!('ResizeObserver' in window)) {
    class ResizeObserverStub {
      observe(): void {}
      unobserve(): void {}
      disconnect(): void {}
    }
    Object.defineProperty(window, 'ResizeObserver', {
      writable: true,
      configurable: true,
      value: ResizeObserverStub,
    })
    Object.defineProperty(globalThis, 'ResizeObserver', {
      writable: true,
      configurable: true,
      value: ResizeObserverStub,
    })
  }

  // Textarea's autosize listens for web fonts finishing loading.
  if (!('fonts' in document)) {
    Object.defineProperty(document, 'fonts', {
      configurable: true,
      value: {
        addEventListener: () => {},
        removeEventListener: () => {},
        ready: Promise.resolve(),
      },
    })
  }

  if (!Element.prototype.scrollIntoView) Element.prototype.scrollIntoView = () => {}
  if (!Element.prototype.scrollTo) Element.prototype.scrollTo = () => {}
}

export {}
