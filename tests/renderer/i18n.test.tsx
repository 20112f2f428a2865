import { describe, expect, it } from 'vitest'
import { messages } from '../../src/renderer/src/i18n'

function leaves(obj: unknown, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {}
  if (typeof obj === 'string') return { [prefix]: obj }
  for (const [k, v] of Object.entries(obj as Record<string, unknown>))
    Object.assign(out, leaves(v, prefix ? `${prefix}.${k}` : k))
  return out
}

describe('translations', () => {
  const nl = leaves(messages('nl'))
  const en = leaves(messages('en'))

  it('has every Dutch key in English and no English-only key', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort())
  })

  it('has no empty texts and the same placeholders in both languages', () => {
    for (const [key, text] of Object.entries(nl)) {
      expect(text.trim(), key).not.toBe('')
      expect(en[key].trim(), key).not.toBe('')
      const vars = (s: string): string[] => (s.match(/{{\s*\w+\s*}}/g) ?? []).sort()
      expect(vars(en[key]), key).toEqual(vars(text))
    }
  })

  it('has a Dutch message for every validation key that main can send', () => {
    const keys = [
      'required',
      'postcode',
      'phone',
      'email',
      'date',
      'birthYear',
      'birthYearFuture',
      'birthYearTooEarly',
      'dateTooEarly',
      'futureDate',
      'futureVisit',
      'appointmentDate',
      'beforeProof',
      'periodOrder',
      'duplicateTemplate',
      'duplicateCategory',
      'unknownOption',
      'nameTaken',
      'invalidOption',
    ]
    for (const k of keys) expect(nl[`validation.${k}`], k).toBeTruthy()
  })
})
