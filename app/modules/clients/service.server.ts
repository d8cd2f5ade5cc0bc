import type { Prisma } from '~/generated/prisma/client'
import { recordAudit } from '~/modules/audit/audit.server'
import { utcDate } from '~/modules/documents/dates'
import { prisma, type Tx } from '~/utils/db.server'
import { maskIdentityCode, parseIdentityCode } from './identity-code'
import { decryptIdentityCode, encryptIdentityCode, hashIdentityCode, identityCodeHashes } from './identity-code.server'
import type { NameQuery, NewClientInput } from './schema'

/**
 * Clients as staff find, create and view them. The identity code is stored encrypted and found by its keyed hash,
 * never by decrypting rows; staff see it masked, and opening it is audited. Every staff view of a client's data is
 * audited too (`client.viewed`, Client Data Act 703/2023): the client page, and the voucher pages that show the
 * client (recordClientViewed).
 */
export type StaffActor = { id: string }

type Failure<E extends string> = { ok: false; error: E }

export const clientPageSize = 25

const municipalitySelect = { code: true, nameFi: true, nameSv: true, officialLanguages: true } as const

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002'
}

// ─── Finding ────────────────────────────────────────────────────────────────

/** Clients whose first or last name holds every word, by name, a page at a time. */
export async function searchClientsByName(query: NameQuery, requestedPage = 1) {
  if (query.kind !== 'name') return { clients: [], total: 0, page: 1, pageCount: 1 }
  const where: Prisma.ClientWhereInput = {
    anonymisedAt: null,
    AND: query.words.map((word) => ({
      OR: [{ firstName: { contains: word, mode: 'insensitive' as const } }, { lastName: { contains: word, mode: 'insensitive' as const } }],
    })),
  }
  const total = await prisma.client.count({ where })
  const pageCount = Math.max(1, Math.ceil(total / clientPageSize))
  const page = Math.min(Math.max(1, requestedPage), pageCount)
  const clients = await prisma.client.findMany({
    where,
    orderBy: [{ lastName: 'asc' }, { firstName: 'asc' }, { id: 'asc' }],
    skip: (page - 1) * clientPageSize,
    take: clientPageSize,
    select: {
      id: true,
      firstName: true,
      lastName: true,
      dateOfBirth: true,
      municipality: { select: municipalitySelect },
      _count: { select: { vouchers: true } },
    },
  })
  return { clients, total, page, pageCount }
}

/**
 * The client with this identity code (found by its keyed hash, nothing is decrypted), or null. While a hash key
 * rotation runs, rows still hashed with the previous key are found too.
 */
export async function clientIdByIdentityCode(code: string): Promise<string | null> {
  const client = await prisma.client.findFirst({ where: { identityCodeHash: { in: identityCodeHashes(code) } }, select: { id: true } })
  return client?.id ?? null
}

// ─── Creating ───────────────────────────────────────────────────────────────

export type CreateClientResult =
  | { ok: true; clientId: string }
  | (Failure<'duplicate'> & { clientId: string })
  | Failure<'municipalityUnknown' | 'identityCodeInvalid'>

/**
 * A new client with the date of birth of their identity code. A code already registered is refused with the
 * existing client's id (checked first, and by the unique hash when two staff create the same person at once).
 * The audit event carries no identity code.
 */
export async function createClient(actor: StaffActor, input: NewClientInput): Promise<CreateClientResult> {
  const parsed = parseIdentityCode(input.identityCode)
  if (!parsed.ok) return { ok: false, error: 'identityCodeInvalid' }
  const [municipality, existingId] = await Promise.all([
    prisma.municipality.findUnique({ where: { code: input.municipalityCode }, select: { code: true } }),
    clientIdByIdentityCode(parsed.code),
  ])
  if (existingId) return { ok: false, error: 'duplicate', clientId: existingId }
  if (!municipality) return { ok: false, error: 'municipalityUnknown' }
  try {
    const clientId = await prisma.$transaction(async (tx) => {
      const client = await tx.client.create({
        data: {
          firstName: input.firstName,
          lastName: input.lastName,
          dateOfBirth: utcDate(parsed.dateOfBirth),
          identityCodeCipher: encryptIdentityCode(parsed.code),
          identityCodeHash: hashIdentityCode(parsed.code),
          municipalityCode: input.municipalityCode,
          preferredLanguage: input.preferredLanguage,
          streetAddress: input.streetAddress,
          postalCode: input.postalCode,
          phone: input.phone ?? null,
          email: input.email ?? null,
        },
        select: { id: true },
      })
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'client.create',
        entityType: 'Client',
        entityId: client.id,
        after: { municipalityCode: input.municipalityCode, preferredLanguage: input.preferredLanguage },
      })
      return client.id
    })
    return { ok: true, clientId }
  } catch (error) {
    if (!isUniqueViolation(error)) throw error
    const clientId = await clientIdByIdentityCode(parsed.code)
    if (!clientId) throw error
    return { ok: false, error: 'duplicate', clientId }
  }
}

// ─── Viewing ────────────────────────────────────────────────────────────────

/** Where staff saw the client's data; kept in the audit event. */
export type ClientViewPlace = 'client-page' | 'voucher-page' | 'decision-letter'

/** Records, in the caller's transaction, that a staff member saw the client's data (and where). */
export async function recordClientViewed(tx: Tx, actor: StaffActor, clientId: string, place: ClientViewPlace, voucherId?: string): Promise<void> {
  await recordAudit(tx, {
    actorId: actor.id,
    action: 'client.viewed',
    entityType: 'Client',
    entityId: clientId,
    after: voucherId ? { place, voucherId } : { place },
  })
}

/**
 * The client page: details with the identity code masked, and the client's vouchers, newest first. Opening it is
 * recorded (`client.viewed`). Null for an unknown or anonymised client (nothing recorded: there is nothing to see).
 */
export async function clientForStaff(actor: StaffActor, clientId: string) {
  return prisma.$transaction(async (tx) => {
    const client = await tx.client.findUnique({
      where: { id: clientId, anonymisedAt: null },
      select: {
        id: true,
        firstName: true,
        lastName: true,
        dateOfBirth: true,
        identityCodeCipher: true,
        municipality: { select: municipalitySelect },
        preferredLanguage: true,
        streetAddress: true,
        postalCode: true,
        phone: true,
        email: true,
        createdAt: true,
        vouchers: {
          orderBy: [{ decisionDate: 'desc' }, { createdAt: 'desc' }],
          select: {
            id: true,
            code: true,
            status: true,
            decisionNumber: true,
            decisionDate: true,
            validFrom: true,
            validTo: true,
            category: { select: { nameFi: true, nameSv: true, nameEn: true } },
          },
        },
      },
    })
    if (!client) return null
    await recordClientViewed(tx, actor, client.id, 'client-page')
    const { identityCodeCipher, ...rest } = client
    return { ...rest, maskedIdentityCode: maskIdentityCode(decryptIdentityCode(identityCodeCipher)) }
  })
}

/**
 * Opens the client's identity code for a staff member; the opening is recorded first. Null for an unknown or
 * anonymised client.
 */
export async function revealIdentityCode(actor: StaffActor, clientId: string): Promise<string | null> {
  return prisma.$transaction(async (tx) => {
    const client = await tx.client.findUnique({ where: { id: clientId, anonymisedAt: null }, select: { id: true, identityCodeCipher: true } })
    if (!client) return null
    await recordAudit(tx, { actorId: actor.id, action: 'client.identity-code-viewed', entityType: 'Client', entityId: client.id })
    return decryptIdentityCode(client.identityCodeCipher)
  })
}
