import {
  CAPACITY_CRITERION_KEYS,
  DIAGNOSTIC_SECTIONS,
  ZCapacityScores,
  ZDiagnosticContent,
  ZPartnerVersion,
  ZSectionAuthorship,
  type DiagnosticSection,
  type TCapacityScores,
  type TDiagnosticContent,
  type TPartnerVersion,
  type TSectionAuthorship,
} from '../shared/contracts/diagnostics.ts';
import { ZScenarioCreate } from '../shared/contracts/budget.ts';
import { axisAverages, deriveReadiness } from '../shared/diagnostics/capacity.ts';
import { missingForPresentation } from '../shared/diagnostics/completeness.ts';
import {
  audienceGetsCapacity,
  derivePartnerVersion,
  partnerCapacity,
  partnerEvictionSteps,
} from '../shared/access/diagnostic-sharing.ts';
import { capacityAssessments, diagnosticShares, diagnostics } from '../modules/diagnostics/schema.ts';
import { changedSections, checkSignaturePng } from '../modules/diagnostics/index.ts';
import { budgetScenarios } from '../modules/budget/schema.ts';
import type {
  evictionProcedureSteps,
  evictionProcedures,
  householdDebts,
  householdExpenses,
  householdMembers,
  householdParties,
  householdResources,
  households,
  tenancies,
} from '../modules/households/schema.ts';
import type { tasks } from '../modules/tasks/schema.ts';
import { householdId, stableId } from './ids.ts';
import { cents, daysAgo, isoDate, monthsAgo, seedOf } from './dates.ts';
import { scribbleSignaturePng } from './signature-png.ts';
import {
  DEMO_ORGANISATIONS,
  communeByKey,
  demoUser,
  organisationId,
  userId,
  type DemoOrgKey,
} from './territory.ts';
import { DIAGNOSTIC_SPECS, type DiagnosticContext, type DiagnosticSpec } from './diagnostic-specs.ts';

type StepRow = Row<typeof evictionProcedureSteps>;
import { CAPACITY_SPECS, SCENARIO_SPECS, type CapacitySpec } from './assessment-specs.ts';

type Row<T extends { $inferInsert: unknown }> = T['$inferInsert'];

/** The rows of the file the diagnostics are written from (built before them). */
export interface HouseholdFileRows {
  households: Row<typeof households>[];
  members: Row<typeof householdMembers>[];
  resources: Row<typeof householdResources>[];
  expenses: Row<typeof householdExpenses>[];
  debts: Row<typeof householdDebts>[];
  parties: Row<typeof householdParties>[];
  tenancies: Row<typeof tenancies>[];
  /** The procedures the referrals reported, before the diagnostics add theirs. */
  evictionProcedures: Row<typeof evictionProcedures>[];
  evictionProcedureSteps: StepRow[];
}

export interface DiagnosticDemoRows {
  diagnostics: Row<typeof diagnostics>[];
  diagnosticShares: Row<typeof diagnosticShares>[];
  capacityAssessments: Row<typeof capacityAssessments>[];
  budgetScenarios: Row<typeof budgetScenarios>[];
  /** The diagnostics' urgent actions. */
  tasks: Row<typeof tasks>[];
  /** Every procedure and step: the file's, and those the diagnostics recorded. */
  evictionProcedures: Row<typeof evictionProcedures>[];
  evictionProcedureSteps: StepRow[];
}

export const diagnosticId = (household: string, version: number) =>
  stableId(`diagnostic:${household}:v${version}`);

const orgOfUser = (key: string) => DEMO_ORGANISATIONS.find((o) => o.key === demoUser(key).org)!;
const sum = (rows: { monthlyAmountCents?: number; amountCents?: number }[]) =>
  rows.reduce((total, r) => total + (r.monthlyAmountCents ?? r.amountCents ?? 0), 0);

function contextOf(now: Date, household: string, file: HouseholdFileRows): DiagnosticContext {
  const hId = householdId(household);
  const members = file.members.filter((m) => m.householdId === hId);
  const row = file.households.find((h) => h.id === hId);
  if (!row) throw new Error(`Ménage de démonstration inconnu : ${household}`);
  return {
    day: (days) => isoDate(daysAgo(now, days)),
    month: (months) => monthsAgo(now, months),
    adults: members.filter((m) => m.relationship !== 'child').length,
    children: members.filter((m) => m.relationship === 'child').length,
    incomeCents: sum(file.resources.filter((r) => r.householdId === hId && r.type !== 'housing_benefit')),
    expensesCents: sum(file.expenses.filter((e) => e.householdId === hId)),
    debtsCents: sum(file.debts.filter((d) => d.householdId === hId)),
    applicationNumber: row.applicationNumber ?? undefined,
  };
}

