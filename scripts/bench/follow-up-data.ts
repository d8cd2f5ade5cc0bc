// The follow-up dashboard's data set (issue 7): 40,000 clients, 50,000 vouchers, their choices and 1,000,000 service
// records over the three years November 2023 – October 2026, the monthly settlements (approved up to September
// 2026, October open) and budgets with own-production unit costs for 2024–2026. Deterministic: every "random" value
// is a hash of the row number and a salt (bench_rnd), no clock and no PRNG state. Generated inside the database with
// generate_series and INSERT … SELECT (seconds on PostgreSQL), on top of the register that generate.ts writes
// (organisations, offers, categories, municipalities), which it needs.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import { pgliteConnection, postgresConnection, type SqlConnection } from '../../app/utils/migrate.server'

export const FOLLOW_UP_SIZES = { clients: 40_000, vouchers: 50_000, serviceRecords: 1_000_000 } as const

/** The last month with records (the data set's "previous month"); November 2026 is the month in progress. */
export const FOLLOW_UP_LAST_MONTH = '2026-10'

/** A hash of this file: the cached PGlite data set is rebuilt when the generator changes. */
export function followUpGeneratorHash(): string {
  return createHash('sha256').update(readFileSync(new URL(import.meta.url))).digest('hex').slice(0, 16)
}

/** Population in thousands (rough): where the clients live. */
const MUNICIPALITY_WEIGHT: Record<string, number> = {
  '905': 68, '499': 20, '598': 19, '599': 11, '893': 7.5, '440': 5.5, '946': 6.5,
  '475': 5.6, '280': 2.2, '545': 9.4, '231': 1.2, '287': 6.3, '399': 8, '152': 4.6,
}

/** Per category: how many vouchers (weight), the monthly grant's range, and the share granted in total instead. */
const CATEGORY_PLAN: Record<string, { weight: number; perMonth: [number, number]; total: [number, number]; totalShare: number }> = {
  'home-care': { weight: 30, perMonth: [4, 24], total: [30, 120], totalShare: 0.05 },
  'support-services': { weight: 22, perMonth: [2, 12], total: [10, 50], totalShare: 0.15 },
  'round-the-clock-housing': { weight: 4, perMonth: [30, 31], total: [30, 90], totalShare: 0.02 },
  'community-housing': { weight: 3, perMonth: [1, 1], total: [3, 6], totalShare: 0.02 },
  'short-term-care': { weight: 6, perMonth: [2, 10], total: [5, 30], totalShare: 0.3 },
  'carer-respite': { weight: 8, perMonth: [2, 4], total: [6, 24], totalShare: 0.3 },
  'personal-assistance': { weight: 10, perMonth: [8, 40], total: [40, 200], totalShare: 0.05 },
  'family-home-help': { weight: 8, perMonth: [4, 20], total: [20, 80], totalShare: 0.2 },
  psychotherapy: { weight: 6, perMonth: [2, 4], total: [10, 40], totalShare: 0.6 },
  'oral-hygiene': { weight: 3, perMonth: [1, 2], total: [2, 6], totalShare: 0.9 },
}

const values = (rows: unknown[][]) =>
  rows.map((row) => `(${row.map((value) => (typeof value === 'string' ? `'${value.replace(/'/g, "''")}'` : String(value))).join(', ')})`).join(',\n')

