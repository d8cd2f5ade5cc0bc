import { beforeAll, describe, expect, it } from 'vitest'
import { prisma } from '~/utils/db.server'
import { env } from '~/utils/env.server'
import { cookieForUser, createUser, makeRequest, statusOf } from '../../../tests/support/request'
import { businessIdCheckDigit } from './business-id'
import type { OrganisationInput } from './schema'
import {
  acceptInvitation,
  cancelInvitation,
  changeRole,
  createOrganisation,
  describeInvitation,
  inviteMember,
  leaveOrganisation,
  listPendingInvitations,
  removeMember,
  updateOrganisation,
} from './service.server'

/** A fresh valid business ID for each organisation (those named in tests are below 2000000). */
let nextBody = 2000000
function freshBusinessId(): string {
  for (;;) {
    const body = String(nextBody++)
    const check = businessIdCheckDigit(body)
    if (check !== null) return `${body}-${check}`
  }
}

function input(overrides: Partial<OrganisationInput> = {}): OrganisationInput {
  return {
    name: 'Närpes hemvård Ab',
    businessId: freshBusinessId(),
    legalForm: 'COMPANY',
    sector: 'PRIVATE',
    employsStaff: true,
    streetAddress: 'Storgatan 1',
    postalCode: '64200',
    postOffice: 'Närpes',
    municipalityCode: '545',
    phone: '+358 6 123 4567',
    email: 'info@example.fi',
    descriptionSv: 'Hemvård på svenska och finska.',
    ...overrides,
  }
}

async function newOrganisation(ownerId: string, overrides: Partial<OrganisationInput> = {}) {
  const result = await createOrganisation(ownerId, input(overrides))
  if (!result.ok) throw new Error(`could not create the organisation: ${result.error}`)
  return result.organisationId
}

/** The members route itself, loaded on demand (as the route-access test does): access is part of the contract. */
async function membersAction(args: { request: Request; params: { orgId: string }; context: Record<string, never> }) {
  const { action } = await import('~/routes/provider.$orgId.members')
  return action(args)
}

async function lastMailTo(to: string) {
  return prisma.emailOutbox.findFirst({ where: { toAddress: to }, orderBy: { createdAt: 'desc' } })
}

function tokenFrom(props: unknown): string {
  const link = (props as { link: string }).link
  return link.slice(link.lastIndexOf('/') + 1)
}

async function invite(ownerId: string, organisationId: string, email: string, role: 'OWNER' | 'EDITOR' = 'EDITOR') {
  const result = await inviteMember({ id: ownerId, organisationId }, { email, role }, 'fi')
  expect(result.ok).toBe(true)
  const mail = await lastMailTo(email.toLowerCase())
  return tokenFrom(mail?.props)
}

beforeAll(async () => {
  await prisma.municipality.createMany({
    data: [
      { code: '905', nameFi: 'Vaasa', nameSv: 'Vasa', officialLanguages: ['fi', 'sv'], latitude: 63.096, longitude: 21.6158 },
      { code: '545', nameFi: 'Närpiö', nameSv: 'Närpes', officialLanguages: ['sv'], latitude: 62.474, longitude: 21.336 },
    ],
    skipDuplicates: true,
  })
})

