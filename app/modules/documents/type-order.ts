/** The service catalogue's order of document types (data/service-catalogue.json); others follow by code. Pure. */
export const documentTypeOrder = [
  'TRADE_REGISTER_EXTRACT',
  'PREPAYMENT_REGISTER',
  'TAX_DEBT_CERTIFICATE',
  'PENSION_INSURANCE',
  'LIABILITY_INSURANCE',
  'OCCUPATIONAL_HEALTHCARE',
  'COLLECTIVE_AGREEMENT',
  'SELF_MONITORING_PLAN',
  'SOTERI_REGISTRATION',
] as const

export function byDocumentTypeOrder(a: { code: string }, b: { code: string }): number {
  const rank = (code: string) => {
    const index = (documentTypeOrder as readonly string[]).indexOf(code)
    return index === -1 ? documentTypeOrder.length : index
  }
  return rank(a.code) - rank(b.code) || a.code.localeCompare(b.code)
}
