import type { AppLocale, Namespace } from '~/i18n'
import enAdmin from './en/admin.json'
import enApplications from './en/applications.json'
import enAuth from './en/auth.json'
import enCatalogue from './en/catalogue.json'
import enCommon from './en/common.json'
import enDocuments from './en/documents.json'
import enEmail from './en/email.json'
import enOffers from './en/offers.json'
import enOrganisation from './en/organisation.json'
import enPages from './en/pages.json'
import enRegister from './en/register.json'
import enReview from './en/review.json'
import enStaff from './en/staff.json'
import fiAdmin from './fi/admin.json'
import fiApplications from './fi/applications.json'
import fiAuth from './fi/auth.json'
import fiCatalogue from './fi/catalogue.json'
import fiCommon from './fi/common.json'
import fiDocuments from './fi/documents.json'
import fiEmail from './fi/email.json'
import fiOffers from './fi/offers.json'
import fiOrganisation from './fi/organisation.json'
import fiPages from './fi/pages.json'
import fiRegister from './fi/register.json'
import fiReview from './fi/review.json'
import fiStaff from './fi/staff.json'
import svAdmin from './sv/admin.json'
import svApplications from './sv/applications.json'
import svAuth from './sv/auth.json'
import svCatalogue from './sv/catalogue.json'
import svCommon from './sv/common.json'
import svDocuments from './sv/documents.json'
import svEmail from './sv/email.json'
import svOffers from './sv/offers.json'
import svOrganisation from './sv/organisation.json'
import svPages from './sv/pages.json'
import svRegister from './sv/register.json'
import svReview from './sv/review.json'
import svStaff from './sv/staff.json'

type Translations = { [key: string]: string | Translations }

/** Every translation, bundled into the server build. The browser loads only its own language (entry.client.tsx). */
export const resources: Record<AppLocale, Record<Namespace, Translations>> = {
  fi: { common: fiCommon, auth: fiAuth, pages: fiPages, email: fiEmail, organisation: fiOrganisation, documents: fiDocuments, applications: fiApplications, staff: fiStaff, review: fiReview, register: fiRegister, admin: fiAdmin, offers: fiOffers, catalogue: fiCatalogue },
  sv: { common: svCommon, auth: svAuth, pages: svPages, email: svEmail, organisation: svOrganisation, documents: svDocuments, applications: svApplications, staff: svStaff, review: svReview, register: svRegister, admin: svAdmin, offers: svOffers, catalogue: svCatalogue },
  en: { common: enCommon, auth: enAuth, pages: enPages, email: enEmail, organisation: enOrganisation, documents: enDocuments, applications: enApplications, staff: enStaff, review: enReview, register: enRegister, admin: enAdmin, offers: enOffers, catalogue: enCatalogue },
}
