import ExcelJS from 'exceljs'
import { beforeAll, describe, expect, it } from 'vitest'
// eslint-disable-next-line no-restricted-imports -- the budget form's saving and validation are tested here
import * as budgetsRoute from '~/routes/staff.follow-up.budgets'
// eslint-disable-next-line no-restricted-imports -- the page's loader (filters in the address, errors, links)
import * as dashboardRoute from '~/routes/staff.follow-up._index'
// eslint-disable-next-line no-restricted-imports -- the downloads are tested here
import * as exportRoute from '~/routes/staff.follow-up.export'
import { prisma } from '~/utils/db.server'
import { resources } from '~/locales/resources'
import { makeRequest, statusOf } from '../../../tests/support/request'
import { createFollowUpWorld, type FollowUpWorld } from './test-world'

/**
 * The page, its downloads and the budget form through their routes, on the world of test-world.ts. The month is
 * always given in the address (the default, the month before today, would be empty).
 */
let world: FollowUpWorld

beforeAll(async () => {
  world = await createFollowUpWorld()
  // a provider name that a spreadsheet would run as a formula
  await prisma.organisation.update({ where: { id: world.otherOrganisation.id }, data: { name: '=HYPERLINK("http://evil.example";"x")' } })
})

function withLanguage(request: Request, language: string): Request {
  const headers = new Headers(request.headers)
  headers.set('Accept-Language', language)
  return new Request(request.url, { method: request.method, headers })
}

async function download(query: string, language = 'sv', persona: 'reviewer' | 'admin' = 'reviewer') {
  const request = withLanguage(makeRequest(`/staff/follow-up/export?${query}`, { cookie: world.cookies[persona] }), language)
  return (await exportRoute.loader({ request, params: {}, context: {} })) as Response
}

const text = async (response: Response) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer())
const lines = (csv: string) => csv.split('\r\n').filter((line) => line !== '')

