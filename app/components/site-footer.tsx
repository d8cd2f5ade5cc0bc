import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

export function SiteFooter() {
  const { t } = useTranslation()
  const { t: tOpenData } = useTranslation('opendata')
  return (
    <footer className="mt-16 border-t border-slate-300 bg-slate-100">
      <div className="mx-auto flex max-w-6xl flex-wrap gap-6 px-4 py-6">
        <p className="w-full sm:w-auto">{t('app.organiser')}</p>
        <nav aria-label={t('layout.footerNavigation')}>
          <ul className="flex flex-wrap gap-4">
            <li>
              <Link to="/register">{t('nav.register')}</Link>
            </li>
            <li>
              <Link to="/accessibility">{t('nav.accessibility')}</Link>
            </li>
            <li>
              <Link to="/privacy">{t('nav.privacy')}</Link>
            </li>
            <li>
              <Link to="/open-data">{tOpenData('footerLink')}</Link>
            </li>
          </ul>
        </nav>
      </div>
    </footer>
  )
}
