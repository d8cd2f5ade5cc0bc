import type { AppLocale } from '~/i18n'
import { formatCentsCompact } from '~/utils/format'

export type TrendBar = {
  /** the month's short name on the axis */
  label: string
  /** bottom part of the bar (the voucher share), cents */
  value: number
  /** top part of the bar (the co-payment), cents */
  stacked: number
}

const width = 720
const height = 280
const margin = { top: 16, right: 8, bottom: 40, left: 76 }

/** "Nice" axis steps: 1, 2 or 5 × a power of ten. */
function niceStep(max: number, ticks: number): number {
  const raw = max / ticks
  const power = 10 ** Math.floor(Math.log10(raw))
  return ([1, 2, 5, 10].find((factor) => factor * power >= raw) ?? 10) * power
}

/**
 * Monthly spend as stacked bars (voucher share below, co-payment above, drawn with a hatch so the two differ without
 * colour), in inline SVG. The picture is `role="img"` with a summary as its name; the numbers themselves are in the
 * table that follows it on the page (what screen-reader users read).
 */
export function TrendChart({
  bars,
  summary,
  legend,
  locale,
}: {
  bars: TrendBar[]
  summary: string
  legend: { value: string; stacked: string }
  locale: AppLocale
}) {
  const max = Math.max(1, ...bars.map((bar) => bar.value + bar.stacked))
  const step = niceStep(max, 4)
  const top = Math.ceil(max / step) * step
  const plotWidth = width - margin.left - margin.right
  const plotHeight = height - margin.top - margin.bottom
  const y = (cents: number) => margin.top + plotHeight - (cents / top) * plotHeight
  const slot = plotWidth / Math.max(1, bars.length)
  const barWidth = Math.min(40, slot * 0.7)
  const ticks = Array.from({ length: Math.round(top / step) + 1 }, (_, index) => index * step)
  return (
    <figure className="mt-4">
      <svg role="img" aria-label={summary} viewBox={`0 0 ${width} ${height}`} className="h-auto w-full max-w-3xl" focusable="false">
        <defs>
          <pattern id="trend-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill="#d5e9f5" />
            <line x1="0" y1="0" x2="0" y2="6" stroke="#004a73" strokeWidth="2" />
          </pattern>
        </defs>
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={margin.left} x2={width - margin.right} y1={y(tick)} y2={y(tick)} stroke="#cbd5e1" />
            <text x={margin.left - 6} y={y(tick) + 4} textAnchor="end" fontSize="12" fill="#1e293b">
              {formatCentsCompact(tick, locale)}
            </text>
          </g>
        ))}
        {bars.map((bar, index) => {
          const x = margin.left + index * slot + (slot - barWidth) / 2
          return (
            <g key={bar.label}>
              <rect x={x} y={y(bar.value)} width={barWidth} height={y(0) - y(bar.value)} fill="#004a73" />
              <rect x={x} y={y(bar.value + bar.stacked)} width={barWidth} height={y(bar.value) - y(bar.value + bar.stacked)} fill="url(#trend-hatch)" stroke="#004a73" />
              <text x={x + barWidth / 2} y={height - margin.bottom + 16} textAnchor="middle" fontSize="12" fill="#1e293b">
                {bar.label}
              </text>
            </g>
          )
        })}
        <line x1={margin.left} x2={width - margin.right} y1={y(0)} y2={y(0)} stroke="#1e293b" />
      </svg>
      <figcaption className="mt-2 flex flex-wrap gap-6 text-sm" aria-hidden="true">
        <span className="inline-flex items-center gap-2">
          <svg viewBox="0 0 16 16" className="h-4 w-4">
            <rect width="16" height="16" fill="#004a73" />
          </svg>
          {legend.value}
        </span>
        <span className="inline-flex items-center gap-2">
          <svg viewBox="0 0 16 16" className="h-4 w-4">
            <rect width="16" height="16" fill="url(#trend-hatch)" stroke="#004a73" />
          </svg>
          {legend.stacked}
        </span>
      </figcaption>
    </figure>
  )
}
