import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  isRealDate,
  normalisePhone,
  normalisePostcode,
  optionalPhone,
  optionalText,
  postcode,
  requiredText,
} from '../../src/shared/schemas/common'
import { householdCreateInput } from '../../src/shared/schemas/household'
import { issuesToFieldErrors } from '../../src/shared/validation'

describe('Dutch postcode', () => {
  it.each([
    ['1234ab', '1234 AB'],
    ['1234 AB', '1234 AB'],
    ['  3811  hz ', '3811 HZ'],
  ])('normalises %s to %s', (input, expected) => {
    expect(normalisePostcode(input)).toBe(expected)
    expect(postcode.parse(input)).toBe(expected)
  })

  it.each([
    '0123 AB',
    '123 AB',
    '1234 A',
    '1234 SS',
    '1234 SA',
    '1234 SD',
    '12345 AB',
    'ABCD 12',
    '',
  ])('refuses %s with the postcode message', (input) => {
    const r = postcode.safeParse(input)
    expect(r.success).toBe(false)
    if (!r.success) expect(issuesToFieldErrors(r.error.issues)[0].key).toBe('postcode')
  })

  it('always yields four digits, a space and two capitals when it accepts', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const n = normalisePostcode(s)
        return n === null || /^[1-9]\d{3} [A-Z]{2}$/.test(n)
      }),
    )
  })
})

describe('phone numbers', () => {
  it('treats +31, 0031 and 0 as the same number', () => {
    expect(normalisePhone('+31 6 12345678')).toBe('0612345678')
    expect(normalisePhone('0031-6-12345678')).toBe('0612345678')
    expect(normalisePhone('06-123 456 78')).toBe('0612345678')
  })
  it('refuses letters and too short numbers, allows empty', () => {
    expect(optionalPhone.safeParse('06-1234').success).toBe(false)
    expect(optionalPhone.safeParse('bel me').success).toBe(false)
    expect(optionalPhone.parse('')).toBeNull()
    expect(optionalPhone.parse('030 - 123 45 67')).toBe('030 - 123 45 67')
  })
})

describe('dates', () => {
  it('knows which days exist', () => {
    expect(isRealDate('2024-02-29')).toBe(true)
    expect(isRealDate('2026-02-29')).toBe(false)
    expect(isRealDate('2026-04-31')).toBe(false)
    expect(isRealDate('2026-13-01')).toBe(false)
    expect(isRealDate('26-01-2026')).toBe(false)
  })
})

describe('household schema field errors', () => {
  it('names each wrong field with a Dutch message key', () => {
    const r = householdCreateInput.safeParse({
      contactName: ' ',
      postcode: '1234',
      city: 'Utrecht',
      incomeSource: 'loterij',
      consentDate: '2026-02-30',
      consentBy: 'Anja',
      email: 'geen-mail',
      members: [{ birthYear: 1800, gender: 'f' }],
    })
    expect(r.success).toBe(false)
    if (r.success) return
    const byPath = Object.fromEntries(
      issuesToFieldErrors(r.error.issues).map((f) => [f.path, f.key]),
    )
    expect(byPath).toMatchObject({
      contactName: 'required',
      postcode: 'postcode',
      incomeSource: 'invalidOption',
      consentDate: 'date',
      email: 'email',
      // With the reason: before 1900.
      'members.0.birthYear': 'birthYearTooEarly',
    })
  })

  it('turns empty optional fields into null and keeps the normalised postcode', () => {
    const r = householdCreateInput.parse({
      contactName: 'Sanne de Vries',
      postcode: '3811hz',
      city: 'Amersfoort',
      incomeSource: 'bijstand',
      consentDate: '2026-01-05',
      consentBy: 'Anja',
      phone: '',
      email: '',
      district: '',
      members: [],
    })
    expect(r.postcode).toBe('3811 HZ')
    expect(r.phone).toBeNull()
    expect(r.email).toBeNull()
    expect(r.district).toBeNull()
    expect(r.status).toBe('active')
  })
})

describe('text fields that only look filled in', () => {
  const name = requiredText(50)
  it('refuses a required field of zero-width spaces, soft hyphens or lone accents', () => {
    for (const s of ['\u200b\u200b', '\u00ad', '\u0300\u0300', ' \u2060 ', '\u3000'])
      expect(name.safeParse(s).success, JSON.stringify(s)).toBe(false)
  })
  it('stores names without control or bidi override characters', () => {
    expect(name.parse('Ayşe\u202e Yılmaz\u0000')).toBe('Ayşe Yılmaz')
    expect(name.parse('  Jan de Vries ')).toBe('Jan de Vries')
  })
  it('keeps what a person can see, emoji sequences included', () => {
    expect(name.parse('a\u0301')).toBe('a\u0301')
    expect(name.parse('👩‍👧')).toBe('👩‍👧')
  })
  it('turns an optional field that looks empty into nothing', () => {
    expect(optionalText(50).parse('\u200b \u200b')).toBeNull()
    expect(optionalText(50).parse('regel 1\nregel 2')).toBe('regel 1\nregel 2')
  })
})

describe('text that is not proper Unicode', () => {
  it('refuses half a surrogate pair at the field, in required and optional text', () => {
    for (const bad of ['Loner \ud800 partner', 'x\udc00', '\udbff']) {
      const r = requiredText(80).safeParse(bad)
      expect(r.success).toBe(false)
      expect(r.error?.issues[0].message).toBe('v:badCharacters')
      expect(optionalText(80).safeParse(bad).success).toBe(false)
    }
  })

  it('keeps whole pairs such as emoji and letters outside the basic plane', () => {
    expect(requiredText(80).parse('Kees 👍 𝔸')).toBe('Kees 👍 𝔸')
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const r = optionalText(10_000).safeParse(s)
        return r.success
      }),
    )
  })
})
