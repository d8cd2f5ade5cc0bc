import { parseSection } from '~/modules/applications/labels'

/**
 * The sections a reviewer checks or returns (pure). Stored in ApplicationSectionReview.section as "organisation",
 * "categories", "rulebook" or "documents:<TYPE>" (the applicant's page reads them with `parseSection`).
 */
export type SectionKey = 'organisation' | 'categories' | 'rulebook' | `documents:${string}`

export const documentCodePattern = /^[A-Z0-9_]{1,64}$/

/** The sections of an application in page order: the organisation, every required document, categories, rulebook. */
export function sectionsFor(requiredDocumentCodes: readonly string[]): SectionKey[] {
  return ['organisation', ...requiredDocumentCodes.map((code) => `documents:${code}` as const), 'categories', 'rulebook']
}

export function documentSection(code: string): SectionKey {
  return `documents:${code}`
}

/** Whether `section` is well formed (it may still not apply to an application: see sectionsFor). */
export function isSectionKey(section: string): section is SectionKey {
  const parsed = parseSection(section)
  return parsed.kind === 'document' ? documentCodePattern.test(parsed.code) : parsed.kind !== 'other'
}

export type SectionReviewRow = {
  section: string
  status: 'CHECKED' | 'RETURNED'
  createdAt: Date | string
}

/**
 * Where each section stands in the current review round: the latest review of the section written since the
 * application was last submitted (`since`), or none. Older reviews belong to earlier rounds.
 */
export function currentSectionStates<T extends SectionReviewRow>(
  reviews: readonly T[],
  since: Date | string | null,
): Map<string, T> {
  const from = since ? new Date(since).getTime() : -Infinity
  const states = new Map<string, T>()
  for (const review of [...reviews].sort((a, b) => new Date(a.createdAt).getTime() - new Date(b.createdAt).getTime())) {
    if (new Date(review.createdAt).getTime() >= from) states.set(review.section, review)
  }
  return states
}
