import { beforeAll, describe, expect, it } from 'vitest'
import { prisma } from '~/utils/db.server'
import { createCategories } from '../../../tests/support/application-fixtures'
import { createWorld, makeRequest, statusOf } from '../../../tests/support/request'
import { addVoucherValue, getCategory, listCategories, updateCategory, withdrawScheduledValue } from './service.server'
import { valueInForce } from './values.server'

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`)
/** The tests' clock: 10 March 2026, noon in Helsinki. */
const now = new Date('2026-03-10T10:00:00Z')

let adminId: string

beforeAll(async () => {
  const admin = await prisma.user.create({ data: { email: 'catalogue-admin@example.com', name: 'Catalogue Admin', staffRole: 'ADMIN' } })
  adminId = admin.id
})

/** A FIXED category (26,00 € from 2025) and an INCOME_RELATED one (12,00–36,00 € from 2025). */
async function categoriesWithValues() {
  const categories = await createCategories()
  await prisma.voucherValue.create({ data: { categoryId: categories.supportServices.id, effectiveFrom: day('2025-01-01'), valueCents: 2600 } })
  await prisma.voucherValue.create({
    data: { categoryId: categories.homeCare.id, effectiveFrom: day('2025-01-01'), minValueCents: 1200, maxValueCents: 3600 },
  })
  return categories
}

async function auditFor(categoryId: string) {
  return prisma.auditEvent.findMany({ where: { entityType: 'ServiceCategory', entityId: categoryId }, orderBy: { id: 'asc' } })
}

describe('voucher values from a date on', () => {
  it('a price change from a future date keeps the earlier months at their old value', async () => {
    const { supportServices } = await categoriesWithValues()
    const result = await addVoucherValue(adminId, supportServices.id, { effectiveFrom: '2026-04-01', valueCents: 2850 }, now)
    expect(result).toMatchObject({ ok: true, corrected: false })

    expect((await valueInForce(supportServices.id, day('2026-02-15')))?.valueCents).toBe(2600)
    expect((await valueInForce(supportServices.id, now))?.valueCents).toBe(2600)
    expect((await valueInForce(supportServices.id, day('2026-03-31')))?.valueCents).toBe(2600)
    // 31 March 23:30 in Helsinki is still March
    expect((await valueInForce(supportServices.id, new Date('2026-03-31T20:30:00Z')))?.valueCents).toBe(2600)
    expect((await valueInForce(supportServices.id, day('2026-04-01')))?.valueCents).toBe(2850)
    expect((await valueInForce(supportServices.id, new Date('2026-03-31T21:30:00Z')))?.valueCents).toBe(2850)
    expect((await valueInForce(supportServices.id, day('2027-01-01')))?.valueCents).toBe(2850)
    expect(await valueInForce(supportServices.id, day('2024-12-31'))).toBeNull()

    // the old row is untouched: a new row per effective date
    const rows = await prisma.voucherValue.findMany({ where: { categoryId: supportServices.id }, orderBy: { effectiveFrom: 'asc' } })
    expect(rows.map((row) => [row.effectiveFrom.toISOString().slice(0, 10), row.valueCents])).toEqual([
      ['2025-01-01', 2600],
      ['2026-04-01', 2850],
    ])
    const [event] = await auditFor(supportServices.id)
    expect(event).toMatchObject({
      actorId: adminId,
      action: 'category.value-add',
      before: null,
      after: { valueId: rows[1]?.id, effectiveFrom: '2026-04-01', valueCents: 2850 },
    })

    const listed = (await listCategories(now)).find((category) => category.id === supportServices.id)
    expect(listed?.valueInForce?.valueCents).toBe(2600)
    expect(listed?.nextValue?.valueCents).toBe(2850)
  })

  it('refuses an effective date in the past and writes nothing', async () => {
    const { supportServices } = await categoriesWithValues()
    expect(await addVoucherValue(adminId, supportServices.id, { effectiveFrom: '2026-03-09', valueCents: 100 }, now)).toEqual({
      ok: false,
      error: 'effectiveFromPast',
    })
    expect(await addVoucherValue(adminId, supportServices.id, { effectiveFrom: '2026-02-30', valueCents: 100 }, now)).toEqual({
      ok: false,
      error: 'invalidDate',
    })
    expect(await prisma.voucherValue.count({ where: { categoryId: supportServices.id } })).toBe(1)
    expect(await auditFor(supportServices.id)).toEqual([])
  })

  it('corrects a scheduled row in place, but never a row already in force', async () => {
    const { supportServices } = await categoriesWithValues()
    const first = await addVoucherValue(adminId, supportServices.id, { effectiveFrom: '2026-05-01', valueCents: 2900 }, now)
    const second = await addVoucherValue(adminId, supportServices.id, { effectiveFrom: '2026-05-01', valueCents: 2950 }, now)
    expect(second).toMatchObject({ ok: true, corrected: true })
    expect(first.ok && second.ok && first.valueId === second.valueId).toBe(true)
    expect((await valueInForce(supportServices.id, day('2026-05-01')))?.valueCents).toBe(2950)
    const correction = (await auditFor(supportServices.id)).at(-1)
    expect(correction).toMatchObject({
      action: 'category.value-correct',
      before: { effectiveFrom: '2026-05-01', valueCents: 2900 },
      after: { effectiveFrom: '2026-05-01', valueCents: 2950 },
    })

    // from today on, the row is in force: it stays as it is
    expect(await addVoucherValue(adminId, supportServices.id, { effectiveFrom: '2026-03-10', valueCents: 2700 }, now)).toMatchObject({ ok: true })
    expect(await addVoucherValue(adminId, supportServices.id, { effectiveFrom: '2026-03-10', valueCents: 9900 }, now)).toEqual({
      ok: false,
      error: 'valueInForceExists',
    })
    expect((await valueInForce(supportServices.id, now))?.valueCents).toBe(2700)
    // on 1 May the scheduled row is in force and can no longer be corrected
    const mayDay = new Date('2026-05-01T08:00:00Z')
    expect(await addVoucherValue(adminId, supportServices.id, { effectiveFrom: '2026-05-01', valueCents: 1 }, mayDay)).toEqual({
      ok: false,
      error: 'valueInForceExists',
    })
    expect(await addVoucherValue(adminId, supportServices.id, { effectiveFrom: '2026-05-01', valueCents: 1 }, new Date('2026-05-02T08:00:00Z'))).toEqual({
      ok: false,
      error: 'effectiveFromPast',
    })
    expect(await withdrawScheduledValue(adminId, supportServices.id, second.ok ? second.valueId : '', mayDay)).toEqual({ ok: false, error: 'notScheduled' })
    expect((await valueInForce(supportServices.id, mayDay))?.valueCents).toBe(2950)
  })

  it('withdraws only scheduled rows', async () => {
    const { supportServices } = await categoriesWithValues()
    const added = await addVoucherValue(adminId, supportServices.id, { effectiveFrom: '2026-06-01', valueCents: 3000 }, now)
    if (!added.ok) throw new Error('not added')
    const inForce = await valueInForce(supportServices.id, now)
    expect(await withdrawScheduledValue(adminId, supportServices.id, inForce?.id ?? '', now)).toEqual({ ok: false, error: 'notScheduled' })
    const { homeCare } = await categoriesWithValues()
    expect(await withdrawScheduledValue(adminId, homeCare.id, added.valueId, now)).toEqual({ ok: false, error: 'notFound' })
    expect(await withdrawScheduledValue(adminId, supportServices.id, added.valueId, now)).toEqual({ ok: true })
    expect((await valueInForce(supportServices.id, day('2026-07-01')))?.valueCents).toBe(2600)
    expect((await auditFor(supportServices.id)).at(-1)).toMatchObject({
      action: 'category.value-withdraw',
      before: { effectiveFrom: '2026-06-01', valueCents: 3000 },
      after: null,
    })
  })

  it('takes min and max for income-related categories and one value for fixed ones', async () => {
    const { homeCare, supportServices } = await categoriesWithValues()
    expect(await addVoucherValue(adminId, homeCare.id, { effectiveFrom: '2026-04-01', valueCents: 3000 }, now)).toEqual({
      ok: false,
      error: 'wrongValueKind',
    })
    expect(await addVoucherValue(adminId, homeCare.id, { effectiveFrom: '2026-04-01', minValueCents: 4000, maxValueCents: 3000 }, now)).toEqual({
      ok: false,
      error: 'wrongValueKind',
    })
    expect(await addVoucherValue(adminId, supportServices.id, { effectiveFrom: '2026-04-01', minValueCents: 1, maxValueCents: 2 }, now)).toEqual({
      ok: false,
      error: 'wrongValueKind',
    })
    expect(await addVoucherValue(adminId, homeCare.id, { effectiveFrom: '2026-04-01', minValueCents: 1250, maxValueCents: 3750 }, now)).toMatchObject({
      ok: true,
    })
    expect(await valueInForce(homeCare.id, day('2026-04-01'))).toMatchObject({ valueCents: null, minValueCents: 1250, maxValueCents: 3750 })
    expect(await addVoucherValue(adminId, 'no-such-category', { effectiveFrom: '2026-04-01', valueCents: 1 }, now)).toEqual({
      ok: false,
      error: 'notFound',
    })
  })
})

describe('category details', () => {
  it('are saved with an audit event holding exactly what changed, before and after', async () => {
    const { supportServices } = await categoriesWithValues()
    const result = await updateCategory(adminId, supportServices.id, {
      nameFi: 'Kotihoidon tukipalvelut (siivous, asiointi)',
      nameSv: 'Stödtjänster inom hemvården',
      nameEn: 'Support services for home care',
      unit: 'HOUR',
      voucherType: 'FIXED',
      reviewMode: 'TWO_STEP',
      requiresSoteri: false,
      active: true,
      documentTypes: ['LIABILITY_INSURANCE', 'TRADE_REGISTER_EXTRACT', 'TAX_DEBT_CERTIFICATE', 'TRADE_REGISTER_EXTRACT'],
    })
    expect(result).toEqual({ ok: true, changed: true })
    const category = await getCategory(supportServices.id, now)
    expect(category).toMatchObject({
      nameFi: 'Kotihoidon tukipalvelut (siivous, asiointi)',
      reviewMode: 'TWO_STEP',
      documentTypes: ['TRADE_REGISTER_EXTRACT', 'TAX_DEBT_CERTIFICATE', 'LIABILITY_INSURANCE'],
    })
    const [event] = await auditFor(supportServices.id)
    expect(event).toMatchObject({
      actorId: adminId,
      action: 'category.update',
      before: {
        nameFi: 'Kotihoidon tukipalvelut',
        reviewMode: 'SINGLE_STEP',
        documentTypes: ['TRADE_REGISTER_EXTRACT', 'TAX_DEBT_CERTIFICATE', 'LIABILITY_INSURANCE', 'OCCUPATIONAL_HEALTHCARE'],
      },
      after: {
        nameFi: 'Kotihoidon tukipalvelut (siivous, asiointi)',
        reviewMode: 'TWO_STEP',
        documentTypes: ['TRADE_REGISTER_EXTRACT', 'TAX_DEBT_CERTIFICATE', 'LIABILITY_INSURANCE'],
      },
    })
    expect(Object.keys(event?.before as object).sort()).toEqual(['documentTypes', 'nameFi', 'reviewMode'])
  })

  it('saving without changes writes nothing; unknown document types and categories are refused', async () => {
    const { closed } = await categoriesWithValues()
    const same = {
      nameFi: closed.nameFi,
      nameSv: closed.nameSv,
      nameEn: closed.nameEn,
      unit: closed.unit,
      voucherType: closed.voucherType,
      reviewMode: closed.reviewMode,
      requiresSoteri: closed.requiresSoteri,
      active: closed.active,
      documentTypes: [],
    }
    expect(await updateCategory(adminId, closed.id, same)).toEqual({ ok: true, changed: false })
    expect(await updateCategory(adminId, closed.id, { ...same, active: true, documentTypes: ['NO_SUCH_TYPE'] })).toEqual({
      ok: false,
      error: 'unknownDocumentType',
    })
    expect(await updateCategory(adminId, 'no-such-category', same)).toEqual({ ok: false, error: 'notFound' })
    expect(await auditFor(closed.id)).toEqual([])
    expect((await prisma.serviceCategory.findUniqueOrThrow({ where: { id: closed.id } })).active).toBe(false)
  })
})

describe('the category page', () => {
  // The test drives the route itself (loaded on demand, as the route-access test does): access is part of the contract.
  const route = () => import('~/routes/staff.catalogue.$categoryId')
  let world: Awaited<ReturnType<typeof createWorld>>
  beforeAll(async () => {
    world = await createWorld()
  })

  it('answers the admin with 200, other signed-in users with 403, anonymous users with the login page, unknown ids with 404', async () => {
    const { supportServices } = await categoriesWithValues()
    const { loader, action } = await route()
    const path = `/staff/catalogue/${supportServices.id}`
    const params = { categoryId: supportServices.id }
    const get = (cookie?: string, id = supportServices.id) =>
      statusOf(() => loader({ request: makeRequest(`/staff/catalogue/${id}`, { cookie }), params: { categoryId: id }, context: {} }))
    const post = (cookie?: string, form: Record<string, string> = { intent: 'update' }) =>
      statusOf(() => action({ request: makeRequest(path, { cookie, form }), params, context: {} }))

    expect((await get(world.cookies.admin)).status).toBe(200)
    for (const persona of ['reviewer', 'owner', 'editor', 'otherProvider'] as const) {
      expect((await get(world.cookies[persona])).status, persona).toBe(403)
      expect((await post(world.cookies[persona])).status, persona).toBe(403)
    }
    expect(await get()).toEqual({ status: 302, location: `/login?${new URLSearchParams({ redirectTo: path })}` })
    expect((await post()).status).toBe(302)
    expect((await get(world.cookies.admin, 'no-such-category')).status).toBe(404)
    const unknown = await statusOf(() =>
      action({
        request: makeRequest('/staff/catalogue/no-such-category', { cookie: world.cookies.admin, form: { intent: 'update' } }),
        params: { categoryId: 'no-such-category' },
        context: {},
      }),
    )
    expect(unknown.status).toBe(404)
  })

  it('adds a value typed in euros with a comma, and refuses a past date with a message on the date field', async () => {
    const { supportServices, homeCare } = await categoriesWithValues()
    const { action } = await route()
    const post = (categoryId: string, form: Record<string, string>) =>
      action({ request: makeRequest(`/staff/catalogue/${categoryId}`, { cookie: world.cookies.admin, form }), params: { categoryId }, context: {} })

    const added = await post(supportServices.id, { intent: 'add-value', effectiveFrom: '2099-01-01', value: '36,05' })
    expect(added).toBeInstanceOf(Response)
    expect((added as Response).status).toBe(302)
    expect((await valueInForce(supportServices.id, day('2099-01-01')))?.valueCents).toBe(3605)

    const range = await post(homeCare.id, { intent: 'add-value', effectiveFrom: '2099-01-01', minValue: '12.5', maxValue: '37,50 €' })
    expect((range as Response).status).toBe(302)
    expect(await valueInForce(homeCare.id, day('2099-01-01'))).toMatchObject({ minValueCents: 1250, maxValueCents: 3750 })

    const past = (await post(supportServices.id, { intent: 'add-value', effectiveFrom: '2001-01-01', value: '30' })) as unknown as {
      data: { result: { error: Record<string, string[]> } }
      init: { status: number }
    }
    expect(past.init.status).toBe(400)
    expect(past.data.result.error).toEqual({ effectiveFrom: ['admin:errors.effectiveFromPast'] })

    const garbage = (await post(supportServices.id, { intent: 'add-value', effectiveFrom: '2099-02-01', value: '36,001' })) as unknown as {
      data: { result: { error: Record<string, string[]> } }
    }
    expect(garbage.data.result.error).toEqual({ value: ['admin:errors.money.tooManyDecimals'] })
    expect(await prisma.voucherValue.count({ where: { categoryId: supportServices.id } })).toBe(2)
  })
})
