import { z } from 'zod';
import { ZCents, ZId, ZIsoDate, ZPaging, zPage } from './common.ts';
import { CONSENT_METHODS, EVICTION_STEPS, HOUSING_SITUATIONS } from './household-enums.ts';
import { ZApplicationNumber, ZEvictionProcedure, ZMemberInput } from './households.ts';
import {
  CONTACT_METHODS,
  CONTACT_OUTCOMES,
  MAINTENANCE_REASONS,
  REFERRAL_KINDS,
  REFERRAL_STATUSES,
} from './referral-enums.ts';
import { ZOrganisationType } from './organisations.ts';

/** The referral number as people say it: S-000123. */
export const formatReferralNumber = (n: number) => `S-${String(n).padStart(6, '0')}`;

const requiredText = (max: number, empty = 'Ce champ est obligatoire.') =>
  z
    .string({ message: empty })
    .trim()
    .min(1, { message: empty })
    .max(max, { message: `${max} caractères au plus.` });
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `${max} caractères au plus.` })
    .optional()
    .transform((v) => (v === '' ? undefined : v));

// ---------------------------------------------------------------------------------------------------
// Creating a referral

/**
 * The minimal household file a referrer types when the household is not in Relais yet: the
 * members (the household file's own member shape, exactly one reference person), contact details
 * and the current dwelling.
 */
export const ZReferralNewHousehold = z
  .object({
    members: z
      .array(ZMemberInput)
      .min(1, { message: 'Indiquez au moins la personne de référence.' })
      .max(20, { message: '20 personnes au plus.' }),
    phone: optionalText(30),
    email: z.email({ message: 'Adresse e-mail invalide.' }).optional(),
    postalAddress: optionalText(300),
    /** Defaults to a social tenancy for a maintenance referral; required for an access referral. */
    housingSituation: z.enum(HOUSING_SITUATIONS, { message: 'Situation de logement invalide.' }).optional(),
    shelterName: optionalText(200),
    dwellingAddress: optionalText(300),
    tenantReference: optionalText(100),
    monthlyRentCents: ZCents.optional(),
    monthlyChargesCents: ZCents.optional(),
    applicationNumber: ZApplicationNumber.optional(),
  })
  .superRefine((h, ctx) => {
    if (h.members.filter((m) => m.isReferencePerson).length !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['members'],
        message: 'Le ménage doit avoir une et une seule personne de référence.',
      });
    }
  });
export type TReferralNewHousehold = z.output<typeof ZReferralNewHousehold>;

/**
 * The household's agreement to being referred, recorded as a consent (purpose: orientation) to the
 * referring organisation: how and when it was given, before whom when it was oral.
 */
export const ZHouseholdAgreement = z
  .object({
    method: z.enum(CONSENT_METHODS, { message: 'Mode de recueil invalide.' }),
    givenOn: ZIsoDate,
    witnessName: optionalText(200),
  })
  .superRefine((a, ctx) => {
    if (a.method === 'oral_with_witness' && !a.witnessName) {
      ctx.addIssue({
        code: 'custom',
        path: ['witnessName'],
        message: 'Nom du témoin obligatoire pour un accord oral.',
      });
    }
  });
export type THouseholdAgreement = z.output<typeof ZHouseholdAgreement>;

/** A step of the eviction procedure as the referral reports it, with its date. */
export const ZReportedEvictionStep = z.object({
  step: z.enum(EVICTION_STEPS, { message: 'Étape de procédure inconnue.' }),
  occurredOn: ZIsoDate,
});

/** Fields common to both kinds: the receiving organisation and the household (existing or new). */
const referralBase = {
  toOrganisationId: ZId,
  householdId: ZId.optional(),
  newHousehold: ZReferralNewHousehold.optional(),
  freeText: optionalText(4000),
};

