import { z } from 'zod';
import { ZId, ZIsoDate, list } from './common.ts';
import { TYPOLOGIES } from './household-enums.ts';
import { DWELLING_ACCESSIBILITIES, DWELLING_FINANCINGS } from './housing-stock.ts';

/**
 * Vacancies (issue 12 point 2; allocation-rules.md §3.3, §4.2; fiche-action 4): a landlord publishes
 * a dwelling of its stock that is free, with the reservation channel whose réservataire puts the
 * candidates forward, the deadline for answers and the visits possible; the associations and the
 * SIAO holding a pool in the dwelling's département are told.
 */

/** Whose flow the vacancy falls in (§3.3: contingents and gestion en flux). */
export const RESERVATION_CHANNELS = ['prefectoral', 'action_logement', 'collectivite', 'bailleur'] as const;
export type ReservationChannel = (typeof RESERVATION_CHANNELS)[number];
export const RESERVATION_CHANNEL_LABELS: Record<ReservationChannel, string> = {
  prefectoral: 'Contingent préfectoral',
  action_logement: 'Action Logement',
  collectivite: 'Contingent d’une collectivité',
  bailleur: 'Contingent propre du bailleur',
};

export const VACANCY_STATUSES = ['open', 'withdrawn', 'closed'] as const;
export type VacancyStatus = (typeof VACANCY_STATUSES)[number];
export const VACANCY_STATUS_LABELS: Record<VacancyStatus, string> = {
  open: 'Ouverte',
  withdrawn: 'Retirée',
  closed: 'Clôturée',
};

export const ZVacancyCreate = z.object({
  dwellingId: ZId,
  channel: z.enum(RESERVATION_CHANNELS, { message: 'Contingent inconnu.' }),
  answerBy: ZIsoDate,
  visitDetails: z.string().trim().max(2000, { message: '2000 caractères au plus.' }).nullable().default(null),
  visitDates: list(ZIsoDate, 10, 'dates de visite'),
});
export type TVacancyCreate = z.infer<typeof ZVacancyCreate>;

export const ZVacancyEnd = z.object({
  reason: z.string().trim().max(500, { message: '500 caractères au plus.' }).nullable().default(null),
});

export const ZVacancy = z.object({
  id: z.string(),
  status: z.enum(VACANCY_STATUSES),
  channel: z.enum(RESERVATION_CHANNELS),
  answerBy: z.string(),
  visitDetails: z.string().nullable(),
  visitDates: z.array(z.string()),
  monthlyRentCents: z.number().int(),
  monthlyChargesCents: z.number().int(),
  publishedAt: z.string(),
  endedAt: z.string().nullable(),
  endReason: z.string().nullable(),
  landlordName: z.string(),
  dwelling: z.object({
    id: z.string(),
    address: z.string(),
    commune: z.string().nullable(),
    typology: z.enum(TYPOLOGIES).nullable(),
    surfaceM2: z.number().nullable(),
    floor: z.number().int().nullable(),
    lift: z.boolean().nullable(),
    accessibility: z.enum(DWELLING_ACCESSIBILITIES).nullable(),
    financing: z.enum(DWELLING_FINANCINGS).nullable(),
  }),
  /** The reader's organisation published it (and may withdraw or close it while open). */
  canEnd: z.boolean(),
});
export type TVacancy = z.infer<typeof ZVacancy>;

export const ZVacancyList = z.object({
  items: z.array(ZVacancy),
  /** Whether the reader publishes (landlord staff) rather than reads the open vacancies. */
  canPublish: z.boolean(),
});
export type TVacancyList = z.infer<typeof ZVacancyList>;
export const ZVacancyParams = z.object({ id: ZId });
