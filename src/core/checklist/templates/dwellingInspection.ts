/** Template A, dwelling inspection: registry check, bedrooms, fire, escape, radon, condition grades, child safety. */
import type { ShowWhen, TemplateInput } from '../template';

/** Bedrooms the template has room for; each is asked only when the count reaches it. */
export const MAX_INSPECTED_BEDROOMS = 6;

const yesNoNa = [
  { value: 'yes', label: { nb: 'Ja', en: 'Yes' } },
  { value: 'no', label: { nb: 'Nei', en: 'No' } },
  { value: 'notApplicable', label: { nb: 'Ikke aktuelt (alt er på bakkeplan)', en: 'Not applicable (all at ground level)' } },
];

function bedroomItems(n: number): TemplateInput['sections'][number]['items'] {
  const shown: ShowWhen = { item: 'bedrooms.count', op: 'gte', value: n };
  const withWallWindow: ShowWhen = { all: [shown, { item: `bedroom${n}.windowType`, op: 'eq', value: 'wall' }] };
  const label = (nb: string, en: string) => ({ nb: `Soverom ${n}: ${nb}`, en: `Bedroom ${n}: ${en}` });
  return [
    {
      id: `bedroom${n}.ceilingHeightM`,
      kind: 'number',
      unit: 'm',
      min: 1.5,
      max: 5,
      label: label('takhøyde', 'ceiling height'),
      help: { nb: 'TEK17 § 12-7: minst 2,4 m i rom for varig opphold.', en: 'TEK17 § 12-7: at least 2.4 m in rooms for permanent stay.' },
      required: true,
      showWhen: shown,
    },
    {
      id: `bedroom${n}.openableWindow`,
      kind: 'yesNo',
      label: label('vindu eller dør som kan åpnes', 'window or door that opens'),
      help: { nb: 'TEK17 § 13-4: minst ett vindu eller én dør som kan åpnes.', en: 'TEK17 § 13-4: at least one window or door that can be opened.' },
      required: true,
      showWhen: shown,
    },
    {
      id: `bedroom${n}.windowType`,
      kind: 'choice',
      label: label('vindu som kan brukes til rømning', 'window that could serve for escape'),
      help: { nb: 'Takvinduer godtas normalt ikke som rømningsvei.', en: 'Roof windows are normally not accepted as an escape route.' },
      options: [
        { value: 'wall', label: { nb: 'Vindu i vegg', en: 'Window in a wall' } },
        { value: 'roof', label: { nb: 'Takvindu', en: 'Roof window' } },
        { value: 'none', label: { nb: 'Ingen vindu som kan åpnes', en: 'No window that opens' } },
      ],
      required: true,
      showWhen: shown,
    },
    {
      id: `bedroom${n}.windowWidthM`,
      kind: 'number',
      unit: 'm',
      min: 0,
      max: 3,
      label: label('fri bredde i vindusåpningen', 'free width of the window opening'),
      help: { nb: 'Minst 0,5 m, og bredde + høyde minst 1,5 m.', en: 'At least 0.5 m, and width + height at least 1.5 m.' },
      required: true,
      showWhen: withWallWindow,
    },
    {
      id: `bedroom${n}.windowHeightM`,
      kind: 'number',
      unit: 'm',
      min: 0,
      max: 3,
      label: label('fri høyde i vindusåpningen', 'free height of the window opening'),
      help: { nb: 'Minst 0,6 m.', en: 'At least 0.6 m.' },
      required: true,
      showWhen: withWallWindow,
    },
    {
      id: `bedroom${n}.sillHeightM`,
      kind: 'number',
      unit: 'm',
      min: 0,
      max: 3,
      label: label('høyde fra gulv til underkant av åpningen', 'height from floor to the bottom of the opening'),
      help: {
        nb: 'Høyst 1,0 m. Står det et fast trinn under vinduet, mål fra trinnet.',
        en: 'At most 1.0 m. Where a fixed step stands below the window, measure from the step.',
      },
      required: true,
      showWhen: withWallWindow,
    },
    {
      id: `bedroom${n}.dropToGroundM`,
      kind: 'number',
      unit: 'm',
      min: 0,
      max: 50,
      label: label('høyde fra vinduet ned til bakken', 'height from the window down to the ground'),
      help: { nb: 'Høyst 5 m.', en: 'At most 5 m.' },
      required: true,
      showWhen: withWallWindow,
    },
  ];
}

