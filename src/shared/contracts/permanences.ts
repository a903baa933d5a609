import { z } from 'zod';
import { ZId, ZIsoDate, ZRowVersion, list, requiredText } from './common.ts';
import { ZBriqueCode } from '../referentiel/referentiel.ts';
import { ZConsentTerms, ZHouseholdCreate } from './households.ts';
import { ZReferralCreate } from './referrals.ts';
import { JOURNAL_DURATION } from '../journal/rules.ts';

/**
 * Drop-in sessions (permanences, fiche-action 9): an organisation's recurring slots (a weekday, Paris
 * hours, a place and its staff) and the walk-in visits recorded there before any file exists —
 * minimal data, the person's consent, the advice given and the steps the person keeps. One action
 * turns a visit into a referral (saisine) or a household file.
 */

export const SLOT_STATUSES = ['open', 'closed'] as const;
export type SlotStatus = (typeof SLOT_STATUSES)[number];
export const SLOT_STATUS_LABELS: Record<SlotStatus, string> = {
  open: 'Ouverte',
  closed: 'Fermée',
};

/** ISO weekdays: 1 = Monday … 7 = Sunday. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export const WEEKDAY_LABELS: Record<number, string> = {
  1: 'Lundi',
  2: 'Mardi',
  3: 'Mercredi',
  4: 'Jeudi',
  5: 'Vendredi',
  6: 'Samedi',
  7: 'Dimanche',
};

/** Whether the person agreed that the visit be kept with their name: without it, anonymous counts only. */
export const VISIT_CONSENTS = ['given', 'refused'] as const;
export type VisitConsent = (typeof VISIT_CONSENTS)[number];
export const VISIT_CONSENT_LABELS: Record<VisitConsent, string> = {
  given: 'Accord donné : prénom et contact gardés',
  refused: 'Accord refusé : passage anonyme',
};

