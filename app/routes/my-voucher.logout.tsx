import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { closeClientSession, requireClientVoucher } from '~/modules/client-access/session.server'
import { redirectWithToast } from '~/utils/toast.server'

/** Closing the voucher (the menu's "Log out" button posts here). Without a session it only goes back to the form. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireClientVoucher(request)
  return redirect('/my-voucher')
}

export async function action({ request }: ActionFunctionArgs) {
  return redirectWithToast('/voucher', { kind: 'info', message: 'voucher:toast.loggedOut' }, { 'Set-Cookie': await closeClientSession(request) })
}
