// @vitest-environment jsdom
import './setup-dom'
import i18n from '../../src/renderer/src/i18n'
import { MantineProvider } from '@mantine/core'
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { LanguageSwitch } from '../../src/renderer/src/features/accounts/auth/auth-screen'
import { LANGUAGE_STORAGE_KEY } from '../../src/renderer/src/i18n'
import { loadComputerLanguage } from '../../src/renderer/src/i18n/computer-language'
import type { Language } from '../../src/shared/schemas/computer'
import { callsOf, fail, installFakeBridge, ok } from './fake-bridge'

/** Main's side: the language kept for this computer, as computer.language answers it. */
function mainKeeps(language: Language | null): ReturnType<typeof installFakeBridge> {
  let kept = language
  return installFakeBridge(
    {},
    {
      'computer.language': () => ok({ language: kept }),
      'computer.setLanguage': (input) => {
        kept = (input as { language: Language }).language
        return ok({ language: kept })
      },
    },
  )
}

beforeEach(async () => {
  localStorage.clear()
  await i18n.changeLanguage('nl')
})
afterEach(async () => {
  cleanup()
  await i18n.changeLanguage('nl')
})

describe("the screens' language is kept for this computer in main", () => {
  it('shows the language main keeps, and copies it for the next first paint', async () => {
    mainKeeps('en')
    await loadComputerLanguage()
    expect(i18n.language).toBe('en')
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en')
  })

  it('hands main the choice an earlier version kept in this browser, once', async () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en')
    const calls = mainKeeps(null)
    await loadComputerLanguage()
    expect(callsOf(calls, 'computer.setLanguage')).toEqual([{ language: 'en' }])
    await loadComputerLanguage()
    expect(callsOf(calls, 'computer.setLanguage')).toHaveLength(1)
  })

  it('keeps the browser copy when main does not answer', async () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en')
    installFakeBridge(
      {},
      { 'computer.language': () => fail({ code: 'INTERNAL', key: 'internal' }) },
    )
    await loadComputerLanguage()
    expect(i18n.language).toBe('nl')
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en')
  })

  it('keeps a choice made on the login screen in main', async () => {
    const calls = mainKeeps(null)
    render(
      <MantineProvider>
        <LanguageSwitch />
      </MantineProvider>,
    )
    fireEvent.click(screen.getByText('EN'))
    await waitFor(() =>
      expect(callsOf(calls, 'computer.setLanguage')).toEqual([{ language: 'en' }]),
    )
    expect(i18n.language).toBe('en')
  })

  it('does not undo a choice made while main was still answering', async () => {
    let answer: (language: Language) => void = () => undefined
    installFakeBridge(
      {},
      {
        'computer.language': () =>
          new Promise((done) => {
            answer = (language) => done(ok({ language }))
          }),
        'computer.setLanguage': (input) => ok(input),
      },
    )
    const loading = loadComputerLanguage()
    render(
      <MantineProvider>
        <LanguageSwitch />
      </MantineProvider>,
    )
    fireEvent.click(screen.getByText('EN'))
    answer('nl')
    await loading
    expect(i18n.language).toBe('en')
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en')
  })
})
