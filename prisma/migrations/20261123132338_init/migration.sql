-- CreateEnum
CREATE TYPE "Locale" AS ENUM ('fi', 'sv', 'en');

-- CreateEnum
CREATE TYPE "StaffRole" AS ENUM ('REVIEWER', 'ADMIN');

-- CreateEnum
CREATE TYPE "TokenPurpose" AS ENUM ('VERIFY_EMAIL', 'RESET_PASSWORD');

-- CreateEnum
CREATE TYPE "ServiceUnitOfMeasure" AS ENUM ('HOUR', 'DAY', 'VISIT', 'MONTH');

-- CreateEnum
CREATE TYPE "VoucherType" AS ENUM ('FIXED', 'INCOME_RELATED');

-- CreateEnum
CREATE TYPE "ReviewMode" AS ENUM ('SINGLE_STEP', 'TWO_STEP');

-- CreateEnum
CREATE TYPE "LegalForm" AS ENUM ('COMPANY', 'SOLE_TRADER', 'REGISTERED_ASSOCIATION', 'FOUNDATION', 'COOPERATIVE');

-- CreateEnum
CREATE TYPE "Sector" AS ENUM ('PRIVATE', 'THIRD_SECTOR');

-- CreateEnum
CREATE TYPE "MemberRole" AS ENUM ('OWNER', 'EDITOR');

-- CreateEnum
CREATE TYPE "ApplicationStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'IN_REVIEW', 'RETURNED', 'APPROVED', 'REJECTED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "CategoryDecision" AS ENUM ('PENDING', 'PROPOSED_APPROVE', 'PROPOSED_REJECT', 'APPROVED', 'REJECTED');

-- CreateEnum
CREATE TYPE "SectionReviewStatus" AS ENUM ('CHECKED', 'RETURNED');

-- CreateEnum
CREATE TYPE "RegisterEntryStatus" AS ENUM ('ACTIVE', 'SUSPENDED', 'REMOVED');

-- CreateEnum
CREATE TYPE "DocumentStatus" AS ENUM ('PENDING', 'ACCEPTED', 'EXPIRED', 'REJECTED');

-- CreateEnum
CREATE TYPE "ServiceUnitKind" AS ENUM ('LOCATION', 'HOME_VISIT_AREA');

-- CreateEnum
CREATE TYPE "OfferStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "VoucherStatus" AS ENUM ('ISSUED', 'ASSIGNED', 'ACTIVE', 'EXHAUSTED', 'EXPIRED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "VoucherValueBasis" AS ENUM ('FIXED', 'INCOME_RELATED', 'MANUAL_OVERRIDE');