function statements(): string[] {
  const municipalityRows = Object.entries(MUNICIPALITY_WEIGHT).map(([code, weight]) => [code, weight])
  const categoryRows = Object.entries(CATEGORY_PLAN).map(([code, plan]) => [code, plan.weight, ...plan.perMonth, ...plan.total, plan.totalShare])
  const { clients, vouchers, serviceRecords } = FOLLOW_UP_SIZES
  return [
    // uniform in [0, 1) from a row number and a salt
    `CREATE OR REPLACE FUNCTION bench_rnd(i bigint, salt int) RETURNS float8 LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
       $$ SELECT ((hashint8(i * 1000003 + salt)::bigint + 2147483648) / 4294967296.0)::float8 $$`,
    `CREATE OR REPLACE FUNCTION bench_int(i bigint, salt int, lo int, hi int) RETURNS int LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
       $$ SELECT lo + floor(bench_rnd(i, salt) * (hi - lo + 1))::int $$`,

    `INSERT INTO "User" ("id", "email", "name", "staffRole", "locale", "emailVerifiedAt", "createdAt", "updatedAt")
     VALUES ('bench-follow-up-staff', 'follow-up-bench@example.invalid', 'Bench Staff', 'ADMIN', 'sv', '2023-01-01', '2023-01-01', '2023-01-01')`,

    // municipalities with cumulative weights, Swedish-majority ones marked
    `CREATE TEMP TABLE bench_muni AS
     SELECT w.code, m."officialLanguages"[1] = 'sv' AS sv,
       (SUM(w.weight) OVER (ORDER BY w.code))::float8 / SUM(w.weight) OVER () AS cum
     FROM (VALUES ${values(municipalityRows)}) AS w(code, weight) JOIN "Municipality" m ON m."code" = w.code`,

    // categories with the plan, cumulative weights and the value in force in 2026 (the top of an income range)
    `CREATE TEMP TABLE bench_cat AS
     SELECT c."id", c."code", c."voucherType"::text AS voucher_type, p.per_lo, p.per_hi, p.tot_lo, p.tot_hi, p.tot_share,
       (SUM(p.weight) OVER (ORDER BY c."code"))::float8 / SUM(p.weight) OVER () AS cum,
       COALESCE(val."valueCents", val."maxValueCents") AS value_hi, COALESCE(val."minValueCents", val."valueCents") AS value_lo
     FROM (VALUES ${values(categoryRows)}) AS p(code, weight, per_lo, per_hi, tot_lo, tot_hi, tot_share)
     JOIN "ServiceCategory" c ON c."code" = p.code
     JOIN LATERAL (SELECT * FROM "VoucherValue" vv WHERE vv."categoryId" = c."id" ORDER BY vv."effectiveFrom" DESC LIMIT 1) val ON true`,

    `INSERT INTO "Client" ("id", "firstName", "lastName", "dateOfBirth", "identityCodeCipher", "identityCodeHash",
       "municipalityCode", "preferredLanguage", "createdAt", "updatedAt")
     SELECT 'bench-client-' || lpad(i::text, 5, '0'), 'Bench', 'Client ' || i, date '1925-01-01' + bench_int(i, 1, 0, 25000),
       'bench', 'bench-client-' || i, m.code,
       (CASE WHEN bench_rnd(i, 3) < 0.02 THEN 'en' WHEN bench_rnd(i, 4) < (CASE WHEN m.sv THEN 0.72 ELSE 0.1 END) THEN 'sv' ELSE 'fi' END)::"Locale",
       timestamp '2023-06-01', timestamp '2023-06-01'
     FROM generate_series(1, ${clients}) i
     CROSS JOIN LATERAL (SELECT code, sv FROM bench_muni WHERE bench_rnd(i, 2) < cum ORDER BY cum LIMIT 1) m`,

    // vouchers: decisions from August 2023 to October 2026, more in later months (voucher use grows)
    `CREATE TEMP TABLE bench_v AS
     SELECT i, 'bench-voucher-' || lpad(i::text, 5, '0') AS id,
       'bench-client-' || lpad((CASE WHEN i <= ${clients} THEN i ELSE bench_int(i, 5, 1, ${clients}) END)::text, 5, '0') AS client_id,
       c."id" AS category_id, c.voucher_type, c.per_lo, c.per_hi, c.tot_lo, c.tot_hi, c.tot_share, c.value_lo, c.value_hi,
       date '2023-08-01' + floor(sqrt(bench_rnd(i, 6)) * (date '2026-10-31' - date '2023-08-01'))::int AS decision
     FROM generate_series(1, ${vouchers}) i
     CROSS JOIN LATERAL (SELECT * FROM bench_cat WHERE bench_rnd(i, 7) < cum ORDER BY cum LIMIT 1) c`,
    `ANALYZE bench_muni`,
    `ANALYZE bench_cat`,
    `ALTER TABLE bench_v ADD COLUMN valid_from date, ADD COLUMN valid_to date, ADD COLUMN per_month int, ADD COLUMN total int,
       ADD COLUMN value int, ADD COLUMN status text, ADD COLUMN changed timestamp`,
    `UPDATE bench_v SET valid_from = decision + bench_int(i, 8, 0, 5),
       per_month = CASE WHEN bench_rnd(i, 9) < tot_share THEN NULL ELSE bench_int(i, 10, per_lo, per_hi) END,
       value = CASE WHEN voucher_type = 'FIXED' THEN value_hi ELSE (value_lo + floor(bench_rnd(i, 11) * (value_hi - value_lo) / 10) * 10)::int END`,
    `UPDATE bench_v SET valid_to = (valid_from + interval '12 months' - interval '1 day')::date,
       total = CASE WHEN per_month IS NULL THEN bench_int(i, 12, tot_lo, tot_hi) END`,
    `UPDATE bench_v SET status = CASE
         WHEN bench_rnd(i, 13) < 0.03 THEN 'CANCELLED'
         WHEN valid_to < date '2026-11-01' THEN CASE WHEN total IS NOT NULL AND bench_rnd(i, 14) < 0.5 THEN 'EXHAUSTED' ELSE 'EXPIRED' END
         WHEN decision > date '2026-10-11' AND bench_rnd(i, 15) < 0.3 THEN 'ISSUED'
         WHEN decision > date '2026-10-11' AND bench_rnd(i, 15) < 0.45 THEN 'ASSIGNED'
         WHEN bench_rnd(i, 15) < 0.015 THEN 'ISSUED'
         WHEN total IS NOT NULL AND bench_rnd(i, 14) < 0.2 THEN 'EXHAUSTED'
         ELSE 'ACTIVE' END`,
    `UPDATE bench_v SET changed = CASE WHEN status = 'CANCELLED'
         THEN (decision + bench_int(i, 16, 5, GREATEST(5, LEAST(valid_to, date '2026-10-31') - decision)))::timestamp + interval '10 hours'
         ELSE decision::timestamp + interval '10 hours' END`,

    `ANALYZE bench_v`,
    `INSERT INTO "Voucher" ("id", "code", "clientId", "categoryId", "decisionNumber", "decisionDate", "validFrom", "validTo",
       "unitsPerMonth", "unitsTotal", "valueCents", "valueBasis", "status", "cancelledReason", "issuedById", "createdAt", "updatedAt")
     SELECT id, 'BV' || lpad(i::text, 6, '0'), client_id, category_id, 'BENCH/' || lpad(i::text, 5, '0'), decision, valid_from, valid_to,
       per_month, total, value, voucher_type::"VoucherValueBasis", status::"VoucherStatus",
       CASE WHEN status = 'CANCELLED' THEN 'Asiakas muutti / Klienten flyttade' END, 'bench-follow-up-staff',
       decision::timestamp + interval '10 hours', changed
     FROM bench_v`,

    // published offers per category, and per category and service language, numbered for picking
    `CREATE TEMP TABLE bench_offer AS
     SELECT o."id", o."organisationId" AS org, o."categoryId" AS category_id, o."priceCents" AS price,
       ROW_NUMBER() OVER (PARTITION BY o."categoryId" ORDER BY o."id") AS n, COUNT(*) OVER (PARTITION BY o."categoryId") AS cnt
     FROM "Offer" o WHERE o."status" = 'PUBLISHED'`,
    `CREATE TEMP TABLE bench_offer_lang AS
     SELECT o."id", o."categoryId" AS category_id, l.lang,
       ROW_NUMBER() OVER (PARTITION BY o."categoryId", l.lang ORDER BY o."id") AS n, COUNT(*) OVER (PARTITION BY o."categoryId", l.lang) AS cnt
     FROM "Offer" o CROSS JOIN LATERAL unnest(o."languages") AS l(lang) WHERE o."status" = 'PUBLISHED' AND l.lang IN ('fi', 'sv', 'en')`,
    `ANALYZE bench_offer`,
    `ANALYZE bench_offer_lang`,
    `CREATE TEMP TABLE bench_offer_count AS SELECT category_id, MAX(cnt) AS cnt FROM bench_offer GROUP BY category_id`,
    `CREATE TEMP TABLE bench_offer_lang_count AS SELECT category_id, lang, MAX(cnt) AS cnt FROM bench_offer_lang GROUP BY category_id, lang`,

    // who served each voucher: 85 % a producer offering the client's language; 10 % changed producer once
    `CREATE TEMP TABLE bench_choice AS
     SELECT v.i, v.id AS voucher_id, v.status, v.valid_from, v.valid_to, v.value, v.per_month, v.total, v.changed,
       (v.valid_from + bench_int(v.i, 20, 3, 10)) AS start_date, COALESCE(ol."id", o."id") AS offer_id,
       eo."id" AS earlier_offer_id, bench_rnd(v.i, 25) < 0.1 AS switched
     FROM bench_v v
     JOIN "Client" c ON c."id" = v.client_id
     JOIN bench_offer_count oc ON oc.category_id = v.category_id
     JOIN bench_offer o ON o.category_id = v.category_id AND o.n = 1 + floor(bench_rnd(v.i, 23) * oc.cnt)::int
     JOIN bench_offer eo ON eo.category_id = v.category_id AND eo.n = 1 + floor(bench_rnd(v.i, 24) * oc.cnt)::int
     LEFT JOIN bench_offer_lang_count lc ON lc.category_id = v.category_id AND lc.lang = c."preferredLanguage"::text
     LEFT JOIN bench_offer_lang ol ON ol.category_id = lc.category_id AND ol.lang = lc.lang
       AND ol.n = CASE WHEN bench_rnd(v.i, 21) < 0.85 THEN 1 + floor(bench_rnd(v.i, 22) * lc.cnt)::int ELSE 0 END
     WHERE v.status IN ('ACTIVE', 'EXHAUSTED', 'EXPIRED') OR (v.status = 'CANCELLED' AND v.changed::date > v.valid_from + 12)`,
    `ANALYZE bench_offer_count`,
    `ANALYZE bench_offer_lang_count`,
    `ALTER TABLE bench_choice ADD COLUMN served_to date, ADD COLUMN switch_date date`,
    `UPDATE bench_choice SET served_to = CASE
         WHEN status = 'CANCELLED' THEN changed::date
         WHEN status = 'EXHAUSTED' THEN LEAST(valid_to, date '2026-10-31', start_date + bench_int(i, 26, 60, 300))
         ELSE LEAST(valid_to, date '2026-10-31') END`,
    `UPDATE bench_choice SET switch_date = CASE WHEN switched AND served_to - start_date > 90
         THEN start_date + bench_int(i, 27, 30, served_to - start_date - 30) END`,

    `ANALYZE bench_choice`,
    `INSERT INTO "Choice" ("id", "voucherId", "offerId", "status", "startDate", "endDate", "createdAt", "decidedAt")
     SELECT 'bench-choice-' || lpad(i::text, 5, '0') || '-a', voucher_id, earlier_offer_id, 'ENDED', start_date, switch_date,
       (start_date - 3)::timestamp + interval '9 hours', (start_date - 2)::timestamp + interval '9 hours'
     FROM bench_choice WHERE switch_date IS NOT NULL`,
    `INSERT INTO "Choice" ("id", "voucherId", "offerId", "status", "startDate", "endDate", "createdAt", "decidedAt")
     SELECT 'bench-choice-' || lpad(i::text, 5, '0') || '-b', voucher_id, offer_id,
       (CASE WHEN status = 'ACTIVE' THEN 'ACCEPTED' ELSE 'ENDED' END)::"ChoiceStatus",
       COALESCE(switch_date + 1, start_date), CASE WHEN status = 'ACTIVE' THEN NULL ELSE served_to END,
       (COALESCE(switch_date + 1, start_date) - 3)::timestamp + interval '9 hours', (COALESCE(switch_date + 1, start_date) - 2)::timestamp + interval '9 hours'
     FROM bench_choice`,
    // pending choices of assigned vouchers; a declined one before some of the long-waiting issued vouchers
    `INSERT INTO "Choice" ("id", "voucherId", "offerId", "status", "createdAt")
     SELECT 'bench-choice-' || lpad(v.i::text, 5, '0') || '-p', v.id, o."id", 'PENDING', v.decision::timestamp + interval '3 days'
     FROM bench_v v JOIN bench_offer_count oc ON oc.category_id = v.category_id
     JOIN bench_offer o ON o.category_id = v.category_id AND o.n = 1 + floor(bench_rnd(v.i, 28) * oc.cnt)::int
     WHERE v.status = 'ASSIGNED'`,
    `INSERT INTO "Choice" ("id", "voucherId", "offerId", "status", "declineReason", "createdAt", "decidedAt")
     SELECT 'bench-choice-' || lpad(v.i::text, 5, '0') || '-d', v.id, o."id", 'DECLINED', 'Ei vapaita paikkoja / Inga lediga platser',
       v.decision::timestamp + interval '3 days', v.decision::timestamp + interval '5 days'
     FROM bench_v v JOIN bench_offer_count oc ON oc.category_id = v.category_id
     JOIN bench_offer o ON o.category_id = v.category_id AND o.n = 1 + floor(bench_rnd(v.i, 28) * oc.cnt)::int
     WHERE v.status = 'ISSUED' AND v.decision < date '2026-10-11' AND bench_rnd(v.i, 29) < 0.3`,

    // one slot per choice and calendar month served from November 2023 on, numbered; the records share them out
    `ANALYZE "Choice"`,
    `CREATE TEMP TABLE bench_slot AS
     SELECT ch."id" AS choice_id, ch."voucherId" AS voucher_id, o.org, o.price, b.value, b.per_month, b.total, mm.month,
       GREATEST(mm.month, ch."startDate") AS from_day,
       LEAST((mm.month + interval '1 month' - interval '1 day')::date, COALESCE(ch."endDate", b.served_to), date '2026-10-31') AS to_day
     FROM "Choice" ch
     JOIN bench_choice b ON b.voucher_id = ch."voucherId"
     JOIN bench_offer o ON o."id" = ch."offerId"
     CROSS JOIN LATERAL (
       SELECT gs::date AS month FROM generate_series(date_trunc('month', GREATEST(ch."startDate", date '2023-11-01')),
         date_trunc('month', LEAST(COALESCE(ch."endDate", b.served_to), date '2026-10-31')), interval '1 month') gs
     ) mm
     WHERE ch."id" LIKE 'bench-choice-%' AND ch."status" IN ('ACCEPTED', 'ENDED')`,
    `DELETE FROM bench_slot WHERE from_day > to_day`,
    `CREATE TEMP TABLE bench_slots AS SELECT ROW_NUMBER() OVER (ORDER BY choice_id, month) AS s, choice_id, voucher_id, org, price, value, per_month, total,
       month, from_day, to_day, (to_day - from_day + 1) AS days FROM bench_slot`,
    `CREATE UNIQUE INDEX ON bench_slots (s)`,
    `ANALYZE bench_slots`,

    // 1,000,000 records dealt round the slots; units = the month's grant used at 60–100 %, in quarter units;
    // 3 % recorded late (into the next settlement month); every 250th a negative correction in a later month
    `CREATE TEMP TABLE bench_r AS
     SELECT g.i, ((g.i - 1) % n.slots) + 1 AS slot, g.i % 250 = 0 AS adjustment, ceil(${serviceRecords}::float8 / n.slots) AS per_slot
     FROM generate_series(1, ${serviceRecords}) g(i) CROSS JOIN (SELECT COUNT(*) AS slots FROM bench_slots) n`,
    `ANALYZE bench_r`,
    // a bulk load: the row triggers (the approved-month guard, the follow-up summary) are off for it, the summary is
    // rebuilt in one statement after it (follow_up_rebuild, migration follow_up_indexes)
    `ALTER TABLE "ServiceRecord" DISABLE TRIGGER USER`,
    `INSERT INTO "ServiceRecord" ("id", "voucherId", "choiceId", "organisationId", "serviceDate", "month", "unitsHundredths",
       "unitPriceCents", "voucherValueCents", "extrasCents", "kind", "createdById", "createdAt")
     SELECT 'bench-rec-' || lpad(r.i::text, 7, '0'), sl.voucher_id, sl.choice_id, sl.org, d.service_day,
       (CASE WHEN r.adjustment OR bench_rnd(r.i, 32) < 0.03
         THEN LEAST(date_trunc('month', d.service_day) + interval '1 month', timestamp '2026-10-01')
         ELSE date_trunc('month', d.service_day) END)::date,
       CASE WHEN r.adjustment THEN -25 * bench_int(r.i, 33, 1, 4)
         ELSE GREATEST(25, round(COALESCE(sl.per_month, sl.total / 6.0) * 100 * (0.6 + 0.4 * bench_rnd(r.i, 34)) / r.per_slot / 25) * 25)::int END,
       sl.price, sl.value, CASE WHEN bench_rnd(r.i, 35) < 0.05 THEN 1500 ELSE 0 END,
       (CASE WHEN r.adjustment THEN 'ADJUSTMENT' ELSE 'DELIVERY' END)::"ServiceRecordKind", 'bench-follow-up-staff',
       d.service_day::timestamp + interval '1 day 8 hours'
     FROM bench_r r
     JOIN bench_slots sl ON sl.s = r.slot
     CROSS JOIN LATERAL (SELECT sl.from_day + floor(bench_rnd(r.i, 31) * sl.days)::int AS service_day) d`,

    `ALTER TABLE "ServiceRecord" ENABLE TRIGGER USER`,
    `SELECT follow_up_rebuild()`,
    `ANALYZE "ServiceRecord"`,
    `UPDATE "Voucher" v SET "totalUnitsUsed" = LEAST(v."unitsTotal" * 100, GREATEST(0, used.units))
     FROM (
       SELECT r."voucherId", SUM(r."unitsHundredths") AS units FROM "ServiceRecord" r JOIN bench_v b ON b.id = r."voucherId"
       WHERE b.total IS NOT NULL GROUP BY r."voucherId"
     ) used
     WHERE used."voucherId" = v."id"`,

    // the settlements: approved up to September 2026, October open; sums as recordAmounts computes them
    `INSERT INTO "MonthlySettlement" ("id", "organisationId", "month", "status", "unitsHundredths", "voucherShareCents", "copaymentCents",
       "extrasCents", "approvedById", "approvedAt", "version")
     SELECT 'bench-settlement-' || s.org || '-' || to_char(s.month, 'YYYY-MM'), s.org, s.month,
       (CASE WHEN s.month < date '2026-10-01' THEN 'APPROVED' ELSE 'OPEN' END)::"SettlementStatus",
       s.units, s.share, s.total - s.share, s.extras,
       CASE WHEN s.month < date '2026-10-01' THEN 'bench-follow-up-staff' END,
       CASE WHEN s.month < date '2026-10-01' THEN (s.month + interval '1 month 6 days 9 hours') END, 1
     FROM (
       SELECT r."organisationId" AS org, r."month" AS month, SUM(r."unitsHundredths") AS units, SUM(r."extrasCents") AS extras,
         SUM(CASE WHEN r."unitsHundredths" >= 0 THEN (r."unitsHundredths"::bigint * LEAST(r."unitPriceCents", r."voucherValueCents") + 50) / 100
           ELSE -((-r."unitsHundredths"::bigint * LEAST(r."unitPriceCents", r."voucherValueCents") + 50) / 100) END) AS share,
         SUM(CASE WHEN r."unitsHundredths" >= 0 THEN (r."unitsHundredths"::bigint * r."unitPriceCents" + 50) / 100
           ELSE -((-r."unitsHundredths"::bigint * r."unitPriceCents" + 50) / 100) END) AS total
       FROM "ServiceRecord" r WHERE r."id" LIKE 'bench-rec-%' GROUP BY r."organisationId", r."month"
     ) s`,

    // budgets: around each year's spend (2026 on its run rate), own production a little dearer than the average price
    `INSERT INTO "CategoryBudget" ("categoryId", "year", "budgetCents", "ownProductionUnitCostCents")
     SELECT y.category_id, y.year,
       LEAST(2000000000, round(y.share * CASE WHEN y.year = 2026 THEN 1.2 ELSE 1 END * (0.9 + 0.25 * bench_rnd(y.year * 100 + y.k, 40)) / 100000) * 100000)::int,
       round(y.total * 100.0 / NULLIF(y.units, 0) * (0.95 + 0.3 * bench_rnd(y.year * 100 + y.k, 41)))::int
     FROM (
       SELECT v."categoryId" AS category_id, EXTRACT(YEAR FROM r."month")::int AS year, DENSE_RANK() OVER (ORDER BY v."categoryId") AS k,
         SUM(r."unitsHundredths") AS units,
         SUM((r."unitsHundredths"::bigint * LEAST(r."unitPriceCents", r."voucherValueCents")) / 100) AS share,
         SUM((r."unitsHundredths"::bigint * r."unitPriceCents") / 100) AS total
       FROM "ServiceRecord" r JOIN "Voucher" v ON v."id" = r."voucherId"
       WHERE r."month" >= date '2024-01-01'
       GROUP BY v."categoryId", EXTRACT(YEAR FROM r."month")
     ) y WHERE y.share > 0`,

    `DROP FUNCTION bench_int(bigint, int, int, int)`,
    `DROP FUNCTION bench_rnd(bigint, int)`,
    `DROP TABLE bench_muni, bench_cat, bench_v, bench_offer, bench_offer_lang, bench_offer_count, bench_offer_lang_count, bench_choice, bench_slot, bench_slots, bench_r`,
  ]
}