const grade = (id: string, nb: string, en: string) => ({ id: `condition.${id}`, kind: 'grade' as const, label: { nb, en }, required: true });

/** Template A, version 1. */
export const dwellingInspectionV1 = {
  id: 'dwelling-inspection',
  version: 1,
  kind: 'dwellingInspection',
  title: { nb: 'Boligbefaring', en: 'Dwelling inspection' },
  sections: [
    {
      id: 'identity',
      title: { nb: 'Registeropplysninger', en: 'Registry details' },
      help: {
        nb: 'Reglene bruker boligregisterets tall for areal, rom, godkjente soverom og leiekontrakt. Rett avvik i registeret.',
        en: "The rules use the registry's figures for area, rooms, approved bedrooms and lease. Correct any difference in the registry.",
      },
      items: [
        {
          id: 'identity.registryMatches',
          kind: 'yesNo',
          label: {
            nb: 'Stemmer adresse, gnr/bnr, boligtype, etasje, heis, areal, rom og godkjente soverom med registeret?',
            en: 'Do the address, property id, type, floor, lift, area, rooms and approved bedrooms match the registry?',
          },
          required: true,
        },
        {
          id: 'identity.deviations',
          kind: 'text',
          label: { nb: 'Hva avviker fra registeret?', en: 'What differs from the registry?' },
          required: true,
          showWhen: { item: 'identity.registryMatches', op: 'eq', value: false },
        },
      ],
    },
    {
      id: 'bedrooms',
      title: { nb: 'Soverom', en: 'Bedrooms' },
      help: {
        nb: 'Kontroller hvert soverom: takhøyde, vindu som kan åpnes, og mål på rømningsvinduet.',
        en: 'Check every bedroom: ceiling height, a window that opens, and the escape window measurements.',
      },
      items: [
        {
          id: 'bedrooms.count',
          kind: 'number',
          unit: 'count',
          min: 0,
          max: MAX_INSPECTED_BEDROOMS,
          integer: true,
          label: { nb: 'Antall soverom som er kontrollert', en: 'Number of bedrooms checked' },
          help: { nb: `Opptil ${MAX_INSPECTED_BEDROOMS} soverom kan registreres.`, en: `Up to ${MAX_INSPECTED_BEDROOMS} bedrooms can be recorded.` },
          required: true,
        },
        ...Array.from({ length: MAX_INSPECTED_BEDROOMS }, (_, i) => bedroomItems(i + 1)).flat(),
      ],
    },
    {
      id: 'fire',
      title: { nb: 'Brannsikkerhet', en: 'Fire safety' },
      help: {
        nb: 'Eierens plikter etter forskrift om brannforebygging § 7. Leietaker tester røykvarslere og bytter batteri.',
        en: "The owner's duties under the fire prevention regulations § 7. The tenant tests detectors and changes batteries.",
      },
      items: [
        {
          id: 'fire.smokeDetectorsPerFloor',
          kind: 'yesNo',
          label: { nb: 'Minst én røykvarsler i hver etasje', en: 'At least one smoke detector on every floor' },
          help: {
            nb: 'Skal dekke kjøkken, stue, området utenfor soverom og utenfor tekniske rom.',
            en: 'Must cover the kitchen, living room, the area outside bedrooms and outside technical rooms.',
          },
          required: true,
        },
        {
          id: 'fire.smokeDetectorsCount',
          kind: 'number',
          unit: 'count',
          min: 0,
          max: 50,
          integer: true,
          label: { nb: 'Antall røykvarslere', en: 'Number of smoke detectors' },
          required: true,
        },
        {
          id: 'fire.smokeDetectorsAudible',
          kind: 'yesNo',
          label: { nb: 'Røykvarsleren høres på soverom med lukket dør', en: 'The detector is heard in bedrooms with the door closed' },
          required: true,
        },
        {
          id: 'fire.smokeDetectorsTested',
          kind: 'yesNo',
          label: { nb: 'Røykvarslerne er testet under befaringen og virker', en: 'The detectors were tested during the inspection and work' },
          required: true,
        },
        {
          id: 'fire.extinguisherType',
          kind: 'choice',
          label: { nb: 'Slokkeutstyr', en: 'Extinguishing equipment' },
          help: {
            nb: 'Godkjent: brannslange på minst 10 mm, 6 kg ABC-pulver, 9 l skum/vann eller 6 l med effekt 21A.',
            en: 'Accepted: a hose of at least 10 mm, 6 kg ABC powder, 9 l foam/water, or 6 l rated 21A.',
          },
          options: [
            { value: 'hose', label: { nb: 'Brannslange (minst 10 mm)', en: 'Fire hose (at least 10 mm)' } },
            { value: 'powder6kg', label: { nb: 'Pulverapparat 6 kg ABC', en: 'Powder extinguisher 6 kg ABC' } },
            { value: 'foam9l', label: { nb: 'Skum- eller vannapparat 9 l', en: 'Foam or water extinguisher 9 l' } },
            { value: 'foam6l21a', label: { nb: 'Skumapparat 6 l, effekt 21A', en: 'Foam extinguisher 6 l, rated 21A' } },
            { value: 'none', label: { nb: 'Mangler, eller ikke godkjent type', en: 'Missing, or not an accepted type' } },
          ],
          required: true,
        },
        {
          id: 'fire.extinguisherReachesAllRooms',
          kind: 'yesNo',
          label: { nb: 'Slokkeutstyret når alle rom', en: 'The equipment reaches every room' },
          required: true,
          showWhen: { item: 'fire.extinguisherType', op: 'neq', value: 'none' },
        },
        {
          id: 'fire.extinguisherCheckedDate',
          kind: 'date',
          label: { nb: 'Slokkeutstyret sist kontrollert', en: 'Equipment last checked' },
          required: true,
          showWhen: { item: 'fire.extinguisherType', op: 'neq', value: 'none' },
        },
      ],
    },
    {
      id: 'escape',
      title: { nb: 'Rømning', en: 'Escape' },
      items: [
        {
          id: 'escape.exitToOpenAir',
          kind: 'yesNo',
          label: { nb: 'Minst én utgang direkte til det fri', en: 'At least one exit straight to open air' },
          required: true,
        },
        {
          id: 'escape.exitByStairs',
          kind: 'yesNo',
          label: { nb: 'Nås denne utgangen via trapp?', en: 'Is that exit reached by stairs?' },
          help: {
            nb: 'I så fall må minst annethvert rom for varig opphold ha et rømningsvindu.',
            en: 'If so, at least every second room for permanent stay needs an escape window.',
          },
          required: true,
        },
      ],
    },
    {
      id: 'radon',
      title: { nb: 'Radon', en: 'Radon' },
      help: {
        nb: 'Gjelder alle utleieboliger. Tiltak over 100 Bq/m³, grenseverdi 200 Bq/m³ (årsmiddel).',
        en: 'Applies to all rental dwellings. Act above 100 Bq/m³; the limit is 200 Bq/m³ (annual mean).',
      },
      items: [
        {
          id: 'radon.documented',
          kind: 'yesNo',
          label: { nb: 'Utleier har dokumentert radonmåling', en: 'The landlord has documented a radon measurement' },
          help: {
            nb: 'Måling over 2 måneder mellom midten av oktober og midten av april, i minst to oppholdsrom.',
            en: 'Measured over 2 months between mid-October and mid-April, in at least two living rooms.',
          },
          required: true,
        },
        {
          id: 'radon.bqm3',
          kind: 'number',
          unit: 'bqm3',
          min: 0,
          max: 20000,
          integer: true,
          label: { nb: 'Radon, årsmiddelverdi', en: 'Radon, annual mean' },
          required: true,
          showWhen: { item: 'radon.documented', op: 'eq', value: true },
        },
        {
          id: 'radon.measuredDate',
          kind: 'date',
          label: { nb: 'Målingen ble avsluttet', en: 'The measurement ended on' },
          showWhen: { item: 'radon.documented', op: 'eq', value: true },
        },
      ],
    },
    {
      id: 'condition',
      title: { nb: 'Tilstandsgrader', en: 'Condition grades' },
      help: {
        nb: 'TG0 ingen avvik, TG1 mindre avvik, TG2 vesentlige avvik, TG3 store eller alvorlige avvik, TGIU ikke undersøkt. TG2 og TG3 krever årsak og konsekvens, TG3 også et kostnadsoverslag: feltene kommer fram når du velger graden.',
        en: 'TG0 no deviation, TG1 minor, TG2 significant, TG3 large or serious, TGIU not inspected. TG2 and TG3 need a cause and consequence, TG3 also a cost estimate: the fields appear when you choose the grade.',
      },
      items: [
        grade('roof', 'Tak', 'Roof'),
        grade('facade', 'Fasade', 'Façade'),
        grade('windows', 'Vinduer og dører', 'Windows and doors'),
        grade('wetRooms', 'Våtrom', 'Wet rooms'),
        grade('kitchen', 'Kjøkken', 'Kitchen'),
        grade('electrical', 'Elektrisk anlegg', 'Electrical installation'),
        grade('heatingVentilation', 'Oppvarming og ventilasjon', 'Heating and ventilation'),
        grade('dampMould', 'Fukt og mugg', 'Damp and mould'),
        grade('stairsRailings', 'Trapper og rekkverk', 'Stairs and railings'),
        { id: 'condition.hasBalcony', kind: 'yesNo', label: { nb: 'Boligen har balkong eller terrasse', en: 'The dwelling has a balcony or terrace' }, required: true },
        { ...grade('balcony', 'Balkong eller terrasse', 'Balcony or terrace'), showWhen: { item: 'condition.hasBalcony', op: 'eq', value: true } },
      ],
    },
    {
      id: 'childSafety',
      title: { nb: 'Barnesikkerhet', en: 'Child safety' },
      items: [
        {
          id: 'childSafety.nonClimbableRailings',
          kind: 'yesNo',
          label: { nb: 'Rekkverk uten klatremuligheter, minst 0,9 m i trapper', en: 'Railings that cannot be climbed, at least 0.9 m on stairs' },
          help: {
            nb: 'TEK17 § 12-15: ingen horisontale spiler; fall over 0,5 m skal sikres med rekkverk.',
            en: 'TEK17 § 12-15: no horizontal rails; drops over 0.5 m need a railing.',
          },
          required: true,
        },
        {
          id: 'childSafety.windowLocks',
          kind: 'choice',
          label: { nb: 'Barnesikring (vinduslås) på vinduer over bakkeplan', en: 'Child locks on windows above ground level' },
          options: yesNoNa,
          required: true,
        },
        {
          id: 'childSafety.stoveGuard',
          kind: 'yesNo',
          label: { nb: 'Komfyrvakt og komfyrsikring', en: 'Stove guard and anti-tip bracket' },
          required: true,
        },
        {
          id: 'childSafety.cotSpace',
          kind: 'yesNo',
          label: { nb: 'Plass til barneseng på et soverom', en: 'Room for a cot in a bedroom' },
          required: true,
        },
        {
          id: 'childSafety.pramAccess',
          kind: 'choice',
          label: { nb: 'Adkomst med barnevogn', en: 'Access with a pram' },
          options: [
            { value: 'stepFree', label: { nb: 'Trinnfri adkomst', en: 'Step-free access' } },
            { value: 'lift', label: { nb: 'Heis', en: 'Lift' } },
            { value: 'stairs', label: { nb: 'Bare trapp', en: 'Stairs only' } },
          ],
          required: true,
        },
      ],
    },
    {
      id: 'outdoor',
      title: { nb: 'Uteområde ved boligen', en: 'Outdoor area at the dwelling' },
      items: [
        { id: 'outdoor.lawn', kind: 'yesNo', label: { nb: 'Plen eller grøntareal ved boligen', en: 'Lawn or green space at the dwelling' }, required: true },
        { id: 'outdoor.playgroundOnPlot', kind: 'yesNo', label: { nb: 'Lekeplass på tomta', en: 'Playground on the plot' }, required: true },
        { id: 'outdoor.notes', kind: 'text', maxLength: 2000, label: { nb: 'Merknader om uteområdet', en: 'Notes on the outdoor area' } },
      ],
    },
    {
      id: 'summary',
      title: { nb: 'Bilder og oppsummering', en: 'Photos and summary' },
      items: [
        {
          id: 'summary.photos',
          kind: 'photos',
          maxPhotos: 20,
          label: { nb: 'Oversiktsbilder av boligen', en: 'Overview photos of the dwelling' },
          help: { nb: 'Bare boligen, aldri personer. Bildene lagres uten posisjon.', en: 'The dwelling only, never people. Photos are stored without location.' },
        },
        { id: 'summary.notes', kind: 'text', maxLength: 5000, label: { nb: 'Oppsummering', en: 'Summary' } },
      ],
    },
  ],
} satisfies TemplateInput;

