import { faker, fakerFI, fakerSV } from '@faker-js/faker'

export const FAKER_SEED = 20261123

/** Re-seeds every faker instance the seed uses, so each run draws the same values in the same order. */
export function seedRandom(): void {
  faker.seed(FAKER_SEED)
  fakerFI.seed(FAKER_SEED)
  fakerSV.seed(FAKER_SEED)
}

/** A float in [0, 1) from the seeded faker, for code that takes a Math.random-like function. */
export function seededFloat(): number {
  return faker.number.float({ min: 0, max: 1 })
}

export function pick<T>(items: readonly T[]): T {
  return faker.helpers.arrayElement(items)
}

export function int(min: number, max: number): number {
  return faker.number.int({ min, max })
}

export function chance(probability: number): boolean {
  return faker.datatype.boolean({ probability })
}

/** Money rounded to whole 10 cents. */
export function roundTo10(cents: number): number {
  return Math.round(cents / 10) * 10
}

export { faker, fakerFI, fakerSV }