export const ZMaintenanceReferralCreate = z
  .object({
    kind: z.literal('maintenance'),
    ...referralBase,
    /** The landlord's management unit (agence) that refers, for its dashboard. */
    managementUnitId: ZId.optional(),
    /** The tenant's occupancy contract the referral is about (from the tenants its arrears file flagged). */
    occupancyContractId: ZId.optional(),
    reasons: z
      .array(z.enum(MAINTENANCE_REASONS, { message: 'Motif inconnu.' }))
      .min(1, { message: 'Cochez au moins un motif.' })
      .refine((r) => new Set(r).size === r.length, { message: 'Un motif est coché deux fois.' }),
    arrears: z
      .object({
        amountCents: ZCents.refine((v) => v > 0, { message: 'Le montant des impayés doit être positif.' }),
        months: z
          .number({ message: 'Nombre de mois invalide.' })
          .int({ message: 'Nombre de mois entier attendu.' })
          .min(1, { message: 'Au moins un mois d’impayés.' })
          .max(240, { message: 'Nombre de mois invraisemblable.' }),
      })
      .optional(),
    /** The latest step of the eviction procedure the landlord reports: recorded in the household's procedure. */
    eviction: ZReportedEvictionStep.optional(),
    householdAgreement: ZHouseholdAgreement.optional(),
  })
  .superRefine((r, ctx) => {
    refineHouseholdChoice(r, ctx);
    if (r.reasons.includes('arrears') && !r.arrears) {
      ctx.addIssue({
        code: 'custom',
        path: ['arrears'],
        message: 'Indiquez le montant et le nombre de mois d’impayés.',
      });
    }
    if (r.reasons.includes('eviction_procedure') && !r.eviction) {
      ctx.addIssue({
        code: 'custom',
        path: ['eviction'],
        message: 'Indiquez le stade de la procédure d’expulsion.',
      });
    }
    if (r.newHousehold && !r.newHousehold.dwellingAddress) {
      ctx.addIssue({
        code: 'custom',
        path: ['newHousehold', 'dwellingAddress'],
        message: 'L’adresse du logement occupé est obligatoire.',
      });
    }
  });

export const ZAccessReferralCreate = z
  .object({
    kind: z.literal('access'),
    ...referralBase,
    /** Prêt à sortir: the sheltered household could live autonomously. */
    readyToLeave: z.boolean({ message: 'Indiquez si le ménage est prêt à sortir.' }),
    shelteredSince: ZIsoDate.optional(),
    housingProject: requiredText(4000, 'Décrivez le projet logement du ménage.'),
    /** An access referral is made with the household: its agreement is required. */
    householdAgreement: ZHouseholdAgreement,
  })
  .superRefine((r, ctx) => {
    refineHouseholdChoice(r, ctx);
    if (r.newHousehold && !r.newHousehold.housingSituation) {
      ctx.addIssue({
        code: 'custom',
        path: ['newHousehold', 'housingSituation'],
        message: 'Indiquez la situation de logement actuelle du ménage.',
      });
    }
  });

function refineHouseholdChoice(
  r: { householdId?: string; newHousehold?: unknown },
  ctx: z.RefinementCtx,
): void {
  if (!r.householdId && !r.newHousehold) {
    ctx.addIssue({
      code: 'custom',
      path: ['householdId'],
      message: 'Choisissez un ménage suivi ou décrivez le nouveau ménage.',
    });
  }
  if (r.householdId && r.newHousehold) {
    ctx.addIssue({
      code: 'custom',
      path: ['newHousehold'],
      message: 'Choisissez un ménage suivi ou un nouveau ménage, pas les deux.',
    });
  }
}

export const ZReferralCreate = z.discriminatedUnion(
  'kind',
  [ZMaintenanceReferralCreate, ZAccessReferralCreate],
  {
    message: 'Type de saisine inconnu.',
  },
);
export type TReferralCreate = z.output<typeof ZReferralCreate>;
export type TReferralCreateInput = z.input<typeof ZReferralCreate>;

// ---------------------------------------------------------------------------------------------------
// Transitions

const ZVersion = z.number({ message: 'Version manquante.' }).int().min(1);

export const ZReferralAccept = z.object({ caseworkerUserId: ZId, version: ZVersion });
export type TReferralAccept = z.infer<typeof ZReferralAccept>;

export const ZReferralDecline = z.object({
  reason: requiredText(2000, 'Le motif du refus est obligatoire.'),
  version: ZVersion,
});
export type TReferralDecline = z.infer<typeof ZReferralDecline>;

export const ZReferralRedirect = z.object({
  toOrganisationId: ZId,
  reason: requiredText(2000, 'Le motif de la réorientation est obligatoire.'),
  version: ZVersion,
});
export type TReferralRedirect = z.infer<typeof ZReferralRedirect>;

