import { Prisma } from '~/generated/prisma/client'
import { addDays } from '~/modules/audit/dates'
import { helsinkiToday } from '~/modules/documents/dates'
import type { ResolvedFilters } from './filters.server'
import { andAll, hasProviderFilter, monthIndex, num, providerConditions, query, sqlDate, voucherConditions } from './sql.server'

/**
 * The voucher side of the follow-up, in SQL over vouchers and choices (no service records but the last delivery of
 * exhausted vouchers). Definitions, for the chosen month and for the year to date:
 *
 * - issued: the decision date falls in the period;
 * - active: the voucher had a producer (an accepted choice, or one since ended) on some day of the period;
 * - exhausted: a voucher granted in total whose units are used up, counted in the period of its last delivery;
 * - expired: validity ended in the period (status EXPIRED);
 * - cancelled: cancelled in the period (the voucher's last change, Helsinki time);
 * - units granted: a voucher granted per month grants its monthly units in every calendar month its validity touches
 *   (as the month's row is created on first use); one granted in total spreads the total evenly over those months;
 *   a cancelled voucher's grant ends with the month of its cancellation. Vouchers still without a producer count:
 *   their unused grant is part of the picture. A provider's grant is that of the months its choice covers (a month in
 *   which the client changed producer counts for both).
 *
 * The provider and sector filters keep the vouchers that have (had) a choice of such a provider, and their grants
 * while with it.
 */
export type VoucherCounts = { issued: number; active: number; exhausted: number; expired: number; cancelled: number }
export type Granted = { month: number; yearToDate: number }
export type LanguageRow = {
  language: string
  clients: { month: number; yearToDate: number }
  servedInLanguage: { month: number; yearToDate: number }
}
export type ProviderLanguages = {
  providers: { month: number; yearToDate: number }
  offering: Record<'fi' | 'sv' | 'en', { month: number; yearToDate: number }>
}

function ctes(filters: ResolvedFilters) {
  const { period } = filters
  const m = sqlDate(period.monthStart)
  const end = sqlDate(period.monthEnd)
  const ytd = sqlDate(period.yearStart)
  const providerFilter = hasProviderFilter(filters)
    ? Prisma.sql` AND EXISTS (
        SELECT 1 FROM "Choice" pc JOIN "Offer" pf ON pf."id" = pc."offerId" JOIN "Organisation" o ON o."id" = pf."organisationId"
        WHERE pc."voucherId" = v."id" AND pc."status" IN ('ACCEPTED', 'ENDED') ${andAll(providerConditions(filters))})`
    : Prisma.empty
  return Prisma.sql`
    vv AS (
      SELECT v."id", v."status"::text AS status, v."categoryId" AS cat, v."clientId" AS client,
        c."preferredLanguage"::text AS lang, v."decisionDate" AS dd, v."validFrom" AS vf, v."validTo" AS vt,
        CASE WHEN v."status" = 'CANCELLED' THEN (v."updatedAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Europe/Helsinki')::date END AS changed,
        CASE WHEN v."unitsPerMonth" IS NOT NULL THEN v."unitsPerMonth" * 100.0
          ELSE v."unitsTotal" * 100.0 / (${monthIndex(Prisma.sql`v."validTo"`)} - ${monthIndex(Prisma.sql`v."validFrom"`)} + 1) END AS per_month
      FROM "Voucher" v JOIN "Client" c ON c."id" = v."clientId"
      WHERE v."decisionDate" < ${end} AND v."validTo" >= ${ytd} ${andAll(voucherConditions(filters))} ${providerFilter}
    ),
    gr AS (
      SELECT vv.*, CASE WHEN status = 'CANCELLED' THEN LEAST(vt, changed) ELSE vt END AS grant_end FROM vv
    ),
    spans AS (
      SELECT cho."voucherId" AS vid, f."organisationId" AS org, f."languages" AS langs, gr.lang, gr.cat, gr.per_month,
        GREATEST(cho."startDate", gr.vf) AS s,
        LEAST(COALESCE(cho."endDate", gr.grant_end), gr.grant_end) AS e
      FROM "Choice" cho
      JOIN gr ON gr."id" = cho."voucherId"
      JOIN "Offer" f ON f."id" = cho."offerId"
      ${hasProviderFilter(filters) ? Prisma.sql`JOIN "Organisation" o ON o."id" = f."organisationId"` : Prisma.empty}
      WHERE cho."status" IN ('ACCEPTED', 'ENDED') AND cho."startDate" IS NOT NULL ${andAll(providerConditions(filters))}
    ),
    ch AS (
      SELECT spans.*, spans.s < ${end} AND spans.e >= ${m} AS in_m, spans.s < ${end} AND spans.e >= ${ytd} AS in_ytd,
        ${monthsInYear(filters, Prisma.sql`spans.s`, Prisma.sql`spans.e`)} AS ytd_months
      FROM spans
    )`
}

