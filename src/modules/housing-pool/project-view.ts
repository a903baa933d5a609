import type { Context } from '../../kernel/context.ts';
import { canEditProject, poolRefusal } from '../../shared/access/housing-pool-policy.ts';
import type { HouseholdAccessLevel } from '../../shared/access/household-access.ts';
import type { THousingProject, THousingProjectView } from '../../shared/contracts/housing-pool.ts';
import { daysInShelter, demandState, entryRefusal } from '../../shared/housing-pool/rules.ts';
import { parisDate } from '../../shared/time.ts';
import {
  fileFacts,
  findProject,
  latestReadiness,
  organisationLabel,
  territoryNames,
  type ProjectRow,
} from './housing-pool.repository.ts';

/** Consent given and not withdrawn: the household may be proposed. */
export const isProposable = (p: Pick<ProjectRow, 'consentGivenOn' | 'consentWithdrawnOn'>) =>
  p.consentGivenOn !== null && p.consentWithdrawnOn === null;

/** The household's project as a party reads it, with the file's facts and the latest readiness. */
export async function projectView(
  ctx: Context,
  householdId: string,
  level: HouseholdAccessLevel,
): Promise<THousingProjectView> {
  const { db } = ctx;
  const today = parisDate(ctx.now);
  const [row, facts, readiness] = await Promise.all([
    findProject(db, householdId),
    fileFacts(db, householdId),
    latestReadiness(db, householdId),
  ]);
  return {
    project: row && (await presentProject(ctx, row)),
    facts: {
      ...facts,
      daysInShelter: daysInShelter(facts.housingSince, today),
      demandState: demandState(facts.applicationNumber, row?.demandRenewalDue ?? null, today),
    },
    readiness,
    openRefusal: row ? null : (poolRefusal(ctx.actor) ?? entryRefusal(readiness?.opinion ?? null)),
    canEdit: canEditProject(level),
  };
}

async function presentProject(ctx: Context, row: ProjectRow): Promise<THousingProject> {
  const [pool, names] = await Promise.all([
    organisationLabel(ctx.db, row.poolOrganisationId),
    territoryNames(ctx.db, row.communeIds),
  ]);
  return {
    id: row.id,
    householdId: row.householdId,
    poolOrganisation: { id: pool.id, name: pool.name },
    typologies: row.typologies,
    communeIds: row.communeIds,
    communes: row.communeIds.map((id) => ({ id, name: names.get(id) ?? 'Commune inconnue' })),
    accessibilityNeed: row.accessibilityNeed,
    supportIntensity: row.supportIntensity,
    priorityCategories: row.priorityCategories,
    demandRenewalDue: row.demandRenewalDue,
    demandFiledOn: row.demandFiledOn,
    incomes: row.incomes,
    note: row.note,
    openedOn: row.openedOn,
    readinessAtOpening: row.readinessAtOpening,
    consent: row.consentGivenOn
      ? {
          givenOn: row.consentGivenOn,
          method: row.consentMethod!,
          withdrawnOn: row.consentWithdrawnOn,
          withdrawalReason: row.consentWithdrawalReason,
        }
      : null,
    proposable: isProposable(row),
    rowVersion: row.rowVersion,
  };
}