/** A contact attempt; its date may not be in the future (checked against the server clock). */
export const ZContactAttemptCreate = z.object({
  method: z.enum(CONTACT_METHODS, { message: 'Moyen de contact inconnu.' }),
  outcome: z.enum(CONTACT_OUTCOMES, { message: 'Résultat inconnu.' }),
  attemptedAt: z.iso.datetime({ offset: true, message: 'Date et heure invalides.' }),
  note: optionalText(2000),
});
export type TContactAttemptCreate = z.infer<typeof ZContactAttemptCreate>;

export const ZFirstInterview = z.object({
  at: z.iso.datetime({ offset: true, message: 'Date et heure invalides.' }),
  version: ZVersion,
});
export type TFirstInterview = z.infer<typeof ZFirstInterview>;

/** Answer of a transition: the new status and the version to send with the next one. */
export const ZReferralTransitionResult = z.object({
  id: ZId,
  status: z.enum(REFERRAL_STATUSES),
  version: z.number().int(),
  /** Set by a redirect: the new referral in the other association's inbox. */
  redirectedToReferralId: ZId.nullable(),
});
export type TReferralTransitionResult = z.infer<typeof ZReferralTransitionResult>;

export const ZReferralCreated = z.object({ id: ZId });

export const ZReferralPrefillParams = z.object({ contractId: ZId });

/**
 * What a landlord's referral form starts from for a tenant its arrears file flagged: the tenant, the
 * dwelling, the landlord, its latest balance and how many months of rent it stands for — all the
 * landlord sees of its own tenant. The household's file when the contract is attached to one it reads.
 */
export const ZReferralPrefill = z.object({
  contractId: ZId,
  tenantName: z.string().nullable(),
  tenantReference: z.string().nullable(),
  dwellingAddress: z.string(),
  landlordName: z.string().nullable(),
  householdId: ZId.nullable(),
  monthlyRentCents: z.number().int().nullable(),
  monthlyChargesCents: z.number().int().nullable(),
  /** The latest balance of the landlord's arrears files; null when none was imported. */
  arrears: z
    .object({
      asOf: z.string(),
      amountCents: z.number().int(),
      /** The months of rent and charges the file gives (or the balance stands for), rounded up. */
      months: z.number().int(),
    })
    .nullable(),
});
export type TReferralPrefill = z.infer<typeof ZReferralPrefill>;

// ---------------------------------------------------------------------------------------------------
// Reading

/** What a user may do on a referral right now (computed by src/shared/access/referral-policy.ts). */
export const REFERRAL_ACTIONS = [
  'accept',
  'decline',
  'redirect',
  'log_contact',
  'record_first_interview',
] as const;
export type ReferralAction = (typeof REFERRAL_ACTIONS)[number];
export const REFERRAL_ACTION_LABELS: Record<ReferralAction, string> = {
  accept: 'Accepter',
  decline: 'Refuser',
  redirect: 'Réorienter',
  log_contact: 'Noter une tentative de contact',
  record_first_interview: 'Premier entretien réalisé',
};

export const REFERRAL_EVENT_TYPES = [
  'sent',
  'accepted',
  'declined',
  'redirected',
  'contact_attempt',
  'case_opened',
] as const;
export type ReferralEventType = (typeof REFERRAL_EVENT_TYPES)[number];
export const REFERRAL_EVENT_TYPE_LABELS: Record<ReferralEventType, string> = {
  sent: 'Saisine envoyée',
  accepted: 'Saisine acceptée',
  declined: 'Saisine refusée',
  redirected: 'Saisine réorientée',
  contact_attempt: 'Tentative de contact',
  case_opened: 'Premier entretien — accompagnement ouvert',
};

/** Which side of the referral the reader is on. */
export const REFERRAL_SIDES = ['sender', 'receiver'] as const;
export type ReferralSide = (typeof REFERRAL_SIDES)[number];

export const ZOrganisationRef = z.object({ id: ZId, name: z.string(), type: ZOrganisationType });
export const ZUserRef = z.object({ id: ZId, name: z.string() });

