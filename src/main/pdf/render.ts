import { createRequire } from 'node:module'
import pdfmake from 'pdfmake'
import type { TDocumentDefinitions, TFontDictionary } from 'pdfmake/interfaces'

/**
 * The body font. Roboto ships inside the pdfmake package as TTF files and covers the Latin-1
 * letters Dutch needs (ë, é, ï, ü, ...). The files are resolved from node_modules at run time,
 * which works under vitest/tsx and in the electron-vite main bundle, where pdfmake stays external.
 */
export const BODY_FONT = 'Roboto'
/**
 * A fixed-width font for keys and codes. Courier is one of the fourteen fonts every PDF reader
 * has built in, so nothing has to be shipped; it only covers WinAnsi, which is enough for codes.
 */
export const MONO_FONT = 'Courier'

const STANDARD_FONT_FILES = ['Courier', 'Courier-Bold', 'Courier-Oblique', 'Courier-BoldOblique']

function fontDictionary(): TFontDictionary {
  const require = createRequire(import.meta.url)
  const roboto = (file: string): string => require.resolve(`pdfmake/fonts/Roboto/${file}`)
  return {
    [BODY_FONT]: {
      normal: roboto('Roboto-Regular.ttf'),
      bold: roboto('Roboto-Medium.ttf'),
      italics: roboto('Roboto-Italic.ttf'),
      bolditalics: roboto('Roboto-MediumItalic.ttf'),
    },
    [MONO_FONT]: {
      normal: 'Courier',
      bold: 'Courier-Bold',
      italics: 'Courier-Oblique',
      bolditalics: 'Courier-BoldOblique',
    },
  }
}

/** Signs Roboto lacks (they would print as empty boxes), with what a reader takes for the same. */
const STAND_INS: Record<string, string> = { '→': '»', '←': '«', '⇒': '»', '✓': 'ja', '✗': 'nee' }
const MISSING = new RegExp(`[${Object.keys(STAND_INS).join('')}]`, 'gu')

/** Text as the body font can print it: the few common signs it has no glyph for are replaced. */
export function printable(text: string): string {
  return text.replace(MISSING, (ch) => STAND_INS[ch] ?? ch)
}

let configured = false

/**
 * pdfmake is one shared instance per process: fonts and access rules are set once. A document
 * may only read our own font files and never fetch a URL, so text that ends up in a document
 * (an organisation name, a note) can never make the app read a local file or go online.
 */
function configure(): void {
  if (configured) return
  const fonts = fontDictionary()
  const allowed = new Set<string>(STANDARD_FONT_FILES)
  for (const family of Object.values(fonts))
    for (const file of [family.normal, family.bold, family.italics, family.bolditalics])
      if (typeof file === 'string') allowed.add(file)
  pdfmake.setFonts(fonts)
  pdfmake.setUrlAccessPolicy(() => false)
  pdfmake.setLocalAccessPolicy((path) => allowed.has(path))
  configured = true
}

/** Lays out a pdfmake document definition and returns the finished PDF file. */
export async function renderPdf(doc: TDocumentDefinitions): Promise<Buffer> {
  configure()
  const pdf = pdfmake.createPdf({
    ...doc,
    defaultStyle: { font: BODY_FONT, fontSize: 10, lineHeight: 1.2, ...doc.defaultStyle },
    info: { creator: 'Dichtbij', producer: 'Dichtbij', ...doc.info },
  })
  return pdf.getBuffer()
}