const forBedroom: ShowWhen = { item: 'type', op: 'eq', value: 'bedroom' };
const forStay: ShowWhen = { item: 'type', op: 'in', value: ['bedroom', 'living'] };
const wallWindow: ShowWhen = { all: [forBedroom, { item: 'windowType', op: 'eq', value: 'wall' }] };
/** A photo when a condition grade is TG2 or TG3. */
const photoOnTg2: NonNullable<Item['evidence']> = { when: { op: 'in', value: ['TG2', 'TG3'] }, photo: true, note: false };
type Item = TemplateInput['sections'][number]['items'][number];

/** One room of the dwelling, asked once per room: the entries of "Rom". */
const roomItems = [
  { id: 'name', kind: 'text', maxLength: 60, label: { nb: 'Navn på rommet', en: 'Name of the room' }, help: { nb: 'For eksempel «Soverom mot hagen».', en: 'For example "Bedroom facing the garden".' }, required: true },
  {
    id: 'type',
    kind: 'choice',
    label: { nb: 'Romtype', en: 'Type of room' },
    options: [
      { value: 'bedroom', label: { nb: 'Soverom', en: 'Bedroom' } },
      { value: 'living', label: { nb: 'Stue', en: 'Living room' } },
      { value: 'kitchen', label: { nb: 'Kjøkken', en: 'Kitchen' } },
      { value: 'bath', label: { nb: 'Bad', en: 'Bathroom' } },
      { value: 'other', label: { nb: 'Annet', en: 'Other' } },
    ],
    required: true,
  },
  { id: 'lengthM', kind: 'number', unit: 'm', min: 0.5, max: 30, label: { nb: 'Lengde', en: 'Length' }, required: true },
  { id: 'widthM', kind: 'number', unit: 'm', min: 0.5, max: 30, label: { nb: 'Bredde', en: 'Width' }, required: true },
  {
    id: 'areaM2',
    kind: 'calc',
    unit: 'm2',
    decimals: 1,
    label: { nb: 'Gulvareal (lengde × bredde)', en: 'Floor area (length × width)' },
    formula: { op: 'mul', args: [{ item: 'lengthM' }, { item: 'widthM' }] },
  },
  {
    id: 'ceilingHeightM',
    kind: 'number',
    unit: 'm',
    min: 1.5,
    max: 5,
    label: { nb: 'Takhøyde', en: 'Ceiling height' },
    help: { nb: 'TEK17 § 12-7: minst 2,4 m i rom for varig opphold.', en: 'TEK17 § 12-7: at least 2.4 m in rooms for permanent stay.' },
    required: true,
    showWhen: forStay,
  },
  {
    id: 'openableWindow',
    kind: 'yesNo',
    label: { nb: 'Vindu eller dør som kan åpnes', en: 'Window or door that opens' },
    required: true,
    showWhen: forStay,
    evidence: { when: { op: 'eq', value: false }, photo: false, note: true },
  },
  {
    id: 'windowType',
    kind: 'choice',
    label: { nb: 'Vindu som kan brukes til rømning', en: 'Window that could serve for escape' },
    help: { nb: 'Takvinduer godtas normalt ikke som rømningsvei.', en: 'Roof windows are normally not accepted as an escape route.' },
    options: [
      { value: 'wall', label: { nb: 'Vindu i vegg', en: 'Window in a wall' } },
      { value: 'roof', label: { nb: 'Takvindu', en: 'Roof window' } },
      { value: 'none', label: { nb: 'Ingen vindu som kan åpnes', en: 'No window that opens' } },
    ],
    required: true,
    showWhen: forBedroom,
  },
  { id: 'windowWidthM', kind: 'number', unit: 'm', min: 0, max: 3, label: { nb: 'Fri bredde i vindusåpningen', en: 'Free width of the window opening' }, help: { nb: 'Minst 0,5 m, og bredde + høyde minst 1,5 m.', en: 'At least 0.5 m, and width + height at least 1.5 m.' }, required: true, showWhen: wallWindow },
  { id: 'windowHeightM', kind: 'number', unit: 'm', min: 0, max: 3, label: { nb: 'Fri høyde i vindusåpningen', en: 'Free height of the window opening' }, help: { nb: 'Minst 0,6 m.', en: 'At least 0.6 m.' }, required: true, showWhen: wallWindow },
  { id: 'sillHeightM', kind: 'number', unit: 'm', min: 0, max: 3, label: { nb: 'Høyde fra gulv til underkant av åpningen', en: 'Height from floor to the bottom of the opening' }, help: { nb: 'Høyst 1,0 m.', en: 'At most 1.0 m.' }, required: true, showWhen: wallWindow },
  { id: 'dropToGroundM', kind: 'number', unit: 'm', min: 0, max: 50, label: { nb: 'Høyde fra vinduet ned til bakken', en: 'Height from the window down to the ground' }, help: { nb: 'Høyst 5 m.', en: 'At most 5 m.' }, required: true, showWhen: wallWindow },
  {
    id: 'smokeDetector',
    kind: 'yesNo',
    label: { nb: 'Røykvarsler dekker rommet', en: 'A smoke detector covers the room' },
    required: true,
    evidence: { when: { op: 'eq', value: false }, photo: false, note: true },
  },
  { id: 'grade', kind: 'grade', label: { nb: 'Tilstandsgrad', en: 'Condition grade' }, required: true, evidence: photoOnTg2 },
  { id: 'photos', kind: 'photos', maxPhotos: 10, label: { nb: 'Bilder av rommet', en: 'Photos of the room' } },
] satisfies Item[];

