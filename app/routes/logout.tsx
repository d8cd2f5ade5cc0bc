import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { destroySession } from '~/utils/session.server'
import { redirectWithToast } from '~/utils/toast.server'

export async function loader() {
  return redirect('/')
}

export async function action({ request }: ActionFunctionArgs) {
  return redirectWithToast('/', { kind: 'info', message: 'toast.loggedOut' }, { 'Set-Cookie': await destroySession(request) })
}
