import { prisma } from '~/utils/db.server'

/** The organisations a user belongs to, with their role in each. */
export function listOwnOrganisations(userId: string) {
  return prisma.membership.findMany({
    where: { userId },
    select: { role: true, organisation: { select: { id: true, name: true, businessId: true } } },
    orderBy: { organisation: { name: 'asc' } },
  })
}

/** Name and id for the organisation frame; the caller has already checked membership. */
export function organisationHeader(organisationId: string) {
  return prisma.organisation.findUniqueOrThrow({ where: { id: organisationId }, select: { id: true, name: true } })
}