/** Months of [from, to] inside January … the chosen month (0 when they do not meet). */
function monthsInYear(filters: ResolvedFilters, from: Prisma.Sql, to: Prisma.Sql): Prisma.Sql {
  const year = Number(filters.period.month.slice(0, 4))
  const chosen = year * 12 + Number(filters.period.month.slice(5, 7))
  return Prisma.sql`GREATEST(0, LEAST(${monthIndex(to)}, ${chosen}) - GREATEST(${monthIndex(from)}, ${year * 12 + 1}) + 1)`
}

function granted(row: Record<string, unknown>): Granted {
  return { month: Math.round(num(row.granted_m)), yearToDate: Math.round(num(row.granted_ytd)) }
}

/** A grant through a choice `ch`: the voucher's monthly grant for each month the choice covers. */
const grantedByChoice = Prisma.sql`
  SUM(CASE WHEN ch.in_m THEN ch.per_month ELSE 0 END)::float8 AS granted_m, SUM(ch.per_month * ch.ytd_months)::float8 AS granted_ytd`

export type VoucherFigures = {
  counts: { month: VoucherCounts; yearToDate: VoucherCounts }
  languages: LanguageRow[]
  providerLanguages: ProviderLanguages
  grantedByCategory: Map<string, Granted>
  grantedTotal: Granted
  /** every provider's grant through its choices */
  grantedByProvider: Map<string, Granted>
}

