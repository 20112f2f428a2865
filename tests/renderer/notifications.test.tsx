// @vitest-environment jsdom
import './setup-dom'
import '../../src/renderer/src/i18n'
import { notifications } from '@mantine/notifications'
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { Providers } from '../../src/renderer/src/providers'
import { SIDE_MENU_WIDTH } from '../../src/renderer/src/common/components/messages'

afterEach(() => {
  cleanup()
  notifications.clean()
  vi.useRealTimers()
})

/** Lets time pass a second at a time, so React commits what each timer changed. */
function wait(seconds: number): void {
  for (let i = 0; i < seconds; i++) act(() => vi.advanceTimersByTime(1000))
}

function toast(text: string): HTMLElement | null {
  return screen.queryByText(text)?.closest<HTMLElement>('.mantine-Notification-root') ?? null
}

describe('messages (toasts)', () => {
  it('appear at the bottom left, away from a form’s Opslaan and Annuleren (bottom right) and from dialogs (top centre)', async () => {
    render(<Providers>{null}</Providers>)
    act(() => {
      notifications.show({ color: 'red', message: 'Niet alles is goed ingevuld' })
    })
    const shown = await screen.findByText('Niet alles is goed ingevuld')
    const container = shown.closest('[data-position]')
    expect(container?.getAttribute('data-position')).toBe('bottom-left')
    // No wider than the side menu, so the lists beside it stay readable under a message.
    const root = shown.closest<HTMLElement>('.mantine-Notifications-root')
    const width = root?.style.getPropertyValue('--notifications-container-width') ?? ''
    // Mantine writes it as calc(<n>rem * var(--mantine-scale)), at scale 1.
    const rem = /([\d.]+)rem/.exec(width)
    expect(rem).not.toBeNull()
    const px = Number(rem![1]) * 16
    expect(px).toBeLessThanOrEqual(SIDE_MENU_WIDTH - 16)
  })

  it('close by themselves, even while the pointer rests on another one', () => {
    vi.useFakeTimers()
    render(<Providers>{null}</Providers>)
    act(() => {
      notifications.show({ message: 'Eerste bericht' })
      notifications.show({ message: 'Tweede bericht' })
    })
    act(() => vi.advanceTimersByTime(50))
    const first = toast('Eerste bericht')
    expect(first).not.toBeNull()
    // The pointer stays on the first one, as it did over the buttons below it.
    fireEvent.mouseEnter(first!)
    wait(7)
    expect(screen.queryByText('Tweede bericht')).toBeNull()
    // The one under the pointer waits for it, then goes too.
    expect(screen.queryByText('Eerste bericht')).not.toBeNull()
    fireEvent.mouseLeave(first!)
    wait(7)
    expect(screen.queryByText('Eerste bericht')).toBeNull()
  })

  it('show no more than three at once', () => {
    vi.useFakeTimers()
    render(<Providers>{null}</Providers>)
    act(() => {
      for (let i = 1; i <= 6; i++) notifications.show({ message: `Bericht ${i}` })
    })
    act(() => vi.advanceTimersByTime(50))
    expect(screen.queryAllByText(/^Bericht \d$/)).toHaveLength(3)
  })
})
