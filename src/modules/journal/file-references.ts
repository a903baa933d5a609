import { organisationNames } from '../organisations/index.ts';
import type { Context } from '../../kernel/context.ts';
import { MEASURE_STATUS_LABELS } from '../../shared/contracts/measures.ts';
import type { TJournalEntryInput, TJournalOptions } from '../../shared/contracts/journal.ts';
import {
  measureBreak,
  objectiveKey,
  type JournalFacts,
  type MeasureState,
} from '../../shared/journal/rules.ts';
import { unknownBriques } from '../../shared/referentiel/referentiel.ts';
import { parisDate } from '../../shared/time.ts';
import { activeParties, householdMemberNames } from '../households/index.ts';
import { listHouseholdMeasures, type MeasureRecord } from '../measures/index.ts';
import { referentielInForce } from '../referentiel/index.ts';
import { objectivesInForce } from '../support-contracts/index.ts';
import type { JournalRow } from './journal.repository.ts';

/**
 * What the file offers an activity to refer to, read through the other modules: its members, the
 * organisations party to it, its measures and the objectives of its contracts in force.
 */
export interface FileReferences {
  members: Map<string, string>;
  partners: Map<string, string>;
  measures: Map<string, { name: string; state: MeasureState; briques: string[] }>;
  objectives: TJournalOptions['objectives'];
}

export const measureName = (r: MeasureRecord) =>
  `${r.schemeName} (${MEASURE_STATUS_LABELS[r.measure.status].toLowerCase()})`;

export async function fileReferences(ctx: Context, householdId: string): Promise<FileReferences> {
  const members = await householdMemberNames(ctx.db, householdId);
  const parties = await activeParties(ctx.db, householdId, ctx.now);
  const measures = await listHouseholdMeasures(ctx.db, householdId);
  const versions = await objectivesInForce(ctx.db, householdId);
  return {
    members: new Map(members.map((m) => [m.id, `${m.firstName} ${m.lastName}`])),
    partners: await organisationNames(ctx.db, [
      ...new Set(parties.map((p) => p.organisationId).filter((id) => id !== ctx.actor.organisationId)),
    ]),
    measures: new Map(
      measures.map((r) => [
        r.measure.id,
        {
          name: measureName(r),
          state: {
            status: r.measure.status,
            endedOn: r.measure.endedOn,
            watchMonths: r.measure.watchMonths,
          },
          briques: r.measure.briques,
        },
      ]),
    ),
    objectives: versions.flatMap((v) =>
      v.objectives.map((o, index) => ({
        versionId: v.versionId,
        index,
        title: o.title,
        measureId: v.measureId,
      })),
    ),
  };
}

/** What the activity form offers (the measures an activity may still be attached to marked open). */
export function journalOptions(ctx: Context, refs: FileReferences): TJournalOptions {
  const named = (map: Map<string, string>) => [...map].map(([id, name]) => ({ id, name }));
  return {
    members: named(refs.members),
    partners: named(refs.partners),
    measures: [...refs.measures].map(([id, m]) => ({
      id,
      name: m.name,
      open: measureBreak(m.state, ctx.now) === null,
    })),
    objectives: refs.objectives,
    referentielVersion: referentielInForce(parisDate(ctx.now)).version,
  };
}

/**
 * The facts the rules check an entry against. A correction keeps what the entry already had: a
 * member since removed, an objective since amended or a measure since ended stay valid on it.
 */
export function journalFacts(
  ctx: Context,
  refs: FileReferences,
  input: TJournalEntryInput,
  kept?: JournalRow,
): JournalFacts {
  const keptMeasure = kept && kept.measureId === input.measureId;
  return {
    memberIds: new Set([...refs.members.keys(), ...(kept?.memberIds ?? [])]),
    partyOrganisationIds: new Set([...refs.partners.keys(), ...(kept?.partnerOrganisationIds ?? [])]),
    measure:
      input.measureId === null || keptMeasure
        ? undefined
        : (refs.measures.get(input.measureId)?.state ?? null),
    objectiveKeys: new Set([...refs.objectives, ...(kept?.objectives ?? [])].map(objectiveKey)),
    unknownBriques: unknownBriques(input.briques, referentielInForce(parisDate(ctx.now))),
  };
}

/** The titles of the objectives an entry serves, as they read when it was recorded. */
export const objectiveTitles = (
  refs: FileReferences,
  input: TJournalEntryInput,
  kept?: JournalRow,
): JournalRow['objectives'] =>
  input.objectives.map((o) => {
    const known = [...refs.objectives, ...(kept?.objectives ?? [])].find(
      (x) => objectiveKey(x) === objectiveKey(o),
    );
    return { ...o, title: known?.title ?? '' };
  });
