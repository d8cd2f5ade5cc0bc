import { describe, expect, it } from 'vitest'
import { openClientSession } from '~/modules/client-access/session.server'
import { producerProfile } from '~/modules/public-catalogue/details.server'
import { prisma } from '~/utils/db.server'
import { makeRequest, statusOf } from '../../../tests/support/request'
import { createClient, createVoucher, createVoucherWorld, type VoucherWorld } from '../../../tests/support/voucher-fixtures'
import { feedbackOverview, giveFeedback } from './feedback.server'
import { moderateFeedback, moderationQueue } from './moderation.server'
import { producerRating } from './rating.server'

const validTo = new Date('2030-12-31')
const now = new Date('2026-11-23T10:00:00Z')

/** Another client of the world's first offer, its choice in the given state. */
async function clientOf(world: VoucherWorld, choice: { status: 'PENDING' | 'ACCEPTED' | 'ENDED'; startDate?: string; endDate?: string }) {
  const client = await createClient()
  const voucher = await createVoucher(client.id, world.categories.homeCare.id, world.users.reviewer.id, { status: 'ACTIVE', validTo })
  await prisma.choice.create({
    data: {
      voucherId: voucher.id,
      offerId: world.offer.id,
      status: choice.status,
      startDate: choice.startDate ? new Date(choice.startDate) : null,
      endDate: choice.endDate ? new Date(choice.endDate) : null,
    },
  })
  return voucher
}

describe('feedback on producers', () => {
  it('is given only once the service has started, and only on producers that served the voucher', async () => {
    const world = await createVoucherWorld({ validTo })
    const rating = { organisationId: world.organisation.id, rating: 4 }
    const pending = await clientOf(world, { status: 'PENDING' })
    const startsLater = await clientOf(world, { status: 'ACCEPTED', startDate: '2026-12-01' })
    const endedBeforeStart = await clientOf(world, { status: 'ENDED', startDate: '2026-12-01', endDate: '2026-11-20' })
    for (const voucher of [pending, startsLater, endedBeforeStart]) {
      expect(await giveFeedback(voucher.id, rating, now)).toEqual({ ok: false, error: 'notServed' })
      expect(await feedbackOverview(voucher.id, now)).toEqual([])
    }
    // the world's voucher was served by the first organisation, never by the other
    expect(await giveFeedback(world.voucher.id, { organisationId: world.otherOrganisation.id, rating: 1 }, now)).toEqual({ ok: false, error: 'notServed' })
    expect(await giveFeedback(startsLater.id, rating, new Date('2026-12-01T08:00:00Z'))).toEqual({ ok: true })
    const ended = await clientOf(world, { status: 'ENDED', startDate: '2026-02-01', endDate: '2026-05-31' })
    expect(await giveFeedback(ended.id, rating, now)).toEqual({ ok: true })
    expect(await prisma.feedback.count({ where: { organisationId: world.otherOrganisation.id } })).toBe(0)
  })

  it('keeps one feedback per producer, changeable until staff have moderated it', async () => {
    const world = await createVoucherWorld({ validTo })
    const key = { organisationId: world.organisation.id }
    expect(await feedbackOverview(world.voucher.id, now)).toEqual([{ id: world.organisation.id, name: world.organisation.name, feedback: null }])
    expect(await giveFeedback(world.voucher.id, { ...key, rating: 2, text: 'Kom sent.' }, now)).toEqual({ ok: true })
    expect(await giveFeedback(world.voucher.id, { ...key, rating: 4, text: '  Bra och vänlig personal.  ' }, now)).toEqual({ ok: true })
    const rows = await prisma.feedback.findMany({ where: { voucherId: world.voucher.id } })
    expect(rows).toEqual([expect.objectContaining({ rating: 4, text: 'Bra och vänlig personal.', moderation: 'PENDING' })])
    expect((await prisma.auditEvent.findMany({ where: { entityId: rows[0]!.id }, orderBy: [{ at: 'asc' }, { id: 'asc' }] })).map((event) => event.action)).toEqual([
      'feedback.give',
      'feedback.change',
    ])

    expect(await moderateFeedback(world.users.reviewer, rows[0]!.id, 'approve')).toEqual({ ok: true })
    expect(await giveFeedback(world.voucher.id, { ...key, rating: 1 }, now)).toEqual({ ok: false, error: 'alreadyModerated' })
    expect(await prisma.feedback.findUniqueOrThrow({ where: { id: rows[0]!.id } })).toMatchObject({ rating: 4, moderation: 'APPROVED' })
  })

  it('shows the average publicly only from five ratings, and only approved texts', async () => {
    const world = await createVoucherWorld({ validTo })
    const ratings = [5, 4, 4, 3]
    const vouchers = [world.voucher, ...(await Promise.all(ratings.slice(1).map(() => clientOf(world, { status: 'ACCEPTED', startDate: '2026-03-01' }))))]
    for (const [index, voucher] of vouchers.entries()) {
      await giveFeedback(voucher.id, { organisationId: world.organisation.id, rating: ratings[index]!, text: index < 2 ? `Text ${index}` : undefined }, now)
    }
    expect(await producerRating(world.organisation.id)).toEqual({ summary: null, texts: [] })

    const fifth = await clientOf(world, { status: 'ENDED', startDate: '2026-03-01', endDate: '2026-06-30' })
    await giveFeedback(fifth.id, { organisationId: world.organisation.id, rating: 5, text: 'Text 4' }, now)
    const rating = await producerRating(world.organisation.id)
    expect(rating.summary).toEqual({ average: 4.2, count: 5 })
    expect(rating.texts).toEqual([])

    const pending = await prisma.feedback.findMany({ where: { organisationId: world.organisation.id, text: { not: null } }, orderBy: { text: 'asc' } })
    await moderateFeedback(world.users.reviewer, pending[0]!.id, 'approve')
    await moderateFeedback(world.users.reviewer, pending[1]!.id, 'reject')
    expect((await producerRating(world.organisation.id)).texts.map((feedback) => feedback.text)).toEqual(['Text 0'])
    // a rejected text still counts in the average
    expect((await producerRating(world.organisation.id)).summary).toEqual({ average: 4.2, count: 5 })
    // and the public profile carries it
    const profile = await producerProfile(world.organisation.id)
    expect(profile?.rating.summary).toEqual({ average: 4.2, count: 5 })
    expect((await producerProfile(world.otherOrganisation.id))?.rating).toEqual({ summary: null, texts: [] })
  })
})

