// @vitest-environment jsdom
import './setup-dom'
import '../../src/renderer/src/i18n'
import { useState } from 'react'
import { cleanup, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { TestProviders } from './session'
import {
  AvailabilityGrid,
  type WeekSlot,
} from '../../src/renderer/src/features/volunteers/availability-grid'

/** The grid in a form of its own, which reports every change it hands out. */
function Harness({
  start = [],
  changes,
}: {
  start?: WeekSlot[]
  changes: WeekSlot[][]
}): React.JSX.Element {
  const [value, setValue] = useState<WeekSlot[]>(start)
  return (
    <TestProviders role="coordinator">
      <button type="button">ervoor</button>
      <AvailabilityGrid
        label="Beschikbaar"
        value={value}
        onChange={(v) => {
          changes.push(v)
          setValue(v)
        }}
      />
      <button type="button">erna</button>
    </TestProviders>
  )
}

const cell = (name: string): HTMLElement => screen.getByRole('checkbox', { name })

afterEach(() => cleanup())

describe('the availability grid', () => {
  it('is one tab stop, moves with the arrow keys and turns a half-day on and off with Space', async () => {
    const user = userEvent.setup()
    const changes: WeekSlot[][] = []
    render(<Harness changes={changes} />)
    expect(screen.getByRole('grid', { name: 'Beschikbaar' })).toBeTruthy()
    expect(screen.getAllByRole('checkbox')).toHaveLength(21)

    await user.click(screen.getByRole('button', { name: 'ervoor' }))
    await user.tab()
    expect(document.activeElement).toBe(cell('Maandag ochtend'))

    // Right twice to Wednesday, down to the afternoon, and on.
    await user.keyboard('{ArrowRight}{ArrowRight}{ArrowDown}')
    expect(document.activeElement).toBe(cell('Woensdag middag'))
    await user.keyboard(' ')
    expect(cell('Woensdag middag').getAttribute('aria-checked')).toBe('true')
    expect(changes.at(-1)).toEqual([{ weekday: 3, part: 'afternoon' }])

    // Down to the evening, End to Sunday, on; the first stays on, in the grid's order.
    await user.keyboard('{ArrowDown}{End} ')
    expect(document.activeElement).toBe(cell('Zondag avond'))
    expect(changes.at(-1)).toEqual([
      { weekday: 3, part: 'afternoon' },
      { weekday: 7, part: 'evening' },
    ])

    // The edges hold: no wrapping past Sunday or the evening.
    await user.keyboard('{ArrowRight}{ArrowDown}')
    expect(document.activeElement).toBe(cell('Zondag avond'))

    // Back to Wednesday afternoon and off again.
    await user.keyboard('{ArrowUp}{Home}{ArrowRight}{ArrowRight} ')
    expect(cell('Woensdag middag').getAttribute('aria-checked')).toBe('false')
    expect(changes.at(-1)).toEqual([{ weekday: 7, part: 'evening' }])

    // Tab leaves the grid in one step, and coming back lands on the half-day last visited.
    await user.tab()
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'erna' }))
    await user.tab({ shift: true })
    expect(document.activeElement).toBe(cell('Woensdag middag'))
  })

  it('shows what was chosen before, and a click toggles too', async () => {
    const user = userEvent.setup()
    const changes: WeekSlot[][] = []
    render(
      <Harness
        start={[
          { weekday: 2, part: 'morning' },
          { weekday: 4, part: 'morning' },
        ]}
        changes={changes}
      />,
    )
    expect(cell('Dinsdag ochtend').getAttribute('aria-checked')).toBe('true')
    expect(cell('Donderdag ochtend').getAttribute('aria-checked')).toBe('true')
    expect(cell('Dinsdag middag').getAttribute('aria-checked')).toBe('false')
    await user.click(cell('Dinsdag ochtend'))
    expect(changes.at(-1)).toEqual([{ weekday: 4, part: 'morning' }])
  })

  it('read-only, it offers nothing to change and marks the half-days both sides share', () => {
    render(
      <TestProviders role="coordinator">
        <AvailabilityGrid
          label="Plek"
          value={[
            { weekday: 1, part: 'morning' },
            { weekday: 2, part: 'morning' },
          ]}
          compare={[
            { weekday: 2, part: 'morning' },
            { weekday: 3, part: 'evening' },
          ]}
        />
      </TestProviders>,
    )
    expect(screen.queryAllByRole('checkbox')).toHaveLength(0)
    expect(screen.getByRole('img', { name: 'Maandag ochtend: ja' })).toBeTruthy()
    expect(screen.getByRole('img', { name: 'Dinsdag ochtend: allebei' })).toBeTruthy()
    expect(screen.getByRole('img', { name: 'Woensdag avond: alleen de ander' })).toBeTruthy()
    expect(screen.getByRole('img', { name: 'Donderdag ochtend: nee' })).toBeTruthy()
  })
})
