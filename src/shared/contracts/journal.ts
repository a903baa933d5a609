import { z } from 'zod';
import { ZId, ZIsoDate, ZPaging, ZRowVersion, list, requiredText, zPage } from './common.ts';
import { ZBriqueCode } from '../referentiel/referentiel.ts';
import { JOURNAL_DURATION } from '../journal/rules.ts';

/**
 * The case journal (journal d'accompagnement): what a caseworker did with or for a household, and
 * the household's timeline where the journal meets the notes, referrals, diagnostics, measures and
 * contracts of the file.
 */

/** What kind of activity an entry records. */
export const JOURNAL_KINDS = [
  'home_visit',
  'office_meeting',
  'phone_call',
  'accompaniment',
  'partner_contact',
  'letter_sent',
  'letter_received',
  'workshop',
] as const;
export type JournalKind = (typeof JOURNAL_KINDS)[number];
export const JOURNAL_KIND_LABELS: Record<JournalKind, string> = {
  home_visit: 'Visite à domicile',
  office_meeting: 'Entretien au bureau',
  phone_call: 'Appel téléphonique',
  accompaniment: 'Accompagnement à un rendez-vous',
  partner_contact: 'Contact avec un partenaire',
  letter_sent: 'Courrier envoyé',
  letter_received: 'Courrier reçu',
  workshop: 'Participation à un atelier',
};

/**
 * The kinds that are a contact with the household (the no-contact alert): meeting it, calling it,
 * going with it to an appointment or a workshop. A letter or a call to a partner is not one.
 */
export const CONTACT_KINDS = [
  'home_visit',
  'office_meeting',
  'phone_call',
  'accompaniment',
  'workshop',
] as const satisfies readonly JournalKind[];

/**
 * Who reads an entry: every party that sees the shared file, or the social workers of the author's
 * organisation alone (see src/shared/access/journal-policy.ts).
 */
export const JOURNAL_SENSITIVITIES = ['ordinary', 'confidential'] as const;
export type JournalSensitivity = (typeof JOURNAL_SENSITIVITIES)[number];
export const JOURNAL_SENSITIVITY_LABELS: Record<JournalSensitivity, string> = {
  ordinary: 'Partagée avec les partenaires du dossier',
  confidential: 'Confidentielle (travailleurs sociaux de mon organisation)',
};

export const JOURNAL_STATUSES = ['recorded', 'cancelled'] as const;
export type JournalStatus = (typeof JOURNAL_STATUSES)[number];
export const JOURNAL_STATUS_LABELS: Record<JournalStatus, string> = {
  recorded: 'Enregistrée',
  cancelled: 'Annulée',
};

/** The other sources of the household timeline, beside the journal's kinds. */
export const TIMELINE_SOURCES = ['note', 'referral', 'diagnostic', 'measure', 'contract'] as const;
export type TimelineSource = (typeof TIMELINE_SOURCES)[number];
export const TIMELINE_KINDS = [...JOURNAL_KINDS, ...TIMELINE_SOURCES] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];
export const TIMELINE_KIND_LABELS: Record<TimelineKind, string> = {
  ...JOURNAL_KIND_LABELS,
  note: 'Notes du dossier',
  referral: 'Saisines',
  diagnostic: 'Diagnostic',
  measure: 'Mesures',
  contract: 'Contrat d’accompagnement',
};

const optionalText = (max: number) =>
  z
    .string({ message: 'Texte attendu.' })
    .trim()
    .max(max, { message: `${max} caractères au plus.` })
    .default('');

/** A contract objective an activity serves: the contract version in force and the objective's rank there. */
export const ZObjectiveRef = z.object({
  versionId: ZId,
  index: z.number({ message: 'Objectif attendu.' }).int().min(0).max(19),
});
export type TObjectiveRef = z.output<typeof ZObjectiveRef>;

export const ZJournalEntryInput = z.object({
  kind: z.enum(JOURNAL_KINDS, { message: 'Type d’activité inconnu.' }),
  occurredAt: z.iso.datetime({ offset: true, message: 'Date et heure invalides.' }),
  durationMinutes: z
    .number({ message: 'Durée en minutes attendue.' })
    .int({ message: 'Durée en minutes entières attendue.' })
    .min(JOURNAL_DURATION.min, { message: `Au moins ${JOURNAL_DURATION.min} minute.` })
    .max(JOURNAL_DURATION.max, {
      message: `${JOURNAL_DURATION.max} minutes au plus (${JOURNAL_DURATION.max / 60} heures).`,
    }),
  place: optionalText(200),
  memberIds: list(ZId, 20, 'membres'),
  partnerOrganisationIds: list(ZId, 20, 'partenaires'),
  otherParticipants: list(requiredText(120, 'Nom du participant vide.'), 10, 'autres participants'),
  briques: list(ZBriqueCode, 15, 'briques'),
  objectives: list(ZObjectiveRef, 20, 'objectifs'),
  measureId: ZId.nullable().default(null),
  note: optionalText(4000),
  sensitivity: z.enum(JOURNAL_SENSITIVITIES, { message: 'Confidentialité inconnue.' }).default('ordinary'),
});
export type TJournalEntryInput = z.output<typeof ZJournalEntryInput>;

