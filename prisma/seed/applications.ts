import type { ApplicationStatus, CategoryDecision, Prisma } from '../../app/generated/prisma/client'
import { NOTES, REJECTION_REASONS, RETURN_REASONS, RETURNED_SECTIONS } from './application-texts'
import { addDays, at, daysBeforeReference, startOfDay } from './dates'
import { seedId } from './ids'
import type { OrganisationModel } from './organisations'
import { int } from './random'
import type { Category } from './reference-data'
import { EXPIRED_TAX_DEBT, SUSPENSION, TAX_DEBT_LAPSED_AT } from './watch-scenarios'

export type Actors = { owner: string; reviewer: string; admin: string }

export type EntryModel = {
  id: string
  organisation: OrganisationModel
  categoryCode: string
  status: 'ACTIVE' | 'SUSPENDED'
  decidedAt: Date
}

export type ApplicationsBuild = {
  applications: Prisma.RegisterApplicationCreateManyInput[]
  applicationCategories: Prisma.ApplicationCategoryCreateManyInput[]
  events: Prisma.ApplicationEventCreateManyInput[]
  sectionReviews: Prisma.ApplicationSectionReviewCreateManyInput[]
  registerEntries: Prisma.RegisterEntryCreateManyInput[]
  entries: EntryModel[]
  /** organisation number → when it first submitted an application (documents are dated before it) */
  firstSubmittedAt: Map<number, Date>
  /** organisation number → every category it has applied for */
  appliedCategories: Map<number, string[]>
}

type Input = {
  organisation: OrganisationModel
  categories: Map<string, Category>
  actors: Actors
  rulebookId: string
  /** document sections the reviewer checks: documents:<TYPE> per required type */
  documentTypes: string[]
}

/** A moment some whole days after `from`, in office hours. */
function later(from: Date, minDays: number, maxDays: number): Date {
  return at(addDays(startOfDay(from), int(minDays, maxDays)), int(8, 15), int(0, 59))
}

/** One application told as a sequence of status changes; each change is an ApplicationEvent. */
class Story {
  readonly events: Prisma.ApplicationEventCreateManyInput[] = []
  readonly reviews: Prisma.ApplicationSectionReviewCreateManyInput[] = []
  status: ApplicationStatus = 'DRAFT'
  time: Date
  submittedAt: Date | null = null
  rulebookAcceptedAt: Date | null = null
  assigned = false
  decidedAt: Date | null = null

  constructor(
    readonly id: string,
    start: Date,
    private readonly input: Input,
  ) {
    this.time = start
    this.record(null, 'DRAFT', input.actors.owner, null)
  }

  private record(from: ApplicationStatus | null, to: ApplicationStatus, actorId: string, note: string | null) {
    this.events.push({
      id: `${this.id}-event-${this.events.length + 1}`,
      applicationId: this.id,
      fromStatus: from,
      toStatus: to,
      actorId,
      note,
      createdAt: this.time,
    })
    this.status = to
  }

  move(to: ApplicationStatus, when: Date, actorId: string, note: string | null = null): this {
    this.time = when
    if (to === 'SUBMITTED') {
      this.submittedAt = when
      this.rulebookAcceptedAt = when
    }
    if (to === 'IN_REVIEW') this.assigned = true
    if (to === 'APPROVED' || to === 'REJECTED') this.decidedAt = when
    this.record(this.status, to, actorId, note)
    return this
  }

  /** Section reviews written just before `when`: RETURNED for the listed sections, CHECKED for the rest. */
  review(sections: string[], returned: string[], when: Date, language: 'fi' | 'sv'): this {
    sections.forEach((section, index) => {
      const isReturned = returned.includes(section)
      this.reviews.push({
        id: `${this.id}-review-${this.reviews.length + 1}`,
        applicationId: this.id,
        section,
        status: isReturned ? 'RETURNED' : 'CHECKED',
        reason: isReturned ? (RETURN_REASONS[section]?.[language] ?? null) : null,
        reviewerId: this.input.actors.reviewer,
        createdAt: new Date(when.getTime() - (sections.length - index) * 120_000),
      })
    })
    return this
  }