/**
 * Who wrote each section: the caseworker, sections written one after the other between `from` and
 * `to` days ago; "needs and expectations" (and any dictated section) in the household's voice.
 */
function authorshipOf(
  spec: DiagnosticSpec,
  sections: readonly DiagnosticSection[],
  from: number,
  to: number,
  now: Date,
  previous: TSectionAuthorship = {},
): TSectionAuthorship {
  const org = orgOfUser(spec.caseworker);
  const dictated = new Set<DiagnosticSection>(['needsAndExpectations', ...(spec.householdVoice ?? [])]);
  const next: TSectionAuthorship = { ...previous };
  sections.forEach((section, i) => {
    const days = sections.length === 1 ? to : from - ((from - to) * i) / (sections.length - 1);
    next[section] = {
      userId: userId(spec.caseworker),
      userName: demoUser(spec.caseworker).fullName,
      organisationId: organisationId(org.key),
      organisationName: org.name,
      voice: dictated.has(section) ? 'household' : 'association',
      writtenAt: daysAgo(now, days).toISOString(),
    };
  });
  return ZSectionAuthorship.parse(next);
}

const presentSections = (content: TDiagnosticContent) =>
  DIAGNOSTIC_SECTIONS.filter((s) => content[s] !== undefined);

export function buildCapacity(now: Date, spec: CapacitySpec) {
  const scores = ZCapacityScores.parse(
    Object.fromEntries(
      CAPACITY_CRITERION_KEYS.map((k, i) => [
        k,
        spec.comments[k] ? { score: spec.scores[i], comment: spec.comments[k] } : { score: spec.scores[i] },
      ]),
    ),
  ) as TCapacityScores;
  const derivedOpinion = deriveReadiness(scores);
  if (spec.override && spec.override.opinion === derivedOpinion) {
    throw new Error(`Grille ${spec.household} : l’avis « modifié » est celui de la grille.`);
  }
  return {
    id: stableId(`capacity:${spec.household}:${spec.daysAgo}`),
    householdId: householdId(spec.household),
    diagnosticId: spec.withDiagnostic ? diagnosticId(spec.household, 1) : null,
    assessedOn: isoDate(daysAgo(now, spec.daysAgo)),
    scores,
    derivedOpinion,
    opinion: spec.override?.opinion ?? derivedOpinion,
    overrideReason: spec.override?.reason ?? null,
    assessedByUserId: userId(spec.assessor),
    organisationId: organisationId(demoUser(spec.assessor).org),
    createdAt: daysAgo(now, spec.daysAgo),
  };
}

/**
 * The partner version as sharing computes it: derived content, the procedure's steps recorded by
 * the approval, the latest grid for committees.
 */
function partnerVersionAt(
  content: TDiagnosticContent,
  audience: TPartnerVersion['audience'],
  grids: ReturnType<typeof buildCapacity>[],
  sharedOn: string,
  steps: readonly StepRow[],
): TPartnerVersion {
  const latest = grids
    .filter((g) => g.assessedOn <= sharedOn)
    .sort((a, b) => b.assessedOn.localeCompare(a.assessedOn))[0];
  const capacity =
    audienceGetsCapacity(audience) && latest
      ? partnerCapacity({ ...latest, axisAverages: axisAverages(latest.scores) })
      : null;
  return ZPartnerVersion.parse({
    audience,
    content: derivePartnerVersion(content, audience),
    capacity,
    evictionSteps: partnerEvictionSteps(steps),
  });
}

/** Owners of urgent actions as the API accepts them: a party, or someone of a party. */
function checkOwner(
  spec: DiagnosticSpec,
  owner: { user: string } | { org: DemoOrgKey },
  file: HouseholdFileRows,
) {
  const org = 'user' in owner ? demoUser(owner.user).org : owner.org;
  const hId = householdId(spec.household);
  if (!file.parties.some((p) => p.householdId === hId && p.organisationId === organisationId(org))) {
    throw new Error(`Action urgente de ${spec.household} confiée hors des parties du dossier (${org}).`);
  }
}

