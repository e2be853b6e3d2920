/** A Foyer plan: a young person's (16–23) individual, binding three-year plan across the reference report's eight domains. */
import { z } from 'zod';
import type { LocalText } from '../text';
import { dateField, enumField, intField, textField, uuidField, yesNoField } from './fields';

/** The eight domains of the Foyer programme, in the reference report's order. */
export const FOYER_DOMAINS = [
  'homeSkills',
  'education',
  'vocationalTraining',
  'health',
  'economy',
  'leisureAndNetwork',
  'lifeSkills',
  'transition',
] as const;
/** One Foyer domain. */
export type FoyerDomain = (typeof FOYER_DOMAINS)[number];

/** Domain names as the reference report words them. */
export const FOYER_DOMAIN_LABELS: Record<FoyerDomain, LocalText> = {
  homeSkills: { nb: 'Bo-trening', en: 'Home skills' },
  education: { nb: 'Utdanning', en: 'Education' },
  vocationalTraining: { nb: 'Yrkesopplæring', en: 'Vocational training' },
  health: { nb: 'Helse', en: 'Health' },
  economy: { nb: 'Økonomi', en: 'Finances' },
  leisureAndNetwork: { nb: 'Fritidsaktivitet og nettverk', en: 'Leisure and network' },
  lifeSkills: { nb: 'Generell livsmestring', en: 'General life skills' },
  transition: { nb: 'Tilrettelagt overgang til egen bolig og jobb/aktivitet', en: 'Supported move to an own home and work/activity' },
};

/** The review points of the three-year programme. */
export const REVIEW_POINTS = ['month0', 'month6', 'month12', 'month24', 'month30to36'] as const;
/** One review point. */
export type ReviewPoint = (typeof REVIEW_POINTS)[number];

/** Review points as people read them. */
export const REVIEW_POINT_LABELS: Record<ReviewPoint, LocalText> = {
  month0: { nb: 'Oppstart (måned 0)', en: 'Start (month 0)' },
  month6: { nb: 'Måned 6', en: 'Month 6' },
  month12: { nb: 'Måned 12', en: 'Month 12' },
  month24: { nb: 'Måned 24', en: 'Month 24' },
  month30to36: { nb: 'Måned 30–36 (avslutning)', en: 'Months 30–36 (exit)' },
};

/** What must be in place before the young person moves on. */
export const EXIT_READINESS_ITEMS = ['ownHomeFound', 'incomeSecured', 'budgetKept', 'workOrSchool', 'networkInPlace', 'followUpAgreed'] as const;
/** One exit-readiness point. */
export type ExitReadinessItem = (typeof EXIT_READINESS_ITEMS)[number];

/** Exit-readiness points as people read them. */
export const EXIT_READINESS_LABELS: Record<ExitReadinessItem, LocalText> = {
  ownHomeFound: { nb: 'Egen bolig er på plass', en: 'An own home is in place' },
  incomeSecured: { nb: 'Inntekt er sikret (lønn, stønad eller lån)', en: 'Income is secured (pay, benefit or loan)' },
  budgetKept: { nb: 'Holder et eget budsjett', en: 'Keeps an own budget' },
  workOrSchool: { nb: 'Er i jobb, skole eller annen aktivitet', en: 'Is in work, school or another activity' },
  networkInPlace: { nb: 'Har et nettverk å støtte seg på', en: 'Has a network to lean on' },
  followUpAgreed: { nb: 'Oppfølging etter utflytting er avtalt', en: 'Follow-up after moving out is agreed' },
};

const rating = intField(1, 5);

/** One action in a domain: what, who, by when, done or not. */
export const planActionSchema = z.strictObject({
  title: textField(200, true),
  /** Who does it: the young person, the coordinator or a named service. */
  owner: textField(100, true),
  dueDate: dateField(),
  done: yesNoField(),
});

/** Status 1–5 rated by the young person and by the coordinator at a review. */
export const reviewRatingSchema = z.strictObject({ youth: rating, coordinator: rating });

/** One domain of the plan: the goal, the actions and the ratings at each review. */
export const planDomainSchema = z.strictObject({
  goal: textField(1000),
  actions: z.array(planActionSchema).max(50),
  reviews: z.partialRecord(enumField(REVIEW_POINTS), reviewRatingSchema),
});
/** One domain of a Foyer plan. */
export type PlanDomain = z.infer<typeof planDomainSchema>;

/** Open while the young person is in the programme. */
export const PLAN_STATUSES = ['active', 'completed', 'ended'] as const;

/** The `data` of a Foyer plan record. */
export const planSchema = z.strictObject({
  /** An alias, never the young person's name. */
  youthAlias: textField(100, true),
  birthYear: intField(1990, 2100),
  coordinatorId: uuidField(),
  /** The service that referred the young person (for the three-way meetings). */
  referringService: textField(200).nullish(),
  startDate: dateField(),
  /** When the binding agreement was signed; empty until then. */
  agreementSignedAt: dateField().nullish(),
  status: enumField(PLAN_STATUSES),
  domains: z.strictObject(
    Object.fromEntries(FOYER_DOMAINS.map((d) => [d, planDomainSchema])) as Record<FoyerDomain, typeof planDomainSchema>,
  ),
  /** Exit-readiness points ticked so far. */
  exitReadiness: z.partialRecord(enumField(EXIT_READINESS_ITEMS), yesNoField()),
});
/** A Foyer plan's data. */
export type Plan = z.infer<typeof planSchema>;
