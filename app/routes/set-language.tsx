import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { isLocale } from '~/i18n'
import { localeCookie } from '~/i18n.server'
import { setUserLocale } from '~/modules/accounts/service.server'
import { readFormData } from '~/utils/form-data.server'
import { getUser, safeRedirectTo } from '~/utils/session.server'

export async function loader() {
  return redirect('/')
}

/** The language switcher posts here: remembered in a cookie, and on the user when logged in. */
export async function action({ request }: ActionFunctionArgs) {
  const form = await readFormData(request)
  const lang = form.get('lang')
  const redirectTo = safeRedirectTo(form.get('redirectTo'))
  if (!isLocale(lang)) return redirect(redirectTo)
  const user = await getUser(request)
  if (user) await setUserLocale(user.id, lang)
  return redirect(redirectTo, { headers: { 'Set-Cookie': await localeCookie.serialize(lang) } })
}