/** The diagnostic's urgent actions, as the household's tasks it raised (done ones closed on their due day). */
function tasksOf(now: Date, spec: DiagnosticSpec, diagnostic: string, file: HouseholdFileRows) {
  const caseworker = userId(spec.caseworker);
  return (spec.urgentActions ?? []).map((a): Row<typeof tasks> => {
    checkOwner(spec, a.owner, file);
    const createdAt = daysAgo(now, spec.startedDaysAgo);
    const closedDaysAgo =
      a.dueDaysAgo !== null && a.dueDaysAgo > 0
        ? Math.min(a.dueDaysAgo, spec.startedDaysAgo)
        : spec.lastSavedDaysAgo;
    const closedAt = a.done ? daysAgo(now, closedDaysAgo) : null;
    return {
      id: stableId(`urgent-action:${a.key}`),
      householdId: householdId(spec.household),
      title: a.title,
      ownerUserId: 'user' in a.owner ? userId(a.owner.user) : null,
      ownerOrganisationId: 'org' in a.owner ? organisationId(a.owner.org) : null,
      dueOn: a.dueDaysAgo === null ? null : isoDate(daysAgo(now, a.dueDaysAgo)),
      source: 'diagnostic',
      sourceId: diagnostic,
      status: a.done ? 'done' : 'open',
      closedAt,
      closedByUserId: a.done ? caseworker : null,
      createdByUserId: caseworker,
      createdByOrganisationId: organisationId(demoUser(spec.caseworker).org),
      createdAt,
      updatedAt: closedAt ?? createdAt,
    };
  });
}

/**
 * The steps the diagnostic recorded on the household's procedure, at its last save: on the
 * procedure a referral opened, or on one they open.
 */
function recordEvictionSteps(
  now: Date,
  spec: DiagnosticSpec,
  diagnostic: string,
  rows: DiagnosticDemoRows,
  file: HouseholdFileRows,
) {
  if (!spec.evictionSteps?.length) return;
  const hId = householdId(spec.household);
  const procedureId = stableId(`eviction-procedure:${spec.household}`);
  const recordedAt = daysAgo(now, spec.lastSavedDaysAgo);
  if (!rows.evictionProcedures.some((p) => p.id === procedureId)) {
    rows.evictionProcedures.push({
      id: procedureId,
      householdId: hId,
      tenancyId: file.tenancies.find((t) => t.householdId === hId && !t.endDate)?.id ?? null,
      openedOn: isoDate(daysAgo(now, Math.max(...spec.evictionSteps.map((s) => s.daysAgo)))),
      createdAt: recordedAt,
    });
  }
  for (const s of spec.evictionSteps) {
    if (s.daysAgo < spec.lastSavedDaysAgo)
      throw new Error(`Étape de ${spec.household} datée après son enregistrement.`);
    rows.evictionProcedureSteps.push({
      id: stableId(`eviction-step:${spec.household}:diagnostic-v${spec.version ?? 1}:${s.step}`),
      procedureId,
      step: s.step,
      occurredOn: isoDate(daysAgo(now, s.daysAgo)),
      note: s.note ?? null,
      sourceType: 'diagnostic',
      sourceId: diagnostic,
      recordedByUserId: userId(spec.caseworker),
      recordedByOrganisationId: organisationId(demoUser(spec.caseworker).org),
      recordedAt,
    });
  }
}

/** The steps of the household's procedure recorded by `at`, as a frozen diagnostic shows them. */
function stepsRecordedBy(rows: DiagnosticDemoRows, household: string, at: Date): StepRow[] {
  const procedureId = stableId(`eviction-procedure:${household}`);
  return rows.evictionProcedureSteps
    .filter((s) => s.procedureId === procedureId && s.recordedAt! <= at)
    .sort(
      (a, b) => a.occurredOn.localeCompare(b.occurredOn) || a.recordedAt!.getTime() - b.recordedAt!.getTime(),
    );
}

/**
 * Diagnostics in every lifecycle state, capacité à habiter grids and target dwellings for some of
 * the households the associations follow. Contents are parsed with the contracts here, so a
 * contract change breaks the demo test rather than the demo at runtime.
 */