/** A new entry, with the key its device generated: sent twice, it is recorded once. */
export const ZJournalCreate = ZJournalEntryInput.extend({
  idempotencyKey: z.guid({ message: 'Clé d’envoi invalide.' }),
});
export const ZJournalCorrect = ZJournalEntryInput.extend({ rowVersion: ZRowVersion });
export const ZJournalCancel = z.object({
  rowVersion: ZRowVersion,
  reason: requiredText(500, 'Motif de l’annulation obligatoire.'),
});

export const ZJournalParams = z.object({ id: ZId, entryId: ZId });

const ZNamed = z.object({ id: z.string(), name: z.string() });

export const ZJournalChange = z.object({
  at: z.iso.datetime(),
  /** What happened, in words (« Activité corrigée »). */
  label: z.string(),
  /** The fields changed, or the reason, in words. */
  detail: z.string().nullable(),
  byName: z.string().nullable(),
});

export const ZJournalEntry = z.object({
  id: z.string(),
  householdId: z.string(),
  kind: z.enum(JOURNAL_KINDS),
  occurredAt: z.iso.datetime(),
  durationMinutes: z.number().int(),
  place: z.string(),
  members: z.array(ZNamed),
  partners: z.array(ZNamed),
  otherParticipants: z.array(z.string()),
  briques: z.array(z.object({ code: z.string(), label: z.string() })),
  objectives: z.array(ZObjectiveRef.extend({ title: z.string() })),
  measure: ZNamed.nullable(),
  note: z.string(),
  sensitivity: z.enum(JOURNAL_SENSITIVITIES),
  status: z.enum(JOURNAL_STATUSES),
  cancelReason: z.string().nullable(),
  authorName: z.string().nullable(),
  authorOrganisationId: z.string(),
  authorOrganisationName: z.string().nullable(),
  createdAt: z.iso.datetime(),
  rowVersion: z.number().int(),
  /** Whether the reader may correct or cancel it (its author's organisation). */
  canCorrect: z.boolean(),
  /** Every change, oldest first (on the entry's own read). */
  history: z.array(ZJournalChange).optional(),
});
export type TJournalEntry = z.output<typeof ZJournalEntry>;

/** What the activity form offers, read from the file: who may take part, what it may serve. */
export const ZJournalOptions = z.object({
  members: z.array(ZNamed),
  partners: z.array(ZNamed),
  measures: z.array(
    ZNamed.extend({
      /** Whether an entry may still be attached (running, or ended but under watch). */
      open: z.boolean(),
    }),
  ),
  objectives: z.array(ZObjectiveRef.extend({ title: z.string(), measureId: z.string() })),
  referentielVersion: z.string(),
});
export type TJournalOptions = z.output<typeof ZJournalOptions>;

/** A comma-separated list of timeline kinds (« home_visit,note »). */
const ZKindList = z
  .string()
  .max(400)
  .transform((v) => v.split(',').filter((k) => k !== ''))
  .pipe(z.array(z.enum(TIMELINE_KINDS, { message: 'Type d’élément inconnu.' })));

/** Where a page of the timeline starts: the `next` of the page before (its last item's instant and key). */
const ZTimelineCursor = z
  .string()
  .max(200)
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z\|[a-z-]+:[0-9a-z:-]+$/, {
    message: 'Page suivante invalide : rechargez le fil.',
  });

export const ZTimelineQuery = ZPaging.extend({
  /** The page after this cursor (keyset), instead of the page numbered `page`. */
  after: ZTimelineCursor.optional(),
  kinds: ZKindList.optional(),
  from: ZIsoDate.optional(),
  to: ZIsoDate.optional(),
  brique: ZBriqueCode.optional(),
  measureId: ZId.optional(),
  organisationId: ZId.optional(),
});
export type TTimelineQuery = z.output<typeof ZTimelineQuery>;

export const ZTimelineItem = z.object({
  /** Unique within the timeline (the source and the record). */
  key: z.string(),
  kind: z.enum(TIMELINE_KINDS),
  at: z.iso.datetime(),
  /** What happened, in words. */
  title: z.string(),
  detail: z.string().nullable(),
  byName: z.string().nullable(),
  byOrganisationName: z.string().nullable(),
  /** The journal entry itself, for a journal item. */
  entry: ZJournalEntry.optional(),
});
export type TTimelineItem = z.output<typeof ZTimelineItem>;
export const ZTimeline = zPage(ZTimelineItem).extend({
  /** The cursor of the page that follows (for `after`), null on the last page. */
  next: z.string().nullable(),
  /** The organisations behind the reader's items, whatever the filters: the choices of the author filter. */
  organisations: z.array(ZNamed),
});
export type TTimeline = z.output<typeof ZTimeline>;
