import type { ReactNode } from 'react'

const styles = {
  success: 'border-green-700 bg-green-50',
  info: 'border-brand-600 bg-brand-50',
  error: 'border-red-700 bg-red-50',
}

/** A message box; `role="status"` for news, `role="alert"` for errors. */
export function Alert({ kind, children }: { kind: keyof typeof styles; children: ReactNode }) {
  return (
    <div role={kind === 'error' ? 'alert' : 'status'} className={`mb-6 rounded border-l-8 p-4 ${styles[kind]}`}>
      {children}
    </div>
  )
}
