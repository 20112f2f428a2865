import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CALL_HEADER, startWebServer, UPLOAD_PATH, type WebServer } from '../../scripts/web-server'
import { ADMIN_PASSWORD, ADMIN_USERNAME, createTestApp, type TestApp } from '../helpers/db'
import { householdInput } from '../helpers/fixtures'

/*
 * Files are bytes between main and the screen; only the browser bridge, JSON over loopback,
 * needs a text form: `{ "$bytes": "<base64>" }` for a Uint8Array, in results and in calls.
 * What comes in is not trusted: a malformed tag is the caller's mistake (VALIDATION), never a
 * fault in main (INTERNAL), and the bridge's size limits still hold.
 */

let app: TestApp
let web: WebServer
let port: number
let token = ''
// Limits of this test's bridge, smaller than the app's (2 MB each) so going over them is cheap;
// the ordinary call's must still hold a backup of an empty app in base64 (about 1.54 MB since
// the tables and indexes of migrations 0032-0034).
const MAX_BODY = 1_800_000
const MAX_UPLOAD = 2_000_000

beforeAll(async () => {
  app = await createTestApp()
  const rendererDir = join(app.dir, 'renderer')
  mkdirSync(rendererDir)
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Dichtbij</title>')
  web = await startWebServer({
    router: app.router,
    rendererDir,
    maxBody: MAX_BODY,
    maxUpload: MAX_UPLOAD,
  })
  port = Number(new URL(web.url).port)
  const login = await post(
    '/api',
    callBody('auth.login', {
      username: ADMIN_USERNAME,
      password: ADMIN_PASSWORD,
    }),
  )
  token = String(login.headers['x-dichtbij-session'])
})
afterAll(async () => {
  await web?.close()
  await app?.close()
})

interface Reply {
  status: number
  body: string
  headers: Record<string, unknown>
}

function post(
  path: string,
  body: string | Buffer,
  headers: Record<string, string> = { 'Content-Type': 'application/json' },
): Promise<Reply> {
  return new Promise((ok, fail) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        headers: { ...headers, ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () =>
          ok({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            headers: res.headers,
          }),
        )
      },
    )
    req.on('error', fail)
    req.end(body)
  })
}
const callBody = (method: string, input: unknown = {}): string => JSON.stringify({ method, input })
const api = async (method: string, input: unknown = {}): Promise<Reply> =>
  post('/api', callBody(method, input))

const secret = { method: 'password', username: ADMIN_USERNAME, password: ADMIN_PASSWORD }

