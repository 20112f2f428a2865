import { readFileSync, writeFileSync } from 'node:fs'
import { chromium } from 'playwright-core'

/**
 * `npx tsx scripts/make-icons.ts`: draws resources/icon.svg into the icons electron-builder
 * packs (directories.buildResources): icon.png at 1024 px (Linux, and macOS's .icns is made
 * from it) and icon.ico for Windows. Runs offline in Debian's Chromium; the results are
 * committed, so packaging does not need this script.
 */

const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256]

interface Drawn {
  size: number
  png: Buffer
  /** Straight (not premultiplied) RGBA, top row first. */
  rgba: Buffer
}

/** One .ico entry as Windows' own icons have them: BGRA rows bottom-up, then the AND mask. */
function bmpEntry({ size, rgba }: Drawn): Buffer {
  const header = Buffer.alloc(40)
  header.writeUInt32LE(40, 0)
  header.writeInt32LE(size, 4)
  header.writeInt32LE(size * 2, 8) // colour rows plus mask rows
  header.writeUInt16LE(1, 12)
  header.writeUInt16LE(32, 14)
  const pixels = Buffer.alloc(size * size * 4)
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const from = ((size - 1 - y) * size + x) * 4
      const to = (y * size + x) * 4
      pixels[to] = rgba[from + 2]
      pixels[to + 1] = rgba[from + 1]
      pixels[to + 2] = rgba[from]
      pixels[to + 3] = rgba[from + 3]
    }
  // All zero: transparency comes from the alpha channel. Rows are padded to 4 bytes.
  const mask = Buffer.alloc(Math.ceil(size / 32) * 4 * size)
  return Buffer.concat([header, pixels, mask])
}

/** PNG for the 256 px entry (as Windows stores it), bitmaps for the small ones. */
function ico(images: Drawn[]): Buffer {
  const bodies = images.map((image) => (image.size >= 256 ? image.png : bmpEntry(image)))
  const head = Buffer.alloc(6 + 16 * images.length)
  head.writeUInt16LE(0, 0)
  head.writeUInt16LE(1, 2)
  head.writeUInt16LE(images.length, 4)
  let offset = head.length
  images.forEach((image, i) => {
    const at = 6 + 16 * i
    head.writeUInt8(image.size >= 256 ? 0 : image.size, at)
    head.writeUInt8(image.size >= 256 ? 0 : image.size, at + 1)
    head.writeUInt16LE(1, at + 4)
    head.writeUInt16LE(32, at + 6)
    head.writeUInt32LE(bodies[i].length, at + 8)
    head.writeUInt32LE(offset, at + 12)
    offset += bodies[i].length
  })
  return Buffer.concat([head, ...bodies])
}

async function main(): Promise<void> {
  const svg = readFileSync('resources/icon.svg', 'utf8')
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  })
  try {
    const page = await browser.newPage()
    const draw = async (size: number): Promise<Drawn> => {
      const [pngBase64, rgba] = await page.evaluate(
        async ({ svg, size }) => {
          const image = new Image()
          image.src = `data:image/svg+xml;base64,${btoa(svg)}`
          await image.decode()
          const canvas = document.createElement('canvas')
          canvas.width = size
          canvas.height = size
          const context = canvas.getContext('2d') as CanvasRenderingContext2D
          context.imageSmoothingQuality = 'high'
          context.drawImage(image, 0, 0, size, size)
          const data = context.getImageData(0, 0, size, size).data
          return [canvas.toDataURL('image/png').split(',')[1], Array.from(data)] as const
        },
        { svg, size },
      )
      return { size, png: Buffer.from(pngBase64, 'base64'), rgba: Buffer.from(rgba) }
    }
    writeFileSync('resources/icon.png', (await draw(1024)).png)
    const small: Drawn[] = []
    for (const size of ICO_SIZES) small.push(await draw(size))
    writeFileSync('resources/icon.ico', ico(small))
  } finally {
    await browser.close()
  }
}

await main()
