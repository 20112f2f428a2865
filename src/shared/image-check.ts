/**
 * Checks that bytes labelled as a PNG or JPEG are laid out as one, the way the PDF library reads
 * them (pdfkit under pdfmake): a damaged logo would otherwise be saved, and every document with
 * the letterhead (the recovery sheet, a subject's export) would fail later. Pure code, so the
 * form and main check the same; main also inflates a PNG's pixels (see src/main/pdf/logo.ts).
 */

/**
 * Larger than any logo needs; keeps the pixels main decodes of a PNG within bounds (at most
 * 32 MB for 16-bit RGBA). A JPEG is not decoded here, so only its sides are bounded.
 */
export const LOGO_MAX_SIDE = 4000
export const LOGO_MAX_PIXELS = 4_000_000

export interface PngLayout {
  kind: 'png'
  width: number
  height: number
  bitDepth: number
  colourType: number
  interlaced: boolean
  /** Whether a tRNS chunk gives transparency. */
  hasTransparency: boolean
  /** The IDAT chunks' data, in order (the zlib stream of the pixels). */
  idat: Uint8Array[]
}

export interface JpegLayout {
  kind: 'jpeg'
  width: number
  height: number
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
/** Bit depths allowed per colour type (PNG specification, table 11.1). */
const PNG_DEPTHS: Record<number, number[]> = {
  0: [1, 2, 4, 8, 16],
  2: [8, 16],
  3: [1, 2, 4, 8],
  4: [8, 16],
  6: [8, 16],
}

let crcTable: Uint32Array | null = null

function crc32(bytes: Uint8Array, from: number, to: number): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256)
    for (let n = 0; n < 256; n++) {
      let c = n
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
      crcTable[n] = c >>> 0
    }
  }
  let c = 0xffffffff
  for (let i = from; i < to; i++) c = crcTable[(c ^ bytes[i]) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

const u32 = (b: Uint8Array, at: number): number =>
  ((b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3]) >>> 0
const u16 = (b: Uint8Array, at: number): number => (b[at] << 8) | b[at + 1]

function sizeOk(width: number, height: number, maxPixels = Infinity): boolean {
  return (
    width >= 1 &&
    height >= 1 &&
    width <= LOGO_MAX_SIDE &&
    height <= LOGO_MAX_SIDE &&
    width * height <= maxPixels
  )
}

/** The PNG's layout when every chunk is whole, its checksum right and its header valid; else null. */
export function pngLayout(b: Uint8Array): PngLayout | null {
  if (b.length < 8 || PNG_SIGNATURE.some((v, i) => b[i] !== v)) return null
  let at = 8
  let header: Omit<PngLayout, 'idat' | 'kind' | 'hasTransparency'> | null = null
  let hasTransparency = false
  let paletteEntries = 0
  const idat: Uint8Array[] = []
  let idatEnded = false
  while (at + 12 <= b.length) {
    const length = u32(b, at)
    const type = String.fromCharCode(b[at + 4], b[at + 5], b[at + 6], b[at + 7])
    const data = at + 8
    const end = data + length
    if (!/^[A-Za-z]{4}$/.test(type) || length > 0x7fffffff || end + 4 > b.length) return null
    if (crc32(b, at + 4, end) !== u32(b, end)) return null
    if (!header && type !== 'IHDR') return null
    const colourType = header?.colourType ?? -1
    if (idat.length > 0 && type !== 'IDAT') idatEnded = true
    switch (type) {
      case 'IHDR': {
        if (header || length !== 13) return null
        const [bitDepth, colourType, compression, filter, interlace] = b.subarray(data + 8, end)
        header = {
          width: u32(b, data),
          height: u32(b, data + 4),
          bitDepth,
          colourType,
          interlaced: interlace === 1,
        }
        if (!sizeOk(header.width, header.height, LOGO_MAX_PIXELS)) return null
        if (!PNG_DEPTHS[colourType]?.includes(bitDepth)) return null
        if (compression !== 0 || filter !== 0 || interlace > 1) return null
        break
      }
      case 'PLTE':
        if (paletteEntries || idat.length || length % 3 !== 0 || length === 0 || length > 768)
          return null
        if (colourType === 0 || colourType === 4) return null
        paletteEntries = length / 3
        break
      case 'tRNS':
        if (idat.length) return null
        if (colourType === 3 && (!paletteEntries || length > paletteEntries)) return null
        if (colourType === 0 && length !== 2) return null
        if (colourType === 2 && length !== 6) return null
        if (colourType === 4 || colourType === 6) return null
        hasTransparency = true
        break
      case 'IDAT':
        if (idatEnded) return null
        idat.push(b.subarray(data, end))
        break
      case 'IEND':
        if (!header || length !== 0 || !idat.length) return null
        if (colourType === 3 && !paletteEntries) return null
        return { kind: 'png', ...header, hasTransparency, idat }
      default:
        // A critical chunk (upper-case first letter) the reader does not know cannot be skipped.
        if (type[0] === type[0].toUpperCase()) return null
    }
    at = end + 4
  }
  return null
}

/** Start-of-frame markers that describe the image (not DHT C4, JPG C8, DAC CC). */
const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf])

/**
 * The JPEG's size when its segments up to the scan are whole and a frame header of 8-bit
 * samples with 1, 3 or 4 components comes before it, and the file ends its image; else null.
 * The segments must follow each other exactly, so the PDF library finds the same frame header.
 */
export function jpegLayout(b: Uint8Array): JpegLayout | null {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return null
  let at = 2
  let frame: JpegLayout | null = null
  while (at + 4 <= b.length) {
    if (b[at] !== 0xff) return null
    const marker = b[at + 1]
    // Fill bytes, restart or stand-alone markers, a second start or an end before the scan.
    if (marker === 0xff || marker === 0xd8 || marker === 0xd9 || marker === 0x01) return null
    if (marker >= 0xd0 && marker <= 0xd7) return null
    if (marker === 0xc8 || marker === 0xcc) return null
    const length = u16(b, at + 2)
    const data = at + 4
    if (length < 2 || at + 2 + length > b.length) return null
    if (SOF.has(marker)) {
      if (frame) return null
      const components = b[data + 5]
      if (b[data] !== 8 || ![1, 3, 4].includes(components) || length !== 8 + 3 * components)
        return null
      frame = { kind: 'jpeg', height: u16(b, data + 1), width: u16(b, data + 3) }
      if (!sizeOk(frame.width, frame.height)) return null
    }
    if (marker === 0xda) {
      if (!frame) return null
      // The compressed scan follows; the image must end after it.
      const scan = at + 2 + length
      for (let i = b.length - 2; i >= scan; i--)
        if (b[i] === 0xff && b[i + 1] === 0xd9) return frame
      return null
    }
    at += 2 + length
  }
  return null
}

/** The bytes of a `data:image/png|jpeg;base64,` URL, or null when it is not one. */
export function dataUrlBytes(url: string): { mime: 'png' | 'jpeg'; bytes: Uint8Array } | null {
  const m = /^data:image\/(png|jpeg);base64,([A-Za-z0-9+/]+=*)$/.exec(url)
  if (!m) return null
  let binary: string
  try {
    binary = atob(m[2])
  } catch {
    return null
  }
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return { mime: m[1] as 'png' | 'jpeg', bytes }
}

/** The layout of a logo data URL whose bytes are what its label says, or null. */
export function logoLayout(url: string): PngLayout | JpegLayout | null {
  const parsed = dataUrlBytes(url)
  if (!parsed) return null
  return parsed.mime === 'png' ? pngLayout(parsed.bytes) : jpegLayout(parsed.bytes)
}