/**
 * Template A, version 2: the rooms are a list the inspector adds to ("Rom"), with the floor area worked out from
 * length × width, instead of a bedroom count of at most six; free deviations ("Avvik") come as a list of their own; a
 * TG2/TG3 grade needs a photo, and a "no" on a smoke detector or an opening window a note. Drafts and new drafts from
 * version 1 are moved over by `migrateDwellingInspectionV1`; completed version 1 checklists stay as they are.
 */
export const dwellingInspectionV2 = {
  ...dwellingInspectionV1,
  version: 2,
  sections: [
    dwellingInspectionV1.sections[0]!,
    {
      id: 'rooms',
      title: { nb: 'Rom', en: 'Rooms' },
      help: {
        nb: 'Legg til hvert rom. Soverom trenger takhøyde, vindu som kan åpnes og mål på rømningsvinduet.',
        en: 'Add every room. Bedrooms need the ceiling height, a window that opens and the escape window measurements.',
      },
      items: [
        { id: 'rooms.list', kind: 'repeat', label: { nb: 'Rom', en: 'Rooms' }, entryLabel: { nb: 'Rom', en: 'Room' }, titleItem: 'name', required: true, maxEntries: 100, items: roomItems },
        {
          id: 'rooms.bedrooms',
          kind: 'calc',
          unit: 'count',
          decimals: 0,
          label: { nb: 'Soverom registrert', en: 'Bedrooms recorded' },
          formula: { count: 'rooms.list', where: forBedroom },
        },
        {
          id: 'rooms.smokeDetectorShare',
          kind: 'calc',
          unit: 'percent',
          decimals: 0,
          label: { nb: 'Andel rom med røykvarsler', en: 'Share of rooms with a smoke detector' },
          formula: { share: 'rooms.list', where: { item: 'smokeDetector', op: 'eq', value: true } },
        },
      ],
    },
    ...dwellingInspectionV1.sections.slice(2).map((section) =>
      section.id === 'condition'
        ? { ...section, items: section.items.map((item) => (item.kind === 'grade' ? { ...item, evidence: photoOnTg2 } : item)) }
        : section,
    ),
    {
      id: 'deviations',
      title: { nb: 'Avvik', en: 'Deviations' },
      help: { nb: 'Andre avvik du ser: hva, hvor, tilstandsgrad og bilde.', en: 'Other deviations you see: what, where, condition grade and a photo.' },
      items: [
        {
          id: 'deviations.list',
          kind: 'repeat',
          label: { nb: 'Avvik', en: 'Deviations' },
          entryLabel: { nb: 'Avvik', en: 'Deviation' },
          titleItem: 'what',
          items: [
            { id: 'what', kind: 'text', maxLength: 200, label: { nb: 'Hva', en: 'What' }, required: true },
            { id: 'where', kind: 'text', maxLength: 200, label: { nb: 'Hvor', en: 'Where' }, required: true },
            { id: 'grade', kind: 'grade', label: { nb: 'Tilstandsgrad', en: 'Condition grade' }, required: true, evidence: photoOnTg2 },
            { id: 'photos', kind: 'photos', maxPhotos: 10, label: { nb: 'Bilder', en: 'Photos' } },
          ],
        },
      ],
    },
  ],
} satisfies TemplateInput;

