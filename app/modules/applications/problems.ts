import type { ApplicationStatus } from '~/generated/prisma/client'
import type { AppLocale } from '~/i18n'
import { formatDate } from '~/utils/format'
import { nameIn, type Names } from './labels'
import type { ChecklistValidity } from './required-documents'

/**
 * Why an application action was refused, in a form the page can translate (names in the reader's language) and
 * link to the part of the page concerned. Pure; shared by the application pages.
 */
export type Problem =
  | { kind: 'document'; code: string; validity: Exclude<ChecklistValidity, 'valid'>; expiresOn: Date | string | null }
  | { kind: 'category'; categoryId: string; reason: 'inactive' | 'inRegister' | 'suspended' | 'openApplication' }
  | { kind: 'rulebookOutdated'; version: string }
  | { kind: 'noRulebook' }
  | { kind: 'conflict' }
  | { kind: 'wrongStatus'; status: ApplicationStatus }

type ServiceRefusal =
  | { error: 'documentsMissing'; problems: { code: string; validity: ChecklistValidity; expiresOn: Date | null }[] }
  | { error: 'categoriesUnavailable'; blocked: { categoryId: string; reason: 'inactive' | 'inRegister' | 'suspended' | 'openApplication' }[] }
  | { error: 'rulebookOutdated'; rulebook: { version: string } }
  | { error: 'noRulebook' }
  | { error: 'conflict' }
  | { error: 'wrongStatus'; status: ApplicationStatus }
  | { error: 'notEditable'; status: ApplicationStatus }

/** The problems of a refused service call; errors the page handles otherwise (404, 403) give none. */
export function problemsOf(refusal: ServiceRefusal | { error: string }): Problem[] {
  const r = refusal as ServiceRefusal
  switch (r.error) {
    case 'documentsMissing':
      return r.problems.flatMap((item) =>
        item.validity === 'valid' ? [] : [{ kind: 'document' as const, code: item.code, validity: item.validity, expiresOn: item.expiresOn }],
      )
    case 'categoriesUnavailable':
      return r.blocked.map((block) => ({ kind: 'category' as const, categoryId: block.categoryId, reason: block.reason }))
    case 'rulebookOutdated':
      return [{ kind: 'rulebookOutdated', version: r.rulebook.version }]
    case 'noRulebook':
      return [{ kind: 'noRulebook' }]
    case 'conflict':
      return [{ kind: 'conflict' }]
    case 'wrongStatus':
    case 'notEditable':
      return [{ kind: 'wrongStatus', status: r.status }]
    default:
      return []
  }
}

type Translate = (key: string, options?: Record<string, unknown>) => string

/** One line of the error summary for a problem, in the reader's language. */
export function problemText(
  problem: Problem,
  t: Translate,
  locale: AppLocale,
  names: { documentTypes: readonly ({ code: string } & Names)[]; categories: readonly ({ id: string } & Names)[] },
): string {
  switch (problem.kind) {
    case 'document': {
      const type = names.documentTypes.find((candidate) => candidate.code === problem.code)
      const document = type ? nameIn(locale, type) : problem.code
      if (problem.validity === 'missing') return t('applications:errors.documentMissing', { document })
      if (problem.validity === 'rejected') return t('applications:errors.documentRejected', { document })
      return t('applications:errors.documentExpired', {
        document,
        date: problem.expiresOn ? formatDate(problem.expiresOn, locale) : '',
      })
    }
    case 'category': {
      const category = names.categories.find((candidate) => candidate.id === problem.categoryId)
      return t('applications:errors.categoryBlocked', {
        category: category ? nameIn(locale, category) : problem.categoryId,
        reason: t(`applications:blocked.${problem.reason}`),
      })
    }
    case 'rulebookOutdated':
      return t('applications:errors.rulebookOutdated', { version: problem.version })
    case 'noRulebook':
      return t('applications:errors.noRulebook')
    case 'conflict':
      return t('applications:errors.conflict')
    case 'wrongStatus':
      return t('applications:errors.wrongStatus', { status: t(`applications:status.${problem.status}`) })
  }
}
