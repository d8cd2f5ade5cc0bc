import type { ReactNode } from 'react'

/** A data table with a caption (visible, or for screen readers only) and scrolling on narrow screens. */
export function Table({ caption, captionHidden, children }: { caption: ReactNode; captionHidden?: boolean; children: ReactNode }) {
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full border-collapse text-left [&_td]:border-b [&_td]:border-slate-300 [&_td]:px-3 [&_td]:py-2 [&_th]:border-b-2 [&_th]:border-slate-500 [&_th]:px-3 [&_th]:py-2">
        <caption className={captionHidden ? 'sr-only' : 'mb-2 text-left text-lg font-semibold'}>{caption}</caption>
        {children}
      </table>
    </div>
  )
}
