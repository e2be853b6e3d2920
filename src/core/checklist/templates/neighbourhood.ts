/** Template B, neighbourhood: walking distances to play, school, kindergarten and transit; traffic and the school route. */
import type { TemplateInput } from '../template';

const distance = (id: string, nb: string, en: string, max: number, required: boolean, help?: { nb: string; en: string }) => ({
  id: `distances.${id}`,
  kind: 'number' as const,
  unit: 'm' as const,
  min: 0,
  max,
  integer: true,
  label: { nb, en },
  ...(help ? { help } : {}),
  required,
});

/** Template B, version 1. */
export const neighbourhoodV1 = {
  id: 'neighbourhood',
  version: 1,
  kind: 'neighbourhood',
  title: { nb: 'Nærmiljø', en: 'Neighbourhood' },
  sections: [
    {
      id: 'distances',
      title: { nb: 'Gangavstander', en: 'Walking distances' },
      help: {
        nb: 'Gangavstand i meter fra inngangsdøren, langs vei eller sti som barn faktisk kan gå.',
        en: 'Walking distance in metres from the front door, along a road or path children can actually use.',
      },
      items: [
        distance('playAreaM', 'Nærlekeplass for småbarn', "Small children's play area", 10000, true, {
          nb: 'Vanlig kommunal norm: om lag 50 m fra boligen. Skriv 0 når lekeplassen er på tomta.',
          en: 'A common municipal norm: about 50 m from the dwelling. Enter 0 when it is on the plot.',
        }),
        distance('ballFieldOrParkM', 'Ballplass eller park', 'Ball field or park', 10000, true, {
          nb: 'Barn på 5–8 år holder seg stort sett innenfor 100–200 m fra døra (rundskriv T-2/08).',
          en: 'Children aged 5–8 mostly stay within 100–200 m of the door (circular T-2/08).',
        }),
        distance('outdoorRecreationM', 'Friluftsområde (skog, mark, strand)', 'Outdoor recreation (woods, fields, shore)', 50000, false),
        distance('kindergartenM', 'Barnehage', 'Kindergarten', 50000, true),
        distance('primarySchoolM', 'Barneskole', 'Primary school', 50000, true, {
          nb: 'Gratis skoleskyss over 2 km for 1. trinn og over 4 km for 2.–10. trinn.',
          en: 'Free school transport beyond 2 km for 1st grade and beyond 4 km for grades 2–10.',
        }),
        distance('lowerSecondarySchoolM', 'Ungdomsskole', 'Lower secondary school', 50000, true),
        distance('busStopM', 'Bussholdeplass', 'Bus stop', 10000, true),
        distance('shopM', 'Dagligvarebutikk', 'Grocery shop', 50000, false),
        distance('healthCentreM', 'Helsestasjon eller legesenter', 'Child health centre or GP', 50000, false),
      ],
    },
    {
      id: 'routes',
      title: { nb: 'Trafikk og skolevei', en: 'Traffic and the school route' },
      items: [
        {
          id: 'routes.mainRoadToPlay',
          kind: 'yesNo',
          label: {
            nb: 'Må barn krysse hovedvei eller samlevei for å komme til lekeplassen?',
            en: 'Must children cross a main or collector road to reach the play area?',
          },
          required: true,
        },
        {
          id: 'routes.mainRoadToSchool',
          kind: 'yesNo',
          label: { nb: 'Må barn krysse hovedvei eller samlevei på skoleveien?', en: 'Must children cross a main or collector road on the way to school?' },
          required: true,
        },
        {
          id: 'routes.schoolRoutePavement',
          kind: 'yesNo',
          label: { nb: 'Fortau eller gang- og sykkelvei hele veien til skolen', en: 'A pavement or footpath all the way to school' },
          required: true,
        },
        {
          id: 'routes.schoolRouteLighting',
          kind: 'yesNo',
          label: { nb: 'Belysning langs hele skoleveien', en: 'Lighting along the whole school route' },
          required: true,
        },
        {
          id: 'routes.schoolRouteSpeedLimit',
          kind: 'choice',
          label: { nb: 'Høyeste fartsgrense der skoleveien følger bilvei', en: 'Highest speed limit where the school route follows a road' },
          options: [
            { value: 'kmh30', label: { nb: '30 km/t eller lavere', en: '30 km/h or lower' } },
            { value: 'kmh40', label: { nb: '40 km/t', en: '40 km/h' } },
            { value: 'kmh50', label: { nb: '50 km/t', en: '50 km/h' } },
            { value: 'kmh60', label: { nb: '60 km/t', en: '60 km/h' } },
            { value: 'kmh70plus', label: { nb: '70 km/t eller høyere', en: '70 km/h or higher' } },
          ],
        },
        {
          id: 'routes.schoolRouteDangerous',
          kind: 'yesNo',
          label: {
            nb: 'Kommunen har vurdert skoleveien som særlig farlig (gir gratis skoleskyss)',
            en: 'The municipality has judged the school route especially dangerous (free school transport)',
          },
          required: true,
        },
      ],
    },
    {
      id: 'traffic',
      title: { nb: 'Ved døra', en: 'At the door' },
      items: [
        {
          id: 'traffic.mainRoadAtDoor',
          kind: 'yesNo',
          label: {
            nb: 'Hovedvei eller samlevei rett ved inngangen eller uteområdet, uten skjerming',
            en: 'A main or collector road right by the entrance or outdoor area, without a barrier',
          },
          required: true,
        },
        {
          id: 'traffic.unfencedWater',
          kind: 'yesNo',
          label: {
            nb: 'Åpent vann, elv, bekk eller stup uten gjerde nær boligen',
            en: 'Open water, a river, a stream or a drop without a fence near the dwelling',
          },
          required: true,
        },
      ],
    },
    {
      id: 'environment',
      title: { nb: 'Miljø og fritid', en: 'Environment and leisure' },
      items: [
        {
          id: 'environment.noiseZone',
          kind: 'choice',
          label: { nb: 'Støysone', en: 'Noise zone' },
          options: [
            { value: 'none', label: { nb: 'Utenfor støysone', en: 'Outside any noise zone' } },
            { value: 'yellow', label: { nb: 'Gul støysone', en: 'Yellow noise zone' } },
            { value: 'red', label: { nb: 'Rød støysone', en: 'Red noise zone' } },
          ],
          required: true,
        },
        {
          id: 'environment.clubsAndSports',
          kind: 'text',
          maxLength: 2000,
          label: { nb: 'Idrett, lag og foreninger i nærheten', en: 'Sports, clubs and associations nearby' },
        },
        { id: 'environment.notes', kind: 'text', maxLength: 5000, label: { nb: 'Andre merknader om nærmiljøet', en: 'Other notes on the neighbourhood' } },
      ],
    },
  ],
} satisfies TemplateInput;
