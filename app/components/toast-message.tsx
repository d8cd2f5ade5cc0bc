import { useTranslation } from 'react-i18next'
import { Alert } from './ui/alert'

export type ToastData = { kind: 'success' | 'info' | 'error'; message: string }

/** The message left by the previous action (read once from a cookie by the root loader). */
export function ToastMessage({ toast }: { toast: ToastData | null }) {
  const { t } = useTranslation()
  if (!toast) return null
  return <Alert kind={toast.kind}>{t(toast.message)}</Alert>
}
