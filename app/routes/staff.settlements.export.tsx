import type { LoaderFunctionArgs } from '@remix-run/node'
import { attachmentDisposition } from '~/modules/documents/download'
import { exportApprovedMonth } from '~/modules/settlements/export.server'
import { parseMonth } from '~/modules/settlements/month'
import { requirePermission } from '~/utils/session.server'

/**
 * The accounts-payable CSV of a month (`?month=2026-10`): one row per provider whose month is approved (format in
 * ADR 0008). Staff with settlement:approve only; a missing or malformed month gives 400.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'settlement:approve')
  const month = parseMonth(new URL(request.url).searchParams.get('month'))
  if (!month) {
    return new Response('Bad Request: ?month=YYYY-MM', { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  }
  const file = await exportApprovedMonth(user, month)
  return new Response(file.body, {
    status: 200,
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': attachmentDisposition(file.filename),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  })
}
