import { z } from 'zod';
import { ZCents, ZId, ZIsoDate } from './common.ts';

/**
 * Incidents during the social watch (veille) after a measure (issue 10, point 7): the landlord
 * reports new rent arrears or another incident, the watch's caseworker reopens a case in one step.
 */
export const WATCH_INCIDENT_KINDS = [
  'rent_arrears',
  'neighbourhood_trouble',
  'maintenance_default',
  'prolonged_absence',
] as const;
export type WatchIncidentKind = (typeof WATCH_INCIDENT_KINDS)[number];
export const WATCH_INCIDENT_KIND_LABELS: Record<WatchIncidentKind, string> = {
  rent_arrears: 'Nouveaux impayés de loyer',
  neighbourhood_trouble: 'Trouble de voisinage',
  maintenance_default: 'Défaut d’entretien du logement',
  prolonged_absence: 'Absence prolongée',
};

export const ZWatchIncidentInput = z
  .object({
    kind: z.enum(WATCH_INCIDENT_KINDS, { message: 'Choisissez la nature de l’incident.' }),
    /** The day of the incident (for arrears: the day the debt was assessed). */
    occurredOn: ZIsoDate,
    /** The new arrears' amount, for rent arrears only. */
    amountCents: ZCents.nullish(),
    note: z.string().trim().max(1000, { message: '1000 caractères au plus.' }).nullish(),
  })
  .superRefine((i, ctx) => {
    if (i.kind === 'rent_arrears' && !i.amountCents)
      ctx.addIssue({ code: 'custom', path: ['amountCents'], message: 'Indiquez le montant des impayés.' });
    if (i.kind !== 'rent_arrears' && !i.note?.trim())
      ctx.addIssue({ code: 'custom', path: ['note'], message: 'Décrivez l’incident en quelques mots.' });
  });
export type TWatchIncidentInput = z.input<typeof ZWatchIncidentInput>;

export const ZWatchIncident = z.object({
  id: ZId,
  householdId: ZId,
  /** The ended measure whose watch the incident fell in. */
  measureId: ZId,
  schemeName: z.string(),
  kind: z.enum(WATCH_INCIDENT_KINDS),
  occurredOn: z.string(),
  amountCents: z.number().int().nullable(),
  note: z.string().nullable(),
  /** The incident in words (« Nouveaux impayés de loyer : 850,00 € au 03/03/2027 »). */
  summary: z.string(),
  reportedAt: z.iso.datetime(),
  reportedByName: z.string().nullable(),
  reportedByOrganisationName: z.string().nullable(),
  /** The measure the incident reopened; null while none was. */
  reopenedMeasureId: ZId.nullable(),
  /** Whether the reader may reopen a case from it now (the watch's operator, incident still open). */
  canReopen: z.boolean(),
});
export type TWatchIncident = z.infer<typeof ZWatchIncident>;
export const ZWatchIncidentList = z.object({ items: z.array(ZWatchIncident) });

export const ZWatchIncidentParams = z.object({ id: ZId, incidentId: ZId });

export const ZWatchReopen = z.object({
  /** Whether to keep the référent over his or her capacity, once warned. */
  confirmOverCapacity: z.boolean().default(false),
});
