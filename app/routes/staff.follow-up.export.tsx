import { parseWithZod } from '@conform-to/zod/v4'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { getLocale, i18nServer } from '~/i18n.server'
import { exportTable } from '~/modules/follow-up/export.server'
import { referenceData, resolveFilters } from '~/modules/follow-up/filters.server'
import { exportSchema, filterSchema } from '~/modules/follow-up/schema'
import { requirePermission } from '~/utils/session.server'

const contentTypes = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
}

/**
 * One table of the follow-up dashboard as CSV or XLSX (`?table=…&format=csv|xlsx` plus the dashboard's filters),
 * streamed while it is written. Reviewers and admins; never cached.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'report:view')
  const url = new URL(request.url)
  const what = exportSchema.safeParse({ table: url.searchParams.get('table'), format: url.searchParams.get('format') })
  const submission = parseWithZod(url.searchParams, { schema: filterSchema })
  if (!what.success || submission.status !== 'success') throw new Response('Bad Request', { status: 400 })
  const now = new Date()
  const [resolved, reference, locale, t] = await Promise.all([
    resolveFilters(submission.value, now),
    referenceData(),
    getLocale(request),
    i18nServer.getFixedT(request, 'followup'),
  ])
  if (!resolved.ok) throw new Response('Bad Request', { status: 400 })
  const { table, format } = what.data
  const month = resolved.filters.period.month
  const body = await exportTable(table, format, resolved.filters, reference, {
    locale,
    t,
    reference,
    now,
    providerHref: () => '',
  })
  return new Response(body, {
    headers: {
      'Content-Type': contentTypes[format],
      'Content-Disposition': `attachment; filename="follow-up-${table}-${month}.${format}"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  })
}