export function buildDiagnosticRows(now: Date, file: HouseholdFileRows): DiagnosticDemoRows {
  const grids = CAPACITY_SPECS.map((spec) => buildCapacity(now, spec));
  const rows: DiagnosticDemoRows = {
    diagnostics: [],
    diagnosticShares: [],
    capacityAssessments: grids,
    budgetScenarios: [],
    tasks: [],
    evictionProcedures: [...file.evictionProcedures],
    evictionProcedureSteps: [...file.evictionProcedureSteps],
  };
  const built = new Map<string, { content: TDiagnosticContent; authorship: TSectionAuthorship }>();

  for (const spec of DIAGNOSTIC_SPECS) {
    const version = spec.version ?? 1;
    const id = diagnosticId(spec.household, version);
    const hId = householdId(spec.household);
    const content = ZDiagnosticContent.parse(spec.content(contextOf(now, spec.household, file)));
    const previous = version > 1 ? built.get(diagnosticId(spec.household, version - 1)) : undefined;
    if (version > 1 && !previous) throw new Error(`Version ${version - 1} manquante : ${spec.household}`);
    const authorship = authorshipOf(
      spec,
      previous ? changedSections(previous.content, content) : presentSections(content),
      spec.startedDaysAgo,
      spec.lastSavedDaysAgo,
      now,
      previous?.authorship,
    );
    built.set(id, { content, authorship });
    if (spec.status !== 'draft' && Object.keys(missingForPresentation(content)).length > 0) {
      throw new Error(`Diagnostic ${spec.household} incomplet pour le statut ${spec.status}.`);
    }

    rows.tasks.push(...tasksOf(now, spec, id, file));
    recordEvictionSteps(now, spec, id, rows, file);

    const caseworker = userId(spec.caseworker);
    const steps = [spec.presented, spec.approved ?? spec.disagreed, spec.shares?.[0]].filter(
      (s) => s !== undefined,
    );
    const reference = file.members.find(
      (m) => m.householdId === hId && m.relationship === 'reference_person',
    )!;
    const approvedAt = spec.approved ? daysAgo(now, spec.approved.daysAgo) : null;
    rows.diagnostics.push({
      id,
      householdId: hId,
      version,
      previousId: version > 1 ? diagnosticId(spec.household, version - 1) : null,
      status: spec.status,
      rowVersion: spec.saves + steps.length,
      content,
      authorship,
      presentation: spec.presented
        ? {
            presentedOn: isoDate(daysAgo(now, spec.presented.daysAgo)),
            method: spec.presented.method,
            explanation: spec.presented.explanation,
            byUserId: caseworker,
          }
        : null,
      approval: spec.approved
        ? {
            method: spec.approved.method,
            signedOn: isoDate(approvedAt!),
            ...(spec.approved.method === 'signature'
              ? { signaturePng: checkSignaturePng(scribbleSignaturePng(seedOf(`signature:${id}`))) }
              : { typedName: `${reference.firstName} ${reference.lastName}` }),
            witnessedByUserId: caseworker,
          }
        : null,
      disagreement: spec.disagreed
        ? {
            notedOn: isoDate(daysAgo(now, spec.disagreed.daysAgo)),
            inHouseholdWords: spec.disagreed.inHouseholdWords,
            byUserId: caseworker,
          }
        : null,
      approvedAt,
      createdByUserId: caseworker,
      createdByOrganisationId: organisationId(demoUser(spec.caseworker).org),
      createdAt: daysAgo(now, spec.startedDaysAgo),
      updatedAt: daysAgo(now, Math.min(spec.lastSavedDaysAgo, ...steps.map((s) => s.daysAgo))),
    });

    for (const share of spec.shares ?? []) {
      const recipient = DEMO_ORGANISATIONS.find((o) => o.key === share.to)!;
      const isParty = file.parties.some(
        (p) => p.householdId === hId && p.organisationId === organisationId(share.to),
      );
      if (!isParty || (share.audience === 'committee' && recipient.type === 'landlord')) {
        throw new Error(`Partage impossible de ${spec.household} avec ${share.to} (${share.audience}).`);
      }
      const sharedAt = daysAgo(now, share.daysAgo);
      rows.diagnosticShares.push({
        id: stableId(`diagnostic-share:${spec.household}:v${version}:${share.audience}:${share.to}`),
        diagnosticId: id,
        householdId: hId,
        audience: share.audience,
        organisationId: organisationId(share.to),
        snapshot: partnerVersionAt(
          content,
          share.audience,
          grids.filter((g) => g.householdId === hId),
          isoDate(sharedAt),
          stepsRecordedBy(rows, spec.household, approvedAt!),
        ),
        sharedByUserId: caseworker,
        sharedByOrganisationId: organisationId(demoUser(spec.caseworker).org),
        sharedAt,
      });
    }
  }

  for (const spec of SCENARIO_SPECS) {
    const input = ZScenarioCreate.parse({
      label: spec.label,
      typology: spec.typology,
      surfaceM2: spec.surfaceM2,
      monthlyRentCents: cents(spec.rentEuros),
      monthlyChargesCents: spec.chargesEuros === null ? null : cents(spec.chargesEuros),
      zone: communeByKey(spec.commune).zone,
      conventioned: true,
      socialLandlord: true,
      furnished: false,
    });
    rows.budgetScenarios.push({
      id: stableId(`budget-scenario:${spec.household}:${spec.label}`),
      householdId: householdId(spec.household),
      ...input,
      createdBy: userId(spec.author),
      createdAt: daysAgo(now, spec.daysAgo),
      updatedAt: daysAgo(now, spec.daysAgo),
    });
  }
  return rows;
}
