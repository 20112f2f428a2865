import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api'
import { showError } from '../../common/forms'
import type {
  OptionKind,
  PersonStatus,
  Programme,
  VolunteerOption,
} from '../../../../shared/schemas/volunteers'
import type { PlacementStep } from '../../../../shared/schemas/volunteers-matching'

export const STATUS_COLOURS: Record<PersonStatus, string> = {
  registered: 'orange',
  intake: 'blue',
  active: 'teal',
  left: 'gray',
}

export const STEP_COLOURS: Record<PlacementStep, string> = {
  proposed: 'gray',
  introduction: 'blue',
  trial: 'orange',
  placed: 'teal',
  ended: 'dark',
  declined: 'red',
}

/** A managed list of the domain (active items), for pickers; null while it loads. */
export function useOptions(kind: OptionKind): VolunteerOption[] | null {
  const { t } = useTranslation()
  const [rows, setRows] = useState<VolunteerOption[] | null>(null)
  useEffect(() => {
    let live = true
    call('volunteerLists.list', { kind })
      .then((r) => {
        if (live) setRows(r)
      })
      .catch((err: unknown) => {
        if (!live) return
        setRows([])
        showError(t, err)
      })
    return () => {
      live = false
    }
  }, [kind, t])
  return rows
}

/** The programmes (active ones), for pickers and filters; null while they load. */
export function usePrograms(): Programme[] | null {
  const { t } = useTranslation()
  const [rows, setRows] = useState<Programme[] | null>(null)
  useEffect(() => {
    let live = true
    call('programmes.list', {})
      .then((r) => {
        if (live) setRows(r)
      })
      .catch((err: unknown) => {
        if (!live) return
        setRows([])
        showError(t, err)
      })
    return () => {
      live = false
    }
  }, [t])
  return rows
}

/** Options as a picker lists them, keeping chosen ones that are no longer active. */
export function optionData(
  options: VolunteerOption[] | null,
  chosen: { id: number; name: string }[] = [],
): { value: string; label: string }[] {
  const out = (options ?? []).map((o) => ({ value: String(o.id), label: o.name }))
  for (const c of chosen)
    if (!out.some((o) => o.value === String(c.id))) out.push({ value: String(c.id), label: c.name })
  return out
}
