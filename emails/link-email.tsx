import { Button, Text } from '@react-email/components'
import { EmailLayout } from './email-layout'
import type { EmailT } from './templates'

export type LinkEmailProps = { name: string; link: string; validHours: number }

/** An email whose point is one link: verify an address, reset a password, accept an invitation. */
export function LinkEmail({ t, lang, kind, name, link, validHours }: LinkEmailProps & { t: EmailT; lang: string; kind: string }) {
  return (
    <EmailLayout t={t} lang={lang} preview={t(`${kind}.preview`)}>
      <Text>{t('greeting', { name })}</Text>
      <Text>{t(`${kind}.body`)}</Text>
      <Button href={link} style={{ backgroundColor: '#004a73', color: '#ffffff', padding: '12px 20px', borderRadius: '4px' }}>
        {t(`${kind}.action`)}
      </Button>
      <Text>{t('linkFallback')}</Text>
      <Text style={{ wordBreak: 'break-all' }}>{link}</Text>
      <Text>{t('validFor', { count: validHours })}</Text>
      <Text>{t(`${kind}.ignore`)}</Text>
    </EmailLayout>
  )
}
