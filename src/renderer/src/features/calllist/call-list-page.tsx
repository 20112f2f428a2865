import { useMemo, useState } from 'react'
import { Anchor, Autocomplete, Button, Group, Stack, Text, Title } from '@mantine/core'
import { ErrorAlert } from '../../components/error-alert'
import { useDistricts } from '../../components/use-districts'
import { useDebouncedValue } from '@mantine/hooks'
import { DataTable } from 'mantine-datatable'
import { useTranslation } from 'react-i18next'
import { call } from '../../api'
import { DateField } from '../../components/date-field'
import { toDutchDate } from '../../../../shared/dates'
import { isRealDate } from '../../../../shared/schemas/common'
import type { CallListEntry } from '../../../../shared/types'
import { useShopDay } from '../../components/shop-day'
import { downloadCsv } from '../../components/download'
import { shopErrorMessage, showShopError, useLoad } from '../appointments/shop-utils'

/** Families to invite when a new collection is in: not seen for a while, no appointment yet. */
export function CallListPage(): React.JSX.Element {
  const { t } = useTranslation()
  const shopDay = useShopDay()
  const districts = useDistricts()
  // null: the default from main, today minus the "invite after" setting.
  const [chosenSince, setSince] = useState<string | null>(null)
  const chosen = chosenSince ?? shopDay?.notSeenSince ?? null
  // Text in the field that is no date: the field says so, and nothing is listed or exported.
  const since = chosen && isRealDate(chosen) ? chosen : null
  const [district, setDistrict] = useState('')
  const [debouncedDistrict] = useDebouncedValue(district.trim(), 300)
  const [exporting, setExporting] = useState(false)

  const loader = useMemo(
    () =>
      since
        ? () =>
            call('households.callList', {
              notSeenSince: since,
              district: debouncedDistrict || null,
            })
        : null,
    [since, debouncedDistrict],
  )
  const { data: rows, error } = useLoad(loader)
  const problem = error ? shopErrorMessage(t, error) : null

  const exportCsv = async (): Promise<void> => {
    if (!since) return
    setExporting(true)
    try {
      const { filename, csv } = await call('households.callListCsv', {
        notSeenSince: since,
        district: district.trim() || null,
      })
      downloadCsv(filename, csv)
    } catch (err) {
      showShopError(t, err)
    } finally {
      setExporting(false)
    }
  }

  return (
    <Stack gap="md">
      <div>
        <Title order={2}>{t('calllist.title')}</Title>
        <Text c="dimmed">{t('calllist.intro')}</Text>
      </div>
      <Group align="flex-end" wrap="wrap">
        <DateField
          label={t('calllist.notSeenSince')}
          required
          value={chosen}
          onChange={(v) => v && setSince(v)}
          w={200}
        />
        <Autocomplete
          label={t('calllist.district')}
          placeholder={t('calllist.allDistricts')}
          data={districts}
          value={district}
          onChange={setDistrict}
          w={220}
        />
        <Button onClick={() => void exportCsv()} loading={exporting} disabled={!since}>
          {t('calllist.export')}
        </Button>
      </Group>
      <ErrorAlert message={problem} />
      {rows !== null && (
        <Text size="sm" data-testid="calllist-count">
          {t('calllist.count', { count: rows.length })}
        </Text>
      )}
      <DataTable<CallListEntry>
        withTableBorder
        striped
        highlightOnHover
        minHeight={rows && rows.length ? undefined : 160}
        fetching={rows === null && !problem && since !== null}
        records={rows ?? []}
        noRecordsText={since ? t('calllist.empty') : t('validation.date')}
        aria-label={t('calllist.title')}
        columns={[
          {
            accessor: 'contactName',
            title: t('calllist.columns.name'),
            render: (r) => (
              <Anchor href={`#/households/${r.id}`} size="sm">
                {r.contactName}
              </Anchor>
            ),
          },
          { accessor: 'reference', title: t('calllist.columns.reference') },
          { accessor: 'phone', title: t('calllist.columns.phone'), render: (r) => r.phone ?? '' },
          { accessor: 'email', title: t('calllist.columns.email'), render: (r) => r.email ?? '' },
          {
            accessor: 'district',
            title: t('calllist.columns.district'),
            render: (r) => r.district ?? '',
          },
          {
            accessor: 'lastVisitOn',
            title: t('calllist.columns.lastVisit'),
            render: (r) => (r.lastVisitOn ? toDutchDate(r.lastVisitOn) : t('calllist.never')),
          },
          {
            accessor: 'eligibleUntil',
            title: t('calllist.columns.eligibleUntil'),
            render: (r) => toDutchDate(r.eligibleUntil),
          },
        ]}
      />
    </Stack>
  )
}
