import type { Locale, MemberRole } from '~/generated/prisma/client'
import { translator } from '~/i18n.server'
import { recordAudit } from '~/modules/audit/audit.server'
import { enqueueEmail } from '~/modules/email/outbox.server'
import { prisma, type Tx } from '~/utils/db.server'
import { env } from '~/utils/env.server'
import { hashToken, newToken } from '~/utils/tokens.server'
import { invitationValidDays, type InvitationInput, type OrganisationEditInput, type OrganisationInput } from './schema'

/**
 * Organisations and their members. Functions take the acting user and the organisation they act in as plain
 * arguments (the route has checked the permission); every query names that organisation in its `where`, so an id
 * belonging to another organisation is simply not found.
 */
export type OrganisationActor = { id: string; organisationId: string }

type Failure<E extends string> = { ok: false; error: E }

const editableFields = [
  'name',
  'legalForm',
  'sector',
  'employsStaff',
  'streetAddress',
  'postalCode',
  'postOffice',
  'municipalityCode',
  'phone',
  'email',
  'website',
  'descriptionFi',
  'descriptionSv',
  'descriptionEn',
] as const
type EditableField = (typeof editableFields)[number]

/** Form values as stored: optional texts left empty become null. */
function storedValues(input: OrganisationEditInput) {
  return {
    name: input.name,
    legalForm: input.legalForm,
    sector: input.sector,
    employsStaff: input.employsStaff,
    streetAddress: input.streetAddress,
    postalCode: input.postalCode,
    postOffice: input.postOffice,
    municipalityCode: input.municipalityCode,
    phone: input.phone,
    email: input.email,
    website: input.website || null,
    descriptionFi: input.descriptionFi || null,
    descriptionSv: input.descriptionSv || null,
    descriptionEn: input.descriptionEn || null,
  }
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002'
}

/** Serialises member changes of one organisation, so two owners cannot both leave at the same moment. */
async function lockOrganisation(tx: Tx, organisationId: string): Promise<void> {
  await tx.$queryRaw`SELECT "id" FROM "Organisation" WHERE "id" = ${organisationId} FOR UPDATE`
}

function ownerCount(tx: Tx, organisationId: string): Promise<number> {
  return tx.membership.count({ where: { organisationId, role: 'OWNER' } })
}

async function isOwner(tx: Tx, actor: OrganisationActor): Promise<boolean> {
  const membership = await tx.membership.findUnique({
    where: { userId_organisationId: { userId: actor.id, organisationId: actor.organisationId } },
    select: { role: true },
  })
  return membership?.role === 'OWNER'
}

// ─── Reference data ─────────────────────────────────────────────────────────

export function listMunicipalities() {
  return prisma.municipality.findMany({
    select: { code: true, nameFi: true, nameSv: true, officialLanguages: true },
    orderBy: { code: 'asc' },
  })
}

// ─── Organisation ───────────────────────────────────────────────────────────

export type CreateOrganisationResult =
  | { ok: true; organisationId: string }
  | Failure<'businessIdTaken' | 'municipalityUnknown' | 'staffCannotJoin'>

/**
 * A signed-up provider user registers their organisation and becomes its owner. A business ID already in the
 * register is refused (checked first, and by the unique constraint when two people register it at once); the
 * answer never names the organisation that holds it.
 */
export async function createOrganisation(actorId: string, input: OrganisationInput): Promise<CreateOrganisationResult> {
  const [actor, municipality, existing] = await Promise.all([
    prisma.user.findUnique({ where: { id: actorId }, select: { staffRole: true } }),
    prisma.municipality.findUnique({ where: { code: input.municipalityCode }, select: { code: true } }),
    prisma.organisation.findUnique({ where: { businessId: input.businessId }, select: { id: true } }),
  ])
  if (!actor || actor.staffRole) return { ok: false, error: 'staffCannotJoin' }
  if (!municipality) return { ok: false, error: 'municipalityUnknown' }
  if (existing) return { ok: false, error: 'businessIdTaken' }
  const values = { ...storedValues(input), businessId: input.businessId }
  try {
    const organisation = await prisma.$transaction(async (tx) => {
      const created = await tx.organisation.create({
        data: { ...values, memberships: { create: { userId: actorId, role: 'OWNER' } } },
        select: { id: true },
      })
      await recordAudit(tx, {
        actorId,
        action: 'organisation.create',
        entityType: 'Organisation',
        entityId: created.id,
        after: { ...values, owner: actorId },
      })
      return created
    })
    return { ok: true, organisationId: organisation.id }
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, error: 'businessIdTaken' }
    throw error
  }
}

