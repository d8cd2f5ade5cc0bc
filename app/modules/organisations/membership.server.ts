import { prisma } from '~/utils/db.server'

/** The organisations a user belongs to, with their role in each. */
export function listOwnOrganisations(userId: string) {
  return prisma.membership.findMany({
    where: { userId },
    select: { role: true, organisation: { select: { id: true, name: true, businessId: true } } },
    orderBy: { organisation: { name: 'asc' } },
  })
}
