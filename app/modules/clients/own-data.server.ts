import type { StaffRole } from '~/generated/prisma/client'
import { prisma } from '~/utils/db.server'
import { maskIdentityCode } from './identity-code'
import { decryptIdentityCode } from './identity-code.server'
import type { ClientViewPlace } from './service.server'

/**
 * The client's own data page (Client Data Act 703/2023, and GDPR Art. 15): what is stored about them, and who in the
 * welfare area has viewed it. Reached only through the client's session on one of their vouchers; it shows the
 * client behind that voucher, all of their vouchers, and every recorded staff view of their data, newest first.
 */
export const viewListLimit = 200

/** What a staff member saw, as recorded in the audit log. */
export type ViewKind = ClientViewPlace | 'identity-code'

export type ClientView = {
  at: Date
  kind: ViewKind
  staffName: string | null
  staffRole: StaffRole | null
  voucherCode: string | null
}

const viewActions = ['client.viewed', 'client.identity-code-viewed'] as const

function placeOf(action: string, after: unknown): ViewKind {
  if (action === 'client.identity-code-viewed') return 'identity-code'
  const place = typeof after === 'object' && after !== null ? (after as { place?: unknown }).place : undefined
  return place === 'voucher-page' || place === 'decision-letter' ? place : 'client-page'
}

function voucherIdOf(after: unknown): string | null {
  const voucherId = typeof after === 'object' && after !== null ? (after as { voucherId?: unknown }).voucherId : undefined
  return typeof voucherId === 'string' ? voucherId : null
}

/** The data of the client holding the voucher, and the staff views of it; null for an unknown voucher. */
export async function clientOwnData(voucherId: string) {
  const voucher = await prisma.voucher.findUnique({
    where: { id: voucherId },
    select: {
      client: {
        select: {
          id: true,
          firstName: true,
          lastName: true,
          dateOfBirth: true,
          identityCodeCipher: true,
          anonymisedAt: true,
          preferredLanguage: true,
          streetAddress: true,
          postalCode: true,
          phone: true,
          email: true,
          createdAt: true,
          municipality: { select: { code: true, nameFi: true, nameSv: true, officialLanguages: true } },
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
      },
    },
  })
  if (!voucher) return null
  const { identityCodeCipher, anonymisedAt, vouchers, ...client } = voucher.client
  const where = { entityType: 'Client', entityId: client.id, action: { in: [...viewActions] } }
  const [events, viewCount] = await Promise.all([
    prisma.auditEvent.findMany({
      where,
      orderBy: { id: 'desc' },
      take: viewListLimit,
      select: { at: true, action: true, after: true, actor: { select: { name: true, staffRole: true } } },
    }),
    prisma.auditEvent.count({ where }),
  ])
  const codes = new Map(vouchers.map((v) => [v.id, v.code]))
  const views: ClientView[] = events.map((event) => {
    const viewedVoucher = voucherIdOf(event.after)
    return {
      at: event.at,
      kind: placeOf(event.action, event.after),
      staffName: event.actor?.name ?? null,
      staffRole: event.actor?.staffRole ?? null,
      voucherCode: viewedVoucher ? (codes.get(viewedVoucher) ?? null) : null,
    }
  })
  return {
    client: { ...client, maskedIdentityCode: anonymisedAt ? null : maskIdentityCode(decryptIdentityCode(identityCodeCipher)) },
    vouchers,
    views,
    viewCount,
  }
}
