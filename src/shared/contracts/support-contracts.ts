import { z } from 'zod';
import { ZId, ZIsoDate } from './common.ts';
import { SIGNATURE_MAX_BYTES } from './diagnostics.ts';
import { OCCUPANCY_OPTIONS, SCHEME_KINDS } from './measures.ts';

/**
 * The support contract (contrat d’accompagnement) of a measure: generated from the measure, the
 * household file and the approved diagnostic, edited as a draft, signed by the household and the
 * partners. Amendments are new versions; a version with a signature is never edited.
 */

export const CONTRACT_STATUSES = ['draft', 'signing', 'in_force', 'replaced'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];
export const CONTRACT_STATUS_LABELS: Record<ContractStatus, string> = {
  draft: 'Brouillon',
  signing: 'En signature',
  in_force: 'En vigueur',
  replaced: 'Remplacée',
};

/** Who signs: the household (its reference person), the association that runs the measure, the landlord. */
export const CONTRACT_PARTIES = ['household', 'association', 'landlord'] as const;
export type ContractParty = (typeof CONTRACT_PARTIES)[number];
export const CONTRACT_PARTY_LABELS: Record<ContractParty, string> = {
  household: 'Le ménage',
  association: 'L’association',
  landlord: 'Le bailleur',
};

/** Drawn on the tablet, name typed before a witness, or signed in the app by a partner's user. */
export const SIGNATURE_METHODS = ['drawn', 'typed', 'in_app'] as const;
export type SignatureMethod = (typeof SIGNATURE_METHODS)[number];

export const VISIT_PLACES = ['home', 'office', 'both'] as const;
export type VisitPlace = (typeof VISIT_PLACES)[number];
export const VISIT_PLACE_LABELS: Record<VisitPlace, string> = {
  home: 'À domicile',
  office: 'Au bureau de l’association',
  both: 'À domicile et au bureau',
};

const text = (max: number, required: string) =>
  z
    .string({ message: required })
    .trim()
    .min(1, { message: required })
    .max(max, { message: `${max} caractères au plus.` });

const commitmentList = z
  .array(text(500, 'Engagement vide : complétez-le ou retirez-le.'), { message: 'Liste attendue.' })
  .max(30, { message: '30 engagements au plus.' });

/**
 * An objective as a draft stores it: the indicator, the target date and the briques may wait until
 * the contract goes to signature (see missingForSignature).
 */
export const ZObjectiveInput = z.object({
  title: text(300, 'Intitulé de l’objectif obligatoire.'),
  indicator: z
    .string({ message: 'Texte attendu.' })
    .trim()
    .max(500, { message: '500 caractères au plus.' })
    .default(''),
  targetDate: ZIsoDate.nullable().default(null),
  briques: z
    .array(z.string().trim().min(1).max(10), { message: 'Liste de briques attendue.' })
    .max(10, { message: '10 briques au plus par objectif.' })
    .default([]),
});
export type TObjective = z.output<typeof ZObjectiveInput>;

export const ZCommitments = z.object({
  household: commitmentList,
  landlord: commitmentList,
  association: commitmentList,
});
export type TCommitments = z.output<typeof ZCommitments>;

export const ZModalities = z.object({
  visitsPerMonth: z
    .number({ message: 'Nombre de rencontres attendu.' })
    .int({ message: 'Nombre entier attendu.' })
    .min(1, { message: 'Au moins une rencontre par mois (contact au moins mensuel).' })
    .max(31, { message: '31 rencontres par mois au plus.' }),
  place: z.enum(VISIT_PLACES, { message: 'Choisissez le lieu des rencontres.' }),
  monthlyReview: z.boolean({ message: 'Oui ou non attendu.' }),
});
export type TModalities = z.output<typeof ZModalities>;

/** What the caseworker edits on a draft, at the version read. */
export const ZContractEdit = z.object({
  rowVersion: z.number({ message: 'Version attendue.' }).int().min(1).max(2_147_483_647),
  objectives: z.array(ZObjectiveInput).max(20, { message: '20 objectifs au plus.' }),
  commitments: ZCommitments,
  modalities: ZModalities,
  clauses: z
    .array(text(2000, 'Clause vide : complétez-la ou retirez-la.'))
    .max(20, { message: '20 clauses au plus.' }),
});
export type TContractEdit = z.input<typeof ZContractEdit>;

export const ZContractWrite = z.object({
  rowVersion: z.number({ message: 'Version attendue.' }).int().min(1).max(2_147_483_647),
});