export type FollowUpGenerated = { counts: Record<string, number>; seconds: number }

/** Writes the data set in one transaction and VACUUM ANALYZEs. The register (generate.ts) must be in the database already. */
export async function generateFollowUpData(
  connection: SqlConnection,
  onStep: (statement: string, seconds: number) => void = () => {},
): Promise<FollowUpGenerated> {
  const started = performance.now()
  await connection.exec('BEGIN')
  try {
    for (const statement of statements()) {
      const stepStarted = performance.now()
      await connection.exec(statement)
      onStep(statement.trim().split('\n')[0]!.slice(0, 90), (performance.now() - stepStarted) / 1000)
    }
    await connection.exec('COMMIT')
  } catch (error) {
    await connection.exec('ROLLBACK')
    throw error
  }
  // VACUUM too: index-only scans need the visibility map, which a fresh bulk load has not got yet
  await connection.exec('VACUUM ANALYZE')
  const counts: Record<string, number> = {}
  for (const table of ['Client', 'Voucher', 'Choice', 'ServiceRecord', 'MonthlySettlement', 'CategoryBudget', 'FollowUpYear']) {
    const [row] = await connection.query<{ count: string | number }>(`SELECT COUNT(*) AS count FROM "${table}"`)
    counts[table] = Number(row?.count ?? 0)
  }
  return { counts, seconds: (performance.now() - started) / 1000 }
}

/** Opens the database (PostgreSQL when `databaseUrl` is given, else the PGlite directory) and writes the data set. */
export async function generateFollowUpInto(
  target: { databaseUrl?: string; pgliteDir?: string },
  onStep?: (statement: string, seconds: number) => void,
): Promise<FollowUpGenerated> {
  const connection = target.databaseUrl ? await postgresConnection(target.databaseUrl) : pgliteConnection(new PGlite(target.pgliteDir!))
  try {
    return await generateFollowUpData(connection, onStep)
  } finally {
    await connection.close()
  }
}
