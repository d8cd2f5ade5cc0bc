-- CreateTable
CREATE TABLE "FollowUpYear" (
    "year" INTEGER NOT NULL,
    "clientId" TEXT NOT NULL,
    "categoryId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "municipalityCode" TEXT NOT NULL,
    "language" "Locale" NOT NULL,
    "months" INTEGER NOT NULL,
    "shareCents" INTEGER[],
    "totalCents" INTEGER[],
    "unitsHundredths" INTEGER[],
    "deliveredHundredths" INTEGER[],

    CONSTRAINT "FollowUpYear_pkey" PRIMARY KEY ("year","clientId","categoryId","organisationId")
);

-- CreateIndex
CREATE INDEX "FollowUpYear_organisationId_year_idx" ON "FollowUpYear"("organisationId", "year");

-- CreateIndex
CREATE INDEX "ServiceRecord_voucherId_serviceDate_idx" ON "ServiceRecord"("voucherId", "serviceDate");

-- Hand-written: the follow-up summary is kept up to date by the database, in the transaction that writes the records,
-- whoever writes them (the app, the seed, a correction by hand).

-- Whole cents of units (hundredths) × cents per unit, half away from zero: recordAmounts' rule
-- (app/modules/settlements/amounts.ts), so the summary's sums equal the monthly settlement's.
CREATE FUNCTION follow_up_cents(units integer, per_unit integer) RETURNS bigint LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN units >= 0 THEN (units::bigint * per_unit + 50) / 100 ELSE -((-units::bigint * per_unit + 50) / 100) END
$$;

-- Adds a record's amounts to its client's row of the settlement year, and its units to the row of the service year
-- (sign -1 takes them away again).
CREATE FUNCTION follow_up_apply(r "ServiceRecord", sign integer) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_client text;
  v_category text;
  v_municipality text;
  v_language "Locale";
  settled_year integer := EXTRACT(YEAR FROM r."month");
  settled_month integer := EXTRACT(MONTH FROM r."month");
  served_year integer := EXTRACT(YEAR FROM r."serviceDate");
  served_month integer := EXTRACT(MONTH FROM r."serviceDate");
  zeros integer[] := array_fill(0, ARRAY[12]);
BEGIN
  SELECT v."clientId", v."categoryId", c."municipalityCode", c."preferredLanguage"
    INTO v_client, v_category, v_municipality, v_language
  FROM "Voucher" v JOIN "Client" c ON c."id" = v."clientId" WHERE v."id" = r."voucherId";
  INSERT INTO "FollowUpYear" ("year", "clientId", "categoryId", "organisationId", "municipalityCode", "language", "months",
    "shareCents", "totalCents", "unitsHundredths", "deliveredHundredths")
  SELECT y, v_client, v_category, r."organisationId", v_municipality, v_language, 0, zeros, zeros, zeros, zeros
  FROM (SELECT DISTINCT unnest(ARRAY[settled_year, served_year]) AS y) years
  ON CONFLICT DO NOTHING;
  UPDATE "FollowUpYear" s SET
    "shareCents"[settled_month] = s."shareCents"[settled_month] + sign * follow_up_cents(r."unitsHundredths", LEAST(r."unitPriceCents", r."voucherValueCents")),
    "totalCents"[settled_month] = s."totalCents"[settled_month] + sign * follow_up_cents(r."unitsHundredths", r."unitPriceCents"),
    "unitsHundredths"[settled_month] = s."unitsHundredths"[settled_month] + sign * r."unitsHundredths",
    "months" = CASE
      WHEN sign > 0 THEN s."months" | (1 << (settled_month - 1))
      WHEN EXISTS (
        SELECT 1 FROM "ServiceRecord" o JOIN "Voucher" ov ON ov."id" = o."voucherId"
        WHERE o."organisationId" = r."organisationId" AND o."month" = r."month" AND ov."clientId" = v_client AND ov."categoryId" = v_category
      ) THEN s."months"
      ELSE s."months" & ~(1 << (settled_month - 1)) END
  WHERE s."year" = settled_year AND s."clientId" = v_client AND s."categoryId" = v_category AND s."organisationId" = r."organisationId";
  UPDATE "FollowUpYear" s SET
    "deliveredHundredths"[served_month] = s."deliveredHundredths"[served_month] + sign * r."unitsHundredths"
  WHERE s."year" = served_year AND s."clientId" = v_client AND s."categoryId" = v_category AND s."organisationId" = r."organisationId";
END;
$$;

CREATE FUNCTION follow_up_record() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM follow_up_apply(OLD, -1); END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM follow_up_apply(NEW, 1); END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "ServiceRecord_follow_up" AFTER INSERT OR UPDATE OR DELETE ON "ServiceRecord"
  FOR EACH ROW EXECUTE FUNCTION follow_up_record();