/** The household signs on the tablet: drawn, or its name typed before the staff member present. */
export const ZHouseholdSignature = z.discriminatedUnion(
  'method',
  [
    z.object({
      rowVersion: ZContractWrite.shape.rowVersion,
      method: z.literal('drawn'),
      signaturePng: z
        .string({ message: 'Signature attendue.' })
        .min(1, { message: 'Le ménage doit signer dans le cadre.' })
        .max(Math.ceil((SIGNATURE_MAX_BYTES * 4) / 3) + 30, {
          message: 'Signature trop volumineuse (300 Ko au plus).',
        }),
    }),
    z.object({
      rowVersion: ZContractWrite.shape.rowVersion,
      method: z.literal('typed'),
      typedName: text(200, 'Nom du signataire obligatoire.').min(2, {
        message: 'Nom du signataire obligatoire.',
      }),
    }),
  ],
  { message: 'Choisissez la façon de signer.' },
);
export type THouseholdSignature = z.input<typeof ZHouseholdSignature>;

/**
 * What the contract states, generated from the measure, the file and the diagnostic when a draft
 * is saved, frozen from the first signature on.
 */
export const ZContractTerms = z.object({
  fileLabel: z.string(),
  /** The household's reference person, who signs for it. */
  householdName: z.string().nullable(),
  schemeName: z.string(),
  schemeKind: z.enum(SCHEME_KINDS),
  funderName: z.string(),
  operatorName: z.string(),
  caseworkerName: z.string().nullable(),
  initialMonths: z.number().int(),
  totalMonths: z.number().int(),
  startOn: z.string().nullable(),
  plannedEndOn: z.string().nullable(),
  dwellingAddress: z.string().nullable(),
  landlordName: z.string().nullable(),
  /** The landlord organisation in Relais, which then signs the contract. */
  landlordOrganisationId: ZId.nullable(),
  occupancy: z.enum(OCCUPANCY_OPTIONS).nullable(),
  /** The approved diagnostic the contract rests on. */
  diagnostic: z.object({ version: z.number().int(), approvedOn: z.string() }).nullable(),
  referentielVersion: z.string(),
});
export type TContractTerms = z.infer<typeof ZContractTerms>;

export const ZContractSignature = z.object({
  party: z.enum(CONTRACT_PARTIES),
  method: z.enum(SIGNATURE_METHODS),
  signerName: z.string(),
  organisationName: z.string().nullable(),
  witnessName: z.string().nullable(),
  signedAt: z.iso.datetime(),
  signaturePng: z.string().nullable(),
});
export type TContractSignature = z.infer<typeof ZContractSignature>;

const ZBriqueRef = z.object({ code: z.string(), label: z.string() });

export const ZContractVersion = z.object({
  number: z.number().int(),
  status: z.enum(CONTRACT_STATUSES),
  terms: ZContractTerms,
  /** The household's objectives: the caseworker's only (they may speak of health or family life). */
  objectives: z
    .array(
      z.object({
        title: z.string(),
        indicator: z.string(),
        targetDate: z.string().nullable(),
        briques: z.array(ZBriqueRef),
      }),
    )
    .optional(),
  /** The briques the objectives mobilise, for every reader. */
  briques: z.array(ZBriqueRef),
  commitments: z.object({
    /** The caseworker's only, like the objectives. */
    household: z.array(z.string()).optional(),
    landlord: z.array(z.string()),
    association: z.array(z.string()),
  }),
  modalities: ZModalities,
  clauses: z.array(z.string()),
  requiredSignatories: z.array(z.enum(CONTRACT_PARTIES)),
  signatures: z.array(ZContractSignature),
  /** What is missing before the first signature, field by field (the writer's only). */
  missingForSignature: z.record(z.string(), z.string()).optional(),
  createdAt: z.iso.datetime(),
  inForceAt: z.iso.datetime().nullable(),
  replacedAt: z.iso.datetime().nullable(),
});
export type TContractVersion = z.infer<typeof ZContractVersion>;

export const ZSupportContract = z.object({
  id: ZId,
  householdId: ZId,
  measureId: ZId,
  rowVersion: z.number().int(),
  /** Latest first. */
  versions: z.array(ZContractVersion),
  /** Whether the reader edits, has the household sign and amends (the operator's social workers). */
  canWrite: z.boolean(),
  /** The party the reader's organisation signs for, when its signature is awaited on the latest version. */
  canSignFor: z.enum(['association', 'landlord']).nullable(),
});
export type TSupportContract = z.infer<typeof ZSupportContract>;

export const ZSupportContractAnswer = z.object({
  contract: ZSupportContract.nullable(),
  /** No contract yet and the reader may generate it (the measure is validated and the reader runs it). */
  canCreate: z.boolean(),
});
export type TSupportContractAnswer = z.infer<typeof ZSupportContractAnswer>;

export const ZContractPdfQuery = z.object({
  version: z.coerce
    .number({ message: 'Numéro de version attendu.' })
    .int({ message: 'Numéro de version attendu.' })
    .min(1, { message: 'Numéro de version attendu.' })
    .max(1000, { message: 'Numéro de version attendu.' })
    .optional(),
});
