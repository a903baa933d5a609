import { z } from 'zod';
import { ZId, ZIsoDate } from './common.ts';

/**
 * The agenda: what is planned with a household or partners (appointments), a caseworker's week and
 * a personal calendar feed. What happened is recorded afterwards in the journal.
 */
export const APPOINTMENT_KINDS = [
  'home_visit',
  'office_meeting',
  'accompaniment',
  'partner_meeting',
  'phone_call',
] as const;
export type AppointmentKind = (typeof APPOINTMENT_KINDS)[number];
export const APPOINTMENT_KIND_LABELS: Record<AppointmentKind, string> = {
  home_visit: 'Visite à domicile',
  office_meeting: 'Entretien au bureau',
  accompaniment: 'Accompagnement à un rendez-vous',
  partner_meeting: 'Réunion partenaire',
  phone_call: 'Entretien téléphonique',
};

export const APPOINTMENT_STATUSES = ['planned', 'done', 'cancelled', 'missed'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];
export const APPOINTMENT_STATUS_LABELS: Record<AppointmentStatus, string> = {
  planned: 'Prévu',
  done: 'Réalisé',
  cancelled: 'Annulé',
  missed: 'Rendez-vous non honoré',
};

const ZInstant = z.iso.datetime({ offset: true, message: 'Date et heure invalides.' });
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `${max} caractères au plus.` });

const ZAppointmentFields = z.object({
  kind: z.enum(APPOINTMENT_KINDS, { message: 'Choisissez le type de rendez-vous.' }),
  startsAt: ZInstant,
  endsAt: ZInstant,
  place: text(200).nullish(),
  note: text(1000).nullish(),
  /** The organisation's people who attend (default: the one who plans it). */
  userIds: z.array(ZId).max(10, { message: '10 intervenants au plus.' }).default([]),
  /** Members of the household's file who attend. */
  memberIds: z.array(ZId).max(20).default([]),
  /** Partner organisations taking part: they see the appointment, without its note. */
  organisationIds: z.array(ZId).max(10, { message: '10 partenaires au plus.' }).default([]),
});
export const ZAppointmentCreate = ZAppointmentFields;
export type TAppointmentCreate = z.input<typeof ZAppointmentCreate>;
export const ZAppointmentUpdate = ZAppointmentFields.extend({ rowVersion: z.number().int().min(1) });
export type TAppointmentUpdate = z.input<typeof ZAppointmentUpdate>;

export const ZAppointmentStatusChange = z
  .object({
    rowVersion: z.number().int().min(1),
    status: z.enum(APPOINTMENT_STATUSES, { message: 'Choisissez le statut.' }),
    reason: text(500).nullish(),
  })
  .refine((v) => v.status !== 'cancelled' || (v.reason ?? '').length >= 3, {
    path: ['reason'],
    message: 'Indiquez pourquoi le rendez-vous est annulé.',
  });
export type TAppointmentStatusChange = z.input<typeof ZAppointmentStatusChange>;

export const ZAppointmentParams = z.object({ id: ZId, appointmentId: ZId });
export const ZAgendaAppointmentParams = z.object({ appointmentId: ZId });

const ZNamed = z.object({ id: ZId, name: z.string() });
export const ZAppointment = z.object({
  id: ZId,
  kind: z.enum(APPOINTMENT_KINDS),
  status: z.enum(APPOINTMENT_STATUSES),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  place: z.string().nullable(),
  /** Absent for a partner: the note stays with the organisation that planned it. */
  note: z.string().nullable().optional(),
  cancelReason: z.string().nullable(),
  householdId: ZId.nullable(),
  /** The household's file number and family name, for the organisation's own people. */
  householdLabel: z.string().nullable(),
  organisationName: z.string(),
  users: z.array(ZNamed),
  members: z.array(ZNamed),
  organisations: z.array(ZNamed),
  rowVersion: z.number().int(),
});
export type TAppointment = z.infer<typeof ZAppointment>;
export const ZAppointmentList = z.object({ items: z.array(ZAppointment) });

/** A saved appointment and, as a warning, the same people's appointments it overlaps. */
export const ZAppointmentSaved = z.object({
  appointment: ZAppointment,
  overlaps: z.array(z.object({ userName: z.string(), startsAt: z.iso.datetime(), endsAt: z.iso.datetime() })),
});
export type TAppointmentSaved = z.infer<typeof ZAppointmentSaved>;

export const ZWeekQuery = z.object({
  /** Any day of the week wanted (default: today, in Paris). */
  day: ZIsoDate.optional(),
  /** Whose week (a team leader may choose a caseworker of the organisation; default: oneself). */
  userId: ZId.optional(),
});
export const ZWeek = z.object({
  monday: z.string(),
  sunday: z.string(),
  user: ZNamed,
  appointments: z.array(ZAppointment),
  meetings: z.array(
    z.object({
      id: ZId,
      committeeName: z.string(),
      startsAt: z.iso.datetime(),
      endsAt: z.iso.datetime(),
      location: z.string().nullable(),
    }),
  ),
});
export type TWeek = z.infer<typeof ZWeek>;

/** The people of the organisation who hold appointments, for the forms and the team leader's choice. */
export const ZAgendaPeople = z.object({ items: z.array(ZNamed), mayChoose: z.boolean() });

export const ZFeedStatus = z.object({
  active: z.boolean(),
  createdAt: z.iso.datetime().nullable(),
  includeFamilyName: z.boolean(),
});
export const ZFeedCreate = z.object({ includeFamilyName: z.boolean().default(false) });
/** The feed's address, given once: only its hash is kept. */
export const ZFeedCreated = z.object({ url: z.string(), createdAt: z.iso.datetime() });
export const ZFeedParams = z.object({
  token: z.string().max(100),
});
