/**
 * A small line chart of scores over time (1 at the bottom, `max` at the top), one dot per
 * measurement. Plain SVG: the app ships no chart library, and a handful of points needs none.
 * The label says the scores in words for screen readers.
 */
export function ScoreChart({
  points,
  max,
  label,
  width = 150,
  height = 48,
  lowerIsBetter = false,
}: {
  points: { day: string; score: number }[]
  max: number
  label: string
  width?: number
  height?: number
  /** A load, not a score: going down is the good direction (teal), going up the bad one. */
  lowerIsBetter?: boolean
}): React.JSX.Element {
  const pad = 5
  const x = (i: number): number =>
    points.length <= 1 ? width / 2 : pad + (i * (width - 2 * pad)) / (points.length - 1)
  const y = (s: number): number => height - pad - ((s - 1) * (height - 2 * pad)) / (max - 1)
  const line = points.map((p, i) => `${i ? 'L' : 'M'}${x(i).toFixed(1)},${y(p.score).toFixed(1)}`)
  const last = points[points.length - 1]
  const first = points[0]
  const colour =
    !first || points.length < 2 || last.score === first.score
      ? 'var(--mantine-color-gray-6)'
      : last.score > first.score !== lowerIsBetter
        ? 'var(--mantine-color-teal-6)'
        : 'var(--mantine-color-red-6)'
  return (
    <svg
      role="img"
      aria-label={label}
      width="100%"
      viewBox={`0 0 ${width} ${height}`}
      style={{ maxWidth: width, display: 'block' }}
    >
      {Array.from({ length: max }, (_, i) => i + 1).map((s) => (
        <line
          key={s}
          x1={pad}
          x2={width - pad}
          y1={y(s)}
          y2={y(s)}
          stroke="var(--mantine-color-gray-2)"
          strokeWidth={1}
        />
      ))}
      {points.length > 1 && <path d={line.join(' ')} fill="none" stroke={colour} strokeWidth={2} />}
      {points.map((p, i) => (
        <circle key={`${p.day}-${i}`} cx={x(i)} cy={y(p.score)} r={3} fill={colour}>
          <title>{`${p.day}: ${p.score}`}</title>
        </circle>
      ))}
    </svg>
  )
}
