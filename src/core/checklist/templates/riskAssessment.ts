/** Template C, risk assessment (NS 5814): likelihood × consequence for each hazard, with measure, owner and re-score. */
import type { TemplateInput } from '../template';

const risk = (id: string, nb: string, en: string, help: { nb: string; en: string }) => ({
  id: `risk.${id}`,
  kind: 'risk' as const,
  label: { nb, en },
  help,
  required: true,
});

/** Template C, version 1. */
export const riskAssessmentV1 = {
  id: 'risk-assessment',
  version: 1,
  kind: 'riskAssessment',
  title: { nb: 'Risikovurdering', en: 'Risk assessment' },
  sections: [
    {
      id: 'risk',
      title: { nb: 'Risikoer', en: 'Risks' },
      help: {
        nb: 'Sannsynlighet × konsekvens, 1–5 hver. Grønn 1–4 er akseptabel, gul 5–9: vurder tiltak, rød 10–25: krever tiltak. Reduser sannsynligheten først. Oppgi tiltak, ansvarlig, frist og ny vurdering etter tiltaket – på rød risiko må alle fire fylles ut.',
        en: 'Likelihood × consequence, 1–5 each. Green 1–4 is acceptable, yellow 5–9: consider measures, red 10–25: measures required. Reduce the likelihood first. State the measure, its owner, a deadline and the score after it – a red risk needs all four.',
      },
      items: [
        risk('fellowTenants', 'Andre leietakere', 'Fellow tenants', { nb: 'Rus, vold, støy eller trusler i bygget.', en: 'Drugs, violence, noise or threats in the building.' }),
        risk('fire', 'Brann', 'Fire', { nb: 'Brannfare i eller ved boligen, også fra naboer.', en: 'Fire hazard in or near the dwelling, also from neighbours.' }),
        risk('traffic', 'Trafikk', 'Traffic', { nb: 'Trafikk ved døra og på veien til lek og skole.', en: 'Traffic at the door and on the way to play and school.' }),
        risk('waterAndDrops', 'Vann og stup', 'Water and drops', { nb: 'Åpent vann, elv, bekk eller stup i nærheten.', en: 'Open water, a river, a stream or a drop nearby.' }),
        risk('dampMouldRadon', 'Fukt, mugg og radon', 'Damp, mould and radon', { nb: 'Inneklima som kan gi helseplager.', en: 'Indoor climate that may harm health.' }),
        risk('crime', 'Kriminalitet i området', 'Crime in the area', { nb: 'Kjent kriminalitet eller uro i nærområdet.', en: 'Known crime or unrest nearby.' }),
        risk('isolation', 'Isolasjon', 'Isolation', {
          nb: 'Langt fra nettverk, tjenester og kollektivtransport.',
          en: 'Far from network, services and public transport.',
        }),
      ],
    },
    {
      id: 'summary',
      title: { nb: 'Oppsummering', en: 'Summary' },
      items: [
        { id: 'summary.notes', kind: 'text', maxLength: 5000, label: { nb: 'Oppsummering og andre risikoer', en: 'Summary and other risks' } },
        { id: 'summary.reviewBy', kind: 'date', label: { nb: 'Ny vurdering innen', en: 'Review again by' } },
      ],
    },
  ],
} satisfies TemplateInput;
