-- AlterTable
ALTER TABLE "Voucher" ADD COLUMN     "totalUnitsUsed" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "ClientSession" (
    "id" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "voucherId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ClientSession_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ClientSession_tokenHash_key" ON "ClientSession"("tokenHash");

-- CreateIndex
CREATE INDEX "ClientSession_voucherId_idx" ON "ClientSession"("voucherId");

-- AddForeignKey
ALTER TABLE "ClientSession" ADD CONSTRAINT "ClientSession_voucherId_fkey" FOREIGN KEY ("voucherId") REFERENCES "Voucher"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written invariants that the money depends on.

-- A voucher granted in total never has more units used than granted.
ALTER TABLE "Voucher" ADD CONSTRAINT "Voucher_total_units_within_grant"
  CHECK ("totalUnitsUsed" >= 0 AND ("unitsTotal" IS NULL OR "totalUnitsUsed" <= "unitsTotal" * 100));

-- A delivery has positive units, an adjustment any non-zero units; prices and values are never negative;
-- the settlement month is the first day of a month.
ALTER TABLE "ServiceRecord" ADD CONSTRAINT "ServiceRecord_units_sign"
  CHECK (("kind" = 'DELIVERY' AND "unitsHundredths" > 0) OR ("kind" = 'ADJUSTMENT' AND "unitsHundredths" <> 0));
ALTER TABLE "ServiceRecord" ADD CONSTRAINT "ServiceRecord_amounts_nonnegative"
  CHECK ("unitPriceCents" > 0 AND "voucherValueCents" >= 0 AND "extrasCents" >= 0);
ALTER TABLE "ServiceRecord" ADD CONSTRAINT "ServiceRecord_month_first_day" CHECK (extract(day FROM "month") = 1);
ALTER TABLE "MonthlySettlement" ADD CONSTRAINT "MonthlySettlement_month_first_day" CHECK (extract(day FROM "month") = 1);

-- The records of an approved (locked) month cannot be added, changed or deleted, whoever asks.
CREATE FUNCTION service_record_month_open() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND EXISTS (
    SELECT 1 FROM "MonthlySettlement"
    WHERE "organisationId" = OLD."organisationId" AND "month" = OLD."month" AND "status" = 'APPROVED'
  ) THEN
    RAISE EXCEPTION 'The month % is approved and locked', OLD."month" USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND EXISTS (
    SELECT 1 FROM "MonthlySettlement"
    WHERE "organisationId" = NEW."organisationId" AND "month" = NEW."month" AND "status" = 'APPROVED'
  ) THEN
    RAISE EXCEPTION 'The month % is approved and locked', NEW."month" USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "ServiceRecord_month_open" BEFORE INSERT OR UPDATE OR DELETE ON "ServiceRecord"
  FOR EACH ROW EXECUTE FUNCTION service_record_month_open();

-- An approved settlement stays approved and its sums never change.
CREATE FUNCTION monthly_settlement_locked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."status" = 'APPROVED' THEN
    RAISE EXCEPTION 'An approved settlement cannot be changed' USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "MonthlySettlement_locked" BEFORE UPDATE OR DELETE ON "MonthlySettlement"
  FOR EACH ROW EXECUTE FUNCTION monthly_settlement_locked();