describe('registering an organisation', () => {
  it('makes the creator its owner and writes an audit event', async () => {
    const user = await createUser()
    const organisationId = await newOrganisation(user.id, { businessId: '0737546-2' })
    const organisation = await prisma.organisation.findUniqueOrThrow({ where: { id: organisationId } })
    expect(organisation).toMatchObject({ businessId: '0737546-2', descriptionSv: 'Hemvård på svenska och finska.', descriptionFi: null })
    expect(await prisma.membership.findMany({ where: { organisationId }, select: { userId: true, role: true } })).toEqual([
      { userId: user.id, role: 'OWNER' },
    ])
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: 'organisation.create', entityId: organisationId } })
    expect(audit).toMatchObject({ actorId: user.id, entityType: 'Organisation' })
    expect(audit.after).toMatchObject({ businessId: '0737546-2', name: 'Närpes hemvård Ab', owner: user.id })
  })

  it('refuses a business ID already in the register and writes nothing', async () => {
    const first = await createUser()
    const second = await createUser()
    await newOrganisation(first.id, { businessId: '1572860-0' })
    const counts = () => Promise.all([prisma.organisation.count(), prisma.membership.count(), prisma.auditEvent.count()])
    const before = await counts()
    expect(await createOrganisation(second.id, input({ businessId: '1572860-0', name: 'Another name' }))).toEqual({
      ok: false,
      error: 'businessIdTaken',
    })
    expect(await counts()).toEqual(before)
    expect(await prisma.membership.count({ where: { userId: second.id } })).toBe(0)
  })

  it('gives the same answer when two people register the same business ID at once (unique constraint)', async () => {
    const [a, b] = await Promise.all([createUser(), createUser()])
    const results = await Promise.all([
      createOrganisation(a.id, input({ businessId: '1234567-1' })),
      createOrganisation(b.id, input({ businessId: '1234567-1' })),
    ])
    expect(results.filter((result) => result.ok)).toHaveLength(1)
    expect(results.filter((result) => !result.ok)).toEqual([{ ok: false, error: 'businessIdTaken' }])
    expect(await prisma.organisation.count({ where: { businessId: '1234567-1' } })).toBe(1)
    expect(await prisma.membership.count({ where: { organisation: { businessId: '1234567-1' } } })).toBe(1)
  })

  it('refuses an unknown municipality and staff accounts', async () => {
    const user = await createUser()
    const reviewer = await createUser({ staffRole: 'REVIEWER' })
    expect(await createOrganisation(user.id, input({ businessId: '1000000-4', municipalityCode: '999' }))).toEqual({
      ok: false,
      error: 'municipalityUnknown',
    })
    expect(await createOrganisation(reviewer.id, input({ businessId: '1000000-4' }))).toEqual({ ok: false, error: 'staffCannotJoin' })
    expect(await prisma.organisation.count({ where: { businessId: '1000000-4' } })).toBe(0)
  })
})

describe('editing an organisation', () => {
  it('saves the changes with the changed fields before and after in the audit trail; non-members change nothing', async () => {
    const owner = await createUser()
    const outsider = await createUser()
    const organisationId = await newOrganisation(owner.id)
    const { businessId: _businessId, ...details } = input()
    const edited = { ...details, name: 'Närpes hemvård och städ Ab', descriptionFi: 'Kotihoitoa suomeksi ja ruotsiksi.' }
    expect(await updateOrganisation({ id: outsider.id, organisationId }, edited)).toEqual({ ok: false, error: 'notFound' })
    expect(await updateOrganisation({ id: owner.id, organisationId }, edited)).toEqual({ ok: true })
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: 'organisation.update', entityId: organisationId } })
    expect(audit.actorId).toBe(owner.id)
    expect(audit.before).toEqual({ name: 'Närpes hemvård Ab', descriptionFi: null })
    expect(audit.after).toEqual({ name: 'Närpes hemvård och städ Ab', descriptionFi: 'Kotihoitoa suomeksi ja ruotsiksi.' })
    expect(await prisma.auditEvent.count({ where: { action: 'organisation.update', entityId: organisationId } })).toBe(1)
  })
})

