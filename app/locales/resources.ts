import type { AppLocale, Namespace } from '~/i18n'
import enAuth from './en/auth.json'
import enCommon from './en/common.json'
import enEmail from './en/email.json'
import enPages from './en/pages.json'
import fiAuth from './fi/auth.json'
import fiCommon from './fi/common.json'
import fiEmail from './fi/email.json'
import fiPages from './fi/pages.json'
import svAuth from './sv/auth.json'
import svCommon from './sv/common.json'
import svEmail from './sv/email.json'
import svPages from './sv/pages.json'

type Translations = { [key: string]: string | Translations }

/** Every translation, bundled into the server build. The browser loads only its own language (entry.client.tsx). */
export const resources: Record<AppLocale, Record<Namespace, Translations>> = {
  fi: { common: fiCommon, auth: fiAuth, pages: fiPages, email: fiEmail },
  sv: { common: svCommon, auth: svAuth, pages: svPages, email: svEmail },
  en: { common: enCommon, auth: enAuth, pages: enPages, email: enEmail },
}