/** Everything the overview and the edit form show, for a member of the organisation (null otherwise). */
export function getOrganisation(member: OrganisationActor) {
  return prisma.organisation.findFirst({
    where: { id: member.organisationId, memberships: { some: { userId: member.id } } },
    select: {
      id: true,
      name: true,
      businessId: true,
      legalForm: true,
      sector: true,
      employsStaff: true,
      streetAddress: true,
      postalCode: true,
      postOffice: true,
      municipalityCode: true,
      municipality: { select: { code: true, nameFi: true, nameSv: true, officialLanguages: true } },
      phone: true,
      email: true,
      website: true,
      descriptionFi: true,
      descriptionSv: true,
      descriptionEn: true,
      updatedAt: true,
    },
  })
}

export type UpdateOrganisationResult = { ok: true } | Failure<'notFound' | 'municipalityUnknown'>

/** A member edits the details (not the business ID); the audit event keeps the changed fields before and after. */
export async function updateOrganisation(member: OrganisationActor, input: OrganisationEditInput): Promise<UpdateOrganisationResult> {
  const values = storedValues(input)
  return prisma.$transaction(async (tx) => {
    const before = await tx.organisation.findFirst({
      where: { id: member.organisationId, memberships: { some: { userId: member.id } } },
      select: Object.fromEntries(editableFields.map((field) => [field, true])) as Record<EditableField, true>,
    })
    if (!before) return { ok: false, error: 'notFound' } as const
    const municipality = await tx.municipality.findUnique({ where: { code: values.municipalityCode }, select: { code: true } })
    if (!municipality) return { ok: false, error: 'municipalityUnknown' } as const
    const changed = editableFields.filter((field) => before[field] !== values[field])
    if (changed.length === 0) return { ok: true } as const
    await tx.organisation.update({ where: { id: member.organisationId }, data: values })
    await recordAudit(tx, {
      actorId: member.id,
      action: 'organisation.update',
      entityType: 'Organisation',
      entityId: member.organisationId,
      before: Object.fromEntries(changed.map((field) => [field, before[field]])),
      after: Object.fromEntries(changed.map((field) => [field, values[field]])),
    })
    return { ok: true } as const
  })
}

// ─── Members and invitations ────────────────────────────────────────────────

