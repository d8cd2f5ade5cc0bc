import { describe, it } from 'vitest'
import { checkHostileForms } from '../../../tests/support/hostile-input'
import { applicationFormSchema, newApplicationSchema, withdrawSchema } from './schema'

const values = { categoryIds: ['category-1', 'category-2'], version: ['0', '4'], rulebookId: ['rulebook-1'], acceptRulebook: ['on'] }

describe('application forms against hostile input', { timeout: 30_000 }, () => {
  it('never throws on hostile new, save, submit and withdraw forms, and names each problem with a translated message', () => {
    checkHostileForms(newApplicationSchema, { fields: ['categoryIds'], valid: values })
    checkHostileForms(applicationFormSchema, { fields: Object.keys(values), intents: ['save', 'submit'], valid: values })
    checkHostileForms(withdrawSchema, { fields: ['version'], intents: ['withdraw'], valid: values })
  })
})
