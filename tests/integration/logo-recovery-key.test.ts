import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { crc32, deflateSync } from 'node:zlib'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, rejection, type TestApp } from '../helpers/db'
import { downloaded } from '../helpers/downloads'
import { householdInput } from '../helpers/fixtures'
import { pdfPageCount } from '../helpers/pdf'

let app: TestApp
beforeEach(async () => {
  app = await createTestApp('2026-06-15T10:00:00Z')
})
afterEach(async () => {
  await app.close()
})

// ---- images made here byte by byte ---------------------------------------------------------

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body) >>> 0)
  return Buffer.concat([length, body, crc])
}

function png(
  width: number,
  height: number,
  bitDepth: number,
  colourType: number,
  pixels: Buffer,
  options: { interlaced?: boolean; before?: Buffer[] } = {},
): Buffer {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr[8] = bitDepth
  ihdr[9] = colourType
  ihdr[12] = options.interlaced ? 1 : 0
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    ...(options.before ?? []),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

/** Rows of `row` bytes, each after filter byte 0. */
const rows = (height: number, row: Buffer): Buffer =>
  Buffer.concat(Array.from({ length: height }, () => Buffer.concat([Buffer.from([0]), row])))

/** The scanlines of an Adam7-interlaced image of `bytesPerPixel`, every byte `value`. */
function interlacedRows(width: number, height: number, bytesPerPixel: number): Buffer {
  const passes = [
    [0, 0, 8, 8],
    [4, 0, 8, 8],
    [0, 4, 4, 8],
    [2, 0, 4, 4],
    [0, 2, 2, 4],
    [1, 0, 2, 2],
    [0, 1, 1, 2],
  ]
  const out: Buffer[] = []
  for (const [x0, y0, dx, dy] of passes) {
    const cols = Math.ceil((width - x0) / dx)
    const lines = Math.ceil((height - y0) / dy)
    if (cols > 0 && lines > 0) out.push(rows(lines, Buffer.alloc(cols * bytesPerPixel, 0x60)))
  }
  return Buffer.concat(out)
}

/** A baseline JPEG of one grey 8×8 block: one-code Huffman tables, DC and AC both zero. */
function jpeg(): Buffer {
  const seg = (marker: number, body: number[]): number[] => [
    0xff,
    marker,
    (body.length + 2) >> 8,
    (body.length + 2) & 0xff,
    ...body,
  ]
  const oneCode = [1, ...Array(15).fill(0), 0]
  return Buffer.from([
    0xff,
    0xd8,
    ...seg(0xdb, [0, ...Array(64).fill(1)]),
    ...seg(0xc0, [8, 0, 8, 0, 8, 1, 1, 0x11, 0]),
    ...seg(0xc4, [0x00, ...oneCode]),
    ...seg(0xc4, [0x10, ...oneCode]),
    ...seg(0xda, [1, 1, 0x00, 0, 63, 0]),
    0x3f,
    0xff,
    0xd9,
  ])
}

const dataUrl = (mime: 'png' | 'jpeg', bytes: Buffer): string =>
  `data:image/${mime};base64,${bytes.toString('base64')}`

/** The images embedded in a PDF, as poppler's pdfimages lists them (one line per image). */
function pdfImageCount(pdf: Buffer): number {
  const dir = mkdtempSync(join(tmpdir(), 'dichtbij-pdf-'))
  try {
    const file = join(dir, 'doc.pdf')
    writeFileSync(file, pdf)
    const list = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' })
    return list.trim().split('\n').length - 2
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

async function setLogo(logo: string | null): Promise<void> {
  const org = await app.call('organisation.get', {})
  await app.call('organisation.update', {
    name: org.name,
    address: org.address,
    postcode: org.postcode,
    city: org.city,
    logo,
  })
}

async function exportPdf(): Promise<Buffer> {
  const { id } = await app.call('households.create', householdInput())
  const file = await app.call('subjects.export', { kind: 'household', id, format: 'pdf' })
  return downloaded(app, file)
}

async function opens(backupName: string, recoveryKey: string): Promise<boolean | string> {
  try {
    await app.call('backup.restore', {
      source: { kind: 'folder', name: backupName },
      secret: { method: 'recoveryKey', recoveryKey },
      confirm: false,
    })
    return true
  } catch (err) {
    return (err as { fields?: { key: string }[] }).fields?.[0]?.key ?? String(err)
  }
}

// ---- the tests -------------------------------------------------------------------------------

describe('the organisation logo is checked as an image before it is saved', () => {
  const damaged: [string, string][] = [
    // The security test's file: the PNG signature and zeros.
    [
      'PNG signature and zeros',
      dataUrl(
        'png',
        Buffer.concat([png(1, 1, 8, 2, Buffer.alloc(0)).subarray(0, 8), Buffer.alloc(40)]),
      ),
    ],
    [
      'JPEG start and zeros',
      dataUrl('jpeg', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(40)])),
    ],
    [
      'PNG with a wrong checksum',
      dataUrl(
        'png',
        (() => {
          const b = png(2, 2, 8, 2, rows(2, Buffer.alloc(6, 9)))
          b[20] ^= 1
          return b
        })(),
      ),
    ],
    // Whole chunks, but pixels the PDF library cannot unfilter (with an alpha channel it decodes
    // them itself, in a callback where the error would end the process).
    [
      'PNG with an unknown row filter',
      dataUrl(
        'png',
        png(
          2,
          2,
          8,
          6,
          Buffer.concat([Buffer.from([9]), Buffer.alloc(8), Buffer.from([0]), Buffer.alloc(8)]),
        ),
      ),
    ],
    ['PNG with too few pixels', dataUrl('png', png(4, 4, 8, 6, rows(2, Buffer.alloc(16))))],
    // A 2×2 interlaced image has empty passes, which the PDF library misreads.
    [
      'small interlaced PNG',
      dataUrl('png', png(2, 2, 16, 2, interlacedRows(2, 2, 6), { interlaced: true })),
    ],
  ]

  it.each(damaged)('refuses a damaged logo at the field: %s', async (_label, logo) => {
    const refused = await rejection(setLogo(logo))
    expect(refused.code).toBe('VALIDATION')
    expect(refused.fields?.[0]).toMatchObject({ path: 'logo', key: 'logoDamaged' })
    expect((await app.call('organisation.get', {})).logo).toBeNull()
  })

  const good: [string, string][] = [
    [
      '8-bit RGB PNG',
      dataUrl('png', png(2, 2, 8, 2, rows(2, Buffer.from([255, 0, 0, 0, 0, 255])))),
    ],
    ['16-bit RGBA PNG', dataUrl('png', png(2, 2, 16, 6, rows(2, Buffer.alloc(16, 0x80))))],
    [
      'grey with alpha PNG',
      dataUrl('png', png(2, 2, 8, 4, rows(2, Buffer.from([0x80, 0xff, 0x80, 0x00])))),
    ],
    [
      'palette PNG with transparency',
      dataUrl(
        'png',
        png(2, 2, 8, 3, rows(2, Buffer.from([0, 1])), {
          before: [
            chunk('PLTE', Buffer.from([255, 0, 0, 0, 128, 0])),
            chunk('tRNS', Buffer.from([0, 255])),
          ],
        }),
      ),
    ],
    [
      'interlaced 9×7 RGBA PNG',
      dataUrl('png', png(9, 7, 8, 6, interlacedRows(9, 7, 4), { interlaced: true })),
    ],
    ['baseline JPEG', dataUrl('jpeg', jpeg())],
  ]

  it.each(good)('saves a sound logo and prints it: %s', async (_label, logo) => {
    await setLogo(logo)
    expect((await app.call('organisation.get', {})).logo).toBe(logo)
    const pdf = await exportPdf()
    expect(pdfPageCount(pdf)).toBeGreaterThan(0)
    expect(pdfImageCount(pdf)).toBeGreaterThan(0)
  })

  it('checks the logo of a new installation the same way', async () => {
    const fresh = await createTestApp('2026-06-15T10:00:00Z', { setup: false })
    try {
      const refused = await rejection(
        fresh.call('setup.create', {
          organisation: { name: 'Nieuwe winkel', logo: damaged[0][1] },
          admin: {
            username: 'baas',
            displayName: 'Baas',
            password: 'Oranje-Pinguin-8812',
            passwordRepeat: 'Oranje-Pinguin-8812',
          },
        }),
      )
      expect(refused.fields?.[0]).toMatchObject({ path: 'organisation.logo', key: 'logoDamaged' })
      expect((await fresh.call('setup.status', {})).needsSetup).toBe(true)
    } finally {
      await fresh.close()
    }
  })
})

describe('a new recovery key is only put in place once its sheet exists', () => {
  it('still makes the key and its sheet when a damaged logo was saved before the check', async () => {
    const first = await app.call('recovery.regenerate', {})
    const { backup } = await app.call('backup.create', {})
    await app.vault.settled()
    expect(await opens(backup.name, first.recoveryKey)).toBe(true)
    // A logo stored by an older version, before logos were checked.
    const broken = dataUrl(
      'png',
      Buffer.concat([png(1, 1, 8, 2, Buffer.alloc(0)).subarray(0, 8), Buffer.alloc(40)]),
    )
    await app.open.db.updateTable('organisation').set({ logo: broken }).execute()

    const second = await app.call('recovery.regenerate', {})
    await app.vault.settled()
    expect(pdfPageCount(Buffer.from(second.pdf.bytes))).toBe(1)
    // Whatever happened, some sheet opens the backups: here the new one, which was shown.
    expect(await opens(backup.name, second.recoveryKey)).toBe(true)
    expect(await opens(backup.name, first.recoveryKey)).toBe('backupSecretWrong')
    // Documents with the letterhead leave the unreadable logo out instead of failing.
    expect(pdfPageCount(await exportPdf())).toBeGreaterThan(0)
  })

  it('keeps the old key when the sheet cannot be made, or the change not recorded', async () => {
    const first = await app.call('recovery.regenerate', {})
    const { backup } = await app.call('backup.create', {})
    await app.vault.settled()
    const entries = async (): Promise<number> =>
      (await app.call('audit.list', { action: 'settings_change' })).total

    await app.call('recovery.confirm', {})
    const status = (await app.call('backup.list', {})).recoveryKey
    const before = await entries()
    await expect(
      app.vault.newRecoveryKey(async () => {
        throw new Error('printer on fire')
      }),
    ).rejects.toThrow('printer on fire')
    await app.vault.settled()
    expect(await opens(backup.name, first.recoveryKey)).toBe(true)

    await expect(
      app.vault.newRecoveryKey(
        async () => undefined,
        async () => {
          throw new Error('audit log full')
        },
      ),
    ).rejects.toThrow('audit log full')
    await app.vault.settled()
    expect(await opens(backup.name, first.recoveryKey)).toBe(true)
    expect(await entries()).toBe(before)
    // The key on the sheet that was confirmed is still the current one.
    expect((await app.call('backup.list', {})).recoveryKey).toEqual(status)
  })
})
