/**
 * The one role → permission map. Loaders and actions check it through requirePermission / requireOrganisationPermission
 * (session.server.ts); the UI asks `can` to decide what to show. Ownership (which organisation, which voucher) is
 * checked in each query's `where`, not here.
 */
export const roles = ['client', 'provider_editor', 'provider_owner', 'staff_reviewer', 'staff_admin'] as const
export type Role = (typeof roles)[number]

export const permissions = [
  'voucher:view-own',
  'voucher:choose-producer',
  'organisation:view',
  'organisation:edit',
  'organisation:manage-members',
  'document:upload',
  'application:edit',
  'application:submit',
  'offer:edit',
  'choice:decide',
  'service-record:create',
  'settlement:view-own',
  'staff:access',
  'application:review',
  'application:confirm-decision',
  'register:manage',
  'client:view',
  'voucher:issue',
  'settlement:approve',
  'feedback:moderate',
  'catalogue:manage',
  'rulebook:manage',
  'staff-user:manage',
  'audit:view',
  'report:view',
] as const
export type Permission = (typeof permissions)[number]

const provider: Permission[] = [
  'organisation:view',
  'organisation:edit',
  'document:upload',
  'application:edit',
  'offer:edit',
  'choice:decide',
  'service-record:create',
  'settlement:view-own',
]
const reviewer: Permission[] = [
  'staff:access',
  'application:review',
  'register:manage',
  'client:view',
  'voucher:issue',
  'settlement:approve',
  'feedback:moderate',
  'report:view',
]

export const rolePermissions: Record<Role, readonly Permission[]> = {
  client: ['voucher:view-own', 'voucher:choose-producer'],
  provider_editor: provider,
  provider_owner: [...provider, 'organisation:manage-members', 'application:submit'],
  staff_reviewer: reviewer,
  staff_admin: [...reviewer, 'application:confirm-decision', 'catalogue:manage', 'rulebook:manage', 'staff-user:manage', 'audit:view'],
}

export function can(role: Role | null | undefined, permission: Permission): boolean {
  return role ? rolePermissions[role].includes(permission) : false
}

export type StaffRoleName = 'REVIEWER' | 'ADMIN'
export type MemberRoleName = 'OWNER' | 'EDITOR'

export function staffRole(staffRoleName: StaffRoleName | null): Role | null {
  if (staffRoleName === 'ADMIN') return 'staff_admin'
  if (staffRoleName === 'REVIEWER') return 'staff_reviewer'
  return null
}

export function memberRole(memberRoleName: MemberRoleName): Role {
  return memberRoleName === 'OWNER' ? 'provider_owner' : 'provider_editor'
}