/** An approximate age, never a birth date. */
export const AGE_BANDS = ['under_25', 'from_25_to_39', 'from_40_to_59', 'from_60'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
export const AGE_BAND_LABELS: Record<AgeBand, string> = {
  under_25: 'Moins de 25 ans',
  from_25_to_39: '25 à 39 ans',
  from_40_to_59: '40 à 59 ans',
  from_60: '60 ans et plus',
};

/** What a visit was turned into. */
export const CONVERSIONS = ['referral', 'household'] as const;
export type Conversion = (typeof CONVERSIONS)[number];
export const CONVERSION_LABELS: Record<Conversion, string> = {
  referral: 'Saisine adressée',
  household: 'Dossier ménage ouvert',
};

const optionalText = (max: number) =>
  z
    .string({ message: 'Texte attendu.' })
    .trim()
    .max(max, { message: `${max} caractères au plus.` })
    .default('');

const ZClock = z.string({ message: 'Heure attendue (HH:MM).' }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, {
  message: 'Heure attendue (HH:MM).',
});

export const ZSlotInput = z.object({
  place: requiredText(200, 'Lieu de la permanence obligatoire.'),
  weekday: z
    .number({ message: 'Jour de la semaine attendu.' })
    .int({ message: 'Jour de la semaine attendu.' })
    .min(1, { message: 'Jour de la semaine attendu.' })
    .max(7, { message: 'Jour de la semaine attendu.' }),
  startTime: ZClock,
  endTime: ZClock,
  everyWeeks: z
    .number({ message: 'Fréquence attendue (toutes les N semaines).' })
    .int({ message: 'Nombre entier de semaines attendu.' })
    .min(1, { message: 'Une semaine au moins entre deux permanences.' })
    .max(8, { message: 'Toutes les 8 semaines au plus.' }),
  fromDate: ZIsoDate,
  untilDate: ZIsoDate.nullable().default(null),
  staffUserIds: list(ZId, 10, 'intervenants'),
});
export type TSlotInput = z.output<typeof ZSlotInput>;
export const ZSlotUpdate = ZSlotInput.extend({ rowVersion: ZRowVersion });
export const ZSlotClose = z.object({ rowVersion: ZRowVersion });
export const ZSlotParams = z.object({ slotId: ZId });

const ZNamed = z.object({ id: z.string(), name: z.string() });

export const ZSlot = z.object({
  id: z.string(),
  place: z.string(),
  weekday: z.number().int(),
  startTime: z.string(),
  endTime: z.string(),
  everyWeeks: z.number().int(),
  fromDate: z.string(),
  untilDate: z.string().nullable(),
  staff: z.array(ZNamed),
  status: z.enum(SLOT_STATUSES),
  rowVersion: z.number().int(),
});
export type TSlot = z.infer<typeof ZSlot>;
export const ZSlotList = z.object({ items: z.array(ZSlot) });

/** A step the person keeps responsibility for, with the date they aim at if any. */
export const ZVisitStep = z.object({
  text: requiredText(300, 'Décrivez la démarche.'),
  dueOn: ZIsoDate.nullable().default(null),
});

export const ZVisitInput = z.object({
  slotId: ZId,
  occurredAt: z.iso.datetime({ offset: true, message: 'Date et heure invalides.' }),
  durationMinutes: z
    .number({ message: 'Durée en minutes attendue.' })
    .int({ message: 'Durée en minutes entières attendue.' })
    .min(JOURNAL_DURATION.min, { message: `Au moins ${JOURNAL_DURATION.min} minute.` })
    .max(JOURNAL_DURATION.max, { message: `${JOURNAL_DURATION.max} minutes au plus.` }),
  consent: z.enum(VISIT_CONSENTS, { message: 'Indiquez si la personne donne son accord.' }),
  firstName: optionalText(60),
  ageBand: z.enum(AGE_BANDS, { message: 'Tranche d’âge inconnue.' }).nullable().default(null),
  commune: optionalText(100),
  phone: optionalText(30),
  briques: list(ZBriqueCode, 15, 'briques'),
  advice: optionalText(4000),
  steps: list(ZVisitStep, 20, 'démarches'),
});
export type TVisitInput = z.output<typeof ZVisitInput>;
export const ZVisitUpdate = ZVisitInput.omit({ slotId: true }).extend({ rowVersion: ZRowVersion });
export type TVisitUpdate = z.output<typeof ZVisitUpdate>;
export const ZVisitParams = z.object({ visitId: ZId });

/**
 * The one action that turns a visit into a referral (with the new household described, the file
 * opening on the referral) or a household file opened on the household's consent.
 */
export const ZVisitConversion = z.discriminatedUnion(
  'to',
  [
    z.object({ to: z.literal('referral'), rowVersion: ZRowVersion, referral: ZReferralCreate }),
    z.object({
      to: z.literal('household'),
      rowVersion: ZRowVersion,
      file: ZHouseholdCreate,
      consent: ZConsentTerms,
    }),
  ],
  { message: 'Choisissez une saisine ou un dossier.' },
);
export type TVisitConversion = z.output<typeof ZVisitConversion>;

export const ZVisit = z.object({
  id: z.string(),
  slotId: z.string(),
  occurrenceDate: z.string(),
  occurredAt: z.iso.datetime(),
  durationMinutes: z.number().int(),
  consent: z.enum(VISIT_CONSENTS),
  firstName: z.string(),
  ageBand: z.enum(AGE_BANDS).nullable(),
  commune: z.string(),
  phone: z.string(),
  briques: z.array(z.object({ code: z.string(), label: z.string() })),
  advice: z.string(),
  steps: z.array(z.object({ text: z.string(), dueOn: z.string().nullable() })),
  recordedBy: z.string().nullable(),
  conversion: z
    .object({
      to: z.enum(CONVERSIONS),
      at: z.iso.datetime(),
      householdId: z.string().nullable(),
      referralId: z.string().nullable(),
    })
    .nullable(),
  rowVersion: z.number().int(),
});
export type TVisit = z.infer<typeof ZVisit>;

export const ZOccurrence = z.object({
  slotId: z.string(),
  place: z.string(),
  date: z.string(),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  staff: z.array(ZNamed),
  /** Whether a visit may be recorded now: the occurrence has begun (see the rules). */
  begun: z.boolean(),
  visits: z.array(ZVisit),
});
export const ZWeekQuery = z.object({ date: ZIsoDate.optional() });
export const ZWeek = z.object({
  monday: z.string(),
  sunday: z.string(),
  occurrences: z.array(ZOccurrence),
});
export type TWeek = z.infer<typeof ZWeek>;

/** Who may be staff of a slot: the organisation's social workers. */
export const ZPermanenceOptions = z.object({ staff: z.array(ZNamed) });

export const ZConversionResult = z.object({
  visit: ZVisit,
  householdId: z.string(),
  referralId: z.string().nullable(),
});
