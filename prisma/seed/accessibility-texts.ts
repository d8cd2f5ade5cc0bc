import type { Language } from './organisation-catalogue'

type Flags = { stepFreeAccess: boolean; hearingLoop: boolean; parking: boolean }

const SENTENCES: Record<Language, { stepFree: [string, string]; hearingLoop: string; parking: [string, string] }> = {
  sv: {
    stepFree: ['Entrén är i gatuplan och dörrarna öppnas automatiskt.', 'Till entrén leder tre trappsteg; ringklocka finns vid dörren.'],
    hearingLoop: 'Hörslinga finns i väntrummet och i mötesrummet.',
    parking: ['Invalidparkering finns framför huset.', 'Närmaste parkering finns vid torget, cirka 200 meter bort.'],
  },
  fi: {
    stepFree: ['Sisäänkäynti on katutasossa, ja ovet avautuvat automaattisesti.', 'Sisäänkäynnille on kolme porrasta; ovella on ovikello.'],
    hearingLoop: 'Odotustilassa ja neuvotteluhuoneessa on induktiosilmukka.',
    parking: ['Invapysäköintipaikka on talon edessä.', 'Lähin pysäköintialue on torilla noin 200 metrin päässä.'],
  },
  en: {
    stepFree: ['The entrance is at street level and the doors open automatically.', 'Three steps lead to the entrance; there is a doorbell.'],
    hearingLoop: 'There is a hearing loop in the waiting room and the meeting room.',
    parking: ['Accessible parking is in front of the building.', 'The nearest car park is at the market square, about 200 metres away.'],
  },
}

/** Accessibility notes from the unit's features, in one language. */
export function accessibilityNote(language: Language, flags: Flags): string {
  const text = SENTENCES[language]
  return [
    text.stepFree[flags.stepFreeAccess ? 0 : 1],
    ...(flags.hearingLoop ? [text.hearingLoop] : []),
    text.parking[flags.parking ? 0 : 1],
  ].join(' ')
}
