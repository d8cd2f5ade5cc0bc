import type { Prisma } from '../../app/generated/prisma/client'
import { encryptIdentityCode, hashIdentityCode } from '../../app/modules/clients/identity-code.server'
import { emailLocalPart, landline, mobile } from './contact'
import { addDays, day } from './dates'
import { seedId } from './ids'
import { makeIdentityCode } from './identity-code'
import { FINLAND_SWEDISH_SURNAMES } from './names'
import { place } from './places'
import { chance, faker, fakerFI, int, pick } from './random'
import type { ClientScenario } from './voucher-scenarios'

/** First names of the generation born 1930–1960. */
const FIRST_NAMES = {
  sv: {
    female: ['Margit', 'Elsa', 'Ingrid', 'Anna-Lisa', 'Rut', 'Gunhild', 'Märta', 'Solveig', 'Birgitta', 'Ulla', 'Majvor', 'Siv'],
    male: ['Rolf', 'Gösta', 'Bertil', 'Erik', 'Holger', 'Karl-Erik', 'Sven', 'Ragnar', 'Bror', 'Lars', 'Stig', 'Ture'],
  },
  fi: {
    female: ['Aili', 'Helvi', 'Maire', 'Raili', 'Sirkka', 'Anneli', 'Pirkko', 'Terttu', 'Eila', 'Marjatta'],
    male: ['Eino', 'Veikko', 'Pentti', 'Reino', 'Tauno', 'Erkki', 'Kalevi', 'Matti', 'Olavi', 'Heikki'],
  },
}


export type ClientModel = {
  id: string
  scenario: ClientScenario
  identityCode: string
  dateOfBirth: Date
}

export type ClientsBuild = { rows: Prisma.ClientCreateManyInput[]; models: ClientModel[] }

function personName(scenario: ClientScenario): [string, string] {
  if (scenario.name) return scenario.name
  const sex = scenario.female ? 'female' : 'male'
  if (scenario.language === 'sv') return [pick(FIRST_NAMES.sv[sex]), pick(FINLAND_SWEDISH_SURNAMES)]
  if (scenario.language === 'fi') return [pick(FIRST_NAMES.fi[sex]), fakerFI.person.lastName()]
  return [faker.person.firstName(sex), faker.person.lastName()]
}

/** An individual number of the right parity: even for women, odd for men. */
function individualNumber(female: boolean): number {
  const number = int(2, 898)
  return number % 2 === (female ? 0 : 1) ? number : number + 1
}

/** Clients; `firstDecisionAt` gives each client's first voucher decision, when the client record was made. */
export function buildClients(scenarios: ClientScenario[], firstDecisionAt: (index: number) => Date): ClientsBuild {
  const build: ClientsBuild = { rows: [], models: [] }
  const codes = new Set<string>()
  const names = new Set<string>()
  scenarios.forEach((scenario, index) => {
    const id = seedId('client', index + 1)
    let [firstName, lastName] = personName(scenario)
    while (names.has(`${firstName} ${lastName}`)) [firstName, lastName] = personName(scenario)
    names.add(`${firstName} ${lastName}`)
    const dateOfBirth = scenario.dateOfBirth
      ? day(scenario.dateOfBirth)
      : addDays(day('1930-01-01'), int(0, Math.floor((day('1960-12-31').getTime() - day('1930-01-01').getTime()) / 86_400_000)))
    let identityCode: string
    do {
      identityCode = makeIdentityCode(dateOfBirth, index === 7 ? 'Y' : '-', individualNumber(scenario.female))
    } while (codes.has(identityCode))
    codes.add(identityCode)
    const places = place(scenario.municipality)
    const streetLanguage = scenario.language === 'fi' ? 'fi' : 'sv'
    const createdAt = firstDecisionAt(index)
    build.rows.push({
      id,
      firstName,
      lastName,
      dateOfBirth,
      identityCodeCipher: encryptIdentityCode(identityCode),
      identityCodeHash: hashIdentityCode(identityCode),
      municipalityCode: scenario.municipality,
      preferredLanguage: scenario.language,
      streetAddress: `${pick(places.streets)[streetLanguage]} ${int(1, 40)}${chance(0.3) ? ` ${pick(['A', 'B', 'C'])} ${int(1, 12)}` : ''}`,
      postalCode: pick(places.postalCodes),
      phone: chance(0.85) ? (chance(0.6) ? mobile() : landline()) : null,
      email: chance(0.35) ? `${emailLocalPart(`${firstName} ${lastName}`)}@example.com` : null,
      createdAt,
      updatedAt: createdAt,
    })
    build.models.push({ id, scenario, identityCode, dateOfBirth })
  })
  return build
}
