import { capitalise, categoryWords } from './category-words'
import type { Language } from './organisation-catalogue'
import { place } from './places'
import { pick } from './random'

export type OfferTextInput = {
  categoryCode: string
  organisationName: string
  municipalityCode: string
  /** the municipality's name in Swedish and in Finnish */
  municipalitySv: string
  municipalityFi: string
  /** the organisation's own language, for the English texts' place names */
  ownLanguage: 'fi' | 'sv'
}

type Words = {
  sv: string
  fiNominative: string
  fiPartitive: string
  en: string
  org: string
  mun: string
  gen: string
  loc: string
}

const TITLES: Record<Language, ((w: Words) => string)[]> = {
  sv: [
    (w) => `${capitalise(w.sv)} med omsorg i hela ${w.mun}`,
    (w) => `${capitalise(w.sv)} i ${w.mun} med erfaren personal`,
    (w) => `${capitalise(w.sv)} nära dig i ${w.mun}`,
    (w) => `${capitalise(w.sv)} på ditt eget språk`,
    (w) => `${capitalise(w.sv)} med servicesedel i ${w.mun}`,
    (w) => `${capitalise(w.sv)} – ${w.org}`,
    (w) => `${capitalise(w.sv)} för dig i ${w.mun} med omnejd`,
    (w) => `${capitalise(w.sv)} med fast kontaktperson`,
    (w) => `Trygg vardag: ${w.sv} i ${w.mun}`,
    (w) => `${capitalise(w.sv)} i ${w.mun} – vi har tid för dig`,
  ],
  fi: [
    (w) => `${capitalise(w.fiPartitive)} ${w.gen} alueella`,
    (w) => `${capitalise(w.fiNominative)} ${w.loc}`,
    (w) => `Luotettavaa ${w.fiPartitive} ${w.loc}`,
    (w) => `Yksilöllistä ${w.fiPartitive} ${w.gen} seudulla`,
    (w) => `${capitalise(w.fiNominative)} palvelusetelillä ${w.loc}`,
    (w) => `${capitalise(w.fiNominative)} – ${w.org}`,
    (w) => `Laadukasta ${w.fiPartitive} lähelläsi`,
    (w) => `${capitalise(w.fiNominative)} omalla kielelläsi`,
    (w) => `Turvallista arkea: ${w.fiNominative} ${w.loc}`,
    (w) => `${capitalise(w.fiNominative)} ${w.loc} – meillä on aikaa sinulle`,
  ],
  en: [
    (w) => `${capitalise(w.en)} in ${w.mun}`,
    (w) => `${capitalise(w.en)} with a named contact person`,
    (w) => `${capitalise(w.en)} close to you in ${w.mun}`,
    (w) => `${capitalise(w.en)} with a service voucher`,
    (w) => `Reliable ${w.en} in ${w.mun}`,
    (w) => `${capitalise(w.en)} in your own language`,
  ],
}

const OPENINGS: Record<Language, ((w: Words) => string)[]> = {
  sv: [
    (w) => `Vi erbjuder ${w.sv} i ${w.mun} med omnejd.`,
    (w) => `${w.org} har erbjudit ${w.sv} i ${w.mun} i många år.`,
    () => 'Med servicesedeln kan du välja oss som din serviceproducent.',
    (w) => `Vårt team ger ${w.sv} med tid för samtal och omtanke.`,
    (w) => `Hos oss får du ${w.sv} av utbildad personal som känner trakten.`,
  ],
  fi: [
    (w) => `Tarjoamme ${w.fiPartitive} ${w.gen} alueella.`,
    (w) => `${w.org} on tarjonnut ${w.fiPartitive} ${w.loc} jo vuosia.`,
    () => 'Palvelusetelillä voit valita meidät palveluntuottajaksesi.',
    (w) => `Tiimimme tarjoaa ${w.fiPartitive}, jossa on aikaa kohtaamiselle.`,
    (w) => `Meiltä saat ${w.fiPartitive} koulutetulta henkilökunnalta, joka tuntee seudun.`,
  ],
  en: [
    (w) => `We provide ${w.en} in ${w.mun} and nearby.`,
    (w) => `${w.org} has provided ${w.en} in ${w.mun} for many years.`,
    () => 'With your service voucher you can choose us as your provider.',
  ],
}

const CLOSINGS: Record<Language, string[]> = {
  sv: [
    'Kontakta oss så berättar vi mer om lediga tider.',
    'Ring oss gärna innan du väljer, så kan vi träffas och planera tillsammans.',
    'Vi följer upp servicen tillsammans med dig och dina närstående.',
    'Vi svarar på frågor vardagar kl. 8–16.',
    'Självriskandelen syns i jämförelsen och vi fakturerar den en gång i månaden.',
  ],
  fi: [
    'Ota yhteyttä, niin kerromme lisää vapaista ajoista.',
    'Soita meille ennen valintaa, niin voimme tavata ja suunnitella yhdessä.',
    'Seuraamme palvelua yhdessä sinun ja läheistesi kanssa.',
    'Vastaamme kysymyksiin arkisin klo 8–16.',
    'Omavastuuosuus näkyy vertailussa, ja laskutamme sen kerran kuukaudessa.',
  ],
  en: [
    'Contact us to hear about free places.',
    'We review the service together with you and your family.',
    'We answer questions on weekdays from 8 am to 4 pm.',
  ],
}

function words(input: OfferTextInput, language: Language): Words {
  const category = categoryWords(input.categoryCode)
  const { fiGenitive, fiLocative } = place(input.municipalityCode)
  const english = input.ownLanguage === 'fi' ? input.municipalityFi : input.municipalitySv
  return {
    sv: category.sv,
    fiNominative: category.fiNominative,
    fiPartitive: category.fiPartitive,
    en: category.en,
    org: input.organisationName,
    mun: language === 'en' ? english : input.municipalitySv,
    gen: fiGenitive,
    loc: fiLocative,
  }
}

/** A title and a three-sentence description in one language, varied from the templates. */
export function offerText(input: OfferTextInput, language: Language): { title: string; description: string } {
  const w = words(input, language)
  const about = categoryWords(input.categoryCode)
  const aboutSentence = { sv: about.aboutSv, fi: about.aboutFi, en: about.aboutEn }[language]
  return {
    title: pick(TITLES[language])(w),
    description: [pick(OPENINGS[language])(w), aboutSentence, pick(CLOSINGS[language])].join(' '),
  }
}
