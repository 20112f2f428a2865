/** Texts of this screen; `en` must have the same keys as `nl` (a test checks). */
export const nl = {}
export const en: typeof nl = {}
