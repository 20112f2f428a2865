import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CALL_HEADER, MAX_BODY, MAX_DEPTH, UPLOAD_PATH } from '../../scripts/web-server'
import { METHOD_NAMES } from '../../src/shared/api'
import { rawRequest, startBridgeProcess, type BridgeProcess } from '../helpers/bridge-process'

/*
 * Random and crafted requests through the real bridge, in a process of its own, anonymous and as a
 * logged-in admin: bodies that are no JSON, JSON that is no call, `null`, deep nesting, huge
 * bodies, unicode that normalises to nothing, wrong content types and methods, broken escapes in
 * paths and headers, and the upload path. Whatever comes in, the bridge answers (never 500), main
 * never answers INTERNAL (nor logs a failure), and the process keeps running.
 */

let bridge: BridgeProcess
let token = ''
const ADMIN = { username: 'beheerder', password: 'Zonnebloem-veld-42' }

beforeAll(async () => {
  bridge = await startBridgeProcess()
  const setup = await rawRequest(bridge.port, '/api', {
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      method: 'setup.create',
      input: {
        organisation: { name: 'Stichting Proef' },
        admin: { ...ADMIN, passwordRepeat: ADMIN.password, displayName: 'Bea Beheer' },
      },
    }),
  })
  expect(JSON.parse(setup.body)).toMatchObject({ ok: true })
  token = String(setup.headers['x-dichtbij-session'])
}, 60_000)
afterAll(async () => {
  await bridge?.stop()
})

// Strings that look harmless and are not, or normalise to something else (or to nothing).
const CRAFTED_STRINGS = [
  '',
  ' ',
  '\u0300\u0300',
  'a\u0301',
  '\u200b\u200b',
  '\u00ad',
  '\ufeff',
  'ı',
  'İ',
  '\ud800',
  '\udc00x',
  '\u202e',
  '\u0000',
  '%00',
  '../../dichtbij-sleutels.json',
  'bestaat-niet.dichtbij-backup',
  "'; drop table household; --",
  '__proto__',
  'constructor',
  '2026-02-30',
  '0000-01-01',
  '1900-01-01',
  'x'.repeat(5000),
]
const FIELD_NAMES = [
  'query',
  'id',
  'date',
  'from',
  'to',
  'name',
  'kind',
  'username',
  'password',
  'source',
  'secret',
  'confirm',
  'householdId',
  'items',
  'members',
  'organisation',
  'admin',
  '__proto__',
  'constructor',
]

function nest(depth: number, inner = '1'): string {
  return '['.repeat(depth) + inner + ']'.repeat(depth)
}

const leaf: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...CRAFTED_STRINGS),
  fc.constantFrom(0, -1, 1, 2 ** 31, 2 ** 53, 1.5, -0, 1e308, null, true, false),
  fc.string({ maxLength: 10, unit: 'grapheme-composite' }),
  fc.string({ maxLength: 6, unit: 'binary' }),
)
const input: fc.Arbitrary<unknown> = fc.oneof(
  leaf,
  fc.dictionary(fc.constantFrom(...FIELD_NAMES), leaf, { maxKeys: 5 }),
  fc.dictionary(
    fc.constantFrom(...FIELD_NAMES),
    fc.oneof(leaf, fc.dictionary(fc.constantFrom(...FIELD_NAMES), leaf, { maxKeys: 3 })),
    { maxKeys: 4 },
  ),
  fc.anything({ maxDepth: 3 }),
)
// Logging out or locking would only end the admin's session for the rest of the run.
const METHODS = METHOD_NAMES.filter((m) => m !== 'auth.logout' && m !== 'auth.lock')
const methodName: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...METHODS) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('__proto__', 'toString', 'constructor', 'hasOwnProperty', ''),
  },
  { weight: 1, arbitrary: leaf },
)

// Bodies that are no call at all, or a call in an odd shape.
const CRAFTED_BODIES = [
  'null',
  'true',
  '0',
  '[]',
  '{}',
  '""',
  '"setup.status"',
  '{"method":null}',
  '{"method":["setup.status"]}',
  '{"method":"setup.status","input":null}',
  '{"method":"households.search","input":[]}',
  '{"method":"households.search","input":"\\u0300\\u0300"}',
  '{"__proto__":{"method":"setup.status"}}',
  '{"method":"setup.status","method":"households.search"}',
  '\ufeff{"method":"setup.status"}',
  '{"method":"setup.status"} trailing',
  '{"method":"\\ud800"}',
  '{"method":"setup.status","input":{"n":1e400}}',
  nest(MAX_DEPTH),
  nest(MAX_DEPTH + 1),
  nest(100_000),
  `{"method":"setup.status","input":${nest(MAX_DEPTH - 2)}}`,
  `{"method":"households.search","input":{"query":"${'['.repeat(10_000)}"}}`,
  '{"a":'.repeat(50_000) + '1' + '}'.repeat(50_000),
  '[' + '0,'.repeat(400_000) + '0]',
  JSON.stringify({ method: 'households.search', input: { query: 'x'.repeat(MAX_BODY - 100) } }),
  JSON.stringify({ method: 'households.search', input: { query: 'x'.repeat(MAX_BODY + 10) } }),
  JSON.stringify({
    method: 'households.search',
    input: Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`k${i}`, i])),
  }),
]

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=utf-16',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/octet-stream',
  '',
]

type Request = {
  method: string
  path: string
  headers: Record<string, string>
  body?: string | Buffer
}

const auth = fc.boolean().map((admin): Record<string, string> => {
  return admin ? { Authorization: `Bearer ${token}` } : {}
})