-- Rebuilds the whole summary from the records: here for the records written before this migration; bulk loads may
-- switch the trigger off and call it afterwards.
CREATE FUNCTION follow_up_rebuild() RETURNS void LANGUAGE sql AS $$
  DELETE FROM "FollowUpYear";
  WITH base AS (
    SELECT v."clientId" AS client, v."categoryId" AS category, r."organisationId" AS organisation, r."month", r."serviceDate",
      r."unitsHundredths" AS units,
      follow_up_cents(r."unitsHundredths", LEAST(r."unitPriceCents", r."voucherValueCents")) AS share,
      follow_up_cents(r."unitsHundredths", r."unitPriceCents") AS total
    FROM "ServiceRecord" r JOIN "Voucher" v ON v."id" = r."voucherId"
  ),
  cells AS (
    SELECT EXTRACT(YEAR FROM "month")::int AS year, client, category, organisation, EXTRACT(MONTH FROM "month")::int AS mon,
      share, total, units, NULL::int AS delivered, true AS settled
    FROM base
    UNION ALL
    SELECT EXTRACT(YEAR FROM "serviceDate")::int, client, category, organisation, EXTRACT(MONTH FROM "serviceDate")::int,
      NULL, NULL, NULL, units, false
    FROM base
  )
  INSERT INTO "FollowUpYear" ("year", "clientId", "categoryId", "organisationId", "municipalityCode", "language", "months",
    "shareCents", "totalCents", "unitsHundredths", "deliveredHundredths")
  SELECT cells.year, cells.client, cells.category, cells.organisation, c."municipalityCode", c."preferredLanguage",
    COALESCE(bit_or(1 << (mon - 1)) FILTER (WHERE settled), 0),
    ARRAY[COALESCE(SUM(share) FILTER (WHERE mon = 1), 0)::int, COALESCE(SUM(share) FILTER (WHERE mon = 2), 0)::int, COALESCE(SUM(share) FILTER (WHERE mon = 3), 0)::int, COALESCE(SUM(share) FILTER (WHERE mon = 4), 0)::int, COALESCE(SUM(share) FILTER (WHERE mon = 5), 0)::int, COALESCE(SUM(share) FILTER (WHERE mon = 6), 0)::int, COALESCE(SUM(share) FILTER (WHERE mon = 7), 0)::int, COALESCE(SUM(share) FILTER (WHERE mon = 8), 0)::int, COALESCE(SUM(share) FILTER (WHERE mon = 9), 0)::int, COALESCE(SUM(share) FILTER (WHERE mon = 10), 0)::int, COALESCE(SUM(share) FILTER (WHERE mon = 11), 0)::int, COALESCE(SUM(share) FILTER (WHERE mon = 12), 0)::int],
    ARRAY[COALESCE(SUM(total) FILTER (WHERE mon = 1), 0)::int, COALESCE(SUM(total) FILTER (WHERE mon = 2), 0)::int, COALESCE(SUM(total) FILTER (WHERE mon = 3), 0)::int, COALESCE(SUM(total) FILTER (WHERE mon = 4), 0)::int, COALESCE(SUM(total) FILTER (WHERE mon = 5), 0)::int, COALESCE(SUM(total) FILTER (WHERE mon = 6), 0)::int, COALESCE(SUM(total) FILTER (WHERE mon = 7), 0)::int, COALESCE(SUM(total) FILTER (WHERE mon = 8), 0)::int, COALESCE(SUM(total) FILTER (WHERE mon = 9), 0)::int, COALESCE(SUM(total) FILTER (WHERE mon = 10), 0)::int, COALESCE(SUM(total) FILTER (WHERE mon = 11), 0)::int, COALESCE(SUM(total) FILTER (WHERE mon = 12), 0)::int],
    ARRAY[COALESCE(SUM(units) FILTER (WHERE mon = 1), 0)::int, COALESCE(SUM(units) FILTER (WHERE mon = 2), 0)::int, COALESCE(SUM(units) FILTER (WHERE mon = 3), 0)::int, COALESCE(SUM(units) FILTER (WHERE mon = 4), 0)::int, COALESCE(SUM(units) FILTER (WHERE mon = 5), 0)::int, COALESCE(SUM(units) FILTER (WHERE mon = 6), 0)::int, COALESCE(SUM(units) FILTER (WHERE mon = 7), 0)::int, COALESCE(SUM(units) FILTER (WHERE mon = 8), 0)::int, COALESCE(SUM(units) FILTER (WHERE mon = 9), 0)::int, COALESCE(SUM(units) FILTER (WHERE mon = 10), 0)::int, COALESCE(SUM(units) FILTER (WHERE mon = 11), 0)::int, COALESCE(SUM(units) FILTER (WHERE mon = 12), 0)::int],
    ARRAY[COALESCE(SUM(delivered) FILTER (WHERE mon = 1), 0)::int, COALESCE(SUM(delivered) FILTER (WHERE mon = 2), 0)::int, COALESCE(SUM(delivered) FILTER (WHERE mon = 3), 0)::int, COALESCE(SUM(delivered) FILTER (WHERE mon = 4), 0)::int, COALESCE(SUM(delivered) FILTER (WHERE mon = 5), 0)::int, COALESCE(SUM(delivered) FILTER (WHERE mon = 6), 0)::int, COALESCE(SUM(delivered) FILTER (WHERE mon = 7), 0)::int, COALESCE(SUM(delivered) FILTER (WHERE mon = 8), 0)::int, COALESCE(SUM(delivered) FILTER (WHERE mon = 9), 0)::int, COALESCE(SUM(delivered) FILTER (WHERE mon = 10), 0)::int, COALESCE(SUM(delivered) FILTER (WHERE mon = 11), 0)::int, COALESCE(SUM(delivered) FILTER (WHERE mon = 12), 0)::int]
  FROM cells JOIN "Client" c ON c."id" = cells.client
  GROUP BY cells.year, cells.client, cells.category, cells.organisation, c."municipalityCode", c."preferredLanguage";
$$;

SELECT follow_up_rebuild();
