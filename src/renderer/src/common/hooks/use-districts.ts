import { useEffect, useState } from 'react'
import { call } from '../../api'

/** The districts/villages already in use, offered as suggestions wherever one is typed. */
export function useDistricts(): string[] {
  const [districts, setDistricts] = useState<string[]>([])
  useEffect(() => {
    let live = true
    call('households.districts', {})
      .then((d) => live && setDistricts(d))
      // Suggestions are a convenience: without them the field still takes free text.
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [])
  return districts
}
