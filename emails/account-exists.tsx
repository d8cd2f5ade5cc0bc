import { Link, Text } from '@react-email/components'
import { EmailLayout } from './email-layout'
import type { EmailT } from './templates'

export type AccountExistsProps = { name: string; loginLink: string; resetLink: string }

/** Sent when someone signs up with an address that already has an account. */
export function AccountExistsEmail({ t, lang, name, loginLink, resetLink }: AccountExistsProps & { t: EmailT; lang: string }) {
  return (
    <EmailLayout t={t} lang={lang} preview={t('accountExists.preview')}>
      <Text>{t('greeting', { name })}</Text>
      <Text>{t('accountExists.body')}</Text>
      <Text>
        <Link href={loginLink}>{t('accountExists.login')}</Link>
      </Text>
      <Text>
        <Link href={resetLink}>{t('accountExists.reset')}</Link>
      </Text>
      <Text>{t('accountExists.ignore')}</Text>
    </EmailLayout>
  )
}
