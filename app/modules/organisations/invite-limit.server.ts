import { hitRateLimit } from '~/utils/rate-limit.server'

const invitationsPerHour = 30

/** Invitations send email to any address an owner types: at most 30 an hour per organisation. */
export async function rateLimitReached(organisationId: string): Promise<boolean> {
  const { allowed } = await hitRateLimit(`organisation-invite:${organisationId}`, invitationsPerHour, 60 * 60)
  return !allowed
}
