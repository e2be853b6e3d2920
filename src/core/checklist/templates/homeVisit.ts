/** Template D, family home visit: consent, who was present (by role), safety, space and crowding, the children, actions. */
import type { TemplateInput } from '../template';

/**
 * The services a home visit may find involved: the usual municipal and state services, fixed with version 1 of the
 * form (answers keep these values whatever the municipality calls its own units).
 */
const SERVICES = [
  { value: 'nav', label: { nb: 'NAV', en: 'NAV (labour and welfare)' } },
  { value: 'buildingsAndProperty', label: { nb: 'Bygg og eiendom', en: 'Buildings and property' } },
  { value: 'refugeeUnit', label: { nb: 'Flyktningeenheten', en: 'Refugee unit' } },
  { value: 'husbanken', label: { nb: 'Husbankens virkemidler', en: 'Husbanken (housing bank) schemes' } },
  { value: 'substanceAndMentalHealth', label: { nb: 'Rus og psykisk helse', en: 'Substance use and mental health' } },
  { value: 'childWelfare', label: { nb: 'Barnevernet', en: 'Child welfare' } },
  { value: 'healthStation', label: { nb: 'Helsestasjon', en: 'Child health centre' } },
];

const yesNo = (id: string, nb: string, en: string, required = true) => ({ id, kind: 'yesNo' as const, label: { nb, en }, required });

