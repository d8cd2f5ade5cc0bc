import type { Prisma } from '~/generated/prisma/client'
import { recordAudit } from '~/modules/audit/audit.server'
import { prisma, type Tx } from '~/utils/db.server'
import { can, type Role } from '~/utils/permissions'
import { coordinatesOrDefault } from './coordinates'
import type { ServiceUnitInput } from './schema'

/**
 * Service units: the places where an organisation gives service, and the areas it covers with home visits. Every
 * query names the organisation in its `where`, so another organisation's unit id is simply not found.
 */

/** The acting member, as requireOrganisationPermission returns it. */
export type UnitActor = { id: string; organisationId: string; role: Role }

type Failure<E extends string> = { ok: false; error: E }

const municipalityNames = { code: true, nameFi: true, nameSv: true, officialLanguages: true } as const

const unitSelect = {
  id: true,
  kind: true,
  name: true,
  streetAddress: true,
  postalCode: true,
  municipalityCode: true,
  municipality: { select: { ...municipalityNames, latitude: true, longitude: true } },
  latitude: true,
  longitude: true,
  stepFreeAccess: true,
  hearingLoop: true,
  parking: true,
  accessibilityFi: true,
  accessibilitySv: true,
  accessibilityEn: true,
  phone: true,
  updatedAt: true,
  areaMunicipalities: { select: { municipality: { select: municipalityNames } }, orderBy: { municipalityCode: 'asc' } },
  offers: {
    select: { offer: { select: { id: true, status: true, titleFi: true, titleSv: true, titleEn: true } } },
    orderBy: { offerId: 'asc' },
  },
} satisfies Prisma.ServiceUnitSelect

/** The organisation's units, places first, then by name. */
export function listUnits(organisationId: string) {
  return prisma.serviceUnit.findMany({
    where: { organisationId },
    select: unitSelect,
    orderBy: [{ kind: 'asc' }, { name: 'asc' }],
  })
}

/** One unit of the organisation, or null (also for another organisation's unit). */
export function getUnit(organisationId: string, unitId: string) {
  return prisma.serviceUnit.findFirst({ where: { id: unitId, organisationId }, select: unitSelect })
}

/** The units as the offer form's checkboxes: name, kind, municipality or covered municipalities. */
export function listUnitChoices(organisationId: string) {
  return prisma.serviceUnit.findMany({
    where: { organisationId },
    select: {
      id: true,
      kind: true,
      name: true,
      streetAddress: true,
      municipality: { select: municipalityNames },
      areaMunicipalities: { select: { municipality: { select: municipalityNames } }, orderBy: { municipalityCode: 'asc' } },
    },
    orderBy: [{ kind: 'asc' }, { name: 'asc' }],
  })
}

type UnitRow = {
  kind: string
  name: string
  streetAddress: string | null
  postalCode: string | null
  municipalityCode: string | null
  latitude: number | null
  longitude: number | null
  stepFreeAccess: boolean
  hearingLoop: boolean
  parking: boolean
  accessibilityFi: string | null
  accessibilitySv: string | null
  accessibilityEn: string | null
  phone: string | null
}

