import { describe, expect, it } from 'vitest'
import { can, memberRole, permissions, rolePermissions, roles, staffRole } from './permissions'

describe('permission map', () => {
  it('gives clients and providers no staff permission', () => {
    for (const role of ['client', 'provider_editor', 'provider_owner'] as const) {
      expect(rolePermissions[role].filter((p) => p.startsWith('staff') || p === 'application:review' || p === 'audit:view')).toEqual([])
    }
  })

  it('gives an admin everything a reviewer has, and more', () => {
    for (const permission of rolePermissions.staff_reviewer) expect(can('staff_admin', permission)).toBe(true)
    expect(can('staff_reviewer', 'staff-user:manage')).toBe(false)
    expect(can('staff_admin', 'staff-user:manage')).toBe(true)
  })

  it('lets only owners submit applications and manage members', () => {
    expect(can('provider_owner', 'application:submit')).toBe(true)
    expect(can('provider_editor', 'application:submit')).toBe(false)
    expect(can('provider_editor', 'organisation:manage-members')).toBe(false)
    expect(can('provider_editor', 'offer:edit')).toBe(true)
  })

  it('grants every permission to some role and nothing to nobody', () => {
    const granted = new Set(roles.flatMap((role) => rolePermissions[role]))
    expect(permissions.filter((p) => !granted.has(p))).toEqual([])
    expect(can(null, 'staff:access')).toBe(false)
  })

  it('maps database roles to permission roles', () => {
    expect(staffRole('ADMIN')).toBe('staff_admin')
    expect(staffRole('REVIEWER')).toBe('staff_reviewer')
    expect(staffRole(null)).toBeNull()
    expect(memberRole('OWNER')).toBe('provider_owner')
    expect(memberRole('EDITOR')).toBe('provider_editor')
  })
})
