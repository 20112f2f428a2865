/**
 * A label as it stands inside a sentence or a CSV cell: "Beheerder" becomes "beheerder". Words
 * that are capitals throughout (WW, AOW) are left alone.
 */
export function lowerFirst(text: string): string {
  if (text.length > 1 && text[1] === text[1].toUpperCase() && text[1] !== text[1].toLowerCase())
    return text
  return text.charAt(0).toLocaleLowerCase('nl') + text.slice(1)
}

/** Every label of a table with a lower-case first letter, keys kept. */
export function lowerFirstAll<T extends Record<string, string>>(
  table: T,
): { [K in keyof T]: string } {
  return Object.fromEntries(Object.entries(table).map(([k, v]) => [k, lowerFirst(v)])) as {
    [K in keyof T]: string
  }
}
