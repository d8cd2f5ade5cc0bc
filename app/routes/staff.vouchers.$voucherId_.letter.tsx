import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { DecisionLetter } from '~/components/issuing/decision-letter'
import letterPrint from '~/components/issuing/letter-print.css?url'
import { Button } from '~/components/ui/button'
import { pageTitle } from '~/i18n.server'
import { decisionLetter } from '~/modules/vouchers/issuing-letter.server'
import { titleFromLoader } from '~/utils/meta'
import { notFound, requirePermission } from '~/utils/session.server'

export const meta = titleFromLoader

/** Only the letter goes on paper (the site's header, footer and the staff menu stay on screen). */
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: letterPrint }]

/**
 * The printable decision letter of a voucher, in the client's preferred language whatever the staff member's own
 * (the texts are made on the server in that language). Opening it is recorded as a view of the client's data.
 * The `_` keeps it out of the voucher page's layout: /staff/vouchers/:id/letter is a page of its own.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'voucher:issue')
  const voucherId = params.voucherId ?? ''
  const letter = await decisionLetter({ id: user.id }, voucherId)
  if (!letter) notFound()
  return { title: await pageTitle(request, 'issuing:letter.pageTitle', { code: letter.code.value }), voucherId, letter }
}

export default function VoucherLetter() {
  const { t } = useTranslation('issuing')
  const { voucherId, letter } = useLoaderData<typeof loader>()
  // printing needs JavaScript: without it the button would do nothing, so it appears once the page is interactive
  const [canPrint, setCanPrint] = useState(false)
  useEffect(() => setCanPrint(true), [])
  return (
    <>
      <div className="mb-6 flex flex-wrap items-center gap-x-6 gap-y-3">
        <Link to={`/staff/vouchers/${voucherId}`}>{t('letter.back')}</Link>
        {canPrint ? (
          <Button type="button" onClick={() => window.print()}>
            {t('letter.print')}
          </Button>
        ) : (
          <span className="text-sm text-slate-700">{t('letter.printHint')}</span>
        )}
        <span className="text-sm text-slate-700">{t('letter.languageNote', { language: t(`languages.${letter.lang}`) })}</span>
      </div>
      <DecisionLetter letter={letter} />
    </>
  )
}
