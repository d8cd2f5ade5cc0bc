/**
 * How clients reach help with their voucher: the wellbeing services county's service-voucher phone line, and the
 * page where they open their voucher with its code. The one place these are written (the decision letter, the
 * staff pages).
 */
export const voucherHelpPhone = '06 218 1111'

/** The path of the client's voucher login; the letter prints it after APP_ORIGIN. */
export const clientVoucherPath = '/voucher'