const V1_BEDROOM_FIELDS = ['ceilingHeightM', 'openableWindow', 'windowType', 'windowWidthM', 'windowHeightM', 'sillHeightM', 'dropToGroundM'] as const;

/**
 * Version 1 answers as version 2 reads them: each counted bedroom becomes a room entry ("Soverom 1", type bedroom, id
 * `b1`, the same on every device) holding that bedroom's answers; the count itself is the number of entries. Answers
 * to bedrooms beyond the count, and a note or photos on the count, stay under their old ids, so opening the draft in
 * version 2 sets them aside with their old labels instead of dropping them.
 */
export function migrateDwellingInspectionV1(answers: Readonly<Record<string, import('../template').Answer>>): Record<string, import('../template').Answer> {
  const out = { ...answers };
  const countAnswer = answers['bedrooms.count'];
  const count = typeof countAnswer?.value === 'number' && Number.isFinite(countAnswer.value) ? Math.max(0, Math.min(MAX_INSPECTED_BEDROOMS, Math.floor(countAnswer.value))) : 0;
  if (count === 0 || Object.hasOwn(answers, 'rooms.list')) return out;
  const entries = [];
  for (let n = 1; n <= count; n++) {
    const entry: Record<string, import('../template').Answer> = {
      name: { value: `Soverom ${n}` },
      type: { value: 'bedroom' },
    };
    for (const f of V1_BEDROOM_FIELDS) {
      const key = `bedroom${n}.${f}`;
      if (!Object.hasOwn(answers, key)) continue;
      entry[f] = answers[key]!;
      delete out[key];
    }
    entries.push({ id: `b${n}`, answers: entry });
  }
  out['rooms.list'] = { entries };
  const { value: _v, ...rest } = countAnswer ?? {};
  void _v;
  if (Object.keys(rest).length === 0) delete out['bedrooms.count'];
  return out;
}
