import type { Prisma } from '~/generated/prisma/client'
import { checklist, documentProblems, requiredDocuments, type ChecklistItem } from '~/modules/applications/required-documents'
import type { prisma, Tx } from '~/utils/db.server'

type Db = Tx | typeof prisma

export type LapsedDocument = ChecklistItem & { name: { nameFi: string; nameSv: string; nameEn: string } }

export type EntryDocuments = {
  entryId: string
  organisationId: string
  lapsedAt: Date | null
  /** the required documents that are missing, expired or rejected on the day asked about (by type code) */
  problems: LapsedDocument[]
}

/**
 * For each register entry matching `where`: the documents its category requires of the organisation (the
 * category's document types, Soteri where the category needs it, employer-only types only for employers; the
 * same rule as the application checklist) that are not valid on `today`. Three queries, however many entries.
 */
export async function entryDocumentProblems(
  db: Db,
  where: Prisma.RegisterEntryWhereInput,
  today: Date,
): Promise<EntryDocuments[]> {
  const [entries, documentTypes, documents] = await Promise.all([
    db.registerEntry.findMany({
      where,
      select: {
        id: true,
        organisationId: true,
        lapsedAt: true,
        organisation: { select: { employsStaff: true } },
        category: { select: { id: true, requiresSoteri: true, requirements: { select: { documentTypeCode: true } } } },
      },
    }),
    db.documentType.findMany({
      select: { code: true, nameFi: true, nameSv: true, nameEn: true, maxAgeDays: true, employersOnly: true, hasRegistrationNumber: true },
      orderBy: { code: 'asc' },
    }),
    db.complianceDocument.findMany({
      where: { supersededAt: null, organisation: { registerEntries: { some: where } } },
      select: { id: true, organisationId: true, documentTypeCode: true, issueDate: true, validUntil: true, status: true, supersededAt: true },
    }),
  ])
  const byOrganisation = new Map<string, typeof documents>()
  for (const document of documents) {
    const list = byOrganisation.get(document.organisationId) ?? []
    list.push(document)
    byOrganisation.set(document.organisationId, list)
  }
  const typeByCode = new Map(documentTypes.map((type) => [type.code, type]))
  return entries.map((entry) => {
    const required = requiredDocuments({
      categories: [
        {
          id: entry.category.id,
          requiresSoteri: entry.category.requiresSoteri,
          documentTypeCodes: entry.category.requirements.map((requirement) => requirement.documentTypeCode),
        },
      ],
      documentTypes,
      employsStaff: entry.organisation.employsStaff,
    })
    const items = checklist(required.types, byOrganisation.get(entry.organisationId) ?? [], today)
    return {
      entryId: entry.id,
      organisationId: entry.organisationId,
      lapsedAt: entry.lapsedAt,
      problems: documentProblems(items).map((item) => {
        const { nameFi, nameSv, nameEn } = typeByCode.get(item.code)!
        return { ...item, name: { nameFi, nameSv, nameEn } }
      }),
    }
  })
}
