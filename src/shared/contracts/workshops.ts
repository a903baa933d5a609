import { z } from 'zod';
import { ZId, ZRowVersion, list, requiredText } from './common.ts';
import { ZBriqueCode } from '../referentiel/referentiel.ts';
import { JOURNAL_DURATION } from '../journal/rules.ts';

/**
 * Collective workshops (ateliers collectifs, briques 2.2 and 3.5, fiche-action 6): a session of an
 * organisation with a theme, its facilitators, the households it invites and who came. Each present
 * household finds the workshop in its own journal, which names no other household.
 */

export const WORKSHOP_STATUSES = ['planned', 'cancelled'] as const;
export type WorkshopStatus = (typeof WORKSHOP_STATUSES)[number];
export const WORKSHOP_STATUS_LABELS: Record<WorkshopStatus, string> = {
  planned: 'Programmé',
  cancelled: 'Annulé',
};

/** Where an invited household stands: invited (attendance not recorded yet), present, excused, absent. */
export const ATTENDANCES = ['invited', 'present', 'excused', 'absent'] as const;
export type Attendance = (typeof ATTENDANCES)[number];
export const ATTENDANCE_LABELS: Record<Attendance, string> = {
  invited: 'Invité',
  present: 'Présent',
  excused: 'Excusé',
  absent: 'Absent',
};

export const ZWorkshopInput = z.object({
  theme: requiredText(200, 'Thème de l’atelier obligatoire.'),
  briques: list(ZBriqueCode, 10, 'briques'),
  startsAt: z.iso.datetime({ offset: true, message: 'Date et heure invalides.' }),
  durationMinutes: z
    .number({ message: 'Durée en minutes attendue.' })
    .int({ message: 'Durée en minutes entières attendue.' })
    .min(JOURNAL_DURATION.min, { message: `Au moins ${JOURNAL_DURATION.min} minute.` })
    .max(JOURNAL_DURATION.max, { message: `${JOURNAL_DURATION.max} minutes au plus.` }),
  place: requiredText(200, 'Lieu de l’atelier obligatoire.'),
  facilitatorUserIds: list(ZId, 10, 'animateurs'),
  partnerOrganisationIds: list(ZId, 10, 'partenaires'),
});
export type TWorkshopInput = z.output<typeof ZWorkshopInput>;

export const ZWorkshopUpdate = ZWorkshopInput.extend({ rowVersion: ZRowVersion });
export const ZWorkshopCancel = z.object({
  rowVersion: ZRowVersion,
  reason: requiredText(500, 'Motif de l’annulation obligatoire.'),
});
/** The households invited, as a whole list: those left out are no longer invited (unless they came). */
export const ZWorkshopInvitations = z.object({
  rowVersion: ZRowVersion,
  householdIds: list(ZId, 60, 'ménages'),
});
export const ZWorkshopAttendance = z.object({
  rowVersion: ZRowVersion,
  attendance: list(
    z.object({
      householdId: ZId,
      attendance: z.enum(['present', 'excused', 'absent'], { message: 'Présence inconnue.' }),
    }),
    60,
    'ménages',
  ),
});

export const ZWorkshopParams = z.object({ workshopId: ZId });

const ZNamed = z.object({ id: z.string(), name: z.string() });

export const ZWorkshopSummary = z.object({
  id: z.string(),
  theme: z.string(),
  startsAt: z.iso.datetime(),
  durationMinutes: z.number().int(),
  place: z.string(),
  status: z.enum(WORKSHOP_STATUSES),
  invitedCount: z.number().int(),
  presentCount: z.number().int(),
});
export const ZWorkshopList = z.object({ items: z.array(ZWorkshopSummary) });

/** The workshop's page, for the organising organisation's staff only: every household invited. */
export const ZWorkshop = ZWorkshopSummary.extend({
  briques: z.array(z.object({ code: z.string(), label: z.string() })),
  facilitators: z.array(ZNamed),
  partners: z.array(ZNamed),
  cancelReason: z.string().nullable(),
  rowVersion: z.number().int(),
  households: z.array(
    z.object({
      householdId: z.string(),
      fileLabel: z.string(),
      familyName: z.string(),
      attendance: z.enum(ATTENDANCES),
      /** Whether the household's journal holds the workshop (present households). */
      inJournal: z.boolean(),
    }),
  ),
});
export type TWorkshop = z.infer<typeof ZWorkshop>;

/** Who may facilitate: the organisation's social workers (partners are chosen among the organisations). */
export const ZWorkshopOptions = z.object({ facilitators: z.array(ZNamed) });