export const ZReferralQuery = ZPaging.extend({
  status: z.enum(REFERRAL_STATUSES).optional(),
  kind: z.enum(REFERRAL_KINDS).optional(),
});
export type TReferralQuery = z.infer<typeof ZReferralQuery>;

/** A row of the inbox or of the sent list. */
export const ZReferralListItem = z.object({
  id: ZId,
  /** Human number, shown as S-000123. */
  number: z.number().int(),
  kind: z.enum(REFERRAL_KINDS),
  status: z.enum(REFERRAL_STATUSES),
  fromOrganisation: ZOrganisationRef,
  toOrganisation: ZOrganisationRef,
  referencePersonName: z.string().nullable(),
  reasons: z.array(z.enum(MAINTENANCE_REASONS)),
  readyToLeave: z.boolean().nullable(),
  assignedCaseworker: ZUserRef.nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  version: z.number().int(),
});
export type TReferralListItem = z.infer<typeof ZReferralListItem>;

export const ZReferralPage = zPage(ZReferralListItem);
export type TReferralPage = z.infer<typeof ZReferralPage>;

/** What the receiving organisation may see of the household before it is a party to it. */
export const ZReferralHouseholdSummary = z.object({
  id: ZId,
  fileNumber: z.number().int(),
  referencePersonName: z.string().nullable(),
  membersCount: z.number().int(),
  housingSituation: z.enum(HOUSING_SITUATIONS),
  dwellingAddress: z.string().nullable(),
  postalAddress: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
});
export type TReferralHouseholdSummary = z.infer<typeof ZReferralHouseholdSummary>;

export const ZContactAttempt = z.object({
  id: ZId,
  method: z.enum(CONTACT_METHODS),
  outcome: z.enum(CONTACT_OUTCOMES),
  attemptedAt: z.iso.datetime(),
  /** Caseworker-side only: null for the referring organisation. */
  note: z.string().nullable(),
  user: ZUserRef.nullable(),
});
export type TContactAttempt = z.infer<typeof ZContactAttempt>;

export const ZReferralEvent = z.object({
  id: ZId,
  type: z.enum(REFERRAL_EVENT_TYPES),
  at: z.iso.datetime(),
  user: ZUserRef.nullable(),
  organisation: ZOrganisationRef.nullable(),
  /** Decline or redirect reason, contact method and outcome, target organisation… */
  detail: z.record(z.string(), z.unknown()),
});
export type TReferralEvent = z.infer<typeof ZReferralEvent>;

export const ZReferralEventList = z.object({ items: z.array(ZReferralEvent) });
export type TReferralEventList = z.infer<typeof ZReferralEventList>;

export const ZReferralDetail = ZReferralListItem.extend({
  side: z.enum(REFERRAL_SIDES),
  fromUser: ZUserRef.nullable(),
  household: ZReferralHouseholdSummary,
  /** The household's rent-arrears debt the referral reported, as it stands now. */
  arrears: z.object({ amountCents: z.number().int(), months: z.number().int().nullable() }).nullable(),
  /** The household's eviction procedure (open, or the latest), which the referral informs. */
  evictionProcedure: ZEvictionProcedure.nullable(),
  householdAgreement: z
    .object({ givenOn: z.string(), method: z.enum(CONSENT_METHODS), witnessName: z.string().nullable() })
    .nullable(),
  shelteredSince: ZIsoDate.nullable(),
  housingProject: z.string().nullable(),
  freeText: z.string().nullable(),
  declineReason: z.string().nullable(),
  decidedAt: z.iso.datetime().nullable(),
  decidedBy: ZUserRef.nullable(),
  firstInterviewAt: z.iso.datetime().nullable(),
  redirectedFromReferralId: ZId.nullable(),
  redirectedToReferralId: ZId.nullable(),
  contactAttempts: z.array(ZContactAttempt),
  events: z.array(ZReferralEvent),
  allowedActions: z.array(z.enum(REFERRAL_ACTIONS)),
});
export type TReferralDetail = z.infer<typeof ZReferralDetail>;

/** Members of the receiving organisation who may be assigned as caseworker (for the accept form). */
export const ZReferralCaseworkerList = z.object({ items: z.array(ZUserRef) });
export type TReferralCaseworkerList = z.infer<typeof ZReferralCaseworkerList>;