describe('downloads', () => {
  it('writes a table as CSV: byte order mark, headers in the reader’s language, `;`, decimal comma, never cached', async () => {
    const response = await download(`month=2026-10&category=${world.categories.homeCare.code}&table=spend-category&format=csv`, 'fi')
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
    expect(response.headers.get('Cache-Control')).toBe('no-store')
    expect(response.headers.get('Content-Disposition')).toBe('attachment; filename="follow-up-spend-category-2026-10.csv"')
    expect(response.body).toBeInstanceOf(ReadableStream)
    const csv = await text(response)
    expect(csv.startsWith('\uFEFF')).toBe(true)
    const [header, homeCare, total] = lines(csv.slice(1))
    expect(header).toBe(
      'Palvelu;Palvelusetelien osuudet kuukaudessa (€);Muutos edellisestä kuukaudesta (%);Muutos edellisen vuoden samasta kuukaudesta (%);' +
        'Omavastuuosuudet kuukaudessa (€);Asiakkaat kuukaudessa;Palvelusetelien osuudet vuoden alusta (€);Omavastuuosuudet vuoden alusta (€);Asiakkaat vuoden alusta',
    )
    // 323,16 € in October, +169,3 % from 120,00 € in September, nothing a year earlier
    expect(homeCare).toBe('Kotihoito;323,16;169,3;;82,29;2;443,16;114,29;2')
    expect(total).toBe('Yhteensä;323,16;169,3;;82,29;2;443,16;114,29;2')
  })

  it('uses a decimal point in English and escapes text a spreadsheet would run as a formula', async () => {
    const csv = await text(await download('month=2026-10&table=spend-provider&format=csv', 'en'))
    const rows = lines(csv.slice(1))
    expect(rows[1]).toBe(`${world.organisation.name};${world.organisation.businessId};Private;323.16;169.3;;82.29;2;443.16;114.29;2`)
    expect(rows[2]).toBe(`"'=HYPERLINK(""http://evil.example"";""x"")";${world.otherOrganisation.businessId};Third sector;0.00;;-100.0;0.00;0;50.00;0.00;1`)
  })

  it('writes an XLSX workbook with numbers as numbers and a euro format', async () => {
    const response = await download('month=2026-10&table=summary&format=xlsx', 'sv')
    expect(response.headers.get('Content-Type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    expect(response.headers.get('Cache-Control')).toBe('no-store')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(await response.arrayBuffer())
    const sheet = workbook.worksheets[0]!
    expect(sheet.name).toBe('Nyckeltal')
    expect(sheet.getRow(1).values).toEqual([undefined, 'Nyckeltal', 'Månad', 'Föregående månad', 'Förändring från föregående månad (%)',
      'Samma månad föregående år', 'Förändring från samma månad föregående år (%)', 'Året hittills'])
    const shares = sheet.getRow(2)
    expect(shares.getCell(1).value).toBe('Servicesedlarnas andelar')
    expect(shares.getCell(2).value).toBe(323.16)
    expect(shares.getCell(2).numFmt).toBe('#,##0.00 "€"')
    expect(shares.getCell(3).value).toBe(120)
    expect(shares.getCell(4).value).toBeCloseTo(1.693, 3)
    expect(shares.getCell(4).numFmt).toBe('+0.0 %;-0.0 %;0.0 %')
    expect(shares.getCell(7).value).toBe(493.16)
    const clients = sheet.getRow(5)
    expect(clients.getCell(1).value).toBe('Betjänade klienter')
    expect(clients.getCell(2).value).toBe(2)
    expect(sheet.getRow(6).getCell(2).value).toBe(10.67)
  })

  it('streams the whole waiting list (today’s), page after page, with the filters', async () => {
    const { users, categories } = world
    await prisma.voucher.createMany({
      data: Array.from({ length: 503 }, (_, index) => ({
        code: `WAIT-${String(index).padStart(4, '0')}`,
        clientId: world.voucherC.clientId,
        categoryId: categories.supportServices.id,
        decisionNumber: `W/${index}`,
        decisionDate: new Date(Date.UTC(2026, 8, 1 + (index % 30))),
        validFrom: new Date('2026-09-01'),
        validTo: new Date('2099-08-31'),
        unitsPerMonth: 4,
        valueCents: 2600,
        valueBasis: 'FIXED' as const,
        status: 'ISSUED' as const,
        issuedById: users.reviewer.id,
      })),
    })
    const rows = lines((await text(await download(`month=2026-10&category=${categories.supportServices.code}&table=waiting&format=csv`))).slice(1))
    expect(rows).toHaveLength(1 + 503)
    expect(new Set(rows.slice(1).map((row) => row.split(';')[0])).size).toBe(503)
    // the longest waiting first
    expect(rows[1]).toMatch(/^WAIT-\d{4};W\/\d+;Stödtjänster inom hemvården;Närpes;Finska;2026-09-01;\d+$/)
    await prisma.voucher.deleteMany({ where: { code: { startsWith: 'WAIT-' } } })
  })

  it('refuses unknown tables, formats and filters', async () => {
    for (const query of ['month=2026-10&table=nope&format=csv', 'month=2026-10&table=summary&format=pdf', 'month=2026-13&table=summary&format=csv', 'category=nope&table=summary&format=csv']) {
      const { status } = await statusOf(() => download(query))
      expect(status, query).toBe(400)
    }
  })

  it('is for staff only', async () => {
    for (const persona of ['owner', 'otherProvider'] as const) {
      const request = makeRequest('/staff/follow-up/export?table=summary&format=csv', { cookie: world.cookies[persona] })
      expect((await statusOf(() => exportRoute.loader({ request, params: {}, context: {} }))).status).toBe(403)
    }
  })
})

describe('the page', () => {
  it('shows the figures with the filters of the address', async () => {
    const request = makeRequest(`/staff/follow-up?month=2026-10&municipality=545`, { cookie: world.cookies.reviewer })
    const data = (await dashboardRoute.loader({ request, params: {}, context: {} })) as Awaited<ReturnType<typeof dashboardRoute.loader>>
    expect(data.errors).toEqual({})
    expect(data.canManageBudgets).toBe(false)
    expect(data.view?.chosen).toEqual(['Närpes'])
    expect(data.view?.tables.summary.rows[0]?.[1]).toEqual({ kind: 'euro', value: 32_316 })
    expect(data.view?.tables.budget.rows[0]?.at(-1)).toEqual({ kind: 'text', value: 'Över budget', flag: 'warning' })
    expect(data.view?.tables['spend-provider'].rows[0]?.[0]).toEqual({
      kind: 'text',
      value: world.organisation.name,
      href: `/staff/follow-up?month=2026-10&municipality=545&provider=${world.organisation.businessId}`,
    })
    expect(data.view?.charts.trend.bars).toHaveLength(13)
    expect(data.view?.charts.trend.summary).toContain('oktober 2026')
    expect(data.view?.query).toBe('month=2026-10&municipality=545')
  })

  it('shows translated errors next to filters that do not work, and no figures', async () => {
    const request = makeRequest('/staff/follow-up?month=2026-13&provider=12345', { cookie: world.cookies.admin })
    const data = (await dashboardRoute.loader({ request, params: {}, context: {} })) as Awaited<ReturnType<typeof dashboardRoute.loader>>
    expect(data.view).toBeNull()
    expect(data.errors).toEqual({ 'filter-month': ['followup:errors.month'], 'filter-provider': ['followup:errors.providerFormat'] })
    expect(data.canManageBudgets).toBe(true)
    const unknown = makeRequest('/staff/follow-up?month=2026-10&provider=0000000-0', { cookie: world.cookies.admin })
    const unknownData = (await dashboardRoute.loader({ request: unknown, params: {}, context: {} })) as Awaited<ReturnType<typeof dashboardRoute.loader>>
    expect(unknownData.errors).toEqual({ 'filter-provider': ['followup:errors.providerUnknown'] })
  })
})

describe('budgets and own-production costs', () => {
  const post = (form: Record<string, string>, persona: 'admin' | 'reviewer' = 'admin') =>
    budgetsRoute.action({ request: makeRequest('/staff/follow-up/budgets', { cookie: world.cookies[persona], form }), params: {}, context: {} })

  it('saves a year of budgets in euros, with one audit event per category changed', async () => {
    const { homeCare, supportServices } = world.categories
    const response = (await post({
      year: '2027',
      'rows[0].categoryId': homeCare.id,
      'rows[0].budget': '1 250 000,50',
      'rows[0].unitCost': '52,40',
      'rows[1].categoryId': supportServices.id,
      'rows[1].budget': '',
      'rows[1].unitCost': '',
    })) as Response
    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toBe('/staff/follow-up/budgets?year=2027')
    expect(await prisma.categoryBudget.findMany({ where: { year: 2027 } })).toEqual([
      { categoryId: homeCare.id, year: 2027, budgetCents: 125_000_050, ownProductionUnitCostCents: 5240 },
    ])
    const events = await prisma.auditEvent.findMany({ where: { entityType: 'CategoryBudget' } })
    expect(events).toEqual([
      expect.objectContaining({
        actorId: world.users.admin.id,
        action: 'budget.add',
        entityId: `${homeCare.id}:2027`,
        after: { year: 2027, budgetCents: 125_000_050, ownProductionUnitCostCents: 5240 },
      }),
    ])

    // the same again changes nothing; emptying a row removes it
    await post({ year: '2027', 'rows[0].categoryId': homeCare.id, 'rows[0].budget': '1250000.50', 'rows[0].unitCost': '52,4' })
    expect(await prisma.auditEvent.count({ where: { entityType: 'CategoryBudget' } })).toBe(1)
    await post({ year: '2027', 'rows[0].categoryId': homeCare.id, 'rows[0].budget': '', 'rows[0].unitCost': '' })
    expect(await prisma.categoryBudget.count({ where: { year: 2027 } })).toBe(0)
    expect((await prisma.auditEvent.findFirst({ where: { entityType: 'CategoryBudget' }, orderBy: { id: 'desc' } }))?.action).toBe('budget.remove')
  })

  it('refuses amounts that are not euros, with messages in every language', async () => {
    const { homeCare } = world.categories
    const { status, body } = await (async () => {
      const result = (await post({ year: '2027', 'rows[0].categoryId': homeCare.id, 'rows[0].budget': '12,345', 'rows[0].unitCost': '' })) as {
        init: { status: number }
        data: { result: { error: Record<string, string[]> } }
      }
      return { status: result.init.status, body: result.data.result.error }
    })()
    expect(status).toBe(400)
    expect(body).toEqual({ 'rows[0].budget': ['followup:errors.money.tooManyDecimals'] })
    const costOnly = (await post({ year: '2027', 'rows[0].categoryId': homeCare.id, 'rows[0].budget': '', 'rows[0].unitCost': '40' })) as {
      data: { result: { error: Record<string, string[]> } }
    }
    expect(costOnly.data.result.error).toEqual({ 'rows[0].budget': ['followup:errors.budgetRequiredWithCost'] })
    for (const language of ['fi', 'sv', 'en'] as const) {
      const errors = resources[language].followup.errors as { money: Record<string, string>; budgetRequiredWithCost: string }
      expect(errors.money.tooManyDecimals).toBeTruthy()
      expect(errors.budgetRequiredWithCost).toBeTruthy()
    }
  })

  it('is for admins: reviewers get 403', async () => {
    const { status } = await statusOf(() => post({ year: '2027' }, 'reviewer'))
    expect(status).toBe(403)
    const request = makeRequest('/staff/follow-up/budgets', { cookie: world.cookies.reviewer })
    expect((await statusOf(() => budgetsRoute.loader({ request, params: {}, context: {} }))).status).toBe(403)
  })
})