/** The organisation's members (owners first) and its open invitations. */
export async function listMembers(owner: OrganisationActor, now = new Date()) {
  const [members, invitations] = await Promise.all([
    prisma.membership.findMany({
      where: { organisationId: owner.organisationId },
      select: { id: true, role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
      orderBy: [{ role: 'asc' }, { user: { name: 'asc' } }],
    }),
    prisma.organisationInvitation.findMany({
      where: { organisationId: owner.organisationId, acceptedAt: null, expiresAt: { gt: now } },
      select: { id: true, email: true, role: true, expiresAt: true, invitedBy: { select: { name: true } } },
      orderBy: { createdAt: 'asc' },
    }),
  ])
  return { members, invitations }
}

export type InviteMemberResult = { ok: true; invitationId: string } | Failure<'notOwner' | 'alreadyMember'>

/**
 * An owner invites someone by email. The invitation link carries a random token (only its hash is stored), valid
 * for seven days; a new invitation to the same address ends the earlier open ones. The email goes out in the
 * invitee's language when they already have an account, otherwise in the inviter's (`fallbackLocale`).
 */
export async function inviteMember(
  owner: OrganisationActor,
  input: InvitationInput,
  fallbackLocale: Locale,
  now = new Date(),
): Promise<InviteMemberResult> {
  const email = input.email.trim().toLowerCase()
  const invitee = await prisma.user.findUnique({ where: { email }, select: { name: true, locale: true } })
  const locale = invitee?.locale ?? fallbackLocale
  const t = await translator(locale, 'common')
  const { token, tokenHash } = newToken()
  return prisma.$transaction(async (tx) => {
    if (!(await isOwner(tx, owner))) return { ok: false, error: 'notOwner' } as const
    const member = await tx.membership.findFirst({
      where: { organisationId: owner.organisationId, user: { email } },
      select: { id: true },
    })
    if (member) return { ok: false, error: 'alreadyMember' } as const
    const [organisation, inviter] = await Promise.all([
      tx.organisation.findUniqueOrThrow({ where: { id: owner.organisationId }, select: { name: true } }),
      tx.user.findUniqueOrThrow({ where: { id: owner.id }, select: { name: true } }),
    ])
    await tx.organisationInvitation.updateMany({
      where: { organisationId: owner.organisationId, email, acceptedAt: null, expiresAt: { gt: now } },
      data: { expiresAt: now },
    })
    const invitation = await tx.organisationInvitation.create({
      data: {
        organisationId: owner.organisationId,
        email,
        role: input.role,
        tokenHash,
        invitedById: owner.id,
        expiresAt: new Date(now.getTime() + invitationValidDays * 24 * 60 * 60 * 1000),
      },
      select: { id: true },
    })
    await enqueueEmail(tx, {
      to: email,
      locale,
      template: 'organisation-invitation',
      props: {
        name: invitee?.name ?? email.split('@')[0] ?? '',
        values: { organisation: organisation.name, inviter: inviter.name, role: t(`memberRoles.${input.role}`) },
        link: `${env().APP_ORIGIN}/invitations/${token}`,
      },
    })
    await recordAudit(tx, {
      actorId: owner.id,
      action: 'organisation.invite',
      entityType: 'Organisation',
      entityId: owner.organisationId,
      after: { invitationId: invitation.id, email, role: input.role },
    })
    return { ok: true, invitationId: invitation.id } as const
  })
}

export type CancelInvitationResult = { ok: true } | Failure<'notOwner' | 'notFound'>

/** An owner withdraws an open invitation: its link stops working. */
export async function cancelInvitation(owner: OrganisationActor, invitationId: string, now = new Date()): Promise<CancelInvitationResult> {
  return prisma.$transaction(async (tx) => {
    if (!(await isOwner(tx, owner))) return { ok: false, error: 'notOwner' } as const
    const invitation = await tx.organisationInvitation.findFirst({
      where: { id: invitationId, organisationId: owner.organisationId, acceptedAt: null, expiresAt: { gt: now } },
      select: { id: true, email: true, role: true },
    })
    if (!invitation) return { ok: false, error: 'notFound' } as const
    await tx.organisationInvitation.updateMany({
      where: { id: invitation.id, organisationId: owner.organisationId },
      data: { expiresAt: now },
    })
    await recordAudit(tx, {
      actorId: owner.id,
      action: 'organisation.invitation-cancel',
      entityType: 'Organisation',
      entityId: owner.organisationId,
      before: { invitationId: invitation.id, email: invitation.email, role: invitation.role },
    })
    return { ok: true } as const
  })
}

/** Open invitations sent to the user's address, for organisations they are not yet a member of. */
export function listPendingInvitations(user: { id: string; email: string }, now = new Date()) {
  return prisma.organisationInvitation.findMany({
    where: {
      email: user.email.toLowerCase(),
      acceptedAt: null,
      expiresAt: { gt: now },
      organisation: { memberships: { none: { userId: user.id } } },
    },
    select: {
      id: true,
      role: true,
      expiresAt: true,
      organisation: { select: { name: true } },
      invitedBy: { select: { name: true } },
    },
    orderBy: { createdAt: 'asc' },
  })
}

export type InvitationView =
  | { state: 'invalid' }
  | { state: 'wrongUser' }
  | { state: 'staff' }
  | { state: 'alreadyMember'; organisationId: string; organisationName: string }
  | { state: 'open'; organisationName: string; inviterName: string; role: MemberRole; expiresAt: Date }

/**
 * What the invitation page may show to the signed-in user. Someone signed in with another address learns
 * nothing about the invitation, not even the organisation's name.
 */
export async function describeInvitation(userId: string, token: string, now = new Date()): Promise<InvitationView> {
  const [user, invitation] = await Promise.all([
    prisma.user.findUnique({ where: { id: userId }, select: { email: true, staffRole: true } }),
    prisma.organisationInvitation.findFirst({
      where: { tokenHash: hashToken(token), acceptedAt: null, expiresAt: { gt: now } },
      select: {
        email: true,
        role: true,
        expiresAt: true,
        organisationId: true,
        organisation: { select: { name: true } },
        invitedBy: { select: { name: true } },
      },
    }),
  ])
  if (!user || !invitation) return { state: 'invalid' }
  if (invitation.email !== user.email.toLowerCase()) return { state: 'wrongUser' }
  if (user.staffRole) return { state: 'staff' }
  const membership = await prisma.membership.findUnique({
    where: { userId_organisationId: { userId, organisationId: invitation.organisationId } },
    select: { id: true },
  })
  if (membership) {
    return { state: 'alreadyMember', organisationId: invitation.organisationId, organisationName: invitation.organisation.name }
  }
  return {
    state: 'open',
    organisationName: invitation.organisation.name,
    inviterName: invitation.invitedBy.name,
    role: invitation.role,
    expiresAt: invitation.expiresAt,
  }
}

export type AcceptInvitationResult =
  | { ok: true; organisationId: string; alreadyMember: boolean }
  | Failure<'invitationInvalid' | 'wrongUser' | 'staffCannotJoin'>

/**
 * The signed-in user accepts an invitation, named by the token of its link or (from the user's own list of
 * invitations) by its id. The invitation's address must be the user's (case does not matter); each invitation
 * is used once. Someone who is already a member keeps their role.
 */
export async function acceptInvitation(
  userId: string,
  invitation: { token: string } | { invitationId: string },
  now = new Date(),
): Promise<AcceptInvitationResult> {
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true, staffRole: true } })
    if (!user) return { ok: false, error: 'invitationInvalid' } as const
    const email = user.email.toLowerCase()
    const row = await tx.organisationInvitation.findFirst({
      where:
        'token' in invitation
          ? { tokenHash: hashToken(invitation.token), acceptedAt: null, expiresAt: { gt: now } }
          : { id: invitation.invitationId, email, acceptedAt: null, expiresAt: { gt: now } },
      select: { id: true, email: true, role: true, organisationId: true },
    })
    if (!row) return { ok: false, error: 'invitationInvalid' } as const
    if (row.email !== email) return { ok: false, error: 'wrongUser' } as const
    if (user.staffRole) return { ok: false, error: 'staffCannotJoin' } as const
    const claimed = await tx.organisationInvitation.updateMany({
      where: { id: row.id, organisationId: row.organisationId, acceptedAt: null },
      data: { acceptedAt: now },
    })
    if (claimed.count !== 1) return { ok: false, error: 'invitationInvalid' } as const
    const existing = await tx.membership.findUnique({
      where: { userId_organisationId: { userId, organisationId: row.organisationId } },
      select: { id: true },
    })
    if (existing) return { ok: true, organisationId: row.organisationId, alreadyMember: true } as const
    const membership = await tx.membership.create({
      data: { userId, organisationId: row.organisationId, role: row.role },
      select: { id: true },
    })
    await recordAudit(tx, {
      actorId: userId,
      action: 'organisation.member-join',
      entityType: 'Organisation',
      entityId: row.organisationId,
      after: { membershipId: membership.id, userId, role: row.role, invitationId: row.id },
    })
    return { ok: true, organisationId: row.organisationId, alreadyMember: false } as const
  })
}

