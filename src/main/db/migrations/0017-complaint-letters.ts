import { Kysely, sql } from 'kysely'

// Frozen in time: this file never imports app code, so later changes cannot alter what it did.
type SchemaThen = Record<string, Record<string, unknown>>

/**
 * Letters about a complaint (migration 0016 made the complaint and its timeline).
 *
 * `complaint_letter_template`: the organisation's own wording of the three letters, one row per
 * version. Saving a template adds the next version; triggers refuse every update and delete, so
 * the text a letter was made from is always there to make it again. Version 1 of each kind is
 * the default Dutch text below, written here (not read from app code) so it stays what it was.
 *
 * `complaint_letter`: a letter made for a complaint: which kind, from which template version, on
 * which day, by whom, the timeline entry that records it, and the values filled in (JSON), so
 * the same letter can be printed again even after the organisation's address or the complaint's
 * fields changed. Only those values may change afterwards (anonymising a complaint clears them);
 * every other column is fixed by a trigger.
 */
export async function up(db: Kysely<SchemaThen>): Promise<void> {
  await db.schema
    .createTable('complaint_letter_template')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('acknowledgement', 'extension', 'decision')`),
    )
    .addColumn('version', 'integer', (c) => c.notNull().check(sql`version >= 1`))
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by_account_id', 'integer', (c) => c.references('account.id'))
    .addColumn('created_by_name', 'text')
    .addUniqueConstraint('complaint_letter_template_kind_version', ['kind', 'version'])
    .execute()
  await sql`CREATE TRIGGER complaint_letter_template_no_update
    BEFORE UPDATE ON complaint_letter_template
    BEGIN SELECT RAISE(ABORT, 'complaint_letter_template is append-only'); END`.execute(db)
  await sql`CREATE TRIGGER complaint_letter_template_no_delete
    BEFORE DELETE ON complaint_letter_template
    BEGIN SELECT RAISE(ABORT, 'complaint_letter_template is append-only'); END`.execute(db)

  await db.schema
    .createTable('complaint_letter')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('complaint_id', 'integer', (c) =>
      c.notNull().references('complaint.id').onDelete('cascade'),
    )
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('acknowledgement', 'extension', 'decision')`),
    )
    .addColumn('template_id', 'integer', (c) =>
      c.notNull().references('complaint_letter_template.id'),
    )
    .addColumn('letter_date', 'text', (c) => c.notNull())
    .addColumn('entry_id', 'integer', (c) => c.references('complaint_entry.id'))
    .addColumn('values_json', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by_account_id', 'integer', (c) => c.references('account.id'))
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('complaint_letter_complaint')
    .on('complaint_letter')
    .columns(['complaint_id', 'id'])
    .execute()
  await sql`CREATE TRIGGER complaint_letter_fixed
    BEFORE UPDATE ON complaint_letter
    WHEN NEW.id IS NOT OLD.id OR NEW.complaint_id IS NOT OLD.complaint_id
      OR NEW.kind IS NOT OLD.kind OR NEW.template_id IS NOT OLD.template_id
      OR NEW.letter_date IS NOT OLD.letter_date OR NEW.entry_id IS NOT OLD.entry_id
      OR NEW.created_at IS NOT OLD.created_at
      OR NEW.created_by_account_id IS NOT OLD.created_by_account_id
      OR NEW.created_by_name IS NOT OLD.created_by_name
    BEGIN SELECT RAISE(ABORT, 'a complaint letter is fixed once made'); END`.execute(db)

  const now = new Date().toISOString()
  for (const t of DEFAULTS)
    await db
      .insertInto('complaint_letter_template')
      .values({ kind: t.kind, version: 1, subject: t.subject, body: t.body, created_at: now })
      .execute()
}

const CLOSING = ['Met vriendelijke groet,', '', '{{behandelaar}}', '{{organisatie}}'].join('\n')

const DEFAULTS: { kind: string; subject: string; body: string }[] = [
  {
    kind: 'acknowledgement',
    subject: 'Ontvangstbevestiging van uw klacht {{klachtnummer}}',
    body: [
      'Geachte {{ontvanger}},',
      'Op {{ontvangen_op}} hebben wij uw klacht ontvangen. Met deze brief bevestigen wij dat. ' +
        'Uw klacht heeft het nummer {{klachtnummer}}. Wilt u dit nummer noemen als u contact ' +
        'met ons opneemt?',
      'Uw klacht gaat over:\n{{omschrijving}}',
      'Wij behandelen uw klacht volgens de klachtenregeling van {{organisatie}}. U hoort ' +
        'uiterlijk op {{beslistermijn}} wat er met uw klacht is gedaan. Hebben wij meer tijd ' +
        'nodig, dan laten wij u dat vóór die datum weten, met de reden.',
      'Hebt u vragen over de behandeling van uw klacht? Neem dan contact op met ' +
        '{{behandelaar}}.',
      CLOSING,
    ].join('\n\n'),
  },
  {
    kind: 'extension',
    subject: 'Verlenging van de termijn voor klacht {{klachtnummer}}',
    body: [
      'Geachte {{ontvanger}},',
      'Op {{ontvangen_op}} is bij {{organisatie}} een klacht ontvangen met het nummer ' +
        '{{klachtnummer}}. Volgens onze klachtenregeling zou uiterlijk op ' +
        '{{oorspronkelijke_beslistermijn}} over deze klacht worden beslist.',
      'Wij hebben meer tijd nodig om de klacht zorgvuldig te behandelen. De reden is:\n' +
        '{{reden_verlenging}}',
      'De beslissing volgt nu uiterlijk op {{nieuwe_beslistermijn}}. De termijn wordt niet ' +
        'nog eens verlengd, tenzij de klager daar schriftelijk mee instemt.',
      CLOSING,
    ].join('\n\n'),
  },
  {
    kind: 'decision',
    subject: 'Beslissing op klacht {{klachtnummer}}',
    body: [
      'Geachte {{ontvanger}},',
      'Op {{ontvangen_op}} is bij {{organisatie}} een klacht ingediend met het nummer ' +
        '{{klachtnummer}}. Met deze brief laten wij u weten wat {{beslisser}} over de klacht ' +
        'heeft besloten.',
      'De klacht is {{uitkomst}}.',
      '{{toelichting}}',
      'Maatregelen naar aanleiding van de klacht:\n{{maatregelen}}',
      'Hiermee is de behandeling van de klacht afgerond. Hebt u nog vragen over deze ' +
        'beslissing, neem dan contact op met {{behandelaar}}.',
      CLOSING,
    ].join('\n\n'),
  },
]
