import { createDraft, submit } from '~/modules/applications/service.server'
import { openClientSession } from '~/modules/client-access/session.server'
import { prisma } from '~/utils/db.server'
import { configuredStorage } from '~/utils/storage.server'
import { addAllDocuments, addDocument, createCategories, createRulebooks } from './application-fixtures'
import { createWorld } from './request'
import { createClient, createPublishedOffer, createVoucher } from './voucher-fixtures'

/**
 * The authorization matrix's world (tests/integration/route-access.test.ts): the personas' world (request.ts) plus,
 * for each organisation — A (the personas' one: owner, editor) and B (otherProvider's) — one record of every kind
 * a route address can name, and a client session on A's voucher for the `client` persona.
 *
 * Per side: a membership (A's editor's, B's owner's), a service unit, a published home-care offer, a compliance
 * document with a stored file, an application (A's submitted, B's a draft), a client with a voucher and an accepted
 * choice of the side's offer, a service record in the side's month (A 2026-10, B 2026-09), that month's approved
 * settlement and the voucher's co-payment.
 */
export async function createAccessWorld() {
  const world = await createWorld()
  const categories = await createCategories()
  const rulebooks = await createRulebooks()

  async function side(organisationId: string, ownerId: string, memberId: string, month: string, submitted: boolean) {
    const membership = await prisma.membership.findFirstOrThrow({ where: { organisationId, userId: memberId } })
    const unit = await prisma.serviceUnit.create({ data: { organisationId, kind: 'HOME_VISIT_AREA', name: `Home visits ${month}` } })
    const offer = await createPublishedOffer(organisationId, categories.homeCare.id)
    await addAllDocuments(organisationId, ownerId)
    const document = await addDocument(organisationId, ownerId, 'TRADE_REGISTER_EXTRACT')
    await configuredStorage().put(document.storageKey, Buffer.from(`%PDF-1.7\n% ${document.id}\n%%EOF\n`))
    const member = { id: ownerId, role: 'provider_owner' as const, organisationId }
    const draft = await createDraft(member, organisationId, [categories.supportServices.id])
    if (!draft.ok) throw new Error(`draft refused: ${draft.error}`)
    if (submitted) {
      const result = await submit(member, draft.applicationId, { acceptRulebookId: rulebooks.current.id })
      if (!result.ok) throw new Error(`submission refused: ${result.error}`)
    }
    const client = await createClient()
    const voucher = await createVoucher(client.id, categories.homeCare.id, world.users.reviewer.id, { status: 'ACTIVE' })
    const choice = await prisma.choice.create({
      data: { voucherId: voucher.id, offerId: offer.id, status: 'ACCEPTED', startDate: new Date('2026-01-01'), decidedAt: new Date('2026-01-01') },
    })
    const firstDay = new Date(`${month}-01`)
    await prisma.serviceRecord.create({
      data: {
        voucherId: voucher.id,
        choiceId: choice.id,
        organisationId,
        serviceDate: firstDay,
        month: firstDay,
        unitsHundredths: 200,
        unitPriceCents: offer.priceCents,
        voucherValueCents: voucher.valueCents,
        createdById: ownerId,
      },
    })
    const settlement = await prisma.monthlySettlement.create({
      data: { organisationId, month: firstDay, status: 'APPROVED', approvedById: world.users.reviewer.id, approvedAt: new Date() },
    })
    const payment = await prisma.payment.create({ data: { settlementId: settlement.id, voucherId: voucher.id, amountCents: 1600 } })
    /** the values of a route address's placeholders, by placeholder name */
    const ids = {
      orgId: organisationId,
      membershipId: membership.id,
      unitId: unit.id,
      offerId: offer.id,
      documentId: document.id,
      applicationId: draft.applicationId,
      choiceId: choice.id,
      month,
      clientId: client.id,
      voucherId: voucher.id,
      paymentId: payment.id,
      categoryId: categories.homeCare.id,
    }
    /** what only this side's client may see: its voucher's data */
    const clientSecrets = {
      'choice id': choice.id,
      'client id': client.id,
      "client's name": client.lastName,
      'voucher id': voucher.id,
      'voucher code': voucher.code,
      'payment id': payment.id,
    }
    /** what only this side's members (and staff) may see */
    const providerSecrets = {
      ...clientSecrets,
      'organisation id': organisationId,
      'unit id': unit.id,
      'offer id': offer.id,
      'document id': document.id,
      'application id': draft.applicationId,
    }
    return { ids, providerSecrets, clientSecrets, voucher }
  }

  const a = await side(world.organisation.id, world.users.owner.id, world.users.editor.id, '2026-10', true)
  const b = await side(world.otherOrganisation.id, world.users.otherProvider.id, world.users.otherProvider.id, '2026-09', false)
  const clientCookie = (await openClientSession(a.voucher.id)).split(';')[0] ?? ''
  return { ...world, a, b, clientCookie }
}

export type AccessWorld = Awaited<ReturnType<typeof createAccessWorld>>
export type PlaceholderName = keyof AccessWorld['a']['ids']
