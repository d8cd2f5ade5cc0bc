export type Bar = { label: string; value: number; valueText: string }

const rowHeight = 28
const labelWidth = 220
const valueWidth = 130
const width = 720

/**
 * A distribution as horizontal bars with their labels and values written beside them, in inline SVG. The picture is
 * `role="img"` named by a summary; the table that follows it on the page holds the same figures.
 */
export function BarChart({ bars, summary }: { bars: Bar[]; summary: string }) {
  const max = Math.max(1, ...bars.map((bar) => Math.abs(bar.value)))
  const plot = width - labelWidth - valueWidth
  const height = Math.max(1, bars.length) * rowHeight + 8
  return (
    <figure className="mt-4">
      <svg role="img" aria-label={summary} viewBox={`0 0 ${width} ${height}`} className="h-auto w-full max-w-3xl" focusable="false">
        {bars.map((bar, index) => {
          const y = 4 + index * rowHeight
          const length = (Math.max(0, bar.value) / max) * plot
          return (
            <g key={`${bar.label}-${index}`}>
              <text x={labelWidth - 8} y={y + 18} textAnchor="end" fontSize="13" fill="#1e293b">
                {bar.label.length > 30 ? `${bar.label.slice(0, 29)}…` : bar.label}
              </text>
              <rect x={labelWidth} y={y + 4} width={length} height={rowHeight - 10} fill="#004a73" />
              <text x={labelWidth + length + 6} y={y + 18} fontSize="13" fill="#1e293b">
                {bar.valueText}
              </text>
            </g>
          )
        })}
      </svg>
    </figure>
  )
}