-- CreateEnum
CREATE TYPE "ChoiceStatus" AS ENUM ('PENDING', 'ACCEPTED', 'DECLINED', 'ENDED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "ServiceRecordKind" AS ENUM ('DELIVERY', 'ADJUSTMENT');

-- CreateEnum
CREATE TYPE "SettlementStatus" AS ENUM ('OPEN', 'APPROVED');

-- CreateEnum
CREATE TYPE "PaymentStatus" AS ENUM ('PENDING', 'PAID', 'FAILED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "ModerationStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED');

-- CreateEnum
CREATE TYPE "OutboxStatus" AS ENUM ('PENDING', 'SENT', 'FAILED');

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT,
    "locale" "Locale" NOT NULL DEFAULT 'sv',
    "staffRole" "StaffRole",
    "emailVerifiedAt" TIMESTAMP(3),
    "deactivatedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "userAgent" TEXT,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UserToken" (
    "id" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "purpose" "TokenPurpose" NOT NULL,
    "userId" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UserToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimit" (
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "resetAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RateLimit_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "Municipality" (
    "code" TEXT NOT NULL,
    "nameFi" TEXT NOT NULL,
    "nameSv" TEXT NOT NULL,
    "officialLanguages" TEXT[],
    "latitude" DOUBLE PRECISION NOT NULL,
    "longitude" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "Municipality_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "DocumentType" (
    "code" TEXT NOT NULL,
    "nameFi" TEXT NOT NULL,
    "nameSv" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "maxAgeDays" INTEGER,
    "validUntilRequired" BOOLEAN NOT NULL DEFAULT false,
    "employersOnly" BOOLEAN NOT NULL DEFAULT false,
    "hasRegistrationNumber" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "DocumentType_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "ServiceCategory" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "nameFi" TEXT NOT NULL,
    "nameSv" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "unit" "ServiceUnitOfMeasure" NOT NULL,
    "voucherType" "VoucherType" NOT NULL,
    "requiresSoteri" BOOLEAN NOT NULL DEFAULT false,
    "reviewMode" "ReviewMode" NOT NULL DEFAULT 'SINGLE_STEP',
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "ServiceCategory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VoucherValue" (
    "id" TEXT NOT NULL,
    "categoryId" TEXT NOT NULL,
    "effectiveFrom" DATE NOT NULL,
    "valueCents" INTEGER,
    "maxValueCents" INTEGER,
    "minValueCents" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VoucherValue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IncomeRule" (
    "id" TEXT NOT NULL,
    "effectiveFrom" DATE NOT NULL,
    "incomeLimitCentsByHousehold" JSONB NOT NULL,
    "extraPerAdditionalPersonCents" INTEGER NOT NULL,
    "reductionRateBasisPoints" INTEGER NOT NULL,

    CONSTRAINT "IncomeRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CategoryDocumentRequirement" (
    "categoryId" TEXT NOT NULL,
    "documentTypeCode" TEXT NOT NULL,

    CONSTRAINT "CategoryDocumentRequirement_pkey" PRIMARY KEY ("categoryId","documentTypeCode")
);

-- CreateTable
CREATE TABLE "Rulebook" (
    "id" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "effectiveFrom" DATE NOT NULL,
    "titleFi" TEXT NOT NULL,
    "titleSv" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "bodyFi" TEXT NOT NULL,
    "bodySv" TEXT NOT NULL,
    "bodyEn" TEXT NOT NULL,
    "publishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Rulebook_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Organisation" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "businessId" TEXT NOT NULL,
    "legalForm" "LegalForm" NOT NULL,
    "sector" "Sector" NOT NULL,
    "employsStaff" BOOLEAN NOT NULL DEFAULT false,
    "streetAddress" TEXT NOT NULL,
    "postalCode" TEXT NOT NULL,
    "postOffice" TEXT NOT NULL,
    "municipalityCode" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "website" TEXT,
    "descriptionFi" TEXT,
    "descriptionSv" TEXT,
    "descriptionEn" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Organisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Membership" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "role" "MemberRole" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrganisationInvitation" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "role" "MemberRole" NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "invitedById" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "acceptedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrganisationInvitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RegisterApplication" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "status" "ApplicationStatus" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 0,
    "rulebookId" TEXT,
    "rulebookAcceptedAt" TIMESTAMP(3),
    "createdById" TEXT NOT NULL,
    "assignedToId" TEXT,
    "submittedAt" TIMESTAMP(3),
    "decidedAt" TIMESTAMP(3),
    "decisionReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RegisterApplication_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApplicationCategory" (
    "applicationId" TEXT NOT NULL,
    "categoryId" TEXT NOT NULL,
    "decision" "CategoryDecision" NOT NULL DEFAULT 'PENDING',

    CONSTRAINT "ApplicationCategory_pkey" PRIMARY KEY ("applicationId","categoryId")
);

-- CreateTable
CREATE TABLE "ApplicationSectionReview" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "section" TEXT NOT NULL,
    "status" "SectionReviewStatus" NOT NULL,
    "reason" TEXT,
    "reviewerId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApplicationSectionReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApplicationEvent" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "fromStatus" "ApplicationStatus",
    "toStatus" "ApplicationStatus" NOT NULL,
    "actorId" TEXT,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApplicationEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RegisterEntry" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "categoryId" TEXT NOT NULL,
    "status" "RegisterEntryStatus" NOT NULL DEFAULT 'ACTIVE',
    "validFrom" DATE NOT NULL,
    "applicationId" TEXT,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "statusReason" TEXT,
    "statusChangedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lapsedAt" TIMESTAMP(3),

    CONSTRAINT "RegisterEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ComplianceDocument" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "documentTypeCode" TEXT NOT NULL,
    "issueDate" DATE NOT NULL,
    "validUntil" DATE,
    "registrationNumber" TEXT,
    "status" "DocumentStatus" NOT NULL DEFAULT 'PENDING',
    "storageKey" TEXT NOT NULL,
    "originalFilename" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "uploadedById" TEXT NOT NULL,
    "supersededAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ComplianceDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DocumentReminder" (
    "documentId" TEXT NOT NULL,
    "thresholdDays" INTEGER NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DocumentReminder_pkey" PRIMARY KEY ("documentId","thresholdDays")
);

-- CreateTable
CREATE TABLE "ServiceUnit" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "kind" "ServiceUnitKind" NOT NULL,
    "name" TEXT NOT NULL,
    "streetAddress" TEXT,
    "postalCode" TEXT,
    "municipalityCode" TEXT,
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "stepFreeAccess" BOOLEAN NOT NULL DEFAULT false,
    "hearingLoop" BOOLEAN NOT NULL DEFAULT false,
    "parking" BOOLEAN NOT NULL DEFAULT false,
    "accessibilityFi" TEXT,
    "accessibilitySv" TEXT,
    "accessibilityEn" TEXT,
    "phone" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ServiceUnit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServiceAreaMunicipality" (
    "serviceUnitId" TEXT NOT NULL,
    "municipalityCode" TEXT NOT NULL,

    CONSTRAINT "ServiceAreaMunicipality_pkey" PRIMARY KEY ("serviceUnitId","municipalityCode")
);

-- CreateTable
CREATE TABLE "Offer" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "categoryId" TEXT NOT NULL,
    "titleFi" TEXT,
    "titleSv" TEXT,
    "titleEn" TEXT,
    "descriptionFi" TEXT,
    "descriptionSv" TEXT,
    "descriptionEn" TEXT,
    "priceCents" INTEGER NOT NULL,
    "languages" TEXT[],
    "freePlaces" INTEGER,
    "capacityConfirmedAt" TIMESTAMP(3),
    "status" "OfferStatus" NOT NULL DEFAULT 'DRAFT',
    "publishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Offer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OfferServiceUnit" (
    "offerId" TEXT NOT NULL,
    "serviceUnitId" TEXT NOT NULL,

    CONSTRAINT "OfferServiceUnit_pkey" PRIMARY KEY ("offerId","serviceUnitId")
);

-- CreateTable
CREATE TABLE "OfferPrice" (
    "id" TEXT NOT NULL,
    "offerId" TEXT NOT NULL,
    "priceCents" INTEGER NOT NULL,
    "effectiveFrom" DATE NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OfferPrice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OfferExtraService" (
    "id" TEXT NOT NULL,
    "offerId" TEXT NOT NULL,
    "nameFi" TEXT,
    "nameSv" TEXT,
    "nameEn" TEXT,
    "priceCents" INTEGER NOT NULL,

    CONSTRAINT "OfferExtraService_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Client" (
    "id" TEXT NOT NULL,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "dateOfBirth" DATE NOT NULL,
    "identityCodeCipher" TEXT NOT NULL,
    "identityCodeHash" TEXT NOT NULL,
    "municipalityCode" TEXT NOT NULL,
    "preferredLanguage" "Locale" NOT NULL,
    "streetAddress" TEXT,
    "postalCode" TEXT,
    "phone" TEXT,
    "email" TEXT,
    "anonymisedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Client_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Voucher" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "categoryId" TEXT NOT NULL,
    "decisionNumber" TEXT NOT NULL,
    "decisionDate" DATE NOT NULL,
    "validFrom" DATE NOT NULL,
    "validTo" DATE NOT NULL,
    "unitsPerMonth" INTEGER,
    "unitsTotal" INTEGER,
    "valueCents" INTEGER NOT NULL,
    "valueBasis" "VoucherValueBasis" NOT NULL,
    "householdSize" INTEGER,
    "grossMonthlyIncomeCents" INTEGER,
    "overrideReason" TEXT,
    "status" "VoucherStatus" NOT NULL DEFAULT 'ISSUED',
    "cancelledReason" TEXT,
    "issuedById" TEXT NOT NULL,
    "failedCodeAttempts" INTEGER NOT NULL DEFAULT 0,
    "codeLockedUntil" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Voucher_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VoucherMonth" (
    "voucherId" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "unitsGranted" INTEGER NOT NULL,
    "unitsUsed" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "VoucherMonth_pkey" PRIMARY KEY ("voucherId","month")
);

-- CreateTable
CREATE TABLE "Choice" (
    "id" TEXT NOT NULL,
    "voucherId" TEXT NOT NULL,
    "offerId" TEXT NOT NULL,
    "status" "ChoiceStatus" NOT NULL DEFAULT 'PENDING',
    "startDate" DATE,
    "endDate" DATE,
    "declineReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "Choice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServiceRecord" (
    "id" TEXT NOT NULL,
    "voucherId" TEXT NOT NULL,
    "choiceId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "serviceDate" DATE NOT NULL,
    "month" DATE NOT NULL,
    "unitsHundredths" INTEGER NOT NULL,
    "unitPriceCents" INTEGER NOT NULL,
    "voucherValueCents" INTEGER NOT NULL,
    "extrasCents" INTEGER NOT NULL DEFAULT 0,
    "note" TEXT,
    "kind" "ServiceRecordKind" NOT NULL DEFAULT 'DELIVERY',
    "adjustsRecordId" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ServiceRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MonthlySettlement" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "status" "SettlementStatus" NOT NULL DEFAULT 'OPEN',
    "unitsHundredths" INTEGER NOT NULL DEFAULT 0,
    "voucherShareCents" INTEGER NOT NULL DEFAULT 0,
    "copaymentCents" INTEGER NOT NULL DEFAULT 0,
    "extrasCents" INTEGER NOT NULL DEFAULT 0,
    "approvedById" TEXT,
    "approvedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "MonthlySettlement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Payment" (
    "id" TEXT NOT NULL,
    "settlementId" TEXT NOT NULL,
    "voucherId" TEXT NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "status" "PaymentStatus" NOT NULL DEFAULT 'PENDING',
    "stripeCheckoutSessionId" TEXT,
    "paidAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Payment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StripeEvent" (
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StripeEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Feedback" (
    "id" TEXT NOT NULL,
    "voucherId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "rating" INTEGER NOT NULL,
    "text" TEXT,
    "moderation" "ModerationStatus" NOT NULL DEFAULT 'PENDING',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Feedback_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CategoryBudget" (
    "categoryId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "budgetCents" INTEGER NOT NULL,
    "ownProductionUnitCostCents" INTEGER,

    CONSTRAINT "CategoryBudget_pkey" PRIMARY KEY ("categoryId","year")
);

-- CreateTable
CREATE TABLE "EmailOutbox" (
    "id" TEXT NOT NULL,
    "toAddress" TEXT NOT NULL,
    "locale" "Locale" NOT NULL,
    "template" TEXT NOT NULL,
    "props" JSONB NOT NULL,
    "status" "OutboxStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EmailOutbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Session_tokenHash_key" ON "Session"("tokenHash");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "UserToken_tokenHash_key" ON "UserToken"("tokenHash");

-- CreateIndex
CREATE INDEX "UserToken_userId_purpose_idx" ON "UserToken"("userId", "purpose");

-- CreateIndex
CREATE UNIQUE INDEX "ServiceCategory_code_key" ON "ServiceCategory"("code");

-- CreateIndex
CREATE UNIQUE INDEX "VoucherValue_categoryId_effectiveFrom_key" ON "VoucherValue"("categoryId", "effectiveFrom");

-- CreateIndex
CREATE UNIQUE INDEX "IncomeRule_effectiveFrom_key" ON "IncomeRule"("effectiveFrom");

-- CreateIndex
CREATE UNIQUE INDEX "Rulebook_version_key" ON "Rulebook"("version");

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_businessId_key" ON "Organisation"("businessId");

-- CreateIndex
CREATE INDEX "Membership_organisationId_idx" ON "Membership"("organisationId");

-- CreateIndex
CREATE UNIQUE INDEX "Membership_userId_organisationId_key" ON "Membership"("userId", "organisationId");

-- CreateIndex
CREATE UNIQUE INDEX "OrganisationInvitation_tokenHash_key" ON "OrganisationInvitation"("tokenHash");

-- CreateIndex
CREATE INDEX "OrganisationInvitation_organisationId_idx" ON "OrganisationInvitation"("organisationId");

-- CreateIndex
CREATE INDEX "RegisterApplication_status_submittedAt_idx" ON "RegisterApplication"("status", "submittedAt");

-- CreateIndex
CREATE INDEX "RegisterApplication_organisationId_idx" ON "RegisterApplication"("organisationId");

-- CreateIndex
CREATE INDEX "ApplicationSectionReview_applicationId_idx" ON "ApplicationSectionReview"("applicationId");

-- CreateIndex
CREATE INDEX "ApplicationEvent_applicationId_createdAt_idx" ON "ApplicationEvent"("applicationId", "createdAt");

-- CreateIndex
CREATE INDEX "RegisterEntry_categoryId_status_idx" ON "RegisterEntry"("categoryId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "RegisterEntry_organisationId_categoryId_key" ON "RegisterEntry"("organisationId", "categoryId");

-- CreateIndex
CREATE UNIQUE INDEX "ComplianceDocument_storageKey_key" ON "ComplianceDocument"("storageKey");

-- CreateIndex
CREATE INDEX "ComplianceDocument_organisationId_documentTypeCode_idx" ON "ComplianceDocument"("organisationId", "documentTypeCode");

-- CreateIndex
CREATE INDEX "ServiceUnit_organisationId_idx" ON "ServiceUnit"("organisationId");

-- CreateIndex
CREATE INDEX "ServiceUnit_municipalityCode_idx" ON "ServiceUnit"("municipalityCode");

-- CreateIndex
CREATE INDEX "ServiceAreaMunicipality_municipalityCode_idx" ON "ServiceAreaMunicipality"("municipalityCode");

-- CreateIndex
CREATE INDEX "Offer_categoryId_status_idx" ON "Offer"("categoryId", "status");

-- CreateIndex
CREATE INDEX "Offer_organisationId_idx" ON "Offer"("organisationId");

-- CreateIndex
CREATE INDEX "OfferServiceUnit_serviceUnitId_idx" ON "OfferServiceUnit"("serviceUnitId");

-- CreateIndex
CREATE UNIQUE INDEX "OfferPrice_offerId_effectiveFrom_key" ON "OfferPrice"("offerId", "effectiveFrom");

-- CreateIndex
CREATE UNIQUE INDEX "Client_identityCodeHash_key" ON "Client"("identityCodeHash");

-- CreateIndex
CREATE UNIQUE INDEX "Voucher_code_key" ON "Voucher"("code");

-- CreateIndex
CREATE INDEX "Voucher_clientId_idx" ON "Voucher"("clientId");

-- CreateIndex
CREATE INDEX "Voucher_categoryId_status_idx" ON "Voucher"("categoryId", "status");

-- CreateIndex
CREATE INDEX "Choice_voucherId_idx" ON "Choice"("voucherId");

-- CreateIndex
CREATE INDEX "Choice_offerId_status_idx" ON "Choice"("offerId", "status");

-- CreateIndex
CREATE INDEX "ServiceRecord_organisationId_month_idx" ON "ServiceRecord"("organisationId", "month");

-- CreateIndex
CREATE INDEX "ServiceRecord_voucherId_month_idx" ON "ServiceRecord"("voucherId", "month");

-- CreateIndex
CREATE UNIQUE INDEX "MonthlySettlement_organisationId_month_key" ON "MonthlySettlement"("organisationId", "month");

-- CreateIndex
CREATE UNIQUE INDEX "Payment_stripeCheckoutSessionId_key" ON "Payment"("stripeCheckoutSessionId");

-- CreateIndex
CREATE UNIQUE INDEX "Payment_settlementId_voucherId_key" ON "Payment"("settlementId", "voucherId");

-- CreateIndex
CREATE UNIQUE INDEX "Feedback_voucherId_organisationId_key" ON "Feedback"("voucherId", "organisationId");

-- CreateIndex
CREATE INDEX "EmailOutbox_status_nextAttemptAt_idx" ON "EmailOutbox"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_idx" ON "AuditEvent"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_at_idx" ON "AuditEvent"("actorId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserToken" ADD CONSTRAINT "UserToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VoucherValue" ADD CONSTRAINT "VoucherValue_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "ServiceCategory"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CategoryDocumentRequirement" ADD CONSTRAINT "CategoryDocumentRequirement_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "ServiceCategory"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CategoryDocumentRequirement" ADD CONSTRAINT "CategoryDocumentRequirement_documentTypeCode_fkey" FOREIGN KEY ("documentTypeCode") REFERENCES "DocumentType"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_municipalityCode_fkey" FOREIGN KEY ("municipalityCode") REFERENCES "Municipality"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganisationInvitation" ADD CONSTRAINT "OrganisationInvitation_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganisationInvitation" ADD CONSTRAINT "OrganisationInvitation_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegisterApplication" ADD CONSTRAINT "RegisterApplication_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegisterApplication" ADD CONSTRAINT "RegisterApplication_rulebookId_fkey" FOREIGN KEY ("rulebookId") REFERENCES "Rulebook"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegisterApplication" ADD CONSTRAINT "RegisterApplication_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegisterApplication" ADD CONSTRAINT "RegisterApplication_assignedToId_fkey" FOREIGN KEY ("assignedToId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationCategory" ADD CONSTRAINT "ApplicationCategory_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "RegisterApplication"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationCategory" ADD CONSTRAINT "ApplicationCategory_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "ServiceCategory"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationSectionReview" ADD CONSTRAINT "ApplicationSectionReview_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "RegisterApplication"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationSectionReview" ADD CONSTRAINT "ApplicationSectionReview_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationEvent" ADD CONSTRAINT "ApplicationEvent_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "RegisterApplication"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationEvent" ADD CONSTRAINT "ApplicationEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegisterEntry" ADD CONSTRAINT "RegisterEntry_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegisterEntry" ADD CONSTRAINT "RegisterEntry_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "ServiceCategory"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegisterEntry" ADD CONSTRAINT "RegisterEntry_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "RegisterApplication"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegisterEntry" ADD CONSTRAINT "RegisterEntry_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComplianceDocument" ADD CONSTRAINT "ComplianceDocument_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComplianceDocument" ADD CONSTRAINT "ComplianceDocument_documentTypeCode_fkey" FOREIGN KEY ("documentTypeCode") REFERENCES "DocumentType"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComplianceDocument" ADD CONSTRAINT "ComplianceDocument_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentReminder" ADD CONSTRAINT "DocumentReminder_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "ComplianceDocument"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceUnit" ADD CONSTRAINT "ServiceUnit_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceUnit" ADD CONSTRAINT "ServiceUnit_municipalityCode_fkey" FOREIGN KEY ("municipalityCode") REFERENCES "Municipality"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceAreaMunicipality" ADD CONSTRAINT "ServiceAreaMunicipality_serviceUnitId_fkey" FOREIGN KEY ("serviceUnitId") REFERENCES "ServiceUnit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceAreaMunicipality" ADD CONSTRAINT "ServiceAreaMunicipality_municipalityCode_fkey" FOREIGN KEY ("municipalityCode") REFERENCES "Municipality"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Offer" ADD CONSTRAINT "Offer_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Offer" ADD CONSTRAINT "Offer_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "ServiceCategory"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfferServiceUnit" ADD CONSTRAINT "OfferServiceUnit_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfferServiceUnit" ADD CONSTRAINT "OfferServiceUnit_serviceUnitId_fkey" FOREIGN KEY ("serviceUnitId") REFERENCES "ServiceUnit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfferPrice" ADD CONSTRAINT "OfferPrice_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfferExtraService" ADD CONSTRAINT "OfferExtraService_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Client" ADD CONSTRAINT "Client_municipalityCode_fkey" FOREIGN KEY ("municipalityCode") REFERENCES "Municipality"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Voucher" ADD CONSTRAINT "Voucher_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Voucher" ADD CONSTRAINT "Voucher_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "ServiceCategory"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Voucher" ADD CONSTRAINT "Voucher_issuedById_fkey" FOREIGN KEY ("issuedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VoucherMonth" ADD CONSTRAINT "VoucherMonth_voucherId_fkey" FOREIGN KEY ("voucherId") REFERENCES "Voucher"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Choice" ADD CONSTRAINT "Choice_voucherId_fkey" FOREIGN KEY ("voucherId") REFERENCES "Voucher"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Choice" ADD CONSTRAINT "Choice_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceRecord" ADD CONSTRAINT "ServiceRecord_voucherId_fkey" FOREIGN KEY ("voucherId") REFERENCES "Voucher"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceRecord" ADD CONSTRAINT "ServiceRecord_choiceId_fkey" FOREIGN KEY ("choiceId") REFERENCES "Choice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceRecord" ADD CONSTRAINT "ServiceRecord_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceRecord" ADD CONSTRAINT "ServiceRecord_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonthlySettlement" ADD CONSTRAINT "MonthlySettlement_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonthlySettlement" ADD CONSTRAINT "MonthlySettlement_approvedById_fkey" FOREIGN KEY ("approvedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_settlementId_fkey" FOREIGN KEY ("settlementId") REFERENCES "MonthlySettlement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_voucherId_fkey" FOREIGN KEY ("voucherId") REFERENCES "Voucher"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_voucherId_fkey" FOREIGN KEY ("voucherId") REFERENCES "Voucher"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CategoryBudget" ADD CONSTRAINT "CategoryBudget_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "ServiceCategory"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written invariants (Prisma's schema language cannot express them).

-- Money and units: prices are positive, a month's used units never exceed what the voucher grants.
ALTER TABLE "Offer" ADD CONSTRAINT "Offer_priceCents_positive" CHECK ("priceCents" > 0);
ALTER TABLE "OfferPrice" ADD CONSTRAINT "OfferPrice_priceCents_positive" CHECK ("priceCents" > 0);
ALTER TABLE "OfferExtraService" ADD CONSTRAINT "OfferExtraService_priceCents_nonnegative" CHECK ("priceCents" >= 0);
ALTER TABLE "VoucherValue" ADD CONSTRAINT "VoucherValue_values_nonnegative"
  CHECK (coalesce("valueCents", 0) >= 0 AND coalesce("minValueCents", 0) >= 0 AND coalesce("maxValueCents", 0) >= coalesce("minValueCents", 0));
ALTER TABLE "Voucher" ADD CONSTRAINT "Voucher_value_nonnegative" CHECK ("valueCents" >= 0);
ALTER TABLE "Voucher" ADD CONSTRAINT "Voucher_units_exactly_one"
  CHECK (("unitsPerMonth" IS NULL) <> ("unitsTotal" IS NULL) AND coalesce("unitsPerMonth", "unitsTotal") > 0);
ALTER TABLE "Voucher" ADD CONSTRAINT "Voucher_validity_ordered" CHECK ("validFrom" <= "validTo");
ALTER TABLE "VoucherMonth" ADD CONSTRAINT "VoucherMonth_units_within_grant"
  CHECK ("unitsUsed" >= 0 AND "unitsUsed" <= "unitsGranted");
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_rating_range" CHECK ("rating" BETWEEN 1 AND 5);
ALTER TABLE "Offer" ADD CONSTRAINT "Offer_freePlaces_nonnegative" CHECK ("freePlaces" IS NULL OR "freePlaces" >= 0);
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_amount_positive" CHECK ("amountCents" > 0);

-- The audit log is append-only: no UPDATE, DELETE or TRUNCATE, whoever asks.
CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditEvent rows cannot be changed or deleted' USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER "AuditEvent_no_update_delete" BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
CREATE TRIGGER "AuditEvent_no_truncate" BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();