/** Voucher counts, languages and units granted per category and provider: one statement (the vouchers are read once). */
export async function voucherFigures(filters: ResolvedFilters): Promise<VoucherFigures> {
  const { period } = filters
  const m = sqlDate(period.monthStart)
  const end = sqlDate(period.monthEnd)
  const ytd = sqlDate(period.yearStart)
  const overlapsMonth = Prisma.sql`ch.in_m`
  const overlapsYear = Prisma.sql`ch.in_ytd`
  const inMonth = (column: string) => Prisma.sql`${Prisma.raw(column)} >= ${m} AND ${Prisma.raw(column)} < ${end}`
  const inYear = (column: string) => Prisma.sql`${Prisma.raw(column)} >= ${ytd} AND ${Prisma.raw(column)} < ${end}`
  const count = (name: string, condition: Prisma.Sql) => Prisma.sql`COUNT(*) FILTER (WHERE ${condition}) AS ${Prisma.raw(name)}`
  const grants = hasProviderFilter(filters)
    ? Prisma.sql`SELECT ch.cat AS key, GROUPING(ch.cat) AS total, ${grantedByChoice} FROM ch GROUP BY ROLLUP (ch.cat)`
    : Prisma.sql`SELECT gr.cat AS key, GROUPING(gr.cat) AS total,
        SUM(gr.per_month * CASE WHEN gr.vf < ${end} AND gr.grant_end >= ${m} THEN 1 ELSE 0 END)::float8 AS granted_m,
        SUM(gr.per_month * ${monthsInYear(filters, Prisma.sql`gr.vf`, Prisma.sql`gr.grant_end`)})::float8 AS granted_ytd
      FROM gr GROUP BY ROLLUP (gr.cat)`

  const [row] = await query<{ figures: Record<string, unknown> }>(Prisma.sql`
    WITH ${ctes(filters)},
    act AS (
      SELECT ch.vid, bool_or(${overlapsMonth}) AS am, bool_or(${overlapsYear}) AS ay,
        bool_or(${overlapsMonth} AND ch.lang = ANY(ch.langs)) AS om, bool_or(${overlapsYear} AND ch.lang = ANY(ch.langs)) AS oy
      FROM ch GROUP BY ch.vid
    ),
    x AS (
      SELECT gr.*, COALESCE(act.am, false) AS am, COALESCE(act.ay, false) AS ay, COALESCE(act.om, false) AS om,
        COALESCE(act.oy, false) AS oy,
        CASE WHEN gr.status = 'EXHAUSTED'
          THEN (SELECT MAX(r."serviceDate") FROM "ServiceRecord" r WHERE r."voucherId" = gr."id") END AS last_service
      FROM gr LEFT JOIN act ON act.vid = gr."id"
    ),
    per_provider AS (
      SELECT ch.org, bool_or(${overlapsMonth}) AS pm, bool_or(${overlapsYear}) AS py,
        ${Prisma.join(
          (['fi', 'sv', 'en'] as const).map(
            (language) => Prisma.sql`
              bool_or(${overlapsMonth} AND ${language} = ANY(ch.langs)) AS ${Prisma.raw(`${language}_m`)},
              bool_or(${overlapsYear} AND ${language} = ANY(ch.langs)) AS ${Prisma.raw(`${language}_ytd`)}`,
          ),
          ', ',
        )},
        ${grantedByChoice}
      FROM ch GROUP BY ch.org
    )
    SELECT json_build_object(
      'counts', (SELECT row_to_json(c) FROM (SELECT
        ${Prisma.join(
          [
            count('issued_m', inMonth('x.dd')),
            count('issued_ytd', inYear('x.dd')),
            count('active_m', Prisma.sql`x.am`),
            count('active_ytd', Prisma.sql`x.ay`),
            count('exhausted_m', Prisma.sql`x.status = 'EXHAUSTED' AND ${inMonth('x.last_service')}`),
            count('exhausted_ytd', Prisma.sql`x.status = 'EXHAUSTED' AND ${inYear('x.last_service')}`),
            count('expired_m', Prisma.sql`x.status = 'EXPIRED' AND ${inMonth('x.vt')}`),
            count('expired_ytd', Prisma.sql`x.status = 'EXPIRED' AND ${inYear('x.vt')}`),
            count('cancelled_m', Prisma.sql`x.status = 'CANCELLED' AND ${inMonth('x.changed')}`),
            count('cancelled_ytd', Prisma.sql`x.status = 'CANCELLED' AND ${inYear('x.changed')}`),
          ],
          ', ',
        )}
        FROM x) c),
      'languages', (SELECT json_agg(l) FROM (
        SELECT lang, COUNT(*) FILTER (WHERE am) AS clients_m, COUNT(*) FILTER (WHERE ay) AS clients_ytd,
          COUNT(*) FILTER (WHERE om) AS own_m, COUNT(*) FILTER (WHERE oy) AS own_ytd
        FROM (SELECT x.lang, x.client, bool_or(x.am) AS am, bool_or(x.ay) AS ay, bool_or(x.om) AS om, bool_or(x.oy) AS oy
          FROM x GROUP BY x.lang, x.client) per_client
        GROUP BY lang) l),
      'providers', (SELECT row_to_json(p) FROM (
        SELECT COUNT(*) FILTER (WHERE pm) AS providers_m, COUNT(*) FILTER (WHERE py) AS providers_ytd,
          ${Prisma.join(
            (['fi', 'sv', 'en'] as const).map(
              (language) =>
                Prisma.raw(`COUNT(*) FILTER (WHERE ${language}_m) AS ${language}_m, COUNT(*) FILTER (WHERE ${language}_ytd) AS ${language}_ytd`),
            ),
            ', ',
          )}
        FROM per_provider) p),
      'grants', (SELECT json_agg(g) FROM (${grants}) g),
      'providerGrants', (SELECT json_agg(json_build_object('key', org, 'granted_m', granted_m, 'granted_ytd', granted_ytd)) FROM per_provider)
    ) AS figures`)

  const figures = row?.figures ?? {}
  const counts = (figures.counts ?? {}) as Record<string, unknown>
  const countsOf = (suffix: 'm' | 'ytd'): VoucherCounts => ({
    issued: num(counts[`issued_${suffix}`]),
    active: num(counts[`active_${suffix}`]),
    exhausted: num(counts[`exhausted_${suffix}`]),
    expired: num(counts[`expired_${suffix}`]),
    cancelled: num(counts[`cancelled_${suffix}`]),
  })
  const languages = ((figures.languages ?? []) as Record<string, unknown>[]).map((language) => ({
    language: String(language.lang),
    clients: { month: num(language.clients_m), yearToDate: num(language.clients_ytd) },
    servedInLanguage: { month: num(language.own_m), yearToDate: num(language.own_ytd) },
  }))
  const providers = (figures.providers ?? {}) as Record<string, unknown>
  const pair = (prefix: string) => ({ month: num(providers[`${prefix}_m`]), yearToDate: num(providers[`${prefix}_ytd`]) })
  const grantedByCategory = new Map<string, Granted>()
  let grantedTotal: Granted = { month: 0, yearToDate: 0 }
  for (const grant of (figures.grants ?? []) as Record<string, unknown>[]) {
    if (num(grant.total) === 1) grantedTotal = granted(grant)
    else grantedByCategory.set(String(grant.key), granted(grant))
  }
  const grantedByProvider = new Map(
    ((figures.providerGrants ?? []) as Record<string, unknown>[]).map((grant) => [String(grant.key), granted(grant)] as const),
  )
  return {
    counts: { month: countsOf('m'), yearToDate: countsOf('ytd') },
    languages,
    providerLanguages: { providers: pair('providers'), offering: { fi: pair('fi'), sv: pair('sv'), en: pair('en') } },
    grantedByCategory,
    grantedTotal,
    grantedByProvider,
  }
}

