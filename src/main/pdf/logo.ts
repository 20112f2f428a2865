import { inflateSync } from 'node:zlib'
import { logoLayout, type PngLayout } from '../../shared/image-check'
import { renderPdf } from './render'

/** Adam7: first column, first row, column step and row step of each of the seven passes. */
const ADAM7: [number, number, number, number][] = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
]

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }

/** Rows and bytes per row (without the filter byte) of the image or of each interlace pass. */
function scanlines(png: PngLayout): { rows: number; bytes: number }[] {
  const bitsPerPixel = png.bitDepth * CHANNELS[png.colourType]
  const rowBytes = (width: number): number => Math.ceil((width * bitsPerPixel) / 8)
  if (!png.interlaced) return [{ rows: png.height, bytes: rowBytes(png.width) }]
  return ADAM7.map(([x0, y0, dx, dy]) => ({
    cols: Math.ceil((png.width - x0) / dx),
    rows: Math.ceil((png.height - y0) / dy),
  }))
    .filter((p) => p.cols > 0 && p.rows > 0)
    .map((p) => ({ rows: p.rows, bytes: rowBytes(p.cols) }))
}

/**
 * Whether the PNG's pixels decode: the zlib stream inflates to exactly the size its header
 * promises (never more: a small file must not unpack into gigabytes) and every row has a known
 * filter. The PDF library inflates in a callback where a failure would end the process, so
 * nothing it cannot decode may reach it.
 */
function pngPixelsDecode(png: PngLayout): boolean {
  const lines = scanlines(png)
  const expected = lines.reduce((n, l) => n + l.rows * (1 + l.bytes), 0)
  let pixels: Buffer
  try {
    pixels = inflateSync(Buffer.concat(png.idat), { maxOutputLength: expected + 1 })
  } catch {
    return false
  }
  if (pixels.length !== expected) return false
  let at = 0
  for (const l of lines)
    for (let r = 0; r < l.rows; r++, at += 1 + l.bytes) if (pixels[at] > 4) return false
  return true
}

/**
 * What the PDF library's PNG reader (png-js) decodes as the specification says. It reads a
 * filter byte for the empty passes of a small interlaced image and counts pixels in whole bytes,
 * so those images would print garbled or end the process; they are refused (saving the logo
 * again as an ordinary PNG helps).
 */
function pdfLibraryReads(png: PngLayout): boolean {
  if (png.interlaced && (png.bitDepth < 8 || png.width < 5 || png.height < 5)) return false
  // A palette with transparency is unpacked per byte: only 8-bit indices come out right.
  return !(png.colourType === 3 && png.hasTransparency && png.bitDepth < 8)
}

let lastChecked: { logo: string; ok: boolean } | null = null

/**
 * Whether a logo (a data URL) is a PNG or JPEG the letterhead can print: its structure checked
 * as the shared schema does, and a PNG's pixels decoded. The last answer is kept, since every
 * document asks again for the same logo.
 */
export function logoPrintable(logo: string): boolean {
  if (lastChecked?.logo === logo) return lastChecked.ok
  const layout = logoLayout(logo)
  const ok =
    !!layout && (layout.kind === 'jpeg' || (pdfLibraryReads(layout) && pngPixelsDecode(layout)))
  lastChecked = { logo, ok }
  return ok
}

/** Whether the PDF library lays out a page with this (already checked) logo without failing. */
export async function logoRenders(logo: string): Promise<boolean> {
  try {
    await renderPdf({ content: [{ image: logo, fit: [140, 60] }] })
    return true
  } catch {
    return false
  }
}
