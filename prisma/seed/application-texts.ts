/** What reviewers write to applicants, in the applicant's language. */
export const RETURN_REASONS: Record<string, { sv: string; fi: string }> = {
  'documents:LIABILITY_INSURANCE': {
    sv: 'Intyget över ansvarsförsäkring saknar försäkringsperiod. Ladda upp ett intyg där giltighetstiden framgår.',
    fi: 'Vastuuvakuutustodistuksesta puuttuu vakuutuskausi. Lataa todistus, josta voimassaoloaika näkyy.',
  },
  'documents:TAX_DEBT_CERTIFICATE': {
    sv: 'Skatteskuldsintyget är äldre än tre månader. Ladda upp ett nytt intyg från Skatteförvaltningen.',
    fi: 'Verovelkatodistus on yli kolme kuukautta vanha. Lataa uusi todistus Verohallinnosta.',
  },
  'documents:SELF_MONITORING_PLAN': {
    sv: 'Planen för egenkontroll är inte daterad och anger ingen ansvarsperson. Komplettera planen och ladda upp den på nytt.',
    fi: 'Omavalvontasuunnitelma on päiväämätön, eikä siinä ole nimetty vastuuhenkilöä. Täydennä suunnitelma ja lataa se uudelleen.',
  },
  organisation: {
    sv: 'Telefonnumret går inte till verksamheten. Uppge ett nummer där klienterna når er under kontorstid.',
    fi: 'Puhelinnumero ei ole toiminnan numero. Anna numero, josta asiakkaat tavoittavat teidät virka-aikana.',
  },
  categories: {
    sv: 'Det framgår inte av ansökan var ni gör hembesök. Lägg till ett område för hembesök.',
    fi: 'Hakemuksesta ei käy ilmi, millä alueella teette kotikäyntejä. Lisää kotikäyntialue.',
  },
}

/** Organisation → sections returned in its (first) review. */
export const RETURNED_SECTIONS: Record<number, string[]> = {
  5: ['documents:SELF_MONITORING_PLAN'],
  11: ['organisation'],
  20: ['documents:TAX_DEBT_CERTIFICATE'],
  26: ['documents:LIABILITY_INSURANCE'],
  35: ['documents:LIABILITY_INSURANCE', 'documents:TAX_DEBT_CERTIFICATE'],
  36: ['documents:SELF_MONITORING_PLAN', 'categories'],
}

export const NOTES = {
  returned: { sv: 'Ansökan returnerades för komplettering.', fi: 'Hakemus palautettiin täydennettäväksi.' },
  resubmitted: { sv: 'Kompletterat enligt begäran.', fi: 'Täydennetty pyydetysti.' },
  approved: { sv: 'Alla bilagor i skick.', fi: 'Kaikki liitteet kunnossa.' },
  proposed: { sv: 'Första granskningen klar, förslag: godkänns.', fi: 'Ensimmäinen käsittely valmis, ehdotus: hyväksytään.' },
  withdrawn: { sv: 'Sökanden återkallade ansökan: verksamheten startar först nästa år.', fi: 'Hakija perui hakemuksen: toiminta alkaa vasta ensi vuonna.' },
}

export const REJECTION_REASONS: Record<number, string> = {
  37: 'Hakijalla ei ole rekisteröintiä sosiaali- ja terveydenhuollon palveluntuottajarekisterissä (Soteri). Lyhytaikaista asumispalvelua ei voida hyväksyä palvelusetelituottajaksi ilman rekisteröintiä. Päätökseen voi hakea oikaisua 14 päivän kuluessa tiedoksisaannista.',
  12: 'Hakija ei osoittanut, että henkilökunnalla on henkilökohtaisen avun edellyttämä koulutus ja kokemus. Päätökseen voi hakea oikaisua 14 päivän kuluessa tiedoksisaannista.',
}