  row(decisionReason: string | null): Prisma.RegisterApplicationCreateManyInput {
    const created = this.events[0]!.createdAt as Date
    return {
      id: this.id,
      organisationId: this.input.organisation.id,
      status: this.status,
      version: this.events.length - 1,
      rulebookId: this.rulebookAcceptedAt ? this.input.rulebookId : null,
      rulebookAcceptedAt: this.rulebookAcceptedAt,
      createdById: this.input.actors.owner,
      assignedToId: this.assigned ? this.input.actors.reviewer : null,
      submittedAt: this.submittedAt,
      decidedAt: this.decidedAt,
      decisionReason,
      createdAt: created,
      updatedAt: this.time,
    }
  }
}

function sectionsOf(input: Input): string[] {
  return ['organisation', ...input.documentTypes.map((type) => `documents:${type}`), 'categories', 'rulebook']
}

function isTwoStep(input: Input, codes: string[]): boolean {
  return codes.some((code) => input.categories.get(code)?.reviewMode === 'TWO_STEP')
}

/** draft → submitted → in review → (returned → submitted → in review) → approved */
function approvedStory(input: Input, id: string, start: Date, codes: string[]): Story {
  const { organisation, actors } = input
  const language = organisation.language
  const sections = sectionsOf(input)
  const returned = RETURNED_SECTIONS[organisation.spec.number] ?? []
  const story = new Story(id, start, input)
  story.move('SUBMITTED', later(start, 2, 12), actors.owner)
  story.move('IN_REVIEW', later(story.time, 1, 4), actors.reviewer)
  if (returned.length > 0) {
    const returnedAt = later(story.time, 2, 6)
    story.review(sections, returned, returnedAt, language).move('RETURNED', returnedAt, actors.reviewer, NOTES.returned[language])
    story.move('SUBMITTED', later(story.time, 3, 10), actors.owner, NOTES.resubmitted[language])
    story.move('IN_REVIEW', later(story.time, 1, 3), actors.reviewer)
  }
  const decidedAt = later(story.time, 3, 14)
  story.review(returned.length > 0 ? returned : sections, [], decidedAt, language)
  const decider = isTwoStep(input, codes) ? actors.admin : actors.reviewer
  return story.move('APPROVED', decidedAt, decider, NOTES.approved[language])
}

/** The story of an application that is not (yet) approved, ending in its catalogue status. */
function pendingStory(input: Input, id: string, status: ApplicationStatus): Story {
  const { organisation, actors } = input
  const language = organisation.language
  const sections = sectionsOf(input)
  const returned = RETURNED_SECTIONS[organisation.spec.number] ?? []
  const submitDaysAgo: Partial<Record<ApplicationStatus, [number, number]>> = {
    SUBMITTED: [1, 6],
    IN_REVIEW: [10, 20],
    RETURNED: [20, 30],
    REJECTED: [30, 45],
    WITHDRAWN: [25, 40],
  }
  const window = submitDaysAgo[status]
  if (!window) return new Story(id, later(daysBeforeReference(14), 1, 12), input)
  const submittedAt = later(daysBeforeReference(window[1]), 0, window[1] - window[0])
  const story = new Story(id, later(submittedAt, -12, -3), input)
  story.move('SUBMITTED', submittedAt, actors.owner)
  if (status === 'SUBMITTED') return story
  if (status === 'WITHDRAWN') return story.move('WITHDRAWN', later(story.time, 3, 8), actors.owner, NOTES.withdrawn[language])
  story.move('IN_REVIEW', later(story.time, 1, 3), actors.reviewer)
  if (status === 'IN_REVIEW') {
    const checked = organisation.spec.number % 2 === 0 ? sections : sections.slice(0, Math.ceil(sections.length / 2))
    return story.review(checked, [], later(story.time, 1, 2), language)
  }
  if (status === 'RETURNED') {
    const returnedAt = later(story.time, 2, 5)
    return story.review(sections, returned, returnedAt, language).move('RETURNED', returnedAt, actors.reviewer, NOTES.returned[language])
  }
  const rejectedAt = later(story.time, 5, 10)
  return story.review(sections, [], rejectedAt, language).move('REJECTED', rejectedAt, actors.reviewer)
}

