import { describe, expect, it } from 'vitest'
import { MalformedBytesTag, plainBytes, tagBytes, untagBytes } from '../../src/shared/tagged-bytes'

/*
 * The text form of bytes on the browser bridge: `{ "$bytes": "<base64>" }` wherever a Uint8Array
 * is, at any depth. IPC needs none of this; only JSON over loopback does.
 */

const toBase64 = (b: Uint8Array): string => Buffer.from(b).toString('base64')
const fromBase64 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'base64'))

describe('bytes in JSON', () => {
  it('tags every Uint8Array in a result and reads the same bytes back after JSON', () => {
    const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0xff, 0x00])
    const result = {
      ok: true,
      value: {
        backup: { name: 'a.dichtbij-backup', size: 7 },
        file: { filename: 'a.pdf', mime: 'application/pdf', bytes: pdf },
        list: [new Uint8Array(0), 'tekst', 3, null],
      },
    }
    const text = JSON.stringify(tagBytes(result, toBase64))
    expect(JSON.parse(text).value.file.bytes).toEqual({ $bytes: 'JVBERi3/AA==' })
    const back = untagBytes(JSON.parse(text), fromBase64) as typeof result
    expect(back.value.file.bytes).toBeInstanceOf(Uint8Array)
    expect([...back.value.file.bytes]).toEqual([...pdf])
    expect(back.value.list[0]).toBeInstanceOf(Uint8Array)
    expect(back.value.list.slice(1)).toEqual(['tekst', 3, null])
    expect(back.value.backup).toEqual({ name: 'a.dichtbij-backup', size: 7 })
  })

  it('tags a Node Buffer as the bytes it views, not its whole pool', () => {
    const pooled = Buffer.from('abc')
    expect(tagBytes({ b: pooled }, toBase64)).toEqual({ b: { $bytes: 'YWJj' } })
    const view = plainBytes(pooled)
    expect(view).not.toBeInstanceOf(Buffer)
    expect([...view]).toEqual([0x61, 0x62, 0x63])
  })

  it('refuses a malformed tag and says where it is', () => {
    const bad: [unknown, string][] = [
      [{ $bytes: 12 }, ''],
      [{ $bytes: null }, ''],
      [{ $bytes: 'niet base64!' }, ''],
      [{ $bytes: 'QUJD=' }, ''],
      [{ $bytes: 'QU==JD' }, ''],
      [{ $bytes: 'QUJD', extra: 1 }, ''],
      [{ $bytes: ['QUJD'] }, ''],
      [{ source: { kind: 'upload', bytes: { $bytes: { a: 1 } } } }, 'source.bytes'],
      [{ items: [1, { $bytes: '@@@@' }] }, 'items.1'],
    ]
    for (const [value, path] of bad) {
      let thrown: unknown = null
      try {
        untagBytes(JSON.parse(JSON.stringify(value)), fromBase64)
      } catch (err) {
        thrown = err
      }
      expect(thrown, JSON.stringify(value)).toBeInstanceOf(MalformedBytesTag)
      expect((thrown as MalformedBytesTag).path).toBe(path)
    }
  })

  it('leaves ordinary JSON as it is, also a key named __proto__', () => {
    const parsed = JSON.parse('{"__proto__":{"polluted":true},"name":"$bytes","n":[1,{"a":"b"}]}')
    const back = untagBytes(parsed, fromBase64) as Record<string, unknown>
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype)
    expect(Object.keys(back)).toEqual(['__proto__', 'name', 'n'])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(back.name).toBe('$bytes')
    expect(back.n).toEqual([1, { a: 'b' }])
  })
})
