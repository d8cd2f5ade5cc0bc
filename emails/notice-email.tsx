import { Button, Text } from '@react-email/components'
import { EmailLayout } from './email-layout'
import type { EmailT } from './templates'

export type NoticeEmailProps = {
  name: string
  /** interpolated into the texts, e.g. { organisation: 'Närpes hemvård Ab' } */
  values: Record<string, string>
  /** where the recipient acts on the notice */
  link: string
  /** a list under the body, e.g. reasons per section or missing documents (already in the recipient's language) */
  items?: string[]
}

/** A state-change notice: a greeting, a body, an optional list, and a link to the page it concerns. */
export function NoticeEmail({ t, lang, kind, name, values, link, items }: NoticeEmailProps & { t: EmailT; lang: string; kind: string }) {
  return (
    <EmailLayout t={t} lang={lang} preview={t(`${kind}.preview`, values)}>
      <Text>{t('greeting', { name })}</Text>
      <Text>{t(`${kind}.body`, values)}</Text>
      {items?.length ? (
        <ul>
          {items.map((item) => (
            <li key={item}>
              <Text style={{ margin: '4px 0' }}>{item}</Text>
            </li>
          ))}
        </ul>
      ) : null}
      <Button href={link} style={{ backgroundColor: '#004a73', color: '#ffffff', padding: '12px 20px', borderRadius: '4px' }}>
        {t(`${kind}.action`, values)}
      </Button>
      <Text>{t('linkFallback')}</Text>
      <Text style={{ wordBreak: 'break-all' }}>{link}</Text>
    </EmailLayout>
  )
}
