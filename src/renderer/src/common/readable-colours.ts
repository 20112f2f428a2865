import { darken, luminance, type CSSVariablesResolver } from '@mantine/core'

/** WCAG's contrast ratio of two colours. */
function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (light + 0.05) / (dark + 0.05)
}

/** The colour darkened, a little at a time, until it reads at `ratio` against `background`. */
function darkEnough(colour: string, background: string, ratio: number): string {
  let c = colour
  for (let step = 0.05; contrast(c, background) < ratio && step < 1; step += 0.05) {
    c = darken(colour, step)
  }
  return c
}

// Normal text must reach 4.5:1. Text on the light grey of a table's stripe or a card reaches it
// too when it reaches this much on white.
const ON_WHITE = 4.9
const LIGHT_GREY = '#f1f3f5'

/**
 * Mantine's own shades for a filled button (white text on the colour), for links and for a
 * light button's text are too pale to read for someone who sees less well (axe finds them all):
 * this chooses, for every colour of the theme, the first shade that reads well, or a darker one.
 * Hints in grey ("dimmed") become a darker grey, a field's example text a readable grey.
 */
export const readableColours: CSSVariablesResolver = (theme) => {
  const light: Record<string, string> = {
    '--mantine-color-dimmed': theme.colors.gray[7],
    // A field's example text stays lighter than what is typed, but readable.
    '--mantine-color-placeholder': darkEnough(theme.colors.gray[6], '#ffffff', 4.6),
  }
  for (const [name, shades] of Object.entries(theme.colors)) {
    if (name === 'dark') continue
    const filled =
      shades.slice(6).find((s) => contrast(s, '#ffffff') >= ON_WHITE) ??
      darkEnough(shades[9], '#ffffff', ON_WHITE)
    light[`--mantine-color-${name}-filled`] = filled
    light[`--mantine-color-${name}-filled-hover`] = darken(filled, 0.1)
    light[`--mantine-color-${name}-outline`] = filled
    light[`--mantine-color-${name}-text`] = darkEnough(filled, LIGHT_GREY, 4.5)
    // A light button's text stands on shade 1, and on shade 2 under the mouse.
    light[`--mantine-color-${name}-light-color`] = darkEnough(shades[9], shades[2], 4.5)
  }
  // Links, in the app's own colour.
  light['--mantine-color-anchor'] = light[`--mantine-color-${theme.primaryColor}-text`]
  return { variables: {}, light, dark: {} }
}
