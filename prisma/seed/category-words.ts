/** How each category is named in running text, and one sentence on what the service includes. */
export type CategoryWords = {
  sv: string
  fiNominative: string
  fiPartitive: string
  en: string
  aboutSv: string
  aboutFi: string
  aboutEn: string
}

export const CATEGORY_WORDS: Record<string, CategoryWords> = {
  'home-care': {
    sv: 'hemvård',
    fiNominative: 'kotihoito',
    fiPartitive: 'kotihoitoa',
    en: 'home care',
    aboutSv: 'Vi hjälper med personlig hygien, mediciner, måltider och allt som behövs för att det ska vara tryggt att bo kvar hemma.',
    aboutFi: 'Autamme henkilökohtaisessa hygieniassa, lääkehoidossa ja ruokailussa sekä kaikessa, mitä turvallinen kotona asuminen vaatii.',
    aboutEn: 'We help with personal hygiene, medicines, meals and everything else that makes it safe to go on living at home.',
  },
  'support-services': {
    sv: 'stödtjänster',
    fiNominative: 'tukipalvelut',
    fiPartitive: 'kotiapua',
    en: 'support services',
    aboutSv: 'Städning, tvätt, inköp och ärenden sköts enligt en plan som vi gör upp tillsammans med dig.',
    aboutFi: 'Siivous, pyykinpesu, kauppa-asiat ja asioinnit hoidetaan yhdessä kanssasi laaditun suunnitelman mukaan.',
    aboutEn: 'Cleaning, laundry, shopping and errands are taken care of according to a plan we make together with you.',
  },
  'round-the-clock-housing': {
    sv: 'serviceboende med heldygnsomsorg',
    fiNominative: 'ympärivuorokautinen palveluasuminen',
    fiPartitive: 'ympärivuorokautista palveluasumista',
    en: 'round-the-clock service housing',
    aboutSv: 'Du bor i en egen lägenhet med personal på plats dygnet runt, gemensamma måltider och aktiviteter varje dag.',
    aboutFi: 'Asut omassa asunnossa, ja henkilökunta on paikalla ympäri vuorokauden. Päivään kuuluvat yhteiset ateriat ja virikkeet.',
    aboutEn: 'You live in your own flat with staff on site day and night, shared meals and activities every day.',
  },
  'community-housing': {
    sv: 'gemenskapsboende',
    fiNominative: 'yhteisöllinen asuminen',
    fiPartitive: 'yhteisöllistä asumista',
    en: 'community housing',
    aboutSv: 'Ett tillgängligt hem i en gemenskap där personal finns till hands på dagtid och trygghetslarmet fungerar dygnet runt.',
    aboutFi: 'Esteetön koti yhteisössä, jossa henkilökunta on tavoitettavissa päivisin ja turvahälytys toimii ympäri vuorokauden.',
    aboutEn: 'An accessible home in a community where staff are at hand during the day and the safety alarm works around the clock.',
  },
  'short-term-care': {
    sv: 'korttidsboende',
    fiNominative: 'lyhytaikainen asumispalvelu',
    fiPartitive: 'lyhytaikaista asumispalvelua',
    en: 'short-term residential care',
    aboutSv: 'Korttidsvistelser för rehabilitering efter sjukhusvistelse eller när närstående behöver vila.',
    aboutFi: 'Lyhytaikaiset jaksot kuntoutumiseen sairaalajakson jälkeen tai silloin, kun läheiset tarvitsevat lepoa.',
    aboutEn: 'Short stays for rehabilitation after a hospital stay or when family members need a rest.',
  },
  'carer-respite': {
    sv: 'avlösning för närståendevårdare',
    fiNominative: 'omaishoitajan vapaan sijaishoito',
    fiPartitive: 'omaishoitajan vapaan sijaishoitoa',
    en: 'respite care for family carers',
    aboutSv: 'När du som närståendevårdare tar ledigt tar vi hand om din anhöriga, hemma eller hos oss.',
    aboutFi: 'Kun omaishoitaja pitää vapaata, hoidamme läheisesi joko kotona tai meillä.',
    aboutEn: 'While you as a family carer take time off, we look after your relative, at home or with us.',
  },
  'personal-assistance': {
    sv: 'personlig assistans',
    fiNominative: 'henkilökohtainen apu',
    fiPartitive: 'henkilökohtaista apua',
    en: 'personal assistance',
    aboutSv: 'Assistenten hjälper dig i vardagen, i arbete och studier och på fritiden, så som du själv vill.',
    aboutFi: 'Avustaja tukee sinua arjessa, työssä, opiskelussa ja vapaa-ajalla niin kuin itse haluat.',
    aboutEn: 'Your assistant helps you in everyday life, at work or school and in your free time, the way you want.',
  },
  'family-home-help': {
    sv: 'hemservice för barnfamiljer',
    fiNominative: 'lapsiperheiden kotipalvelu',
    fiPartitive: 'lapsiperheiden kotipalvelua',
    en: 'home help for families with children',
    aboutSv: 'Vi hjälper till med barnomsorg, måltider och hemmets sysslor när familjen behöver extra stöd.',
    aboutFi: 'Autamme lastenhoidossa, ruuanlaitossa ja kodin askareissa, kun perhe tarvitsee tukea.',
    aboutEn: 'We help with childcare, meals and housework when the family needs extra support.',
  },
  psychotherapy: {
    sv: 'psykoterapi',
    fiNominative: 'psykoterapia',
    fiPartitive: 'psykoterapiaa',
    en: 'psychotherapy',
    aboutSv: 'Legitimerade psykoterapeuter tar emot på mottagningen och på distans. Ett besök är 45 minuter.',
    aboutFi: 'Laillistetut psykoterapeutit ottavat vastaan vastaanotolla ja etäyhteydellä. Käynti kestää 45 minuuttia.',
    aboutEn: 'Licensed psychotherapists see clients at the practice and remotely. A visit lasts 45 minutes.',
  },
  'oral-hygiene': {
    sv: 'munhygienistbesök',
    fiNominative: 'suuhygienistin käynnit',
    fiPartitive: 'suuhygienistin palvelua',
    en: 'dental hygienist visits',
    aboutSv: 'Tandstensborttagning, fluorbehandling och råd om munvård. Mottagningen är lätt att nå med rullator.',
    aboutFi: 'Hammaskiven poisto, fluorihoito ja suunhoidon neuvonta. Vastaanotolle pääsee helposti rollaattorilla.',
    aboutEn: 'Scaling, fluoride treatment and advice on oral care. The practice is easy to reach with a walker.',
  },
}

export function categoryWords(code: string): CategoryWords {
  const words = CATEGORY_WORDS[code]
  if (!words) throw new Error(`No words for category ${code}`)
  return words
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
