export type Street = { fi: string; sv: string }

export type Place = {
  postalCodes: string[]
  postOffice: { fi: string; sv: string }
  streets: Street[]
  /** Finnish case forms for running text: genitive (Närpiön alueella), locative (Närpiössä / Laihialla) */
  fiGenitive: string
  fiLocative: string
}

const same = (name: string): Street => ({ fi: name, sv: name })

/** Street names and postal codes per municipality code, in both languages where the municipality has both. */
export const PLACES: Record<string, Place> = {
  '905': {
    postalCodes: ['65100', '65200', '65230', '65320'],
    postOffice: { fi: 'Vaasa', sv: 'Vasa' },
    streets: [
      { fi: 'Hovioikeudenpuistikko', sv: 'Hovrättsesplanaden' },
      { fi: 'Kauppapuistikko', sv: 'Handelsesplanaden' },
      { fi: 'Rantakatu', sv: 'Strandgatan' },
      { fi: 'Pitkäkatu', sv: 'Storalånggatan' },
      { fi: 'Koulukatu', sv: 'Skolhusgatan' },
      { fi: 'Vaasanpuistikko', sv: 'Vasaesplanaden' },
      { fi: 'Palosaarentie', sv: 'Brändövägen' },
    ],
    fiGenitive: 'Vaasan',
    fiLocative: 'Vaasassa',
  },
  '499': {
    postalCodes: ['65610'],
    postOffice: { fi: 'Mustasaari', sv: 'Korsholm' },
    streets: [
      { fi: 'Mustasaarenpuistikko', sv: 'Korsholmsesplanaden' },
      { fi: 'Keskustie', sv: 'Centrumvägen' },
      { fi: 'Sepänkyläntie', sv: 'Smedsbyvägen' },
      { fi: 'Kirkkotie', sv: 'Kyrkvägen' },
    ],
    fiGenitive: 'Mustasaaren',
    fiLocative: 'Mustasaaressa',
  },
  '598': {
    postalCodes: ['68600', '68620'],
    postOffice: { fi: 'Pietarsaari', sv: 'Jakobstad' },
    streets: [
      { fi: 'Isokatu', sv: 'Storgatan' },
      { fi: 'Koulukatu', sv: 'Skolgatan' },
      { fi: 'Alholmankatu', sv: 'Alholmsgatan' },
      { fi: 'Kauppiaankatu', sv: 'Köpmansgatan' },
      { fi: 'Kanavapuistikko', sv: 'Kanalesplanaden' },
    ],
    fiGenitive: 'Pietarsaaren',
    fiLocative: 'Pietarsaaressa',
  },
  '599': {
    postalCodes: ['68910', '68820'],
    postOffice: { fi: 'Pännäinen', sv: 'Bennäs' },
    streets: [{ fi: 'Pännäistentie', sv: 'Bennäsvägen' }, { fi: 'Lepplaksintie', sv: 'Lepplaxvägen' }, { fi: 'Kirkkotie', sv: 'Kyrkvägen' }],
    fiGenitive: 'Pedersören',
    fiLocative: 'Pedersöressä',
  },
  '893': {
    postalCodes: ['66900'],
    postOffice: { fi: 'Uusikaarlepyy', sv: 'Nykarleby' },
    streets: [{ fi: 'Topeliuksenpuistikko', sv: 'Topeliusesplanaden' }, { fi: 'Isokatu', sv: 'Storgatan' }, { fi: 'Kauppiaankatu', sv: 'Köpmansgatan' }],
    fiGenitive: 'Uudenkaarlepyyn',
    fiLocative: 'Uudessakaarlepyyssä',
  },
  '440': {
    postalCodes: ['68570'],
    postOffice: { fi: 'Luoto', sv: 'Larsmo' },
    streets: [same('Larsmovägen'), same('Bosundvägen'), same('Holmvägen')],
    fiGenitive: 'Luodon',
    fiLocative: 'Luodossa',
  },
  '946': {
    postalCodes: ['66600'],
    postOffice: { fi: 'Vöyri', sv: 'Vörå' },
    streets: [{ fi: 'Vöyrintie', sv: 'Vöråvägen' }, { fi: 'Keskustie', sv: 'Centrumvägen' }, { fi: 'Kirkkotie', sv: 'Kyrkvägen' }],
    fiGenitive: 'Vöyrin',
    fiLocative: 'Vöyrillä',
  },
  '475': {
    postalCodes: ['66100'],
    postOffice: { fi: 'Maalahti', sv: 'Malax' },
    streets: [{ fi: 'Maalahdentie', sv: 'Malaxvägen' }, { fi: 'Kauppiaantie', sv: 'Köpmansvägen' }, { fi: 'Koulutie', sv: 'Skolvägen' }],
    fiGenitive: 'Maalahden',
    fiLocative: 'Maalahdella',
  },
  '280': {
    postalCodes: ['66200'],
    postOffice: { fi: 'Korsnäs', sv: 'Korsnäs' },
    streets: [same('Korsnäsvägen'), same('Molpevägen'), same('Strandvägen')],
    fiGenitive: 'Korsnäsin',
    fiLocative: 'Korsnäsissä',
  },
  '545': {
    postalCodes: ['64200'],
    postOffice: { fi: 'Närpiö', sv: 'Närpes' },
    streets: [same('Köpmansgatan'), same('Kyrkvägen'), same('Närpesvägen'), same('Stationsvägen'), same('Nämndemansvägen')],
    fiGenitive: 'Närpiön',
    fiLocative: 'Närpiössä',
  },
  '231': {
    postalCodes: ['64260'],
    postOffice: { fi: 'Kaskinen', sv: 'Kaskö' },
    streets: [{ fi: 'Raatihuoneenkatu', sv: 'Rådhusgatan' }, { fi: 'Rantakatu', sv: 'Strandgatan' }, { fi: 'Kirkkokatu', sv: 'Kyrkogatan' }],
    fiGenitive: 'Kaskisten',
    fiLocative: 'Kaskisissa',
  },
  '287': {
    postalCodes: ['64100'],
    postOffice: { fi: 'Kristiinankaupunki', sv: 'Kristinestad' },
    streets: [
      { fi: 'Itäinen Pitkäkatu', sv: 'Östra Långgatan' },
      { fi: 'Läntinen Pitkäkatu', sv: 'Västra Långgatan' },
      { fi: 'Merikatu', sv: 'Sjögatan' },
      { fi: 'Aitakatu', sv: 'Staketgatan' },
    ],
    fiGenitive: 'Kristiinankaupungin',
    fiLocative: 'Kristiinankaupungissa',
  },
  '399': {
    postalCodes: ['66400'],
    postOffice: { fi: 'Laihia', sv: 'Laihela' },
    streets: [same('Laihiantie'), same('Keskustie'), same('Kirkkotie'), same('Koulutie')],
    fiGenitive: 'Laihian',
    fiLocative: 'Laihialla',
  },
  '152': {
    postalCodes: ['61500'],
    postOffice: { fi: 'Isokyrö', sv: 'Storkyro' },
    streets: [same('Kyröntie'), same('Orisbergintie'), same('Kirkkotie')],
    fiGenitive: 'Isonkyrön',
    fiLocative: 'Isossakyrössä',
  },
}

export function place(municipalityCode: string): Place {
  const found = PLACES[municipalityCode]
  if (!found) throw new Error(`No place data for municipality ${municipalityCode}`)
  return found
}

