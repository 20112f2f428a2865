import { crc32 } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  CALL_HEADER,
  MAX_BODY,
  MAX_DEPTH,
  MAX_UPLOAD,
  SESSION_HEADER,
  UPLOAD_PATH,
} from '../../scripts/web-server'
import {
  rawRequest,
  repeated,
  startBridgeProcess,
  type BridgeProcess,
  type Reply,
} from '../helpers/bridge-process'

/*
 * The bridge as `npm run web` runs it, in a process of its own: a body that used to end that
 * process (a JSON array of 280 MB made V8 give up inside JSON.parse, which no catch survives) is
 * refused before it is parsed, and a restore upload has a path of its own where the backup's
 * bytes are never JSON.
 */

let bridge: BridgeProcess
// Generous times: the process starts through tsx and hashes passwords at the production cost.
beforeAll(async () => {
  bridge = await startBridgeProcess()
}, 60_000)
afterAll(async () => {
  await bridge?.stop()
})

const JSON_TYPE = { 'Content-Type': 'application/json' }
const ADMIN = { username: 'beheerder', password: 'Zonnebloem-veld-42' }

function api(body: string, token?: string): Promise<Reply> {
  return rawRequest(bridge.port, '/api', {
    headers: { ...JSON_TYPE, ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body,
  })
}
const callBody = (method: string, input: unknown = {}): string => JSON.stringify({ method, input })

/** A restore through the upload path: the call without the bytes in a header, the bytes raw. */
function upload(
  method: string,
  input: Record<string, unknown>,
  body: Buffer | (() => Iterable<Buffer> | AsyncIterable<Buffer>),
  options: { token?: string; headers?: Record<string, string> } = {},
): Promise<Reply> {
  return rawRequest(bridge.port, UPLOAD_PATH, {
    headers: {
      'Content-Type': 'application/octet-stream',
      [CALL_HEADER]: encodeURIComponent(JSON.stringify({ method, input })),
      ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body,
  })
}
const restoreInput = (secret: Record<string, string> = { ...ADMIN, method: 'password' }) => ({
  source: { kind: 'upload', fileName: 'back-up van één dag.dichtbij-backup' },
  secret,
  confirm: false,
})

async function expectAlive(): Promise<void> {
  const status = await api(callBody('setup.status'))
  expect(status.status).toBe(200)
  expect(JSON.parse(status.body)).toMatchObject({ ok: true })
  expect(bridge.alive()).toBe(true)
}

/** A JSON array of zeros of just over `bytes`, in 1 MB chunks. */
function zerosArray(bytes: number): { chunks: () => Iterable<Buffer>; length: number } {
  const chunk = Buffer.from('0,'.repeat(500_000))
  const count = Math.ceil(bytes / chunk.length) + 1
  return {
    length: 1 + count * chunk.length + 2,
    chunks: function* () {
      yield Buffer.from('[')
      for (let i = 0; i < count; i++) yield chunk
      yield Buffer.from('0]')
    },
  }
}

let token = ''

describe('the bridge in its own process', () => {
  it('refuses an ordinary call just over its limit with 413, parsed or not, and keeps running', async () => {
    const big = zerosArray(MAX_BODY)
    // Declared with its length: refused before a byte is kept.
    const declared = await rawRequest(bridge.port, '/api', {
      headers: { ...JSON_TYPE, 'Content-Length': String(big.length) },
      body: big.chunks,
    })
    expect(declared.status).toBe(413)
    expect(JSON.parse(declared.body)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', key: 'requestTooLarge' },
    })
    // Sent in chunks without a length: counted while it streams in.
    const chunked = await rawRequest(bridge.port, '/api', { headers: JSON_TYPE, body: big.chunks })
    expect(chunked.status).toBe(413)
    await expectAlive()
  })

  it('refuses deep nesting, null and bodies that are no call with 400', async () => {
    const deep = '['.repeat(MAX_DEPTH + 1) + ']'.repeat(MAX_DEPTH + 1)
    const deepObject = '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000)
    for (const body of [deep, deepObject, 'null', '[]', '"auth.login"', '42', '{"method":7}'])
      expect((await api(body)).status, body.slice(0, 20)).toBe(400)
    // Brackets inside strings are text, not nesting.
    const brackets = await api(callBody('setup.status', { note: '['.repeat(1000) }))
    expect(brackets.status).toBe(200)
    await expectAlive()
  })

  it('refuses a bad upload before reading it, and an upload of the wrong size', async () => {
    const bytes = Buffer.from('[' + '0,'.repeat(100_000) + '0]')
    const wrongType = await rawRequest(bridge.port, UPLOAD_PATH, {
      headers: { ...JSON_TYPE, [CALL_HEADER]: encodeURIComponent(callBody('setup.restore')) },
      body: bytes,
    })
    expect(wrongType.status).toBe(415)
    const noCall = await rawRequest(bridge.port, UPLOAD_PATH, {
      headers: { 'Content-Type': 'application/octet-stream' },
      body: bytes,
    })
    expect(noCall.status).toBe(400)
    const badEscape = await upload('setup.restore', restoreInput(), bytes, {
      headers: { [CALL_HEADER]: '%E0%A4%A' },
    })
    expect(badEscape.status).toBe(400)
    const deepCall = await upload('setup.restore', restoreInput(), bytes, {
      headers: { [CALL_HEADER]: '['.repeat(MAX_DEPTH + 1) + ']'.repeat(MAX_DEPTH + 1) },
    })
    expect(deepCall.status).toBe(400)
    // Only a restore takes an upload, and only one from a file.
    expect((await upload('households.search', { query: 'a' }, bytes)).status).toBe(400)
    expect(
      (await upload('setup.restore', { ...restoreInput(), source: { kind: 'folder' } }, bytes))
        .status,
    ).toBe(400)
    // A large array in the header is no call either: Node refuses the header itself.
    const hugeHeader = await rawRequest(bridge.port, UPLOAD_PATH, {
      headers: {
        'Content-Type': 'application/octet-stream',
        [CALL_HEADER]: '[' + '0,'.repeat(20_000) + '0]',
      },
    })
    expect(hugeHeader.status).toBe(431)
    // A large array as the bytes of a backup is just a file that is no backup.
    const notABackup = await upload('setup.restore', restoreInput(), bytes)
    expect(notABackup.status).toBe(200)
    expect(JSON.parse(notABackup.body)).toMatchObject({ ok: false, error: { key: 'notABackup' } })
    expect(notABackup.body).not.toContain('INTERNAL')
    // One byte over the largest backup: refused without keeping it.
    const tooBig = await upload(
      'setup.restore',
      restoreInput(),
      repeated(Buffer.alloc(1_000_000), Math.ceil((MAX_UPLOAD + 1) / 1_000_000)),
      {
        headers: { 'Content-Length': String(Math.ceil((MAX_UPLOAD + 1) / 1_000_000) * 1_000_000) },
      },
    )
    expect(tooBig.status).toBe(413)
    await expectAlive()
  }, 60_000)

  it('takes the largest ordinary call there is: the setup with a logo at its limit', async () => {
    const logo = largestLogo()
    expect(logo.length).toBeGreaterThan(399_990)
    expect(logo.length).toBeLessThanOrEqual(400_000)
    const setup = await api(
      callBody('setup.create', {
        organisation: { name: 'Stichting De Brug', logo },
        admin: { ...ADMIN, passwordRepeat: ADMIN.password, displayName: 'Bea Beheer' },
      }),
    )
    expect(setup.status).toBe(200)
    expect(JSON.parse(setup.body)).toMatchObject({ ok: true })
    token = String(setup.headers[SESSION_HEADER.toLowerCase()])
    expect(token.length).toBeGreaterThan(20)
  }, 60_000)

  it('answers an upload main would refuse without taking it in', async () => {
    const bytes = Buffer.alloc(100_000, 1)
    // Set up now: a restore without a login is closed.
    const closed = await upload('setup.restore', restoreInput(), bytes)
    expect(JSON.parse(closed.body)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', key: 'restoreNeedsLogin' },
    })
    const anonymous = await upload('backup.restore', restoreInput(), bytes)
    expect(JSON.parse(anonymous.body)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', key: 'notLoggedIn' },
    })
    // A missing password is shown at its field; the bytes left out are not the user's mistake.
    const noPassword = await upload(
      'backup.restore',
      restoreInput({ method: 'password', username: ADMIN.username, password: '' }),
      bytes,
      { token },
    )
    const refused = JSON.parse(noPassword.body) as {
      error: { code: string; fields: { path: string }[] }
    }
    expect(refused.error.code).toBe('VALIDATION')
    expect(refused.error.fields.map((f) => f.path)).toEqual(['secret.password'])
    await expectAlive()
  })

  it('restores from the raw bytes of a backup file, one upload at a time', async () => {
    const made = JSON.parse(
      (await api(callBody('backup.create', { download: true }), token)).body,
    ) as { ok: boolean; value: { file: { ticket: string } } }
    expect(made.ok).toBe(true)
    // The file comes by its ticket, streamed by the bridge (never base64 in JSON).
    const download = await fetch(
      `http://127.0.0.1:${bridge.port}/api/download/${made.value.file.ticket}`,
    )
    const file = Buffer.from(await download.arrayBuffer())

    // A first upload that is still coming in holds the only place; a second one waits its turn.
    let finish: () => void = () => undefined
    const held = new Promise<void>((ok) => (finish = ok))
    const first = upload(
      'backup.restore',
      restoreInput(),
      async function* () {
        yield file.subarray(0, 1000)
        await held
        yield file.subarray(1000)
      },
      { token },
    )
    // Once the first is past main's check it holds the place: from then on another one waits.
    let second: Reply = { status: 0, body: '', headers: {} }
    for (let i = 0; i < 100 && second.status !== 503; i++) {
      await new Promise((ok) => setTimeout(ok, 50))
      second = await upload('backup.restore', restoreInput(), file, { token })
    }
    expect(second.status).toBe(503)
    expect(JSON.parse(second.body)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', key: 'uploadBusy' },
    })
    finish()
    const checked = await first
    expect(checked.status).toBe(200)
    expect(JSON.parse(checked.body)).toMatchObject({
      ok: true,
      value: { restored: false, sameData: true, manifest: { counts: { account: 1 } } },
    })
    // The place is free again.
    const again = await upload('backup.restore', restoreInput(), file, { token })
    expect(JSON.parse(again.body)).toMatchObject({ ok: true, value: { restored: false } })
    expect(bridge.output()).not.toMatch(/failed/)
    await expectAlive()
  }, 60_000)
})

/**
 * A real PNG (main decodes a logo before it takes it) as long as a logo may be: a 1×1 image
 * with a private ancillary chunk of filler, sized so its data URL just fits 400,000 characters.
 */
function largestLogo(): string {
  const prefix = 'data:image/png;base64,'
  const small = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  )
  const bytes = Math.floor((400_000 - prefix.length) / 4) * 3
  const filler = Buffer.alloc(bytes - small.length - 12, 0x20)
  const type = Buffer.from('prVt', 'latin1')
  const length = Buffer.alloc(4)
  length.writeUInt32BE(filler.length)
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(Buffer.concat([type, filler])) >>> 0)
  // After the signature and IHDR (8 + 25 bytes), before the pixels.
  const png = Buffer.concat([small.subarray(0, 33), length, type, filler, crc, small.subarray(33)])
  return prefix + png.toString('base64')
}
