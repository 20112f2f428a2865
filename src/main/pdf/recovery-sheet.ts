import type { Content } from 'pdfmake/interfaces'
import type { Organisation } from '../../shared/types'
import { timeInZone } from '../clock'
import { letterDocument, MUTED, printDate, RULE, SHADE } from './letterhead'
import { MONO_FONT, renderPdf } from './render'

export interface RecoverySheetInput {
  organisation: Organisation
  /** The key exactly as the user must type it, already grouped (e.g. "ABCDE-FGHJK-…"). */
  recoveryKey: string
  createdAt: Date
  /** The display name of the beheerder who made the key. */
  createdBy: string
}

const KEY_SIZE = 22
/** Courier is 0.6 em wide per character; the key box leaves about 440 pt for text. */
const KEY_LINE_CHARS = Math.floor(440 / (KEY_SIZE * 0.6))

/**
 * The key cut into lines that fit the box, only between groups, so the grouping stays as given
 * (the separator stays at the end of a line). Lines get an even share of the groups, so a long
 * key does not end in one lonely group. A group longer than a line is cut hard.
 */
export function keyLines(key: string, max = KEY_LINE_CHARS): string[] {
  const groups = key
    .trim()
    .split(/(?<=-)/)
    .flatMap((g) => (g.length > max ? (g.match(new RegExp(`.{1,${max}}`, 'g')) ?? []) : [g]))
  const fits = (perLine: number): boolean => {
    for (let i = 0; i < groups.length; i += perLine)
      if (groups.slice(i, i + perLine).join('').length > max) return false
    return true
  }
  for (let lines = 1; lines <= groups.length; lines++) {
    const perLine = Math.ceil(groups.length / lines)
    if (fits(perLine)) {
      const out: string[] = []
      for (let i = 0; i < groups.length; i += perLine)
        out.push(groups.slice(i, i + perLine).join(''))
      return out
    }
  }
  return groups
}

function bullets(items: string[]): Content {
  return { ul: items, margin: [0, 0, 0, 4] }
}

/**
 * One A4 page to print and lock away: the recovery key that opens the data and the backups when
 * no password works any more, and what to do (and not do) with the paper.
 */
export async function recoveryKeySheetPdf(input: RecoverySheetInput): Promise<Buffer> {
  const made = `${printDate(input.createdAt)} om ${timeInZone(input.createdAt).slice(0, 5)}`
  const content: Content[] = [
    { text: 'Herstelsleutel Dichtbij', style: 'title' },
    {
      text: `Voor ${input.organisation.name || 'deze organisatie'}. Vertrouwelijk: bewaar dit blad goed.`,
      style: 'muted',
      margin: [0, 0, 0, 14],
    },
    {
      table: {
        widths: ['*'],
        body: [
          [
            {
              stack: keyLines(input.recoveryKey).map((line): Content => ({
                text: line,
                font: MONO_FONT,
                bold: true,
                fontSize: KEY_SIZE,
                alignment: 'center',
                lineHeight: 1.3,
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
    { text: 'Waarvoor is deze sleutel?', style: 'heading' },
    {
      text:
        'Met deze herstelsleutel opent u de gegevens van Dichtbij en de back-ups als geen enkel ' +
        'wachtwoord meer werkt. Bijvoorbeeld als alle beheerders hun wachtwoord vergeten zijn, ' +
        'of als u een back-up terugzet op een nieuwe computer. Zonder werkend wachtwoord en ' +
        'zonder deze sleutel kan niemand de gegevens nog openen.',
    },
    { text: 'Zo bewaart u dit blad', style: 'heading' },
    bullets([
      'Druk dit blad af en bewaar het alleen op papier.',
      'Berg het achter slot op, op een andere plek dan de computer, bijvoorbeeld in een ' +
        'afgesloten kast of een kluis.',
      'Bewaar het nooit in dezelfde tas of doos als een USB-stick met een back-up: wie beide ' +
        'in handen krijgt, kan de back-up openen.',
      'Maak er geen foto van en stuur het niet per e-mail of via een app.',
      'Vertel alleen de beheerders waar het blad ligt.',
    ]),
    { text: 'Een nieuwe sleutel', style: 'heading' },
    {
      text:
        'Een beheerder kan in Dichtbij een nieuwe herstelsleutel maken, bijvoorbeeld als dit ' +
        'blad kwijt is of als iemand het heeft gezien die dat niet mocht. Vanaf dat moment werkt ' +
        'de sleutel op dit blad niet meer en is dit blad waardeloos. Vernietig het dan, liefst ' +
        'in een papierversnipperaar, en berg het nieuwe blad op dezelfde zorgvuldige manier op.',
    },
    {
      table: {
        widths: [110, '*'],
        body: [
          [{ text: 'Gemaakt op', style: 'muted' }, made],
          [{ text: 'Gemaakt door', style: 'muted' }, input.createdBy],
        ],
      },
      layout: 'noBorders',
      margin: [0, 22, 0, 0],
    },
    {
      text: 'Let op: een nieuwe herstelsleutel maakt dit blad ongeldig.',
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
      title: 'Herstelsleutel Dichtbij',
      content,
    }),
  )
}
