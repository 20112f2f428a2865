import { SimpleGrid, Table, Text } from '@mantine/core'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { BackupManifestView } from '../../../../shared/schemas/backup'
import { instantText, intlLocale } from '../../common/format'

/** The tables a reader cares about first; others follow by name, bookkeeping ones are left out. */
const TABLE_ORDER = [
  'household',
  'member',
  'intake',
  'intake_topic',
  'intake_referral',
  'slot',
  'appointment',
  'visit',
  'visit_item',
  'list_item',
  'account',
  'organisation',
  'setting',
  'audit_log',
]

/** Kysely's own migration tables say nothing about the shop's data. */
function isBookkeeping(table: string): boolean {
  return table.startsWith('kysely_')
}

export function kindText(t: TFunction, kind: BackupManifestView['kind']): string {
  return t(`backup.kinds.${kind}`, { defaultValue: kind })
}

/** "850 kB", "12,4 MB": a backup of a small shop is rarely more than a few MB. */
export function sizeText(bytes: number, lang: string): string {
  const format = (n: number, digits: number): string =>
    new Intl.NumberFormat(intlLocale(lang), { maximumFractionDigits: digits }).format(n)
  if (bytes < 1024 * 1024) return `${format(Math.max(1, Math.round(bytes / 1024)), 0)} kB`
  return `${format(bytes / (1024 * 1024), 1)} MB`
}

/** Counts per table, the shop's own tables first, with names a volunteer understands. */
export function countRows(
  t: TFunction,
  counts: Record<string, number>,
): { table: string; label: string; count: number }[] {
  const names = Object.keys(counts).filter((n) => !isBookkeeping(n))
  const rank = (n: string): number => {
    const i = TABLE_ORDER.indexOf(n)
    return i === -1 ? TABLE_ORDER.length : i
  }
  names.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
  return names.map((n) => ({
    table: n,
    label: t(`backup.tables.${n}`, { defaultValue: n }),
    count: counts[n],
  }))
}

/**
 * What a backup holds, from its manifest: when and by which version it was made, and counts.
 * `sideBySide` (a wide dialog) puts the two tables next to each other so no scrolling is needed.
 */
export function ManifestView({
  manifest,
  sideBySide = false,
}: {
  manifest: BackupManifestView
  sideBySide?: boolean
}): React.JSX.Element {
  const { t, i18n } = useTranslation()
  const number = new Intl.NumberFormat(intlLocale(i18n.language))
  const hash = manifest.databaseSha256
  return (
    <SimpleGrid
      cols={sideBySide ? 2 : 1}
      spacing="sm"
      verticalSpacing="sm"
      data-testid="backup-manifest"
      style={{ alignItems: 'start' }}
    >
      <Table variant="vertical" withTableBorder layout="fixed">
        <Table.Tbody>
          <Table.Tr>
            <Table.Th w={sideBySide ? 150 : 170}>{t('backup.manifest.createdAt')}</Table.Th>
            <Table.Td>{instantText(manifest.createdAt)}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('backup.manifest.kind')}</Table.Th>
            <Table.Td>{kindText(t, manifest.kind)}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('backup.manifest.appVersion')}</Table.Th>
            <Table.Td>{manifest.appVersion}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('backup.manifest.hash')}</Table.Th>
            <Table.Td>
              {/* The start is enough to compare two backups by eye; the whole value is in the title. */}
              <Text span ff="monospace" size="sm" title={t('backup.manifest.hashHint', { hash })}>
                {hash.slice(0, 12)}…
              </Text>
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <Table
        withTableBorder
        striped
        verticalSpacing={4}
        fz="sm"
        aria-label={t('backup.manifest.contents')}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('backup.manifest.table')}</Table.Th>
            <Table.Th ta="right">{t('backup.manifest.count')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {countRows(t, manifest.counts).map((r) => (
            <Table.Tr key={r.table}>
              <Table.Td>{r.label}</Table.Td>
              <Table.Td ta="right">{number.format(r.count)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </SimpleGrid>
  )
}