function categoryDecision(status: ApplicationStatus, twoStep: boolean): CategoryDecision {
  if (status === 'APPROVED') return 'APPROVED'
  if (status === 'REJECTED') return 'REJECTED'
  if (status === 'IN_REVIEW' && twoStep) return 'PROPOSED_APPROVE'
  return 'PENDING'
}

/** Extra applications beside the main one: an earlier rejection, and a later application for one more category. */
const EARLIER_REJECTION: Record<number, string> = { 12: 'personal-assistance' }
const LATER_APPLICATION: Record<number, string> = { 8: 'short-term-care' }

export function buildApplications(inputs: Input[]): ApplicationsBuild {
  const build: ApplicationsBuild = {
    applications: [],
    applicationCategories: [],
    events: [],
    sectionReviews: [],
    registerEntries: [],
    entries: [],
    firstSubmittedAt: new Map(),
    appliedCategories: new Map(),
  }
  const add = (input: Input, story: Story, codes: string[], decisionReason: string | null = null) => {
    build.applications.push(story.row(decisionReason))
    build.events.push(...story.events)
    build.sectionReviews.push(...story.reviews)
    const twoStep = isTwoStep(input, codes)
    for (const code of codes) {
      build.applicationCategories.push({
        applicationId: story.id,
        categoryId: input.categories.get(code)!.id,
        decision: categoryDecision(story.status, twoStep),
      })
    }
    const number = input.organisation.spec.number
    const applied = build.appliedCategories.get(number) ?? []
    build.appliedCategories.set(number, [...applied, ...codes.filter((code) => !applied.includes(code))])
    if (story.submittedAt && !build.firstSubmittedAt.has(number)) build.firstSubmittedAt.set(number, story.submittedAt)
  }

  for (const input of inputs) {
    const { organisation, actors } = input
    const { spec } = organisation
    let start = new Date(organisation.createdAt.getTime() + int(20, 30 * 60) * 60_000)
    let index = 1

    const rejected = EARLIER_REJECTION[spec.number]
    if (rejected) {
      const story = new Story(seedId('app', spec.number, index++), start, input)
      story.move('SUBMITTED', later(start, 1, 5), actors.owner)
      story.move('IN_REVIEW', later(story.time, 1, 3), actors.reviewer)
      const rejectedAt = later(story.time, 5, 12)
      story.review(sectionsOf(input), [], rejectedAt, organisation.language).move('REJECTED', rejectedAt, actors.reviewer)
      add(input, story, [rejected], REJECTION_REASONS[spec.number] ?? null)
      start = later(story.time, 20, 40)
    }

    const id = seedId('app', spec.number, index++)
    if (spec.status !== 'APPROVED') {
      const reason = spec.status === 'REJECTED' ? (REJECTION_REASONS[spec.number] ?? null) : null
      add(input, pendingStory(input, id, spec.status), spec.categories, reason)
      continue
    }
    const story = approvedStory(input, id, start, spec.categories)
    add(input, story, spec.categories)
    for (const code of spec.categories) {
      const suspended = spec.number === SUSPENSION.organisation && code === SUSPENSION.category
      const entryId = seedId('entry', spec.number, code)
      const decidedAt = story.decidedAt!
      build.registerEntries.push({
        id: entryId,
        organisationId: organisation.id,
        categoryId: input.categories.get(code)!.id,
        status: suspended ? 'SUSPENDED' : 'ACTIVE',
        validFrom: startOfDay(decidedAt),
        applicationId: story.id,
        decidedById: isTwoStep(input, spec.categories) ? actors.admin : actors.reviewer,
        decidedAt,
        statusReason: suspended ? SUSPENSION.reason : null,
        statusChangedAt: suspended ? SUSPENSION.at : decidedAt,
        lapsedAt: suspended
          ? SUSPENSION.lapsedAt
          : spec.number === EXPIRED_TAX_DEBT.organisation
            ? TAX_DEBT_LAPSED_AT
            : null,
      })
      build.entries.push({ id: entryId, organisation, categoryCode: code, status: suspended ? 'SUSPENDED' : 'ACTIVE', decidedAt })
    }

    const extra = LATER_APPLICATION[spec.number]
    if (extra) {
      add(input, pendingStory(input, seedId('app', spec.number, index++), 'SUBMITTED'), [extra])
    }
  }
  return build
}