async function households(): Promise<number> {
  const row = await app.open.db
    .selectFrom('household')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

describe('bytes over the browser bridge', () => {
  it('hands the backup for download over as a ticket, and streams its file byte for byte', async () => {
    const made = JSON.parse((await api('backup.create', { download: true })).body) as {
      ok: boolean
      value: {
        backup: { name: string }
        file: { filename: string; mime: string; ticket: string; sizeBytes: number }
      }
    }
    expect(made.ok).toBe(true)
    const { filename, mime, ticket, sizeBytes } = made.value.file
    expect(filename).toMatch(/\.dichtbij-backup$/)
    expect(mime).toBe('application/octet-stream')
    // No bytes in the JSON answer, in any form.
    expect(made.value.file).not.toHaveProperty('bytes')
    const res = await fetch(`http://127.0.0.1:${port}/api/download/${ticket}`)
    expect(res.status).toBe(200)
    const sent = Buffer.from(await res.arrayBuffer())
    expect(sent.length).toBe(sizeBytes)
    expect(sent.equals(readFileSync(join(app.dir, 'backups', made.value.backup.name)))).toBe(true)

    // The recovery key sheet is one small page: it still comes as tagged bytes.
    const sheet = JSON.parse((await api('recovery.regenerate')).body) as {
      value: { pdf: { bytes: { $bytes: string } } }
    }
    expect(Buffer.from(sheet.value.pdf.bytes.$bytes, 'base64').subarray(0, 5).toString()).toBe(
      '%PDF-',
    )
  })

  it('refuses a malformed $bytes tag at its field, never as INTERNAL, changing nothing', async () => {
    const before = await households()
    const malformed: unknown[] = [
      { $bytes: 'niet base64!' },
      { $bytes: 'QUJD=' },
      { $bytes: 42 },
      { $bytes: null },
      { $bytes: ['QUJD'] },
      { $bytes: 'QUJD', kind: 'upload' },
    ]
    for (const tag of malformed) {
      const reply = await api('backup.restore', {
        source: { kind: 'upload', fileName: 'x.dichtbij-backup', bytes: tag },
        secret,
        confirm: true,
      })
      expect(reply.status, JSON.stringify(tag)).toBe(200)
      expect(JSON.parse(reply.body)).toEqual({
        ok: false,
        error: {
          code: 'VALIDATION',
          key: 'validation',
          fields: [{ path: 'source.bytes', key: 'invalidType' }],
        },
      })
    }
    // Deeper in a call, and in a call that takes no bytes at all.
    const deep = await api('households.create', {
      ...householdInput(),
      members: [{ birthYear: { $bytes: '%%%%' } }],
    })
    expect(JSON.parse(deep.body)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: [{ path: 'members.0.birthYear', key: 'invalidType' }] },
    })
    // A well-formed tag where main wants text is bytes there: main refuses it at the field.
    const wellFormed = JSON.parse(
      (await api('households.create', { ...householdInput(), contactName: { $bytes: 'QUJD' } }))
        .body,
    ) as { ok: boolean; error: { code: string; fields: { path: string }[] } }
    expect(wellFormed.error.code).toBe('VALIDATION')
    expect(wellFormed.error.fields.map((f) => f.path)).toContain('contactName')
    expect(await households()).toBe(before)
    // The bridge and the session are as they were.
    expect(JSON.parse((await api('auth.session')).body)).toMatchObject({
      ok: true,
      value: { user: { username: ADMIN_USERNAME } },
    })
  })

  it('restores from the raw bytes of an upload and from tagged bytes in a call, within the limits', async () => {
    const made = JSON.parse((await api('backup.create', { download: true })).body) as {
      value: { file: { ticket: string } }
    }
    const download = await fetch(`http://127.0.0.1:${port}/api/download/${made.value.file.ticket}`)
    const file = Buffer.from(await download.arrayBuffer())
    const base64 = file.toString('base64')
    expect(file.length).toBeLessThan(MAX_UPLOAD)

    // The upload path: the bytes are the body, handed to main as a Uint8Array.
    const uploadHeaders = (input: unknown): Record<string, string> => ({
      'Content-Type': 'application/octet-stream',
      [CALL_HEADER]: encodeURIComponent(callBody('backup.restore', input)),
    })
    const described = { kind: 'upload', fileName: 'één back-up.dichtbij-backup' }
    const raw = await post(
      UPLOAD_PATH,
      file,
      uploadHeaders({ source: described, secret, confirm: false }),
    )
    expect(JSON.parse(raw.body)).toMatchObject({
      ok: true,
      value: { restored: false, sameData: true },
    })

    // An upload over the bridge's limit is refused before main sees it.
    const tooLarge = await post(
      UPLOAD_PATH,
      Buffer.alloc(MAX_UPLOAD + 1),
      uploadHeaders({ source: described, secret, confirm: false }),
    )
    expect(tooLarge.status).toBe(413)
    expect(JSON.parse(tooLarge.body)).toEqual({
      ok: false,
      error: { code: 'VALIDATION', key: 'requestTooLarge' },
    })

    // Tagged bytes in an ordinary call are bytes to main too, within the ordinary call's limit.
    expect(base64.length).toBeLessThan(MAX_BODY - 1000)
    const tagged = await api('backup.restore', {
      source: { ...described, bytes: { $bytes: base64 } },
      secret,
      confirm: false,
    })
    expect(tagged.status).toBe(200)
    expect(JSON.parse(tagged.body)).toMatchObject({
      ok: true,
      value: { restored: false, sameData: true },
    })
    const overBody = await api('backup.restore', {
      source: { ...described, bytes: { $bytes: 'QUJD'.repeat(MAX_BODY / 4) } },
      secret,
      confirm: false,
    })
    expect(overBody.status).toBe(413)
    expect(JSON.parse(overBody.body)).toMatchObject({ error: { key: 'requestTooLarge' } })
  })
})