describe('invitations', () => {
  it('queues the email in the inviter’s language for a new address, with a link whose token works once', async () => {
    const owner = await createUser({ name: 'Olga Owner' })
    const organisationId = await newOrganisation(owner.id, { name: 'Vasa omsorg rf' })
    const result = await inviteMember({ id: owner.id, organisationId }, { email: 'New.Person@Example.com', role: 'OWNER' }, 'fi')
    expect(result.ok).toBe(true)
    const mail = await lastMailTo('new.person@example.com')
    expect(mail).toMatchObject({ template: 'organisation-invitation', locale: 'fi', status: 'PENDING' })
    expect(mail?.props).toMatchObject({
      name: 'new.person',
      values: { organisation: 'Vasa omsorg rf', inviter: 'Olga Owner', role: 'omistaja' },
    })
    const link = (mail?.props as { link: string }).link
    expect(link).toMatch(new RegExp(`^${env().APP_ORIGIN}/invitations/[\\w-]{43}$`))
    const stored = await prisma.organisationInvitation.findFirstOrThrow({ where: { organisationId } })
    expect(stored).toMatchObject({ email: 'new.person@example.com', role: 'OWNER', acceptedAt: null })
    expect(stored.tokenHash).not.toContain(tokenFrom(mail?.props))
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBeGreaterThan(6.9 * 24 * 60 * 60 * 1000)

    const invitee = await prisma.user.create({
      data: { email: 'new.person@example.com', name: 'New Person', emailVerifiedAt: new Date() },
    })
    const token = tokenFrom(mail?.props)
    expect(await describeInvitation(invitee.id, token)).toMatchObject({ state: 'open', organisationName: 'Vasa omsorg rf', role: 'OWNER' })
    expect(await acceptInvitation(invitee.id, { token })).toEqual({ ok: true, organisationId, alreadyMember: false })
    expect(await prisma.membership.findFirst({ where: { organisationId, userId: invitee.id }, select: { role: true } })).toEqual({
      role: 'OWNER',
    })
    expect(await acceptInvitation(invitee.id, { token })).toEqual({ ok: false, error: 'invitationInvalid' })
    expect(await describeInvitation(invitee.id, token)).toEqual({ state: 'invalid' })
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: 'organisation.member-join', entityId: organisationId } })
    expect(audit).toMatchObject({ actorId: invitee.id })
    expect(await prisma.auditEvent.count({ where: { action: 'organisation.invite', entityId: organisationId } })).toBe(1)
  })

  it('writes to an existing user in their own language and name', async () => {
    const owner = await createUser()
    const organisationId = await newOrganisation(owner.id)
    const invitee = await prisma.user.create({
      data: { email: 'english.reader@example.com', name: 'Erin Reader', locale: 'en', emailVerifiedAt: new Date() },
    })
    await invite(owner.id, organisationId, invitee.email)
    const mail = await lastMailTo(invitee.email)
    expect(mail).toMatchObject({ locale: 'en', props: { name: 'Erin Reader', values: { role: 'editor' } } })
  })

  it('refuses a signed-in user whose address is not the invited one, and reveals nothing to them', async () => {
    const owner = await createUser()
    const organisationId = await newOrganisation(owner.id, { name: 'Secret name Ab' })
    const token = await invite(owner.id, organisationId, 'invited@example.com')
    const someoneElse = await createUser()
    expect(await acceptInvitation(someoneElse.id, { token })).toEqual({ ok: false, error: 'wrongUser' })
    expect(await describeInvitation(someoneElse.id, token)).toEqual({ state: 'wrongUser' })
    expect(await prisma.membership.count({ where: { organisationId, userId: someoneElse.id } })).toBe(0)
    // the invitation stays open for the right person, whatever the case of their address
    const invited = await prisma.user.create({ data: { email: 'Invited@Example.com', name: 'Invited', emailVerifiedAt: new Date() } })
    expect(await acceptInvitation(invited.id, { token })).toMatchObject({ ok: true, organisationId })
  })

  it('lists open invitations for the user’s address, accepted by id only by that user', async () => {
    const owner = await createUser()
    const organisationId = await newOrganisation(owner.id, { name: 'Listed Oy' })
    const invitee = await createUser()
    const other = await createUser()
    await invite(owner.id, organisationId, invitee.email)
    const [pending] = await listPendingInvitations(invitee)
    expect(pending).toMatchObject({ role: 'EDITOR', organisation: { name: 'Listed Oy' } })
    expect(await listPendingInvitations(other)).toEqual([])
    expect(await acceptInvitation(other.id, { invitationId: pending?.id ?? '' })).toEqual({ ok: false, error: 'invitationInvalid' })
    expect(await acceptInvitation(invitee.id, { invitationId: pending?.id ?? '' })).toMatchObject({ ok: true })
    expect(await listPendingInvitations(invitee)).toEqual([])
  })

  it('ends earlier links when the same address is invited again, and when the invitation is withdrawn', async () => {
    const owner = await createUser()
    const organisationId = await newOrganisation(owner.id)
    const invitee = await createUser()
    const first = await invite(owner.id, organisationId, invitee.email)
    const second = await invite(owner.id, organisationId, invitee.email)
    expect(await acceptInvitation(invitee.id, { token: first })).toEqual({ ok: false, error: 'invitationInvalid' })
    const invitation = await prisma.organisationInvitation.findFirstOrThrow({
      where: { organisationId, acceptedAt: null, expiresAt: { gt: new Date() } },
    })
    expect(await cancelInvitation({ id: owner.id, organisationId }, invitation.id)).toEqual({ ok: true })
    expect(await acceptInvitation(invitee.id, { token: second })).toEqual({ ok: false, error: 'invitationInvalid' })
  })

  it('refuses expired invitations and members already in the organisation', async () => {
    const owner = await createUser()
    const organisationId = await newOrganisation(owner.id)
    const invitee = await createUser()
    const token = await invite(owner.id, organisationId, invitee.email)
    expect(await acceptInvitation(invitee.id, { token }, new Date(Date.now() + 8 * 24 * 60 * 60 * 1000))).toEqual({
      ok: false,
      error: 'invitationInvalid',
    })
    expect(await inviteMember({ id: owner.id, organisationId }, { email: owner.email, role: 'EDITOR' }, 'sv')).toEqual({
      ok: false,
      error: 'alreadyMember',
    })
  })

  it('an editor cannot invite: the members route answers 403 and nothing is sent', async () => {
    const owner = await createUser()
    const editor = await createUser()
    const organisationId = await newOrganisation(owner.id)
    await prisma.membership.create({ data: { organisationId, userId: editor.id, role: 'EDITOR' } })
    const form = { intent: 'invite', email: 'friend@example.com', role: 'EDITOR' }
    const path = `/provider/${organisationId}/members`
    const asEditor = makeRequest(path, { cookie: await cookieForUser(editor.id), form })
    expect(await statusOf(() => membersAction({ request: asEditor, params: { orgId: organisationId }, context: {} }))).toMatchObject({
      status: 403,
    })
    expect(await prisma.organisationInvitation.count({ where: { organisationId } })).toBe(0)
    expect(await lastMailTo('friend@example.com')).toBeNull()
    // the service refuses too, should a route forget to check
    expect(await inviteMember({ id: editor.id, organisationId }, { email: 'friend@example.com', role: 'OWNER' }, 'sv')).toEqual({
      ok: false,
      error: 'notOwner',
    })

    const asOwner = makeRequest(path, { cookie: await cookieForUser(owner.id), form })
    expect(await statusOf(() => membersAction({ request: asOwner, params: { orgId: organisationId }, context: {} }))).toEqual({
      status: 302,
      location: path,
    })
    expect(await lastMailTo('friend@example.com')).toMatchObject({ template: 'organisation-invitation', locale: 'sv' })
  })
})

