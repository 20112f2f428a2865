import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { nl } from '../../src/renderer/src/i18n/nl'

const dir = 'src/main/services'
const sources = readdirSync(dir)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => readFileSync(join(dir, f), 'utf8'))
  .join('\n')

describe('every message main can send has a Dutch text', () => {
  it('conflict keys', () => {
    const keys = [...sources.matchAll(/conflict\('(\w+)'/g)].map((m) => m[1])
    expect(keys.length).toBeGreaterThan(3)
    for (const k of keys) expect(nl.errors, k).toHaveProperty(k)
  })
  it('field error keys', () => {
    const keys = [...sources.matchAll(/path: [^,]+, key: '(\w+)'/g)].map((m) => m[1])
    expect(keys.length).toBeGreaterThan(3)
    for (const k of keys) expect(nl.validation, k).toHaveProperty(k)
  })
  it('warning keys', () => {
    const keys = [...sources.matchAll(/\{ key: '(\w+)'(?:, params|\s*\})/g)].map((m) => m[1])
    const warnings = keys.filter((k) => !(k in nl.validation))
    expect(warnings.length).toBeGreaterThan(2)
    for (const k of warnings) expect(nl.warnings, k).toHaveProperty(k)
  })
})