/** The unit's stored columns from the form's input; coordinates default to the municipality's centre. */
async function columnsFor(tx: Tx, input: ServiceUnitInput): Promise<{ ok: true; row: UnitRow; areaCodes: string[] } | Failure<'municipalityUnknown'>> {
  if (input.kind === 'HOME_VISIT_AREA') {
    const codes = [...new Set(input.municipalityCodes)].sort()
    const known = await tx.municipality.count({ where: { code: { in: codes } } })
    if (known !== codes.length) return { ok: false, error: 'municipalityUnknown' }
    return {
      ok: true,
      areaCodes: codes,
      row: {
        kind: input.kind,
        name: input.name,
        streetAddress: null,
        postalCode: null,
        municipalityCode: null,
        latitude: null,
        longitude: null,
        stepFreeAccess: false,
        hearingLoop: false,
        parking: false,
        accessibilityFi: null,
        accessibilitySv: null,
        accessibilityEn: null,
        phone: null,
      },
    }
  }
  const municipality = await tx.municipality.findUnique({
    where: { code: input.municipalityCode },
    select: { latitude: true, longitude: true },
  })
  if (!municipality) return { ok: false, error: 'municipalityUnknown' }
  const { latitude, longitude } = coordinatesOrDefault(input, municipality)
  return {
    ok: true,
    areaCodes: [],
    row: {
      kind: input.kind,
      name: input.name,
      streetAddress: input.streetAddress,
      postalCode: input.postalCode,
      municipalityCode: input.municipalityCode,
      latitude,
      longitude,
      stepFreeAccess: input.stepFreeAccess,
      hearingLoop: input.hearingLoop,
      parking: input.parking,
      accessibilityFi: input.accessibilityFi ?? null,
      accessibilitySv: input.accessibilitySv ?? null,
      accessibilityEn: input.accessibilityEn ?? null,
      phone: input.phone ?? null,
    },
  }
}

export type CreateUnitResult = { ok: true; unitId: string } | Failure<'forbidden' | 'municipalityUnknown'>

/** Adds a unit (owners and editors), with an audit event, in one transaction. */
export async function createUnit(actor: UnitActor, input: ServiceUnitInput): Promise<CreateUnitResult> {
  if (!can(actor.role, 'offer:edit')) return { ok: false, error: 'forbidden' }
  return prisma.$transaction(async (tx) => {
    const columns = await columnsFor(tx, input)
    if (!columns.ok) return columns
    const unit = await tx.serviceUnit.create({
      data: {
        ...columns.row,
        kind: input.kind,
        organisationId: actor.organisationId,
        areaMunicipalities: { create: columns.areaCodes.map((municipalityCode) => ({ municipalityCode })) },
      },
      select: { id: true },
    })
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'service-unit.create',
      entityType: 'ServiceUnit',
      entityId: unit.id,
      after: { ...columns.row, organisationId: actor.organisationId, areaMunicipalities: columns.areaCodes },
    })
    return { ok: true, unitId: unit.id } as const
  })
}

export type UpdateUnitResult = { ok: true; changed: boolean } | Failure<'forbidden' | 'notFound' | 'municipalityUnknown' | 'kindFixed'>

const columnNames: (keyof UnitRow)[] = [
  'name',
  'streetAddress',
  'postalCode',
  'municipalityCode',
  'latitude',
  'longitude',
  'stepFreeAccess',
  'hearingLoop',
  'parking',
  'accessibilityFi',
  'accessibilitySv',
  'accessibilityEn',
  'phone',
]