describe('members', () => {
  it('the last owner can neither leave, be removed nor be made an editor', async () => {
    const owner = await createUser()
    const editor = await createUser()
    const organisationId = await newOrganisation(owner.id)
    const editorMembership = await prisma.membership.create({ data: { organisationId, userId: editor.id, role: 'EDITOR' } })
    const ownerMembership = await prisma.membership.findUniqueOrThrow({
      where: { userId_organisationId: { userId: owner.id, organisationId } },
    })
    const actor = { id: owner.id, organisationId }
    expect(await leaveOrganisation(actor)).toEqual({ ok: false, error: 'lastOwner' })
    expect(await removeMember(actor, ownerMembership.id)).toEqual({ ok: false, error: 'lastOwner' })
    expect(await changeRole(actor, ownerMembership.id, 'EDITOR')).toEqual({ ok: false, error: 'lastOwner' })
    expect(await prisma.membership.findUnique({ where: { id: ownerMembership.id }, select: { role: true } })).toEqual({ role: 'OWNER' })

    // with a second owner, the first may step down and then leave
    expect(await changeRole(actor, editorMembership.id, 'OWNER')).toEqual({ ok: true })
    expect(await changeRole(actor, ownerMembership.id, 'EDITOR')).toEqual({ ok: true })
    expect(await leaveOrganisation(actor)).toEqual({ ok: true })
    expect(await prisma.membership.findMany({ where: { organisationId }, select: { userId: true, role: true } })).toEqual([
      { userId: editor.id, role: 'OWNER' },
    ])
    expect(
      await prisma.auditEvent.findMany({
        where: { entityId: organisationId, action: { startsWith: 'organisation.member' } },
        select: { action: true },
        orderBy: { id: 'asc' },
      }),
    ).toEqual([
      { action: 'organisation.member-role-change' },
      { action: 'organisation.member-role-change' },
      { action: 'organisation.member-leave' },
    ])
  })

  it('an editor may leave, and an owner may remove an editor', async () => {
    const owner = await createUser()
    const [leaver, removed] = await Promise.all([createUser(), createUser()])
    const organisationId = await newOrganisation(owner.id)
    await prisma.membership.create({ data: { organisationId, userId: leaver.id, role: 'EDITOR' } })
    const membership = await prisma.membership.create({ data: { organisationId, userId: removed.id, role: 'EDITOR' } })
    expect(await leaveOrganisation({ id: leaver.id, organisationId })).toEqual({ ok: true })
    expect(await removeMember({ id: owner.id, organisationId }, membership.id)).toEqual({ ok: true })
    expect(await prisma.membership.count({ where: { organisationId } })).toBe(1)
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: 'organisation.member-remove', entityId: organisationId } })
    expect(audit.before).toMatchObject({ membershipId: membership.id, userId: removed.id, role: 'EDITOR' })
  })

  it('another organisation’s membership cannot be removed or changed from this organisation', async () => {
    const ownerA = await createUser()
    const ownerB = await createUser()
    const editorB = await createUser()
    const organisationA = await newOrganisation(ownerA.id)
    const organisationB = await newOrganisation(ownerB.id)
    const membershipB = await prisma.membership.create({ data: { organisationId: organisationB, userId: editorB.id, role: 'EDITOR' } })
    const actorA = { id: ownerA.id, organisationId: organisationA }
    expect(await removeMember(actorA, membershipB.id)).toEqual({ ok: false, error: 'notFound' })
    expect(await changeRole(actorA, membershipB.id, 'OWNER')).toEqual({ ok: false, error: 'notFound' })
    const path = `/provider/${organisationA}/members`
    const request = makeRequest(path, { cookie: await cookieForUser(ownerA.id), form: { intent: 'remove', membershipId: membershipB.id } })
    expect(await statusOf(() => membersAction({ request, params: { orgId: organisationA }, context: {} }))).toMatchObject({ status: 404 })
    expect(await prisma.membership.findUnique({ where: { id: membershipB.id }, select: { role: true } })).toEqual({ role: 'EDITOR' })
    // nor can an owner of A act in B by naming B's id while being a member of A only
    expect(await removeMember({ id: ownerA.id, organisationId: organisationB }, membershipB.id)).toEqual({ ok: false, error: 'notOwner' })
  })
})
