import type { Queryable } from '../../kernel/db.ts';
import { formatFileNumber } from '../../shared/contracts/households.ts';
import type {
  TCommitments,
  TContractTerms,
  TModalities,
  TObjective,
} from '../../shared/contracts/support-contracts.ts';
import { findBrique } from '../../shared/referentiel/referentiel.ts';
import { latestApprovedDiagnostic } from '../diagnostics/index.ts';
import { unsafeLoadHouseholdFile } from '../households/index.ts';
import type { MeasureForContract } from '../measures/index.ts';
import { referentielVersion } from '../referentiel/index.ts';

/**
 * What the contract states from its sources, read now: the measure (nature, duration, funding,
 * operator, référent, occupancy), the file (reference person, current dwelling and landlord) and
 * the latest diagnostic the household approved. The caller has checked the household access.
 */
export async function generateTerms(q: Queryable, measure: MeasureForContract): Promise<TContractTerms> {
  const file = (await unsafeLoadHouseholdFile(q, measure.householdId))!;
  const reference = file.members.find((m) => m.isReferencePerson) ?? file.members[0];
  const tenancy = file.tenancy;
  const commune = tenancy?.commune;
  return {
    fileLabel: formatFileNumber(file.household.fileNumber),
    householdName: reference ? `${reference.firstName} ${reference.lastName}` : null,
    schemeName: measure.schemeName,
    schemeKind: measure.schemeKind,
    funderName: measure.funderName,
    operatorName: measure.operatorName,
    caseworkerName: measure.caseworkerName,
    initialMonths: measure.initialMonths,
    totalMonths: measure.totalMonths,
    startOn: measure.startOn,
    plannedEndOn: measure.plannedEndOn,
    dwellingAddress: tenancy
      ? [tenancy.address, commune && [commune.postcode, commune.name].filter(Boolean).join(' ')]
          .filter(Boolean)
          .join(', ')
      : null,
    landlordName: tenancy ? (tenancy.landlordOrganisationName ?? tenancy.landlordName ?? null) : null,
    landlordOrganisationId: tenancy?.landlordOrganisationId ?? null,
    occupancy: measure.occupancy,
    diagnostic: await latestApprovedDiagnostic(q, measure.householdId),
    referentielVersion: measure.referentielVersion,
  };
}

export interface ContractBody {
  objectives: TObjective[];
  commitments: TCommitments;
  modalities: TModalities;
  clauses: string[];
}

/**
 * The first draft: one objective per brique of the measure, to be worded with the household, up
 * to the planned end; the commitments and modalities the référentiel asks of every support (a
 * monthly review with the household, contact at least monthly, a home visit at least yearly).
 */
export function firstDraft(measure: MeasureForContract, landlordNamed: boolean): ContractBody {
  const referentiel = referentielVersion(measure.referentielVersion);
  return {
    objectives: measure.briques.map((code) => ({
      title: (referentiel && findBrique(referentiel, code)?.title) ?? code,
      indicator: '',
      targetDate: measure.plannedEndOn,
      briques: [code],
    })),
    commitments: {
      household: [
        'Participer aux rencontres prévues et prévenir le référent en cas d’empêchement.',
        'Informer le référent de tout changement de situation.',
      ],
      landlord: landlordNamed
        ? [
            'Informer l’association de toute difficulté dans l’occupation du logement ou le paiement du loyer.',
          ]
        : [],
      association: [
        'Faire le point chaque mois avec le ménage sur les objectifs du contrat.',
        'Garder un contact au moins mensuel et effectuer au moins une visite à domicile par an.',
      ],
    },
    modalities: {
      visitsPerMonth: Math.max(1, measure.visitsPerMonth ?? 1),
      place: 'both',
      monthlyReview: true,
    },
    clauses: [],
  };
}
