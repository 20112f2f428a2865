// @vitest-environment jsdom
import './setup-dom'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { call } from '../../src/renderer/src/api'
import { saveDownload } from '../../src/renderer/src/common/download'
import { AppError } from '../../src/shared/errors'

/*
 * In a browser (`npm run web`) there is no `window.api`: the client talks HTTP to the bridge. Only
 * that HTTP exchange is stood in for here (the bridge's side is tested in bridge-limits and the
 * e2e upload test); what the client sends and how it reads the answers is the real code.
 */

interface Sent {
  url: string
  headers: Record<string, string>
  body: unknown
}

function standIn(answer: () => Response): Sent[] {
  const sent: Sent[] = []
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    sent.push({ url, headers: init.headers as Record<string, string>, body: init.body })
    return answer()
  })
  return sent
}

const json = (value: unknown, status = 200): Response =>
  new Response(JSON.stringify(value), { status, headers: { 'Content-Type': 'application/json' } })

function bytesOf(blob: Blob): Promise<Uint8Array> {
  return new Promise((ok, fail) => {
    const reader = new FileReader()
    reader.onload = () => ok(new Uint8Array(reader.result as ArrayBuffer))
    reader.onerror = () => fail(reader.error)
    reader.readAsArrayBuffer(blob)
  })
}

afterEach(() => {
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
  sessionStorage.clear()
})

describe('the browser client', () => {
  it('sends a picked backup file to the upload path as its raw bytes, the rest in a header', async () => {
    // Larger than one piece of the decoder, and not a multiple of three bytes.
    const file = new Uint8Array(700_001).map((_, i) => (i * 7919) % 256)
    const manifest = { kind: 'manual', counts: { account: 1 } }
    const sent = standIn(() => json({ ok: true, value: { restored: false, manifest } }))
    sessionStorage.setItem('dichtbij.session', 'token-1')

    const result = await call('backup.restore', {
      source: { kind: 'upload', fileName: 'één back-up.dichtbij-backup', bytes: file },
      secret: { method: 'password', username: 'ria', password: 'Groene-deur-naast-de-bakker' },
      confirm: false,
    })
    expect(result).toMatchObject({ restored: false, manifest })
    expect(sent).toHaveLength(1)
    expect(sent[0].url).toBe('api/upload')
    expect(sent[0].headers['Content-Type']).toBe('application/octet-stream')
    expect(sent[0].headers.Authorization).toBe('Bearer token-1')
    expect(JSON.parse(decodeURIComponent(sent[0].headers['X-Dichtbij-Call']))).toEqual({
      method: 'backup.restore',
      input: {
        source: { kind: 'upload', fileName: 'één back-up.dichtbij-backup' },
        secret: { method: 'password', username: 'ria', password: 'Groene-deur-naast-de-bakker' },
        confirm: false,
      },
    })
    const received = await bytesOf(sent[0].body as Blob)
    expect(received.length).toBe(file.length)
    expect(received.every((b, i) => b === file[i])).toBe(true)
  })

  it('sends every other call, and a restore from the folder, as JSON to /api', async () => {
    const sent = standIn(() => json({ ok: true, value: { restored: false } }))
    await call('backup.restore', {
      source: { kind: 'folder', name: 'a.dichtbij-backup' },
      secret: { method: 'recoveryKey', recoveryKey: 'x' },
    })
    expect(sent[0].url).toBe('api')
    expect(sent[0].headers['Content-Type']).toBe('application/json')
    expect(JSON.parse(sent[0].body as string)).toMatchObject({ method: 'backup.restore' })
  })

  it('saves a file main made by its ticket: an anchor to the bridge, a real streamed download', async () => {
    // What the bridge sends: a ticket for the file, never its bytes.
    const file = {
      ticket: 'T'.repeat(43),
      filename: 'dichtbij-20260312-100000-handmatig.dichtbij-backup',
      mime: 'application/octet-stream',
      sizeBytes: 450_000_000,
    }
    const sent = standIn(() =>
      json({ ok: true, value: { backup: { name: 'a.dichtbij-backup' }, file } }),
    )
    const made = await call('backup.create', { download: true })
    expect(made.file).toEqual(file)
    const clicked: { href: string; download: string }[] = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push({ href: this.getAttribute('href') ?? '', download: this.download })
    })
    expect(await saveDownload(made.file!)).toBe(true)
    expect(clicked).toEqual([{ href: `api/download/${file.ticket}`, download: file.filename }])
    // The page itself fetched nothing more: the browser streams the file to disk.
    expect(sent).toHaveLength(1)
  })

  it('sends bytes elsewhere in a call tagged, and takes a malformed tag as no answer', async () => {
    const sent = standIn(() => json({ ok: true, value: { pdf: { bytes: { $bytes: '%%%' } } } }))
    const failed = await call('backup.restore', {
      source: { kind: 'folder', name: 'a.dichtbij-backup' },
      secret: { method: 'recoveryKey', recoveryKey: 'x' },
      extra: new Uint8Array([1, 2, 3]),
    } as never).catch((e: unknown) => e)
    expect(JSON.parse(sent[0].body as string).input.extra).toEqual({ $bytes: 'AQID' })
    expect(failed).toBeInstanceOf(AppError)
    expect((failed as AppError).code).toBe('INTERNAL')
  })

  it("shows the bridge's own refusals (too large, another upload busy) as what they are", async () => {
    standIn(() => json({ ok: false, error: { code: 'VALIDATION', key: 'requestTooLarge' } }, 413))
    const tooLarge = await call('setup.status', {}).catch((e: unknown) => e)
    expect(tooLarge).toBeInstanceOf(AppError)
    expect((tooLarge as AppError).key).toBe('requestTooLarge')

    standIn(() => json({ ok: false, error: { code: 'CONFLICT', key: 'uploadBusy' } }, 503))
    const busy = await call('setup.restore', {
      source: { kind: 'upload', fileName: 'x', bytes: new Uint8Array([0, 0, 0]) },
      secret: { method: 'recoveryKey', recoveryKey: 'x' },
    }).catch((e: unknown) => e)
    expect((busy as AppError).key).toBe('uploadBusy')
  })
})