const apiCall: fc.Arbitrary<Request> = fc
  .record({ method: methodName, input, auth })
  .map(({ method, input, auth }) => ({
    method: 'POST',
    path: '/api',
    headers: { 'Content-Type': 'application/json', ...auth },
    body: JSON.stringify({ method, input }) ?? 'null',
  }))

const oddBody: fc.Arbitrary<Request> = fc
  .record({
    body: fc.oneof(
      fc.constantFrom(...CRAFTED_BODIES),
      fc.string({ maxLength: 200 }),
      fc.string({ maxLength: 50, unit: 'binary' }),
      fc.json({ maxDepth: 4 }),
      fc.uint8Array({ maxLength: 300 }).map((a) => Buffer.from(a)),
    ),
    type: fc.oneof(
      { weight: 4, arbitrary: fc.constant('application/json') },
      fc.constantFrom(...CONTENT_TYPES),
    ),
    verb: fc.oneof(
      { weight: 6, arbitrary: fc.constant('POST') },
      fc.constantFrom('GET', 'PUT', 'DELETE', 'OPTIONS', 'PATCH'),
    ),
    auth,
  })
  .map(({ body, type, verb, auth }) => ({
    method: verb,
    path: '/api',
    headers: { ...(type ? { 'Content-Type': type } : {}), ...auth },
    body,
  }))

const staticPath: fc.Arbitrary<Request> = fc
  .oneof(
    fc.constantFrom(
      '/%',
      '/%E0%A4%A',
      '/%ff',
      '/%00',
      '/..%2f..%2fetc%2fpasswd',
      '/%2e%2e/%2e%2e/dichtbij-sleutels.json',
      '/assets/%zz.js',
      '/index.html%00.js',
      '//x',
      '/favicon.ico',
      '/' + 'a/'.repeat(2000),
      '/api/',
      '/api/upload/x',
      '/API',
    ),
    fc.webPath(),
    fc.string({ maxLength: 40 }).map((s) => '/' + encodeURIComponent(s)),
  )
  .chain((path) =>
    fc.constantFrom('GET', 'HEAD', 'POST').map((method) => ({ method, path, headers: {} })),
  )

const uploadCall: fc.Arbitrary<Request> = fc
  .record({
    call: fc.oneof(
      fc.constantFrom(
        '',
        '%',
        '%E0%A4%A',
        'null',
        '[]',
        nest(MAX_DEPTH + 1),
        '{"method":"setup.restore"}',
      ),
      fc
        .record({
          method: fc.oneof(fc.constantFrom('setup.restore', 'backup.restore'), methodName),
          input: fc.oneof(
            input,
            fc.record({
              source: fc.oneof(fc.record({ kind: fc.constant('upload'), fileName: leaf }), input),
              secret: fc.oneof(
                fc.record({ method: fc.constant('password'), username: leaf, password: leaf }),
                fc.record({ method: fc.constant('recoveryKey'), recoveryKey: leaf }),
                input,
              ),
              confirm: fc.oneof(fc.boolean(), leaf),
            }),
          ),
        })
        .map((c) => encodeURIComponent(JSON.stringify(c))),
    ),
    body: fc.oneof(
      fc.uint8Array({ maxLength: 2000 }).map((a) => Buffer.from(a)),
      fc.constantFrom(...CRAFTED_BODIES.slice(0, 20)),
    ),
    type: fc.oneof(
      { weight: 4, arbitrary: fc.constant('application/octet-stream') },
      fc.constantFrom(...CONTENT_TYPES),
    ),
    auth,
  })
  .map(({ call, body, type, auth }) => ({
    method: 'POST',
    path: UPLOAD_PATH,
    headers: { ...(type ? { 'Content-Type': type } : {}), [CALL_HEADER]: call, ...auth },
    body,
  }))

async function check(request: Request): Promise<void> {
  const reply = await rawRequest(bridge.port, request.path, {
    method: request.method,
    headers: request.headers,
    body: request.body,
  })
  const what = `${request.method} ${request.path.slice(0, 80)} ${String(request.body ?? '').slice(0, 80)}`
  expect(reply.status, what).not.toBe(500)
  expect(reply.status, what).toBeGreaterThanOrEqual(200)
  expect(reply.body, what).not.toContain('"INTERNAL"')
  expect(bridge.alive(), what).toBe(true)
}

describe('the bridge under random and crafted requests', () => {
  it('answers every one of them without a server error, an INTERNAL, or a crash', async () => {
    // Every crafted body once, as it is, anonymous and as the admin.
    for (const body of CRAFTED_BODIES)
      for (const who of [{}, { Authorization: `Bearer ${token}` }] as Record<string, string>[])
        await check({
          method: 'POST',
          path: '/api',
          headers: { 'Content-Type': 'application/json', ...who },
          body,
        })
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          { weight: 5, arbitrary: apiCall },
          { weight: 3, arbitrary: oddBody },
          { weight: 2, arbitrary: staticPath },
          { weight: 2, arbitrary: uploadCall },
        ),
        check,
      ),
      { numRuns: 600, seed: 20_261_204 },
    )
    // Main logs what it answers with INTERNAL; nothing may have been logged.
    expect(bridge.output()).not.toMatch(/\[api\] .* failed/)
    const status = await rawRequest(bridge.port, '/api', {
      headers: { 'Content-Type': 'application/json' },
      body: '{"method":"setup.status"}',
    })
    expect(JSON.parse(status.body)).toMatchObject({ ok: true, value: { needsSetup: false } })
  }, 180_000)
})
