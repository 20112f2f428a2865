/** Texts of the volunteers screens; `en` must have the same keys as `nl` (a test checks). */
export const nl = {
  grid: {
    keys: 'Pijltjestoetsen om te bewegen, spatie om een dagdeel aan of uit te zetten.',
    yes: 'ja',
    no: 'nee',
    both: 'allebei',
    theirs: 'alleen de ander',
  },
}

export const en: typeof nl = {
  grid: {
    keys: 'Arrow keys to move, space to turn a half-day on or off.',
    yes: 'yes',
    no: 'no',
    both: 'both',
    theirs: 'only the other side',
  },
}
