import { day } from './dates'

/** The rulebook providers accept when they apply (sääntökirja / regelbok), version 2025-1. */
export const RULEBOOK = {
  version: '2025-1',
  effectiveFrom: day('2025-01-01'),
  publishedAt: new Date('2024-12-16T10:00:00Z'),
  titleFi: 'Pohjanmaan hyvinvointialueen palvelusetelin sääntökirja, yleinen osa',
  titleSv: 'Österbottens välfärdsområdes regelbok för servicesedlar, allmän del',
  titleEn: 'Service voucher rulebook of the Wellbeing services county of Ostrobothnia, general part',
  bodyFi: [
    'Palveluntuottaja vastaa siitä, että palvelu on vähintään yhtä laadukasta kuin vastaava hyvinvointialueen oma palvelu, ja että henkilöstöllä on tehtävän edellyttämä koulutus ja kielitaito.',
    'Palveluntuottajalla on ajantasainen omavalvontasuunnitelma, joka on julkisesti nähtävillä, ja se seuraa palvelun laatua ja asiakasturvallisuutta jatkuvasti.',
    'Palveluntuottaja kirjaa toteutuneen palvelun Palvelutoriin viimeistään seuraavan kuukauden viidentenä päivänä ja ilmoittaa viipymättä palvelun keskeytymisestä tai olennaisista muutoksista.',
    'Asiakastiedot ovat salassa pidettäviä. Palveluntuottaja käsittelee henkilötietoja vain palvelun tuottamiseksi tietosuoja-asetuksen ja asiakastietolain mukaisesti.',
    'Palveluntuottaja laskuttaa asiakkaalta vain omavastuuosuuden eli palvelun hinnan ja palvelusetelin arvon erotuksen sekä asiakkaan erikseen tilaamat lisäpalvelut.',
  ].join('\n\n'),
  bodySv: [
    'Serviceproducenten ansvarar för att servicen håller minst samma kvalitet som motsvarande service i välfärdsområdets egen regi och att personalen har den utbildning och de språkkunskaper som uppgiften kräver.',
    'Serviceproducenten har en uppdaterad plan för egenkontroll som finns offentligt framlagd, och följer fortlöpande upp kvaliteten och klientsäkerheten.',
    'Serviceproducenten registrerar utförd tjänst i Servicetorget senast den femte dagen i följande månad och meddelar utan dröjsmål om avbrott eller väsentliga förändringar i servicen.',
    'Klientuppgifterna är sekretessbelagda. Serviceproducenten behandlar personuppgifter endast för att producera servicen, i enlighet med dataskyddsförordningen och lagen om klientuppgifter.',
    'Serviceproducenten fakturerar klienten endast självriskandelen, det vill säga skillnaden mellan tjänstens pris och servicesedelns värde, samt tilläggstjänster som klienten själv har beställt.',
  ].join('\n\n'),
  bodyEn: [
    'The service provider ensures that the service is at least of the same quality as the corresponding service produced by the wellbeing services county itself, and that its staff have the training and language skills the work requires.',
    'The service provider keeps an up-to-date self-monitoring plan that is publicly available, and continuously monitors the quality of the service and client safety.',
    'The service provider records delivered service in Servicetorget by the fifth day of the following month and reports any interruption or significant change in the service without delay.',
    'Client data is confidential. The service provider processes personal data only to provide the service, in accordance with the GDPR and the Act on the Processing of Client Data.',
    "The service provider bills the client only for the client's co-payment, that is the difference between the price of the service and the value of the voucher, and for any extra services the client has ordered.",
  ].join('\n\n'),
}