export type MemberChangeResult = { ok: true } | Failure<'notOwner' | 'notFound' | 'lastOwner'>

/** An owner removes a member of their organisation. The last owner cannot be removed. */
export async function removeMember(owner: OrganisationActor, membershipId: string): Promise<MemberChangeResult> {
  return prisma.$transaction(async (tx) => {
    await lockOrganisation(tx, owner.organisationId)
    if (!(await isOwner(tx, owner))) return { ok: false, error: 'notOwner' } as const
    const target = await tx.membership.findFirst({
      where: { id: membershipId, organisationId: owner.organisationId },
      select: { id: true, userId: true, role: true },
    })
    if (!target) return { ok: false, error: 'notFound' } as const
    if (target.role === 'OWNER' && (await ownerCount(tx, owner.organisationId)) <= 1) return { ok: false, error: 'lastOwner' } as const
    await tx.membership.deleteMany({ where: { id: target.id, organisationId: owner.organisationId } })
    await recordAudit(tx, {
      actorId: owner.id,
      action: 'organisation.member-remove',
      entityType: 'Organisation',
      entityId: owner.organisationId,
      before: { membershipId: target.id, userId: target.userId, role: target.role },
    })
    return { ok: true } as const
  })
}

/** An owner changes a member's role. The last owner cannot be made an editor. */
export async function changeRole(owner: OrganisationActor, membershipId: string, role: MemberRole): Promise<MemberChangeResult> {
  return prisma.$transaction(async (tx) => {
    await lockOrganisation(tx, owner.organisationId)
    if (!(await isOwner(tx, owner))) return { ok: false, error: 'notOwner' } as const
    const target = await tx.membership.findFirst({
      where: { id: membershipId, organisationId: owner.organisationId },
      select: { id: true, userId: true, role: true },
    })
    if (!target) return { ok: false, error: 'notFound' } as const
    if (target.role === role) return { ok: true } as const
    if (target.role === 'OWNER' && (await ownerCount(tx, owner.organisationId)) <= 1) return { ok: false, error: 'lastOwner' } as const
    await tx.membership.updateMany({ where: { id: target.id, organisationId: owner.organisationId }, data: { role } })
    await recordAudit(tx, {
      actorId: owner.id,
      action: 'organisation.member-role-change',
      entityType: 'Organisation',
      entityId: owner.organisationId,
      before: { membershipId: target.id, userId: target.userId, role: target.role },
      after: { membershipId: target.id, userId: target.userId, role },
    })
    return { ok: true } as const
  })
}