describe('moderating feedback', () => {
  it('lists pending texts first, decides each once and audits who decided', async () => {
    const world = await createVoucherWorld({ validTo })
    await giveFeedback(world.voucher.id, { organisationId: world.organisation.id, rating: 3, text: 'Ok.' }, now)
    const other = await clientOf(world, { status: 'ACCEPTED', startDate: '2026-03-01' })
    await giveFeedback(other.id, { organisationId: world.organisation.id, rating: 5 }, now)
    const queue = await moderationQueue()
    const mine = queue.pending.filter((item) => item.organisation.id === world.organisation.id)
    // a rating without text has nothing to moderate
    expect(mine.map((item) => item.text)).toEqual(['Ok.'])
    const id = mine[0]!.id

    expect(await moderateFeedback(world.users.admin, id, 'reject')).toEqual({ ok: true })
    expect(await moderateFeedback(world.users.reviewer, id, 'approve')).toEqual({ ok: false, error: 'alreadyModerated' })
    expect(await moderateFeedback(world.users.reviewer, 'no-such-feedback', 'approve')).toEqual({ ok: false, error: 'notFound' })
    expect(await prisma.auditEvent.findMany({ where: { entityId: id, action: { startsWith: 'feedback.' } }, orderBy: [{ at: 'asc' }, { id: 'asc' }] })).toEqual([
      expect.objectContaining({ action: 'feedback.give', actorId: null }),
      expect.objectContaining({ action: 'feedback.reject', actorId: world.users.admin.id, after: { moderation: 'REJECTED' } }),
    ])
    expect((await moderationQueue()).decided.map((item) => item.id)).toContain(id)
  })

  it('the staff page: staff decide, providers get 403, anonymous users the login page, unknown ids 404', async () => {
    const world = await createVoucherWorld({ validTo })
    await giveFeedback(world.voucher.id, { organisationId: world.organisation.id, rating: 2, text: 'Kom inte alls.' }, now)
    const feedback = await prisma.feedback.findFirstOrThrow({ where: { voucherId: world.voucher.id } })
    const { loader, action } = await import('~/routes/staff.feedback')
    const post = (cookie: string, form: Record<string, string>) =>
      statusOf(() => action({ request: makeRequest('/staff/feedback', { cookie, form }), params: {}, context: {} }))
    const decision = { feedbackId: feedback.id, decision: 'approve' }
    for (const persona of ['owner', 'editor', 'otherProvider'] as const) {
      expect((await statusOf(() => loader({ request: makeRequest('/staff/feedback', { cookie: world.cookies[persona] }), params: {}, context: {} }))).status).toBe(403)
      expect((await post(world.cookies[persona], decision)).status).toBe(403)
    }
    expect(await post('', decision)).toEqual({ status: 302, location: `/login?${new URLSearchParams({ redirectTo: '/staff/feedback' })}` })
    expect((await prisma.feedback.findUniqueOrThrow({ where: { id: feedback.id } })).moderation).toBe('PENDING')
    // a client's voucher session is no staff login
    const clientCookie = (await openClientSession(world.voucher.id)).split(';')[0] ?? ''
    expect((await post(clientCookie, decision)).status).toBe(302)

    expect((await post(world.cookies.reviewer, { feedbackId: 'no-such-feedback', decision: 'approve' })).status).toBe(404)
    expect((await post(world.cookies.reviewer, { feedbackId: feedback.id, decision: 'publish' })).status).toBe(400)
    expect(await post(world.cookies.reviewer, decision)).toEqual({ status: 302, location: '/staff/feedback' })
    expect((await post(world.cookies.admin, { ...decision, decision: 'reject' })).status).toBe(409)
    expect((await prisma.feedback.findUniqueOrThrow({ where: { id: feedback.id } })).moderation).toBe('APPROVED')
  })
})