/** Template D, version 1. */
export const homeVisitV1 = {
  id: 'home-visit',
  version: 1,
  kind: 'homeVisit',
  title: { nb: 'Hjemmebesøk', en: 'Home visit' },
  sections: [
    {
      id: 'consent',
      title: { nb: 'Samtykke', en: 'Consent' },
      help: {
        nb: 'Uten gyldig samtykke deles ingenting med andre enheter (forvaltningsloven § 13).',
        en: 'Without valid consent nothing is shared with other units (Public Administration Act § 13).',
      },
      items: [
        {
          ...yesNo('consent.onFile', 'Gyldig samtykke er registrert for husstanden', 'Valid consent is on file for the household'),
          help: { nb: 'Sjekk omfang og utløpsdato i husstandens samtykke.', en: "Check the scope and expiry date of the household's consent." },
        },
        {
          ...yesNo('consent.scopeReviewed', 'Omfanget av samtykket er gått gjennom med familien', 'The scope of the consent was gone through with the family'),
          showWhen: { item: 'consent.onFile', op: 'eq', value: true },
        },
      ],
    },
    {
      id: 'visit',
      title: { nb: 'Besøket', en: 'The visit' },
      items: [
        {
          id: 'visit.purpose',
          kind: 'choice',
          label: { nb: 'Formål med besøket', en: 'Purpose of the visit' },
          options: [
            { value: 'followUp', label: { nb: 'Oppfølging', en: 'Follow-up' } },
            { value: 'moveIn', label: { nb: 'Innflytting', en: 'Moving in' } },
            { value: 'concern', label: { nb: 'Bekymring', en: 'Concern' } },
            { value: 'moveOut', label: { nb: 'Utflytting', en: 'Moving out' } },
            { value: 'other', label: { nb: 'Annet', en: 'Other' } },
          ],
          required: true,
        },
        {
          id: 'visit.present',
          kind: 'multiChoice',
          label: { nb: 'Til stede (bare roller, aldri navn)', en: 'Present (roles only, never names)' },
          options: [
            { value: 'adult', label: { nb: 'Voksen i husstanden', en: 'Adult in the household' } },
            { value: 'child', label: { nb: 'Barn i husstanden', en: 'Child in the household' } },
            { value: 'counsellor', label: { nb: 'Boveileder', en: 'Housing counsellor' } },
            { value: 'interpreter', label: { nb: 'Tolk', en: 'Interpreter' } },
            { value: 'otherService', label: { nb: 'Annen tjeneste', en: 'Another service' } },
          ],
          required: true,
        },
      ],
    },
    {
      id: 'safety',
      title: { nb: 'Sikkerhet', en: 'Safety' },
      items: [
        yesNo('safety.smokeDetectorTested', 'Røykvarsleren er testet sammen med leietaker', 'The smoke detector was tested together with the tenant'),
        yesNo('safety.extinguisherKnown', 'Leietaker vet hvor slokkeutstyret er og hvordan det brukes', 'The tenant knows where the extinguisher is and how to use it'),
      ],
    },
    {
      id: 'space',
      title: { nb: 'Plass', en: 'Space' },
      help: {
        nb: 'Trangbodd etter SSB: flere personer enn rom og under 20 m² per person – begge deler.',
        en: 'Crowded by SSB: more persons than rooms and under 20 m² per person – both at once.',
      },
      items: [
        {
          id: 'space.persons',
          kind: 'number',
          unit: 'count',
          min: 1,
          max: 20,
          integer: true,
          label: { nb: 'Personer som bor i boligen', en: 'Persons living in the dwelling' },
          required: true,
        },
        {
          id: 'space.rooms',
          kind: 'number',
          unit: 'count',
          min: 1,
          max: 20,
          integer: true,
          label: { nb: 'Rom (stue og soverom, ikke kjøkken og bad)', en: 'Rooms (living and bedrooms, not kitchen or bathroom)' },
          required: true,
        },
        {
          id: 'space.areaM2',
          kind: 'number',
          unit: 'm2',
          min: 10,
          max: 1000,
          label: { nb: 'Boligens areal', en: 'Floor area of the dwelling' },
          required: true,
        },
        yesNo('space.sleepingPlacePerChild', 'Hvert barn har sin egen soveplass', 'Every child has a sleeping place of their own'),
        yesNo('space.homeworkPlace', 'Det finnes en plass å gjøre lekser', 'There is a place to do homework'),
      ],
    },
    {
      id: 'home',
      title: { nb: 'Boligens tilstand', en: 'State of the home' },
      items: [
        yesNo('home.damp', 'Fukt eller mugg', 'Damp or mould'),
        yesNo('home.cold', 'Kalde rom eller dårlig oppvarming', 'Cold rooms or poor heating'),
        yesNo('home.pests', 'Skadedyr', 'Pests'),
        {
          id: 'home.photos',
          kind: 'photos',
          maxPhotos: 10,
          label: { nb: 'Bilder av boligen', en: 'Photos of the dwelling' },
          help: { nb: 'Bare boligen, aldri personer.', en: 'The dwelling only, never people.' },
        },
      ],
    },
    {
      id: 'tenancy',
      title: { nb: 'Leieforholdet', en: 'The tenancy' },
      items: [
        yesNo('tenancy.rentArrears', 'Husleierestanse', 'Rent arrears'),
        { id: 'tenancy.problems', kind: 'text', maxLength: 2000, label: { nb: 'Andre problemer med leieforholdet', en: 'Other problems with the tenancy' } },
      ],
    },
    {
      id: 'services',
      title: { nb: 'Tjenester', en: 'Services' },
      items: [
        {
          id: 'services.involved',
          kind: 'multiChoice',
          label: { nb: 'Tjenester som er involvert', en: 'Services involved' },
          options: SERVICES,
        },
      ],
    },
    {
      id: 'child',
      title: { nb: 'Barna', en: 'The children' },
      items: [
        {
          ...yesNo('child.concern', 'Er det bekymring for et barn?', 'Is there concern for a child?'),
          help: {
            nb: 'Bekymring for omsorgssvikt, mishandling eller alvorlige atferdsvansker gir plikt til å melde fra til barnevernet (barnevernsloven § 13-2). Meldeplikten går foran taushetsplikten.',
            en: 'Concern about neglect, abuse or serious behavioural problems means a duty to notify child welfare (Child Welfare Act § 13-2). This duty overrides confidentiality.',
          },
        },
        {
          ...yesNo('child.reported', 'Bekymringsmelding er sendt barnevernet', 'A notification has been sent to child welfare'),
          showWhen: { item: 'child.concern', op: 'eq', value: true },
        },
        {
          id: 'child.concernDescription',
          kind: 'text',
          maxLength: 2000,
          label: { nb: 'Beskriv bekymringen kort', en: 'Describe the concern briefly' },
          required: true,
          showWhen: { item: 'child.concern', op: 'eq', value: true },
        },
      ],
    },
    {
      id: 'actions',
      title: { nb: 'Avtalte tiltak', en: 'Agreed actions' },
      items: [
        {
          id: 'actions.agreed',
          kind: 'text',
          maxLength: 5000,
          label: { nb: 'Avtalte tiltak', en: 'Agreed actions' },
          help: {
            nb: 'Registrer hvert tiltak også som en oppgave med ansvarlig enhet og frist.',
            en: 'Also record each action as a task with an owner unit and a deadline.',
          },
        },
        { id: 'actions.nextVisit', kind: 'date', label: { nb: 'Neste besøk', en: 'Next visit' } },
      ],
    },
  ],
} satisfies TemplateInput;
