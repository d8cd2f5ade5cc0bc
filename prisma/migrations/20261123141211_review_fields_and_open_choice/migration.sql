-- AlterTable
ALTER TABLE "ApplicationCategory" ADD COLUMN     "proposalNote" TEXT,
ADD COLUMN     "proposedAt" TIMESTAMP(3),
ADD COLUMN     "proposedById" TEXT;

-- AlterTable
ALTER TABLE "ComplianceDocument" ADD COLUMN     "rejectionReason" TEXT,
ADD COLUMN     "reviewedAt" TIMESTAMP(3),
ADD COLUMN     "reviewedById" TEXT;

-- AlterTable
ALTER TABLE "Offer" ADD COLUMN     "archivedAt" TIMESTAMP(3);

-- AddForeignKey
ALTER TABLE "ApplicationCategory" ADD CONSTRAINT "ApplicationCategory_proposedById_fkey" FOREIGN KEY ("proposedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComplianceDocument" ADD CONSTRAINT "ComplianceDocument_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written: a voucher has at most one producer choice that is waiting for the producer or in force.
CREATE UNIQUE INDEX "Choice_one_open_per_voucher" ON "Choice" ("voucherId") WHERE "status" IN ('PENDING', 'ACCEPTED');
