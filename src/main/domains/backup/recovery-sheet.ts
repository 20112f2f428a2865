import type { Content } from 'pdfmake/interfaces'
import type { Organisation } from '../../../shared/schemas/accounts'
import { timeInZone } from '../../clock'
import { letterDocument, MUTED, printDate, RULE, SHADE } from '../../pdf/letterhead'
import { MONO_FONT, renderPdf } from '../../pdf/render'
import { labelsT, type LabelLanguage } from '../../i18n'

export interface RecoverySheetInput {
  organisation: Organisation
  /** The key exactly as the user must type it, already grouped (e.g. "ABCDE-FGHJK-…"). */
  recoveryKey: string
  createdAt: Date
  /** The display name of the beheerder who made the key. */
  createdBy: string
  /** Dutch unless the caller passes the screen's language. */
  language?: LabelLanguage
}

/** Courier is 0.6 em wide per character; the key box leaves about 440 pt for text. */
const KEY_BOX_WIDTH = 440
const COURIER_EM = 0.6
/** The key's largest size, and the smallest it shrinks to before it takes a second line. */
const KEY_MAX_SIZE = 20
const KEY_MIN_SIZE = 14

const charsAt = (size: number): number => Math.floor(KEY_BOX_WIDTH / (size * COURIER_EM))

/**
 * The key cut into lines of at most `max` characters, only between groups: a group is never
 * split and no line ends (or starts) with the separator, so nobody reads "R18ZS-" as part of a
 * group or types a dash too many. Lines get an even share of the groups, so a long key does not
 * end in one lonely group. A group longer than a line is cut hard.
 */
export function keyLines(key: string, max: number): string[] {
  const groups = key
    .trim()
    .split('-')
    .filter(Boolean)
    .flatMap((g) => (g.length > max ? (g.match(new RegExp(`.{1,${max}}`, 'g')) ?? []) : [g]))
  const line = (from: number, count: number): string => groups.slice(from, from + count).join('-')
  for (let lines = 1; lines <= groups.length; lines++) {
    const perLine = Math.ceil(groups.length / lines)
    const out: string[] = []
    for (let i = 0; i < groups.length; i += perLine) out.push(line(i, perLine))
    if (out.every((l) => l.length <= max)) return out
  }
  return groups
}

/**
 * The key's size and lines: on one line at the largest size that fits it (the usual key of six
 * groups is 35 characters, which fits at 20 pt), else split between groups at the smallest size.
 */
export function keyLayout(key: string): { size: number; lines: string[] } {
  const length = key.trim().length
  for (let size = KEY_MAX_SIZE; size >= KEY_MIN_SIZE; size--)
    if (length <= charsAt(size)) return { size, lines: [key.trim()] }
  return { size: KEY_MIN_SIZE, lines: keyLines(key, charsAt(KEY_MIN_SIZE)) }
}

function bullets(items: string[]): Content {
  return { ul: items, margin: [0, 0, 0, 4] }
}

/**
 * One A4 page to print and lock away: the recovery key that opens the data and the backups when
 * no password works any more, and what to do (and not do) with the paper.
 */
export async function recoveryKeySheetPdf(input: RecoverySheetInput): Promise<Buffer> {
  const key = keyLayout(input.recoveryKey)
  const t = labelsT(input.language)
  const r = (name: string, params?: Record<string, string>): string =>
    t(`pdf.recoverySheet.${name}`, params ?? {})
  const made = r('madeAt', {
    date: printDate(input.createdAt),
    time: timeInZone(input.createdAt).slice(0, 5),
  })
  const content: Content[] = [
    { text: r('title'), style: 'title' },
    {
      text: r('forOrganisation', {
        organisation: input.organisation.name || r('thisOrganisation'),
      }),
      style: 'muted',
      margin: [0, 0, 0, 14],
    },
    {
      table: {
        widths: ['*'],
        body: [
          [
            {
              // Each line is measured to fit: noWrap keeps pdfmake from breaking at a dash.
              stack: key.lines.map((line): Content => ({
                text: line,
                font: MONO_FONT,
                bold: true,
                fontSize: key.size,
                alignment: 'center',
                lineHeight: 1.3,
                noWrap: true,
              })),
              fillColor: SHADE,
              margin: [12, 14, 12, 10],
            },
          ],
        ],
      },
      layout: {
        hLineColor: () => RULE,
        vLineColor: () => RULE,
      },
      margin: [0, 0, 0, 16],
    },
    { text: r('whatFor'), style: 'heading' },
    { text: r('whatForText') },
    { text: r('keeping'), style: 'heading' },
    bullets(['keep1', 'keep2', 'keep3', 'keep4', 'keep5', 'keep6'].map((k) => r(k))),
    { text: r('newKey'), style: 'heading' },
    { text: r('newKeyText') },
    {
      table: {
        widths: [110, '*'],
        body: [
          [{ text: r('madeOn'), style: 'muted' }, made],
          [{ text: r('madeBy'), style: 'muted' }, input.createdBy],
        ],
      },
      layout: 'noBorders',
      margin: [0, 22, 0, 0],
    },
    {
      text: r('warning'),
      fontSize: 9,
      color: MUTED,
      italics: true,
      margin: [0, 16, 0, 0],
    },
  ]
  return renderPdf(
    letterDocument({
      organisation: input.organisation,
      printedAt: input.createdAt,
      title: r('title'),
      content,
      language: input.language,
    }),
  )
}
