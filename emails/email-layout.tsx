import { Body, Container, Head, Hr, Html, Preview, Section, Text } from '@react-email/components'
import type { ReactNode } from 'react'
import type { EmailT } from './templates'

/** The frame every email shares: language, preview line, signature. */
export function EmailLayout({ t, lang, preview, children }: { t: EmailT; lang: string; preview: string; children: ReactNode }) {
  return (
    <Html lang={lang}>
      <Head />
      <Preview>{preview}</Preview>
      <Body style={{ fontFamily: 'Arial, sans-serif', color: '#1e293b', backgroundColor: '#ffffff' }}>
        <Container style={{ maxWidth: '600px', padding: '16px' }}>
          <Section>{children}</Section>
          <Hr />
          <Text style={{ fontSize: '13px', color: '#475569' }}>{t('signature')}</Text>
        </Container>
      </Body>
    </Html>
  )
}
