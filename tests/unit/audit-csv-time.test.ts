import { describe, expect, it } from 'vitest'
import { dutchDateTime } from '../../src/main/domains/audit/export-csv'
import { dateInZone, timeInZone } from '../../src/main/clock'
import { toDutchDate } from '../../src/shared/dates'

describe("the audit CSV's date and time in Dutch time, worked out once per hour", () => {
  it('is what the clock helpers say for every instant, also around the summer time changes', () => {
    const when = dutchDateTime()
    const instants: string[] = []
    // The last Sundays of March and October 2026, 00:00 to 03:00 UTC, every 7 min 13.457 s.
    for (const day of ['2026-03-29', '2026-10-25', '2026-12-31', '2026-06-15']) {
      const start = Date.parse(`${day}T00:00:00.000Z`) - 3_600_000
      for (let t = start; t < start + 5 * 3_600_000; t += 433_457)
        instants.push(new Date(t).toISOString())
    }
    instants.push('2026-03-29T00:59:59.999Z', '2026-03-29T01:00:00.000Z')
    instants.push('2026-10-25T00:59:59.999Z', '2026-10-25T01:00:00.000Z')
    for (const iso of instants) {
      const at = new Date(iso)
      expect(when(iso), iso).toEqual([toDutchDate(dateInZone(at)), timeInZone(at)])
    }
  })
})
