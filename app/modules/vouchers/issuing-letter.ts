/**
 * The decision letter as data: every text already in the client's language (issuing-letter.server.ts writes it, the
 * page only lays it out). Pure types, shared with the letter's component.
 */
export type LetterBlock = { kind: 'paragraph'; text: string } | { kind: 'steps'; items: string[] }

/** A section of the letter: a heading, then paragraphs and numbered steps in order. */
export type LetterSection = { id: string; heading: string; blocks: LetterBlock[] }

export type DecisionLetter = {
  lang: 'fi' | 'sv' | 'en'
  organiser: string
  title: string
  reference: string
  recipient: string[]
  intro: string
  facts: { term: string; value: string }[]
  code: { term: string; value: string }
  sections: LetterSection[]
  signature: string
}