/** Changes a unit; its kind stays (a place does not become an area). Audit records the changed fields only. */
export async function updateUnit(actor: UnitActor, unitId: string, input: ServiceUnitInput): Promise<UpdateUnitResult> {
  if (!can(actor.role, 'offer:edit')) return { ok: false, error: 'forbidden' }
  return prisma.$transaction(async (tx) => {
    const before = await tx.serviceUnit.findFirst({
      where: { id: unitId, organisationId: actor.organisationId },
      select: {
        kind: true,
        name: true,
        streetAddress: true,
        postalCode: true,
        municipalityCode: true,
        latitude: true,
        longitude: true,
        stepFreeAccess: true,
        hearingLoop: true,
        parking: true,
        accessibilityFi: true,
        accessibilitySv: true,
        accessibilityEn: true,
        phone: true,
        areaMunicipalities: { select: { municipalityCode: true }, orderBy: { municipalityCode: 'asc' } },
      },
    })
    if (!before) return { ok: false, error: 'notFound' } as const
    if (before.kind !== input.kind) return { ok: false, error: 'kindFixed' } as const
    const columns = await columnsFor(tx, input)
    if (!columns.ok) return columns
    const beforeRow: UnitRow = before
    const changed = columnNames.filter((name) => beforeRow[name] !== columns.row[name])
    const beforeCodes = before.areaMunicipalities.map((area) => area.municipalityCode)
    const areaChanged = beforeCodes.join(',') !== columns.areaCodes.join(',')
    if (changed.length === 0 && !areaChanged) return { ok: true, changed: false } as const
    const { kind: _kind, ...data } = columns.row
    await tx.serviceUnit.update({ where: { id: unitId, organisationId: actor.organisationId }, data })
    if (areaChanged) {
      await tx.serviceAreaMunicipality.deleteMany({ where: { serviceUnitId: unitId, serviceUnit: { organisationId: actor.organisationId } } })
      await tx.serviceAreaMunicipality.createMany({
        data: columns.areaCodes.map((municipalityCode) => ({ serviceUnitId: unitId, municipalityCode })),
      })
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'service-unit.update',
      entityType: 'ServiceUnit',
      entityId: unitId,
      before: {
        ...Object.fromEntries(changed.map((name) => [name, beforeRow[name]])),
        ...(areaChanged ? { areaMunicipalities: beforeCodes } : {}),
      },
      after: {
        ...Object.fromEntries(changed.map((name) => [name, columns.row[name]])),
        ...(areaChanged ? { areaMunicipalities: columns.areaCodes } : {}),
      },
    })
    return { ok: true, changed: true } as const
  })
}

export type DeleteUnitResult =
  | { ok: true }
  | Failure<'forbidden' | 'notFound'>
  /** published offers are given here: the unit must first be taken off them (or they unpublished) */
  | { ok: false; error: 'usedByPublishedOffer'; offers: { id: string; titleFi: string | null; titleSv: string | null; titleEn: string | null }[] }

/**
 * Deletes a unit, unless a published offer names it (clients would lose a place they may have chosen). Draft and
 * archived offers just lose the unit; a draft without units cannot be published until it gets one.
 */
export async function deleteUnit(actor: UnitActor, unitId: string): Promise<DeleteUnitResult> {
  if (!can(actor.role, 'offer:edit')) return { ok: false, error: 'forbidden' }
  return prisma.$transaction(async (tx) => {
    // the unit row is locked, so an offer cannot be published with it between the check and the delete
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "ServiceUnit" WHERE id = ${unitId} AND "organisationId" = ${actor.organisationId} FOR UPDATE`
    if (locked.length === 0) return { ok: false, error: 'notFound' } as const
    const unit = await tx.serviceUnit.findFirstOrThrow({
      where: { id: unitId, organisationId: actor.organisationId },
      select: {
        kind: true,
        name: true,
        municipalityCode: true,
        streetAddress: true,
        areaMunicipalities: { select: { municipalityCode: true } },
        offers: { select: { offer: { select: { id: true, status: true, titleFi: true, titleSv: true, titleEn: true } } } },
      },
    })
    const published = unit.offers.map(({ offer }) => offer).filter((offer) => offer.status === 'PUBLISHED')
    if (published.length > 0) {
      return {
        ok: false,
        error: 'usedByPublishedOffer',
        offers: published.map(({ id, titleFi, titleSv, titleEn }) => ({ id, titleFi, titleSv, titleEn })),
      } as const
    }
    await tx.serviceUnit.delete({ where: { id: unitId, organisationId: actor.organisationId } })
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'service-unit.delete',
      entityType: 'ServiceUnit',
      entityId: unitId,
      before: {
        kind: unit.kind,
        name: unit.name,
        municipalityCode: unit.municipalityCode,
        streetAddress: unit.streetAddress,
        areaMunicipalities: unit.areaMunicipalities.map((area) => area.municipalityCode),
        offers: unit.offers.map(({ offer }) => offer.id),
      },
    })
    return { ok: true } as const
  })
}
