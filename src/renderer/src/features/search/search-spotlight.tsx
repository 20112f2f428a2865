import '@mantine/spotlight/styles.css'
import { useEffect, useState } from 'react'
import { Button, Group, Kbd, Loader, Text } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { Spotlight, spotlight } from '@mantine/spotlight'
import {
  IconAlertTriangle,
  IconBriefcase,
  IconHome,
  IconSearch,
  IconUser,
} from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api'
import { navigate } from '../../router'
import { dayInWords } from '../../common/format'
import {
  SEARCH_KINDS,
  SEARCH_MIN_QUERY,
  SEARCH_PER_KIND,
  type GlobalSearchResult,
  type SearchHit,
  type SearchKind,
} from '../../../../shared/schemas/search'
import { searchKey, searchKeyLength } from '../../../../shared/search-key'
import './texts'

/** Where a result opens: the record's own page. */
const PAGE: Record<SearchKind, (id: number) => string> = {
  households: (id) => `/households/${id}`,
  people: (id) => `/volunteers/people/${id}`,
  vacancies: (id) => `/volunteers/vacancies/${id}`,
  complaints: (id) => `/complaints/${id}`,
}

const ICON: Record<SearchKind, typeof IconHome> = {
  households: IconHome,
  people: IconUser,
  vacancies: IconBriefcase,
  complaints: IconAlertTriangle,
}

type State =
  | { kind: 'short' }
  | { kind: 'busy' }
  | { kind: 'done'; query: string; result: GlobalSearchResult }
  | { kind: 'failed' }

/**
 * Ctrl+K (Cmd+K on a Mac) from every screen behind the login, also while typing in a field: one
 * box that finds households, people, vacancies and complaints by name, number or postcode. Main
 * decides what the role gets (the counter: households only); a result opens its page.
 */
export function SearchSpotlight(): React.JSX.Element {
  const { t, i18n } = useTranslation()
  const [query, setQuery] = useState('')
  const [debounced] = useDebouncedValue(query, 200)
  const [answer, setAnswer] = useState<
    { query: string; result: GlobalSearchResult } | { query: string; failed: true } | null
  >(null)
  const q = debounced.trim()
  const longEnough = searchKeyLength(searchKey(q)) >= SEARCH_MIN_QUERY

  useEffect(() => {
    if (!longEnough) return
    let live = true
    call('search.global', { query: q })
      .then((result) => {
        if (live) setAnswer({ query: q, result })
      })
      .catch(() => {
        if (live) setAnswer({ query: q, failed: true })
      })
    return () => {
      live = false
    }
  }, [q, longEnough])

  // What the box shows follows from the typed words and the last answer, so an old answer never
  // stands under new words.
  const state: State = !longEnough
    ? { kind: 'short' }
    : answer?.query !== q || query.trim() !== q
      ? { kind: 'busy' }
      : 'failed' in answer
        ? { kind: 'failed' }
        : { kind: 'done', query: q, result: answer.result }

  const detail = (kind: SearchKind, hit: SearchHit): string | undefined => {
    if (kind === 'complaints' && hit.detail)
      return t('search.receivedOn', { date: dayInWords(hit.detail, i18n.language) })
    // A family found by a member's first name says so: its contact has another name.
    if (hit.member)
      return [t('search.member', { name: hit.member }), hit.detail].filter(Boolean).join(' · ')
    return hit.detail ?? undefined
  }
  const title = (kind: SearchKind, hit: SearchHit): string =>
    hit.title ?? (kind === 'complaints' ? t('search.anonymousComplaint') : (hit.reference ?? ''))

  const groups =
    state.kind === 'done'
      ? SEARCH_KINDS.filter((k) => state.result[k]?.length).map((kind) => {
          const Icon = ICON[kind]
          return (
            <Spotlight.ActionsGroup key={kind} label={t(`search.kinds.${kind}`)}>
              {state.result[kind]!.map((hit) => (
                <Spotlight.Action
                  key={`${kind}-${hit.id}`}
                  label={title(kind, hit)}
                  description={[hit.title ? hit.reference : null, detail(kind, hit)]
                    .filter(Boolean)
                    .join(' · ')}
                  leftSection={<Icon size={18} aria-hidden />}
                  onClick={() => navigate(PAGE[kind](hit.id))}
                />
              ))}
            </Spotlight.ActionsGroup>
          )
        })
      : []
  const full =
    state.kind === 'done' &&
    SEARCH_KINDS.some((k) => (state.result[k]?.length ?? 0) >= SEARCH_PER_KIND)

  return (
    <Spotlight.Root
      query={query}
      onQueryChange={setQuery}
      shortcut={['mod + K', 'ctrl + K']}
      tagsToIgnore={[]}
      scrollable
      maxHeight={480}
    >
      <Spotlight.Search
        placeholder={t('search.placeholder')}
        aria-label={t('search.label')}
        leftSection={<IconSearch size={18} aria-hidden />}
        rightSection={state.kind === 'busy' ? <Loader size="xs" /> : null}
      />
      <Spotlight.ActionsList aria-label={t('search.label')}>
        {groups}
        {state.kind === 'short' ? (
          <Spotlight.Empty>{t('search.typeMore', { min: SEARCH_MIN_QUERY })}</Spotlight.Empty>
        ) : null}
        {state.kind === 'busy' ? <Spotlight.Empty>{t('search.searching')}</Spotlight.Empty> : null}
        {state.kind === 'failed' ? <Spotlight.Empty>{t('search.failed')}</Spotlight.Empty> : null}
        {state.kind === 'done' && groups.length === 0 ? (
          <Spotlight.Empty>{t('search.nothing', { query: state.query })}</Spotlight.Empty>
        ) : null}
      </Spotlight.ActionsList>
      {full ? (
        <Spotlight.Footer>
          <Text size="xs" c="dimmed">
            {t('search.more')}
          </Text>
        </Spotlight.Footer>
      ) : null}
    </Spotlight.Root>
  )
}

/** The header's search button, with its shortcut shown beside the word. */
export function SearchButton(): React.JSX.Element {
  const { t } = useTranslation()
  return (
    <Button
      variant="default"
      size="xs"
      leftSection={<IconSearch size={16} aria-hidden />}
      title={t('search.buttonHint')}
      onClick={() => spotlight.open()}
    >
      <Group gap={6} wrap="nowrap">
        {t('search.button')}
        <Kbd size="xs" visibleFrom="md">
          Ctrl K
        </Kbd>
      </Group>
    </Button>
  )
}
