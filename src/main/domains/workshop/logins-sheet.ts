import type { Content } from 'pdfmake/interfaces'
import type { Organisation } from '../../../shared/schemas/accounts'
import type { DemoLogin } from '../../../shared/schemas/workshop'
import {
  letterDocument,
  MUTED,
  printDate,
  RULE,
  SHADE,
  TABLE_HEADER_STYLE,
} from '../../pdf/letterhead'
import { MONO_FONT, renderPdf } from '../../pdf/render'

/** The sheet's words (Dutch: the trainer hands it out in a Dutch village hall). */
const TEXT = {
  title: 'Oefenomgeving: inloggegevens',
  intro:
    'Met deze gegevens logt u in op de oefenomgeving van Dichtbij. Alle huishoudens, ' +
    'vrijwilligers en klachten daarin zijn verzonnen. De oefenomgeving staat los van de echte ' +
    'gegevens: met deze inloggegevens komt niemand bij de echte gegevens.',
  username: 'Gebruikersnaam',
  password: 'Wachtwoord',
  role: 'Rol',
  roles: { admin: 'Beheerder', coordinator: 'Coördinator', volunteer: 'Vrijwilliger' },
  howTitle: 'Zo werkt het',
  how: [
    'Zolang de oefenomgeving open is, staat bovenaan elk scherm een gekleurde balk "OEFENOMGEVING".',
    'Probeer gerust alles uit: inschrijven, afspraken, bezoeken, vrijwilligers koppelen, klachten.',
    'De trainer zet de oefenomgeving na elke groep terug ("Demo terugzetten"): alles wat u ' +
      'veranderde is dan weg, en de data staan weer rond vandaag.',
    'Terug naar de echte gegevens kan alleen met het wachtwoord van een echte beheerder of coördinator.',
  ],
  printed: 'Afgedrukt op',
} as const

export interface LoginsSheetInput {
  organisation: Organisation
  logins: readonly DemoLogin[]
  password: string
  printedAt: Date
}

/** One A4 page for the trainer: the demo logins of the oefenomgeving and how it works. */
export async function loginsSheetPdf(input: LoginsSheetInput): Promise<Buffer> {
  const cell = (text: string, bold = false): Content => ({
    text,
    font: MONO_FONT,
    bold,
    fontSize: 13,
    margin: [4, 4, 4, 4],
  })
  const content: Content[] = [
    { text: TEXT.title, style: 'title' },
    { text: TEXT.intro, margin: [0, 0, 0, 14] },
    {
      table: {
        headerRows: 1,
        widths: [90, '*', 190],
        body: [
          [TEXT.role, TEXT.username, TEXT.password].map((h): Content => ({
            text: h,
            style: TABLE_HEADER_STYLE,
            margin: [4, 4, 4, 4],
          })),
          ...input.logins.map((l): Content[] => [
            { text: TEXT.roles[l.role], margin: [4, 6, 4, 4] },
            cell(l.username, true),
            cell(input.password),
          ]),
        ],
      },
      layout: {
        hLineColor: () => RULE,
        vLineColor: () => RULE,
        fillColor: (row: number) => (row === 0 ? SHADE : null),
      },
      margin: [0, 0, 0, 16],
    },
    { text: TEXT.howTitle, style: 'heading' },
    { ul: [...TEXT.how], margin: [0, 0, 0, 4] },
    {
      text: `${TEXT.printed} ${printDate(input.printedAt)}`,
      fontSize: 9,
      color: MUTED,
      margin: [0, 18, 0, 0],
    },
  ]
  return renderPdf(
    letterDocument({
      organisation: input.organisation,
      printedAt: input.printedAt,
      title: TEXT.title,
      content,
    }),
  )
}