// ─── Clients without a producer ─────────────────────────────────────────────

/** Days after the decision from which a client without a chosen producer needs help choosing. */
export const waitingDays = 14

export type WaitingVoucher = {
  id: string
  code: string
  decisionNumber: string
  categoryId: string
  municipalityCode: string
  language: string
  decisionDate: Date
}

function waitingWhere(filters: ResolvedFilters, now: Date): Prisma.Sql {
  const today = helsinkiToday(now)
  return Prisma.sql`v."status" = 'ISSUED' AND v."decisionDate" <= ${addDays(today, -waitingDays)}::date
    AND v."validTo" >= ${today}::date ${andAll(voucherConditions(filters))}`
}

/**
 * Vouchers still without a chosen producer (status ISSUED: never chosen, or the choice was declined or cancelled)
 * 14 days or more after the decision, still valid today; the longest waiting first. Today's list, whatever month is
 * chosen; the provider filters do not apply (there is no producer). `after` pages on (decision date, id).
 */
export async function waitingVouchers(
  filters: ResolvedFilters,
  options: { now: Date; limit: number; after?: { decisionDate: Date; id: string } },
): Promise<WaitingVoucher[]> {
  const after = options.after
    ? Prisma.sql` AND (v."decisionDate", v."id") > (${sqlDate(options.after.decisionDate)}, ${options.after.id})`
    : Prisma.empty
  return query<WaitingVoucher>(Prisma.sql`
    SELECT v."id", v."code", v."decisionNumber", v."categoryId", c."municipalityCode", c."preferredLanguage"::text AS language,
      v."decisionDate"
    FROM "Voucher" v JOIN "Client" c ON c."id" = v."clientId"
    WHERE ${waitingWhere(filters, options.now)} ${after}
    ORDER BY v."decisionDate", v."id"
    LIMIT ${options.limit}`)
}

export async function countWaitingVouchers(filters: ResolvedFilters, now: Date): Promise<number> {
  const rows = await query<{ count: number }>(Prisma.sql`
    SELECT COUNT(*)::int AS count FROM "Voucher" v JOIN "Client" c ON c."id" = v."clientId" WHERE ${waitingWhere(filters, now)}`)
  return num(rows[0]?.count)
}
