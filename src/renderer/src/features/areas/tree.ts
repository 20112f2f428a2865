import type { Area } from '../../../../shared/schemas/areas'

export interface AreaRow {
  area: Area
  /** 0 for a municipality, one more per level under it. */
  depth: number
}

/**
 * The areas in the order of the tree: each municipality with everything under it, depth first,
 * names in alphabetical order on each level. An area whose parent is missing comes at the top.
 */
export function areaTree(areas: Area[]): AreaRow[] {
  const ids = new Set(areas.map((a) => a.id))
  const children = new Map<number | null, Area[]>()
  for (const a of areas) {
    const parent = a.parentId !== null && ids.has(a.parentId) ? a.parentId : null
    children.set(parent, [...(children.get(parent) ?? []), a])
  }
  const rows: AreaRow[] = []
  const walk = (parent: number | null, depth: number): void => {
    const level = [...(children.get(parent) ?? [])].sort((x, y) => x.name.localeCompare(y.name))
    for (const area of level) {
      rows.push({ area, depth })
      // The server keeps the tree free of cycles; the depth limit guards the screen anyway.
      if (depth < 8) walk(area.id, depth + 1)
    }
  }
  walk(null, 0)
  return rows
}
