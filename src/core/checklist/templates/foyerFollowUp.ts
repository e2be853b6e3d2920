/** Template E, Foyer follow-up: one review meeting of a young person's plan, rated per domain by both parties. */
import {
  EXIT_READINESS_ITEMS,
  EXIT_READINESS_LABELS,
  FOYER_DOMAIN_LABELS,
  FOYER_DOMAINS,
  REVIEW_POINT_LABELS,
  REVIEW_POINTS,
} from '../../schemas/plan';
import type { TemplateInput } from '../template';

const score = (domain: string, who: 'youth' | 'coordinator') => ({
  id: `${domain}.${who}Score`,
  kind: 'number' as const,
  unit: 'score' as const,
  min: 1,
  max: 5,
  integer: true,
  label: who === 'youth' ? { nb: 'Status vurdert av ungdommen (1–5)', en: 'Status rated by the young person (1–5)' } : { nb: 'Status vurdert av koordinator (1–5)', en: 'Status rated by the coordinator (1–5)' },
  help: { nb: '1 = langt unna målet, 5 = målet er nådd.', en: '1 = far from the goal, 5 = the goal is reached.' },
  required: true,
});

/** Template E, version 1. */
export const foyerFollowUpV1 = {
  id: 'foyer-follow-up',
  version: 1,
  kind: 'foyerFollowUp',
  title: { nb: 'Foyer-oppfølging', en: 'Foyer follow-up' },
  sections: [
    {
      id: 'meeting',
      title: { nb: 'Møtet', en: 'The meeting' },
      items: [
        {
          id: 'meeting.reviewPoint',
          kind: 'choice',
          label: { nb: 'Hvilken gjennomgang', en: 'Which review' },
          options: REVIEW_POINTS.map((p) => ({ value: p, label: REVIEW_POINT_LABELS[p] })),
          required: true,
        },
        {
          id: 'meeting.agreementSigned',
          kind: 'yesNo',
          label: { nb: 'Den forpliktende avtalen er signert', en: 'The binding agreement is signed' },
          required: true,
        },
        {
          id: 'meeting.threeWayHeld',
          kind: 'yesNo',
          label: { nb: 'Trepartsmøte med henvisende tjeneste er holdt', en: 'A three-way meeting with the referring service was held' },
          required: true,
        },
        { id: 'meeting.referringService', kind: 'text', maxLength: 200, label: { nb: 'Henvisende tjeneste', en: 'Referring service' } },
      ],
    },
    ...FOYER_DOMAINS.map((domain) => ({
      id: domain,
      title: FOYER_DOMAIN_LABELS[domain],
      items: [
        {
          id: `${domain}.goalStatus`,
          kind: 'text' as const,
          maxLength: 2000,
          label: { nb: 'Hvordan går det med målet?', en: 'How is the goal going?' },
        },
        score(domain, 'youth'),
        score(domain, 'coordinator'),
        {
          id: `${domain}.actions`,
          kind: 'text' as const,
          maxLength: 2000,
          label: { nb: 'Nye eller endrede tiltak (hva, hvem, frist)', en: 'New or changed actions (what, who, by when)' },
        },
      ],
    })),
    {
      id: 'exit',
      title: { nb: 'Klar for egen bolig', en: 'Ready for an own home' },
      help: { nb: 'Fylles ut fra måned 24.', en: 'Filled in from month 24.' },
      items: EXIT_READINESS_ITEMS.map((point) => ({
        id: `exit.${point}`,
        kind: 'yesNo' as const,
        label: EXIT_READINESS_LABELS[point],
        required: true,
        showWhen: { item: 'meeting.reviewPoint', op: 'in' as const, value: ['month24', 'month30to36'] },
      })),
    },
  ],
} satisfies TemplateInput;
