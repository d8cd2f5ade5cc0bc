import { z } from 'zod'
import { isIsoDate } from '~/modules/documents/dates'

/**
 * The new rulebook version form, shared by server and browser. Messages are translation keys in the admin namespace
 * (`admin:errors.…`) or the common one (`errors.tooLong`). Bodies are plain text: paragraphs separated by blank lines.
 */
export const versionMaxLength = 40
export const titleMaxLength = 300
export const bodyMaxLength = 100_000

const requiredText = (max: number, required: string) =>
  z.string({ error: required }).trim().min(1, required).max(max, 'errors.tooLong')

/** Line endings as "\n", no trailing spaces on lines, at most one blank line between paragraphs. */
export function normaliseBody(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

/** Plain text → its paragraphs (split at blank lines); single line breaks stay inside a paragraph. */
export function paragraphs(text: string): string[] {
  return normaliseBody(text)
    .split(/\n\s*\n/)
    .filter((paragraph) => paragraph.trim() !== '')
}

const body = (required: string) => requiredText(bodyMaxLength, required).transform(normaliseBody)

export const rulebookSchema = z.object({
  version: requiredText(versionMaxLength, 'admin:errors.versionRequired').refine(
    (value) => value === '' || /^[\p{L}\p{N}][\p{L}\p{N} ._/-]*$/u.test(value),
    'admin:errors.versionInvalid',
  ),
  effectiveFrom: z
    .string({ error: 'admin:errors.effectiveFromRequired' })
    .trim()
    .min(1, 'admin:errors.effectiveFromRequired')
    .refine(isIsoDate, 'admin:errors.dateInvalid'),
  titleFi: requiredText(titleMaxLength, 'admin:errors.titleFiRequired'),
  titleSv: requiredText(titleMaxLength, 'admin:errors.titleSvRequired'),
  titleEn: requiredText(titleMaxLength, 'admin:errors.titleEnRequired'),
  bodyFi: body('admin:errors.bodyFiRequired'),
  bodySv: body('admin:errors.bodySvRequired'),
  bodyEn: body('admin:errors.bodyEnRequired'),
})
export type RulebookInput = z.infer<typeof rulebookSchema>
export type RulebookFormInput = z.input<typeof rulebookSchema>