export type LeaveResult = { ok: true } | Failure<'notFound' | 'lastOwner'>

/** A member leaves the organisation. The last owner cannot leave: they first make someone else an owner. */
export async function leaveOrganisation(member: OrganisationActor): Promise<LeaveResult> {
  return prisma.$transaction(async (tx) => {
    await lockOrganisation(tx, member.organisationId)
    const membership = await tx.membership.findUnique({
      where: { userId_organisationId: { userId: member.id, organisationId: member.organisationId } },
      select: { id: true, role: true },
    })
    if (!membership) return { ok: false, error: 'notFound' } as const
    if (membership.role === 'OWNER' && (await ownerCount(tx, member.organisationId)) <= 1) return { ok: false, error: 'lastOwner' } as const
    await tx.membership.deleteMany({ where: { id: membership.id, organisationId: member.organisationId } })
    await recordAudit(tx, {
      actorId: member.id,
      action: 'organisation.member-leave',
      entityType: 'Organisation',
      entityId: member.organisationId,
      before: { membershipId: membership.id, userId: member.id, role: membership.role },
    })
    return { ok: true } as const
  })
}

/** True when the member is the organisation's only owner, who may not leave (the page says so up front). */
export async function isOnlyOwner(member: OrganisationActor): Promise<boolean> {
  const [membership, owners] = await Promise.all([
    prisma.membership.findUnique({
      where: { userId_organisationId: { userId: member.id, organisationId: member.organisationId } },
      select: { role: true },
    }),
    prisma.membership.count({ where: { organisationId: member.organisationId, role: 'OWNER' } }),
  ])
  return membership?.role === 'OWNER' && owners <= 1
}
