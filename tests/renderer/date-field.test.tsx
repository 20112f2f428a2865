// @vitest-environment jsdom
import './setup-dom'
import '../../src/renderer/src/i18n'
import { cleanup, render, screen, waitFor } from '@testing-library/react'
import userEvent, { type UserEvent } from '@testing-library/user-event'
import { useState } from 'react'
import { Modal } from '@mantine/core'
import { afterEach, describe, expect, it } from 'vitest'
import { Providers } from '../../src/renderer/src/providers'
import { DateField, dateFieldValue } from '../../src/renderer/src/common/components/date-field'
import { describedText } from './fake-bridge'
import { isoDate, optionalIsoDate } from '../../src/shared/schemas/common'

const NOT_A_DATE = 'Geen geldige datum (dd-mm-jjjj)'

/** A screen holding the field's value the way a form does; `seen` records every onChange. */
function renderField(initial: string | null, required = false) {
  const seen: (string | null)[] = []
  function Screen(): React.JSX.Element {
    const [value, setValue] = useState<string | null>(initial)
    return (
      <>
        <DateField
          label="Datum"
          required={required}
          value={value}
          onChange={(v) => {
            seen.push(v)
            setValue(v)
          }}
        />
        <output data-testid="held">{value ?? '(leeg)'}</output>
        <button type="button" onClick={() => setValue('2026-04-01')}>
          Zet 1 april
        </button>
      </>
    )
  }
  const user = userEvent.setup()
  render(
    <Providers>
      <Screen />
    </Providers>,
  )
  const input = screen.getByLabelText(/^Datum/, { selector: 'input' }) as HTMLInputElement
  return { user, input, seen, held: () => screen.getByTestId('held').textContent }
}

async function retype(user: UserEvent, input: HTMLElement, text: string): Promise<void> {
  await user.clear(input)
  await user.type(input, text)
  await user.tab()
}

afterEach(() => {
  cleanup()
})

describe('date field', () => {
  it.each(['31-02-2026', '1-1-26', '2026-03-15', 'morgen'])(
    'keeps "%s", says it is no valid date and hands the text on, not a date or nothing',
    async (text) => {
      const { user, input, held } = renderField('2026-03-10')
      expect(input.value).toBe('10-03-2026')
      await retype(user, input, text)

      expect(input.value).toBe(text)
      expect(describedText(input)).toContain(NOT_A_DATE)
      expect(input.getAttribute('aria-invalid')).toBe('true')
      // The form holds the text marked as no date, which its schema answers with 'date'.
      expect(held()).toBe(`invalid:${text}`)
    },
  )

  it.each([
    ['1-3-2026', '2026-03-01', '01-03-2026'],
    ['01-03-2026', '2026-03-01', '01-03-2026'],
    ['15/03/2026', '2026-03-15', '15-03-2026'],
    ['15.3.2026', '2026-03-15', '15-03-2026'],
    ['29-02-2028', '2028-02-29', '29-02-2028'],
  ])('reads "%s" as %s and shows it as %s', async (text, iso, shown) => {
    const { user, input, held } = renderField(null)
    await retype(user, input, text)
    expect(held()).toBe(iso)
    expect(input.value).toBe(shown)
    expect(describedText(input)).not.toContain(NOT_A_DATE)
    expect(input.getAttribute('aria-invalid')).not.toBe('true')
  })

  it('does not complain while typing, and lets go of the complaint once the date is right', async () => {
    const { user, input, held } = renderField(null)
    await user.type(input, '12-0')
    expect(describedText(input)).not.toContain(NOT_A_DATE)
    await user.tab()
    expect(describedText(input)).toContain(NOT_A_DATE)
    await user.type(input, '3-2026')
    await user.tab()
    expect(held()).toBe('2026-03-12')
    expect(describedText(input)).not.toContain(NOT_A_DATE)
  })

  it('empties an optional field with the clear button and by deleting the text', async () => {
    const { user, input, seen, held } = renderField('2026-03-10')
    await user.click(screen.getByRole('button', { name: 'Datum wissen' }))
    expect(input.value).toBe('')
    expect(held()).toBe('(leeg)')

    await retype(user, input, '11-03-2026')
    expect(held()).toBe('2026-03-11')
    await user.clear(input)
    await user.tab()
    expect(held()).toBe('(leeg)')
    expect(seen.at(-1)).toBeNull()
    expect(describedText(input)).not.toContain(NOT_A_DATE)
  })

  it('has no clear button when the date is required', () => {
    renderField('2026-03-10', true)
    expect(screen.queryByRole('button', { name: 'Datum wissen' })).toBeNull()
  })

  it('picks a day from the calendar', async () => {
    const { user, input, held } = renderField('2026-03-10')
    await user.click(input)
    await user.click(await screen.findByRole('button', { name: '20 maart 2026', hidden: true }))
    expect(held()).toBe('2026-03-20')
    expect(input.value).toBe('20-03-2026')
  })

  it('follows a value set from outside, also over text it could not read', async () => {
    const { user, input } = renderField('2026-03-10')
    await retype(user, input, '1-1-26')
    await user.click(screen.getByRole('button', { name: 'Zet 1 april' }))
    expect(input.value).toBe('01-04-2026')
    expect(describedText(input)).not.toContain(NOT_A_DATE)
  })
})

describe('dateFieldValue', () => {
  it('is null when empty, an ISO day for a Dutch date, and else marked text no schema takes', () => {
    expect(dateFieldValue('  ')).toBeNull()
    expect(dateFieldValue(' 5-6-2026 ')).toBe('2026-06-05')
    expect(dateFieldValue('31-04-2026')).toBe('invalid:31-04-2026')
    expect(dateFieldValue('01-01-0001')).toBe('invalid:01-01-0001')
    expect(dateFieldValue('2026-03-15')).toBe('invalid:2026-03-15')
    const schemas = [isoDate, optionalIsoDate]
    for (const schema of schemas) {
      const parsed = schema.safeParse(dateFieldValue('2026-03-15'))
      expect(parsed.success).toBe(false)
      expect(parsed.error?.issues[0].message).toBe('v:date')
    }
  })

  it('closes only its calendar on Escape inside a dialog; a second Escape closes the dialog', async () => {
    let closes = 0
    function Dialog(): React.JSX.Element {
      const [open, setOpen] = useState(true)
      const [value, setValue] = useState<string | null>(null)
      return (
        <Modal
          opened={open}
          onClose={() => {
            closes += 1
            setOpen(false)
          }}
          title="Nieuwe inzameling"
        >
          <DateField label="Datum" value={value} onChange={setValue} />
        </Modal>
      )
    }
    const user = userEvent.setup()
    render(
      <Providers>
        <Dialog />
      </Providers>,
    )
    const input = await screen.findByLabelText(/^Datum/, { selector: 'input' })
    await user.click(input)
    await user.type(input, '12-03-2026')
    expect(document.querySelector('[data-dates-dropdown]')).not.toBeNull()
    await user.keyboard('{Escape}')
    await waitFor(() => expect(document.querySelector('[data-dates-dropdown]')).toBeNull())
    // The dialog was not told to close, and what was typed is still there.
    expect(closes).toBe(0)
    expect((screen.getByLabelText(/^Datum/, { selector: 'input' }) as HTMLInputElement).value).toBe(
      '12-03-2026',
    )
    await user.keyboard('{Escape}')
    expect(closes).toBe(1)
  })
})
