import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api'
import { showError } from '../../common/forms'
import type { Partner } from '../../../../shared/schemas/partners'

/**
 * The active organisations of the sociale kaart, for a referral picker; null while loading.
 * Every role may read them (they hold no family's data).
 */
export function useActivePartners(): Partner[] | null {
  const { t } = useTranslation()
  const [partners, setPartners] = useState<Partner[] | null>(null)
  useEffect(() => {
    let live = true
    call('partners.list', {})
      .then((rows) => {
        if (live) setPartners(rows)
      })
      .catch((err: unknown) => {
        if (!live) return
        setPartners([])
        showError(t, err)
      })
    return () => {
      live = false
    }
  }, [t])
  return partners
}

/** A partner as a picker shows it: its name, with its area when it has one. */
export function partnerOption(p: Pick<Partner, 'id' | 'name' | 'area'>): {
  value: string
  label: string
} {
  return { value: String(p.id), label: p.area ? `${p.name} (${p.area})` : p.name }
}
