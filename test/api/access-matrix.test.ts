import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { and, count, eq, gt } from 'drizzle-orm';
import type { Response as InjectResponse } from 'light-my-request';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { makeOrganisation, makeUser, sessionFor, type TestSession } from '../helpers/factories.ts';
import {
  NOW,
  TARGET_DWELLING,
  TODAY,
  createHouseholdAs,
  maintenanceReferral,
  sampleHousehold,
  toUpdateBody,
} from '../helpers/household-fixtures.ts';
import { ALL_ROUTES } from '../../src/shared/routes/index.ts';
import {
  routePath,
  type ContractScope,
  type HouseholdScope,
  type ProposalScope,
  type ReferralScope,
  type RouteContract,
} from '../../src/shared/routes/define.ts';
import {
  atLeast,
  partyAccessLevel,
  type HouseholdAccessLevel,
} from '../../src/shared/access/household-access.ts';
import {
  ACTION_FROM_STATUSES,
  canReadReferral,
  mayActOnReferral,
} from '../../src/shared/access/referral-policy.ts';
import { completeDiagnostic } from '../helpers/diagnostic-fixtures.ts';
import { adoptScheme, makeDepartement, placeIn } from '../helpers/measure-fixtures.ts';
import { CAPACITY_CRITERION_KEYS } from '../../src/shared/contracts/diagnostics.ts';
import type { OrganisationType, Role } from '../../src/shared/contracts/roles.ts';
import { auditLog } from '../../src/kernel/audit-schema.ts';
import { households } from '../../src/modules/households/schema.ts';
import { referrals } from '../../src/modules/referrals/schema.ts';
import { PERMANENCE_ROUTES } from '../../src/shared/routes/permanences.ts';
import { permanenceRefusal, type PermanenceAction } from '../../src/shared/access/permanence-policy.ts';
import { ROLE_LABELS, ROLES as ROLE_LIST } from '../../src/shared/contracts/roles.ts';
import { DWELLING_ROUTES, STOCK_IMPORT_ROUTES } from '../../src/shared/routes/dwellings.ts';
import { dwellingRefusal, type DwellingAction } from '../../src/shared/access/dwelling-policy.ts';
import { territories } from '../../src/modules/organisations/schema.ts';
import { multipartForm } from '../helpers/multipart.ts';
import { leaseRefusal } from '../../src/shared/access/lease-policy.ts';
import type { OccupancyKind } from '../../src/shared/contracts/housing-stock.ts';
import { RENT_ACCOUNT_ROUTES } from '../../src/shared/routes/rent-accounts.ts';
import { LEASE_ROUTES } from '../../src/shared/routes/leases.ts';
import { EVICTION_PREVENTION_ROUTES } from '../../src/shared/routes/eviction-prevention.ts';
import { openRentAccount, postAidCredit } from '../../src/modules/rent-accounts/index.ts';
import { repaymentPlans, rentAccounts } from '../../src/modules/rent-accounts/schema.ts';
import { insertContract } from '../helpers/contract-fixtures.ts';
import { consentToLandlord } from '../helpers/household-fixtures.ts';
import { contextFor } from '../helpers/app.ts';
import { CAL_FILE_ROUTES } from '../../src/shared/routes/cal-files.ts';
import { mayReadCalFile } from '../../src/shared/access/proposal-policy.ts';
import { proposeOn } from '../helpers/proposal-fixtures.ts';
import { makeMetzTerritory } from '../helpers/stock-fixtures.ts';
import { pdfText } from '../helpers/pdf-text.ts';

/**
 * Who may do what on a household file, generated from the route contracts: every route that
 * declares a household scope is called by every subject (each role, in an organisation that is a
 * party to the file or not), and the answer must be the one its declared level implies — the
 * answer itself when the subject's level reaches it, 403 (or the declared 404) for a party below
 * it, 404 for anyone else. A route without a driver below fails the suite, so a new route is in the
 * matrix from its first commit. Each call is also checked for what it leaks and what it leaves:
 * no marker above the reader's level in any answer, an audit entry for every read and change, and
 * nothing written (no change, no entry) when the answer is a refusal.
 */
type Level = HouseholdAccessLevel;

// Markers planted in the file: a reader must never receive one above its level, in any answer.
const CASEWORKER_ONLY = [
  'SECRET-HEALTH',
  'SECRET-JUSTICE',
  'SECRET-FAMILY',
  'SECRET-NOTE',
  'secret-doc',
  'SECRET-JOURNAL',
];
const SHARED = ['SHARED-SHELTER', 'SHARED-RESOURCE', 'SHARED-NOTE', 'shared-doc', 'SHARED-JOURNAL'];
const HIDDEN_MARKERS: Record<Level, string[]> = {
  caseworker: [],
  party: CASEWORKER_ONLY,
  landlord_summary: [...CASEWORKER_ONLY, ...SHARED],
  none: [...CASEWORKER_ONLY, ...SHARED],
};

interface Subject {
  label: string;
  orgType: OrganisationType;
  roles: Role[];
  party: boolean;
  level: Level;
}

const ROLES: { label: string; orgType: OrganisationType; roles: Role[]; levelAsParty: Level }[] = [
  { label: 'travailleur social', orgType: 'association', roles: ['caseworker'], levelAsParty: 'caseworker' },
  { label: 'chef de service', orgType: 'association', roles: ['team_manager'], levelAsParty: 'caseworker' },
  {
    label: 'conseiller social du bailleur',
    orgType: 'landlord',
    roles: ['landlord_social_advisor'],
    levelAsParty: 'landlord_summary',
  },
  {
    label: 'gestionnaire locatif',
    orgType: 'landlord',
    roles: ['landlord_rental_manager'],
    levelAsParty: 'landlord_summary',
  },
  { label: 'travailleur social du SIAO', orgType: 'siao', roles: ['caseworker'], levelAsParty: 'party' },
  {
    label: 'travailleur social de la CCAPEX',
    orgType: 'ccapex',
    roles: ['caseworker'],
    levelAsParty: 'party',
  },
  {
    label: 'chargé de mission financeur',
    orgType: 'funder',
    roles: ['funder_officer'],
    levelAsParty: 'none',
  },
  { label: 'auditeur', orgType: 'association', roles: ['auditor'], levelAsParty: 'none' },
  { label: 'administrateur seul', orgType: 'association', roles: ['admin'], levelAsParty: 'none' },
];

const SUBJECTS: Subject[] = ROLES.flatMap((r) => [
  { label: r.label, orgType: r.orgType, roles: r.roles, party: true, level: r.levelAsParty },
  { label: r.label, orgType: r.orgType, roles: r.roles, party: false, level: 'none' as const },
]);

/** One call of a route: its path parameters, query and body (or a multipart upload). */
interface Call {
  params: Record<string, string>;
  query?: Record<string, string | number>;
  body?: object;
  upload?: { fields: Record<string, string>; fileName: string; content: string };
  /** The household, when the route names it through one of its records. */
  householdId?: string;
}

interface Fixture {
  t: TestApp;
  owner: TestSession;
  partyOrgs: Map<OrganisationType, string>;
  householdId: string;
  landlordDocId: string;
  /** On the file: version 1 of its diagnostic, approved and shared (landlord and committee versions), and its draft version 2. */
  sharedDiagnosticId: string;
  draftDiagnosticId: string;
  /** A new file with the same parties, and a diagnostic taken to a status, for a call that changes it. */
  diagnosticAt(
    status: 'none' | 'draft' | 'presented' | 'approved',
  ): Promise<{ householdId: string; id: string; rowVersion: number }>;
  /** A new file with the same parties, for a call that needs a state of its own. */
  freshHousehold(): Promise<string>;
  as(session: TestSession, method: string, url: string, payload?: object): Promise<InjectResponse>;
  /** The file as its caseworker reads it. */
  file(id?: string): Promise<Record<string, unknown> & { version: number }>;
  /** A value no call used before (dates, names), so that repeated calls do not collide. */
  next(): number;
  /** A support measure of the file, run by the party association, taken to a status. */
  measureAt(status: 'proposed' | 'validated' | 'active'): Promise<{ id: string; rowVersion: number }>;
  /**
   * The support contract of a new running measure: a draft as generated, ready to sign (an
   * objective complete), or in force (signed by the household, the association and the landlord).
   */
  contractAt(status: 'draft' | 'ready' | 'in_force'): Promise<{ measureId: string; rowVersion: number }>;
  /** A contract ready to sign whose objective carries a caseworker-only marker, for reads and refusals. */
  sharedContract: { measureId: string; rowVersion: number };
  /** A landlord staff member of the file's landlord party (it receives the landlord versions). */
  landlordStaff: TestSession;
  ownerUserId: string;
  /** An ordinary journal entry of the file (its note a shared marker); a confidential one carries a caseworker-only marker. */
  journalEntryId: string;
  /** A new journal entry of the file, written by its caseworker, to correct or cancel. */
  journalEntry(): Promise<{ id: string; rowVersion: number }>;
  /** A scheme of the household's département (ASLL maintien: renewable at will). */
  schemeId: string;
  /** A file with the same parties under a watch (its measure ended ten days ago), with an incident reported. */
  watched: string;
  /** A new file under watch, as `watched`, for a call that changes it (a case reopened). */
  watchedHousehold(): Promise<string>;
  /** An incident reported by the caseworker during the watch of a file. */
  incidentOn(householdId: string): Promise<{ id: string }>;
}

/** How to call a household-scoped route; `prepare` runs as the household's caseworker. */
interface Driver {
  call(fx: Fixture, session: TestSession, level: Level): Promise<Call>;
  /** Keys that must be absent (not null) from the JSON answer at a level. */
  absentKeys?: Partial<Record<Level, string[]>>;
  /** Tidies up after the call (as the caseworker), so that repeated calls keep the file plausible. */
  after?(fx: Fixture, call: Call, res: InjectResponse): Promise<void>;
  /**
   * Subjects whose level passes the scope but whom the use case refuses by a finer rule (403): an
   * organisation that is no signatory of the contract, say.
   */
  refuses?(subject: Subject): boolean;
}

const key = (r: Pick<RouteContract, 'method' | 'path'>) => `${r.method} ${r.path}`;
const dayBefore = (n: number) =>
  new Date(Date.parse(`${TODAY}T12:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
const onHousehold = (fx: Fixture, extra: Record<string, string> = {}) => ({
  params: { id: fx.householdId, ...extra },
});

async function ok(res: InjectResponse, what: string) {
  if (res.statusCode >= 300) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** A part of the file (members, resources…): a row to add, and an owner-added row to change or remove. */
function partDrivers(path: string, row: (fx: Fixture) => object, change: object): Record<string, Driver> {
  const addRow = async (fx: Fixture) => {
    const { version } = await fx.file();
    const added = await ok(
      await fx.as(fx.owner, 'POST', `/api/households/${fx.householdId}/${path}`, { version, ...row(fx) }),
      `ajout ${path}`,
    );
    return { rowId: added.rowId as string, version: added.version as number };
  };
  // The row added, by the call or for it, is removed afterwards (a part holds a bounded number of rows).
  const removeRow = async (fx: Fixture, rowId: unknown) => {
    if (typeof rowId !== 'string') return;
    const { version } = await fx.file();
    await fx.as(fx.owner, 'DELETE', `/api/households/${fx.householdId}/${path}/${rowId}?version=${version}`);
  };
  return {
    [`POST /api/households/:id/${path}`]: {
      call: async (fx) => ({ ...onHousehold(fx), body: { version: (await fx.file()).version, ...row(fx) } }),
      after: (fx, _call, res) => removeRow(fx, res.statusCode === 201 ? res.json().rowId : null),
    },
    [`PATCH /api/households/:id/${path}/:rowId`]: {
      call: async (fx) => {
        const { rowId, version } = await addRow(fx);
        return { ...onHousehold(fx, { rowId }), body: { version, ...change } };
      },
      after: (fx, call) => removeRow(fx, call.params.rowId),
    },
    [`DELETE /api/households/:id/${path}/:rowId`]: {
      call: async (fx) => {
        const { rowId, version } = await addRow(fx);
        return { ...onHousehold(fx, { rowId }), query: { version } };
      },
      after: async (fx, call, res) => {
        if (res.statusCode !== 204) await removeRow(fx, call.params.rowId);
      },
    },
  };
}

const capacityScores = Object.fromEntries(CAPACITY_CRITERION_KEYS.map((k) => [k, { score: 2 }]));

const DRIVERS: Record<string, Driver> = {
  'GET /api/households/:id': {
    call: async (fx) => onHousehold(fx),
    absentKeys: {
      party: ['healthNotes', 'justiceNotes', 'familyConflictNotes'],
      landlord_summary: [
        'healthNotes',
        'justiceNotes',
        'familyConflictNotes',
        'resources',
        'expenses',
        'debts',
        'housingHistory',
        'housingSince',
        'shelterName',
      ],
    },
  },
  'PUT /api/households/:id': {
    // The form sends back what its reader saw: a partner's hidden fields are absent, not erased.
    call: async (fx, session) => {
      const own = await fx.as(session, 'GET', `/api/households/${fx.householdId}`);
      const seen = own.statusCode === 200 ? own.json() : await fx.file();
      return { ...onHousehold(fx), body: { ...toUpdateBody(seen), phone: `01 23 45 ${fx.next() % 100} 00` } };
    },
  },
  'GET /api/households/:id/history': { call: async (fx) => onHousehold(fx) },
  'GET /api/households/:id/audit': { call: async (fx) => onHousehold(fx) },
  'GET /api/households/:id/notes': { call: async (fx) => onHousehold(fx) },
  'POST /api/households/:id/notes': {
    call: async (fx) => ({
      ...onHousehold(fx),
      body: { body: `Visite à domicile n°${fx.next()}.`, sensitivity: 'landlord_visible' },
    }),
  },
  'GET /api/households/:id/documents': { call: async (fx) => onHousehold(fx) },
  'POST /api/households/:id/documents': {
    call: async (fx) => ({
      ...onHousehold(fx),
      upload: {
        fields: { sensitivity: 'landlord_visible' },
        fileName: `quittance-${fx.next()}.txt`,
        content: 'Quittance de loyer.',
      },
    }),
  },
  'GET /api/households/:id/documents/:docId/content': {
    call: async (fx) => onHousehold(fx, { docId: fx.landlordDocId }),
  },
  'GET /api/households/:id/parties': { call: async (fx) => onHousehold(fx) },
  'GET /api/households/:id/consents': { call: async (fx) => onHousehold(fx) },
  'POST /api/households/:id/consents': {
    call: async (fx) => ({
      ...onHousehold(fx),
      body: {
        organisationId: (await makeOrganisation(fx.t.deps.db, 'association')).id,
        purpose: 'support',
        validFrom: TODAY,
        method: 'signed_form',
      },
    }),
  },
  'POST /api/households/:id/consents/:consentId/revoke': {
    call: async (fx) => {
      const organisationId = (await makeOrganisation(fx.t.deps.db, 'association')).id;
      const consent = await ok(
        await fx.as(fx.owner, 'POST', `/api/households/${fx.householdId}/consents`, {
          organisationId,
          purpose: 'support',
          validFrom: TODAY,
          method: 'signed_form',
        }),
        'accord',
      );
      return {
        ...onHousehold(fx, { consentId: consent.id }),
        body: { reason: 'Retrait demandé par le ménage.' },
      };
    },
  },
  'POST /api/households/:id/eviction-steps': {
    call: async (fx) => ({
      ...onHousehold(fx),
      body: { step: 'payment_order', occurredOn: dayBefore(fx.next()) },
    }),
  },
  'POST /api/households/:id/eviction-procedure/close': {
    call: async (fx) => {
      const id = await fx.freshHousehold();
      await ok(
        await fx.as(fx.owner, 'POST', `/api/households/${id}/eviction-steps`, {
          step: 'payment_order',
          occurredOn: dayBefore(20),
        }),
        'étape',
      );
      return { params: { id }, body: { reason: 'Dette soldée avec l’aide du FSL.' } };
    },
  },
  ...partDrivers(
    'members',
    (fx) => ({
      firstName: `Enfant ${fx.next()}`,
      lastName: 'Dupré',
      relationship: 'child',
      isReferencePerson: false,
    }),
    { birthDate: '2019-02-03' },
  ),
  ...partDrivers('resources', () => ({ type: 'family_benefits', monthlyAmountCents: 14_000 }), {
    monthlyAmountCents: 15_000,
  }),
  ...partDrivers('expenses', () => ({ category: 'insurance', monthlyAmountCents: 1_500 }), {
    monthlyAmountCents: 1_800,
  }),
  ...partDrivers(
    'debts',
    () => ({ kind: 'energy', amountCents: 32_000, startDate: '2025-10-01', repaymentPlan: false }),
    { repaymentPlan: true },
  ),
  ...partDrivers(
    'housing-history',
    () => ({ situation: 'hosted_by_third_party', fromDate: '2023-01-01', toDate: '2023-12-31' }),
    { endReason: 'Fin de l’hébergement chez un proche.' },
  ),
  'GET /api/households/:id/budget': { call: async (fx) => onHousehold(fx) },
  'POST /api/households/:id/budget/scenarios': {
    call: async (fx) => ({ ...onHousehold(fx), body: TARGET_DWELLING }),
  },
  'PUT /api/households/:id/budget/scenarios/:scenarioId': {
    call: async (fx) => {
      const scenario = await ok(
        await fx.as(fx.owner, 'POST', `/api/households/${fx.householdId}/budget/scenarios`, TARGET_DWELLING),
        'logement cible',
      );
      return {
        ...onHousehold(fx, { scenarioId: scenario.id }),
        body: { ...TARGET_DWELLING, monthlyRentCents: 32_000, rowVersion: scenario.rowVersion },
      };
    },
  },
  'DELETE /api/households/:id/budget/scenarios/:scenarioId': {
    call: async (fx) => {
      const scenario = await ok(
        await fx.as(fx.owner, 'POST', `/api/households/${fx.householdId}/budget/scenarios`, TARGET_DWELLING),
        'logement cible',
      );
      return onHousehold(fx, { scenarioId: scenario.id });
    },
  },
  'GET /api/households/:id/capacity-assessments': { call: async (fx) => onHousehold(fx) },
  'POST /api/households/:id/capacity-assessments': {
    call: async (fx) => ({
      ...onHousehold(fx),
      body: { assessedOn: dayBefore(fx.next()), scores: capacityScores, opinion: 'ready_with_support' },
    }),
  },

  'GET /api/households/:id/diagnostics': { call: async (fx) => onHousehold(fx) },
  'POST /api/households/:id/diagnostics': {
    call: async (fx) => {
      const { householdId } = await fx.diagnosticAt('none');
      return { params: { id: householdId }, body: { content: completeDiagnostic() } };
    },
  },
  'GET /api/households/:id/diagnostics/:diagId': {
    call: async (fx) => onHousehold(fx, { diagId: fx.draftDiagnosticId }),
  },
  'PUT /api/households/:id/diagnostics/:diagId': {
    call: async (fx) => {
      const draft = await ok(
        await fx.as(fx.owner, 'GET', `/api/households/${fx.householdId}/diagnostics/${fx.draftDiagnosticId}`),
        'brouillon',
      );
      return {
        ...onHousehold(fx, { diagId: fx.draftDiagnosticId }),
        body: {
          rowVersion: draft.rowVersion,
          content: {
            ...draft.content,
            familySituation: { ...draft.content.familySituation, narrative: `Entretien n°${fx.next()}.` },
          },
        },
      };
    },
  },
  'POST /api/households/:id/diagnostics/:diagId/present': {
    call: async (fx) => {
      const d = await fx.diagnosticAt('draft');
      return {
        params: { id: d.householdId, diagId: d.id },
        body: {
          rowVersion: d.rowVersion,
          presentedOn: TODAY,
          method: 'home_visit',
          explanation: 'Diagnostic relu avec le ménage à domicile.',
        },
      };
    },
  },
  'POST /api/households/:id/diagnostics/:diagId/approve': {
    call: async (fx) => {
      const d = await fx.diagnosticAt('presented');
      return {
        params: { id: d.householdId, diagId: d.id },
        body: { rowVersion: d.rowVersion, method: 'typed_name', signedOn: TODAY, typedName: 'Hélène Dupré' },
      };
    },
  },
  'POST /api/households/:id/diagnostics/:diagId/disagree': {
    call: async (fx) => {
      const d = await fx.diagnosticAt('presented');
      return {
        params: { id: d.householdId, diagId: d.id },
        body: {
          rowVersion: d.rowVersion,
          notedOn: TODAY,
          inHouseholdWords: 'Je ne me reconnais pas dans ce bilan.',
        },
      };
    },
  },
  'POST /api/households/:id/diagnostics/:diagId/new-version': {
    call: async (fx) => {
      const d = await fx.diagnosticAt('approved');
      return { params: { id: d.householdId, diagId: d.id } };
    },
  },
  'POST /api/households/:id/diagnostics/:diagId/eviction-steps': {
    call: async (fx) => ({
      ...onHousehold(fx, { diagId: fx.draftDiagnosticId }),
      body: { step: 'summons', occurredOn: dayBefore(fx.next()) },
    }),
  },
  'GET /api/diagnostics/:id/preview': {
    call: async (fx) => ({
      params: { id: fx.draftDiagnosticId },
      query: { audience: 'landlord' },
      householdId: fx.householdId,
    }),
  },
  'POST /api/diagnostics/:id/share': {
    call: async (fx) => ({
      params: { id: fx.sharedDiagnosticId },
      body: { audience: 'landlord', organisationIds: [fx.partyOrgs.get('landlord')!] },
      householdId: fx.householdId,
    }),
  },
  'GET /api/diagnostics/:id/shares': {
    call: async (fx) => ({ params: { id: fx.sharedDiagnosticId }, householdId: fx.householdId }),
  },
  'GET /api/diagnostics/:id/pdf': {
    // Each reader asks for the version it may have: the full one, or the one shared with it.
    call: async (fx, _session, level) => ({
      params: { id: fx.sharedDiagnosticId },
      query: { version: level === 'caseworker' ? 'household' : level === 'party' ? 'committee' : 'landlord' },
      householdId: fx.householdId,
    }),
  },
  'GET /api/households/:id/tasks': { call: async (fx) => onHousehold(fx) },
  'POST /api/households/:id/tasks': {
    call: async (fx) => ({
      ...onHousehold(fx),
      body: { title: `Relancer la CAF (${fx.next()})`, dueOn: '2026-03-20' },
    }),
  },
  'POST /api/households/:id/tasks/:taskId/close': {
    call: async (fx) => {
      const task = await ok(
        await fx.as(fx.owner, 'POST', `/api/households/${fx.householdId}/tasks`, {
          title: 'Appeler le bailleur',
        }),
        'tâche',
      );
      return { ...onHousehold(fx, { taskId: task.id }), body: { outcome: 'done' } };
    },
  },
};

/** A measure's route, on a measure taken to the status it starts from. */
const onMeasure =
  (status: 'proposed' | 'validated' | 'active', body: (fx: Fixture) => object): Driver['call'] =>
  async (fx) => {
    const m = await fx.measureAt(status);
    return { ...onHousehold(fx, { measureId: m.id }), body: { rowVersion: m.rowVersion, ...body(fx) } };
  };
Object.assign(DRIVERS, {
  'GET /api/households/:id/measures': {
    call: async (fx: Fixture) => onHousehold(fx),
    absentKeys: { party: ['criteriaMet'], landlord_summary: ['criteriaMet', 'events', 'refusalReason'] },
  },
  'POST /api/households/:id/measures': {
    call: async (fx: Fixture) => ({
      ...onHousehold(fx),
      body: {
        schemeId: fx.schemeId,
        operatorOrganisationId: fx.partyOrgs.get('association')!,
        briques: ['2.4'],
      },
    }),
  },
  'POST /api/households/:id/measures/:measureId/prescribe': {
    call: onMeasure('proposed', () => ({ prescribedOn: TODAY })),
  },
  'POST /api/households/:id/measures/:measureId/start': {
    call: onMeasure('validated', () => ({ startOn: TODAY })),
  },
  'POST /api/households/:id/measures/:measureId/renew': {
    call: onMeasure('active', () => ({ evaluation: 'Objectifs en bonne voie, à consolider.' })),
  },
  'POST /api/households/:id/measures/:measureId/end': {
    call: onMeasure('active', () => ({
      endedOn: TODAY,
      endReason: 'objectives_reached',
      orientation: 'none',
    })),
  },
  'POST /api/households/:id/measures/:measureId/caseworker': {
    call: onMeasure('proposed', (fx) => ({
      caseworkerUserId: fx.ownerUserId,
      relayNote: 'Reprise du suivi par la référente du dossier.',
      confirmOverCapacity: true,
    })),
  },
} satisfies Record<string, Driver>);

/** A draft's content with one complete objective. */
const contractEdit = (rowVersion: number, title = 'Ouvrir les droits à l’aide au logement') => ({
  rowVersion,
  objectives: [
    { title, indicator: 'Notification de la CAF reçue', targetDate: '2026-09-30', briques: ['2.4'] },
  ],
  commitments: { household: [], landlord: [], association: ['Rencontrer le ménage chaque mois.'] },
  modalities: { visitsPerMonth: 1, place: 'home', monthlyReview: true },
  clauses: [],
});

/**
 * A contract route: a fresh contract in the state the call starts from for a subject the route
 * serves (the call changes it), the shared one for a refusal (which leaves it unchanged).
 */
const onContract =
  (
    status: 'draft' | 'ready' | 'in_force',
    body: (rowVersion: number) => object | undefined,
    serves: (level: Level) => boolean = (level) => level === 'caseworker',
  ): Driver['call'] =>
  async (fx, _session, level) => {
    const c = serves(level) ? await fx.contractAt(status) : fx.sharedContract;
    const payload = body(c.rowVersion);
    return { ...onHousehold(fx, { measureId: c.measureId }), ...(payload ? { body: payload } : {}) };
  };
const PERSONAL_TERMS = ['contract.versions.0.objectives', 'contract.versions.0.commitments.household'];
Object.assign(DRIVERS, {
  'GET /api/households/:id/measures/:measureId/contract': {
    call: async (fx: Fixture) => onHousehold(fx, { measureId: fx.sharedContract.measureId }),
    absentKeys: { party: PERSONAL_TERMS, landlord_summary: PERSONAL_TERMS },
  },
  'GET /api/households/:id/measures/:measureId/contract/pdf': {
    call: async (fx: Fixture) => onHousehold(fx, { measureId: fx.sharedContract.measureId }),
  },
  'POST /api/households/:id/measures/:measureId/contract': {
    call: async (fx: Fixture, _session: TestSession, level: Level) =>
      onHousehold(fx, {
        measureId:
          level === 'caseworker' ? (await fx.measureAt('validated')).id : fx.sharedContract.measureId,
      }),
  },
  'PUT /api/households/:id/measures/:measureId/contract': {
    call: onContract('draft', (rowVersion) => contractEdit(rowVersion)),
  },
  'POST /api/households/:id/measures/:measureId/contract/versions': {
    call: onContract('in_force', (rowVersion) => ({ rowVersion })),
  },
  'POST /api/households/:id/measures/:measureId/contract/household-signature': {
    call: onContract('ready', (rowVersion) => ({
      rowVersion,
      method: 'typed',
      typedName: 'Hélène Marchetti',
    })),
  },
  // The association that runs the measure and the landlord the contract names sign, each for itself.
  'POST /api/households/:id/measures/:measureId/contract/partner-signature': {
    call: onContract(
      'ready',
      (rowVersion) => ({ rowVersion }),
      (level) => level === 'caseworker' || level === 'landlord_summary',
    ),
    refuses: (subject: Subject) => subject.party && subject.level === 'party',
  },
} satisfies Record<string, Driver>);

/** A home visit of the file planned by its caseworker, every partner taking part, its note caseworker-only. */
async function plannedVisit(fx: Fixture) {
  const day = `2026-03-2${fx.next() % 8}`;
  const at = (hour: number) => `${day}T${String(hour).padStart(2, '0')}:00:00+01:00`;
  const saved = await ok(
    await fx.as(fx.owner, 'POST', `/api/households/${fx.householdId}/appointments`, {
      kind: 'home_visit',
      startsAt: at(9),
      endsAt: at(10),
      place: 'Domicile',
      note: 'SECRET-NOTE du rendez-vous',
      organisationIds: [...fx.partyOrgs.values()],
    }),
    'rendez-vous',
  );
  return saved.appointment as { id: string; rowVersion: number };
}
const appointmentBody = {
  kind: 'office_meeting',
  startsAt: '2026-03-30T09:00:00+02:00',
  endsAt: '2026-03-30T10:00:00+02:00',
  place: 'Bureau',
};
Object.assign(DRIVERS, {
  // Each partner takes part in the visit: it reads it, never its note (a caseworker-only marker).
  'GET /api/households/:id/appointments': {
    call: async (fx: Fixture) => {
      await plannedVisit(fx);
      return onHousehold(fx);
    },
  },
  'POST /api/households/:id/appointments': {
    call: async (fx: Fixture) => ({ ...onHousehold(fx), body: appointmentBody }),
  },
  'PUT /api/households/:id/appointments/:appointmentId': {
    call: async (fx: Fixture) => {
      const a = await plannedVisit(fx);
      return {
        ...onHousehold(fx, { appointmentId: a.id }),
        body: { ...appointmentBody, rowVersion: a.rowVersion },
      };
    },
  },
  'POST /api/households/:id/appointments/:appointmentId/status': {
    call: async (fx: Fixture) => {
      const a = await plannedVisit(fx);
      return {
        ...onHousehold(fx, { appointmentId: a.id }),
        body: { rowVersion: a.rowVersion, status: 'cancelled', reason: 'Le ménage a déménagé.' },
      };
    },
  },
} satisfies Record<string, Driver>);

/** A phone call as the journal form sends it, with a key of its own. */
const journalActivity = () => ({
  idempotencyKey: randomUUID(),
  kind: 'phone_call',
  occurredAt: NOW.toISOString(),
  durationMinutes: 15,
});
/** A journal entry's route, on a new entry of the file. */
const onJournalEntry =
  (body: (rowVersion: number) => object): Driver['call'] =>
  async (fx) => {
    const entry = await fx.journalEntry();
    return { ...onHousehold(fx, { entryId: entry.id }), body: body(entry.rowVersion) };
  };
Object.assign(DRIVERS, {
  'GET /api/households/:id/timeline': {
    call: async (fx: Fixture) => ({ ...onHousehold(fx), query: { pageSize: 100 } }),
  },
  'GET /api/households/:id/journal/options': { call: async (fx: Fixture) => onHousehold(fx) },
  'POST /api/households/:id/journal': {
    call: async (fx: Fixture) => ({ ...onHousehold(fx), body: journalActivity() }),
  },
  'GET /api/households/:id/journal/:entryId': {
    call: async (fx: Fixture) => onHousehold(fx, { entryId: fx.journalEntryId }),
  },
  'PUT /api/households/:id/journal/:entryId': {
    call: onJournalEntry((rowVersion) => {
      const { idempotencyKey: _key, ...activity } = journalActivity();
      return { ...activity, durationMinutes: 20, rowVersion };
    }),
  },
  'POST /api/households/:id/journal/:entryId/cancel': {
    call: onJournalEntry((rowVersion) => ({ rowVersion, reason: 'Saisie en double.' })),
  },
} satisfies Record<string, Driver>);

/** A monthly point of a new running measure of the file, prepared by its caseworker (validated if asked). */
async function monthlyPoint(fx: Fixture, validated = false) {
  const m = await fx.measureAt('active');
  const point = await ok(
    await fx.as(fx.owner, 'POST', `/api/households/${fx.householdId}/measures/${m.id}/monthly-points`, {
      month: TODAY.slice(0, 7),
      report: 'Point fait avec le ménage.',
    }),
    'point mensuel',
  );
  if (!validated) return point as { id: string; rowVersion: number };
  return (await ok(
    await fx.as(fx.owner, 'POST', `/api/households/${fx.householdId}/monthly-points/${point.id}/validate`, {
      rowVersion: point.rowVersion,
    }),
    'point mensuel validé',
  )) as { id: string; rowVersion: number };
}
const onMonthlyPoint =
  (validated: boolean, body: (rowVersion: number) => object): Driver['call'] =>
  async (fx) => {
    const point = await monthlyPoint(fx, validated);
    return { ...onHousehold(fx, { pointId: point.id }), body: body(point.rowVersion) };
  };
Object.assign(DRIVERS, {
  'GET /api/households/:id/leases': { call: async (fx: Fixture) => onHousehold(fx) },
  'GET /api/households/:id/monthly-points': {
    call: async (fx: Fixture) => {
      await monthlyPoint(fx);
      return onHousehold(fx);
    },
  },
  'POST /api/households/:id/measures/:measureId/monthly-points': {
    call: async (fx: Fixture) => {
      const m = await fx.measureAt('active');
      return { ...onHousehold(fx, { measureId: m.id }), body: { month: TODAY.slice(0, 7) } };
    },
  },
  'PUT /api/households/:id/monthly-points/:pointId': {
    call: onMonthlyPoint(false, (rowVersion) => ({ rowVersion, report: 'Compte rendu complété.' })),
  },
  'POST /api/households/:id/monthly-points/:pointId/validate': {
    call: onMonthlyPoint(false, (rowVersion) => ({ rowVersion })),
  },
  'POST /api/households/:id/monthly-points/:pointId/correct': {
    call: onMonthlyPoint(true, (rowVersion) => ({ rowVersion })),
  },
} satisfies Record<string, Driver>);

/** The watch's incidents and the case reopened from one. */
Object.assign(DRIVERS, {
  'GET /api/households/:id/watch-incidents': {
    call: async (fx: Fixture) => ({ params: { id: fx.watched } }),
  },
  'POST /api/households/:id/watch-incidents': {
    call: async (fx: Fixture) => ({
      params: { id: fx.watched },
      body: { kind: 'prolonged_absence', occurredOn: dayBefore(3), note: `Logement vide (${fx.next()})` },
    }),
  },
  'POST /api/households/:id/watch-incidents/:incidentId/reopen': {
    call: async (fx: Fixture) => {
      const id = await fx.watchedHousehold();
      const incident = await fx.incidentOn(id);
      return { params: { id, incidentId: incident.id }, body: {} };
    },
  },
} satisfies Record<string, Driver>);

/**
 * An evaluation of a new running measure of the file, prepared by its caseworker: a draft (its notes
 * a caseworker-only marker), completed (grid scored, the final one's next step a renewal), validated,
 * or shared with the landlord.
 */
async function evaluationAt(
  fx: Fixture,
  stage: 'draft' | 'complete' | 'validated' | 'shared',
  kind: 'interim' | 'final' = 'interim',
) {
  const m = await fx.measureAt('active');
  const base = `/api/households/${fx.householdId}/evaluations`;
  let e = await ok(
    await fx.as(fx.owner, 'POST', `/api/households/${fx.householdId}/measures/${m.id}/evaluations`, { kind }),
    'évaluation',
  );
  if (stage !== 'draft')
    e = await ok(
      await fx.as(fx.owner, 'PUT', `${base}/${e.id}`, evaluationContent(e.rowVersion, kind)),
      'évaluation complétée',
    );
  if (stage === 'validated' || stage === 'shared')
    e = await ok(
      await fx.as(fx.owner, 'POST', `${base}/${e.id}/validate`, { rowVersion: e.rowVersion }),
      'évaluation validée',
    );
  if (stage === 'shared')
    e = await ok(
      await fx.as(fx.owner, 'POST', `${base}/${e.id}/share`, {
        rowVersion: e.rowVersion,
        audience: 'landlord',
      }),
      'évaluation partagée',
    );
  return {
    evaluation: e as { id: string; rowVersion: number },
    measure: m as { id: string; rowVersion: number },
  };
}
const evaluationContent = (rowVersion: number, kind: 'interim' | 'final' = 'interim') => ({
  rowVersion,
  objectives: [],
  grid: Object.fromEntries(CAPACITY_CRITERION_KEYS.map((k) => [k, { score: 3, comment: 'SECRET-HEALTH' }])),
  nextStep: kind === 'final' ? { step: 'renewal' } : null,
  partnerNote: 'Le loyer est réglé chaque mois.',
  notes: 'SECRET-NOTE',
});
const onEvaluation =
  (
    stage: 'draft' | 'complete' | 'validated',
    body: (e: { rowVersion: number }, m: { rowVersion: number }) => object | undefined,
    kind: 'interim' | 'final' = 'interim',
    query?: Record<string, string>,
  ): Driver['call'] =>
  async (fx) => {
    const { evaluation, measure } = await evaluationAt(fx, stage, kind);
    const payload = body(evaluation, measure);
    return {
      ...onHousehold(fx, { evaluationId: evaluation.id }),
      ...(payload ? { body: payload } : {}),
      ...(query ? { query } : {}),
    };
  };
Object.assign(DRIVERS, {
  'GET /api/households/:id/evaluations': {
    call: async (fx: Fixture) => {
      await evaluationAt(fx, 'shared');
      await evaluationAt(fx, 'draft');
      return onHousehold(fx);
    },
  },
  'POST /api/households/:id/measures/:measureId/evaluations': {
    call: async (fx: Fixture) => {
      const m = await fx.measureAt('active');
      return { ...onHousehold(fx, { measureId: m.id }), body: { kind: 'interim' } };
    },
  },
  'PUT /api/households/:id/evaluations/:evaluationId': {
    call: onEvaluation('draft', (e) => evaluationContent(e.rowVersion)),
  },
  'POST /api/households/:id/evaluations/:evaluationId/validate': {
    call: onEvaluation('complete', (e) => ({ rowVersion: e.rowVersion })),
  },
  'GET /api/households/:id/evaluations/:evaluationId/preview': {
    call: onEvaluation('complete', () => undefined, 'interim', { audience: 'landlord' }),
  },
  'POST /api/households/:id/evaluations/:evaluationId/share': {
    call: onEvaluation('validated', (e) => ({ rowVersion: e.rowVersion, audience: 'funder' })),
  },
  'POST /api/households/:id/evaluations/:evaluationId/signature': {
    call: onEvaluation('validated', (e) => ({
      rowVersion: e.rowVersion,
      method: 'typed_name',
      signedOn: TODAY,
      typedName: 'Hélène Marchetti',
    })),
  },
  'POST /api/households/:id/evaluations/:evaluationId/apply': {
    call: onEvaluation('validated', (_e, m) => ({ measureRowVersion: m.rowVersion }), 'final'),
  },
  'GET /api/households/:id/evaluations/:evaluationId/pdf': {
    call: onEvaluation('complete', () => undefined, 'interim', { version: 'full' }),
  },
  // The landlord that received it and the caseworker read a shared version; the SIAO is no recipient.
  'GET /api/households/:id/evaluation-shares/:shareId/pdf': {
    call: async (fx: Fixture) => {
      const { evaluation } = await evaluationAt(fx, 'shared');
      const shared = await ok(
        await fx.as(fx.landlordStaff, 'GET', `/api/households/${fx.householdId}/evaluations`),
        'versions partagées',
      );
      const share = (shared.shared as { id: string; evaluationId: string }[]).find(
        (s) => s.evaluationId === evaluation.id,
      )!;
      return onHousehold(fx, { shareId: share.id });
    },
    refuses: (subject: Subject) => subject.party && subject.level === 'party',
  },
} satisfies Record<string, Driver>);

/** A new file with the same parties and an open eviction procedure (its first step twenty days ago). */
async function withProcedure(fx: Fixture): Promise<string> {
  const id = await fx.freshHousehold();
  await ok(
    await fx.as(fx.owner, 'POST', `/api/households/${id}/eviction-steps`, {
      step: 'first_unpaid_rent',
      occurredOn: dayBefore(20),
    }),
    'étape',
  );
  return id;
}
const prevention = (id: string, path = '') => `/api/households/${id}/eviction-prevention${path}`;
Object.assign(DRIVERS, {
  'GET /api/households/:id/eviction-prevention': {
    call: async (fx: Fixture) => ({ params: { id: await withProcedure(fx) } }),
  },
  'PUT /api/households/:id/eviction-prevention/facts': {
    call: async (fx: Fixture) => ({
      params: { id: await withProcedure(fx) },
      body: {
        leaseSignedOn: '2024-03-01',
        lessorKind: 'legal_person',
        monthlyRentCents: 40_000,
        monthlyChargesCents: 5_000,
        monthlyBenefitCents: 30_000,
        benefitPaidTo: 'landlord',
        hearingScheduledOn: null,
        version: null,
      },
    }),
  },
  'POST /api/households/:id/eviction-prevention/balances': {
    call: async (fx: Fixture) => ({
      params: { id: await withProcedure(fx) },
      body: { on: dayBefore(5), amountCents: 30_000 },
    }),
  },
  'DELETE /api/households/:id/eviction-prevention/balances/:balanceId': {
    call: async (fx: Fixture) => {
      const id = await withProcedure(fx);
      const balance = await ok(
        await fx.as(fx.owner, 'POST', prevention(id, '/balances'), { on: dayBefore(5), amountCents: 30_000 }),
        'solde',
      );
      return { params: { id, balanceId: balance.id } };
    },
  },
  'POST /api/households/:id/eviction-prevention/instruments': {
    call: async (fx: Fixture) => ({
      params: { id: await withProcedure(fx) },
      body: { instrument: 'fsl_maintien', status: 'requested', on: dayBefore(3) },
    }),
  },
  'POST /api/households/:id/eviction-prevention/instruments/:instrumentId': {
    call: async (fx: Fixture) => {
      const id = await withProcedure(fx);
      const instrument = await ok(
        await fx.as(fx.owner, 'POST', prevention(id, '/instruments'), {
          instrument: 'fsl_maintien',
          status: 'requested',
          on: dayBefore(3),
        }),
        'outil',
      );
      return { params: { id, instrumentId: instrument.id }, body: { status: 'granted', on: dayBefore(1) } };
    },
  },
} satisfies Record<string, Driver>);
/** A household's aid, requested by its caseworker and paid to the landlord party, taken to a status. */
async function aidAt(fx: Fixture, status: 'requested' | 'granted') {
  const aid = await ok(
    await fx.as(fx.owner, 'POST', `/api/households/${fx.householdId}/aids`, aidBody(fx)),
    'aide',
  );
  if (status === 'requested') return aid as { id: string; rowVersion: number };
  return (await ok(
    await fx.as(fx.owner, 'POST', `/api/households/${fx.householdId}/aids/${aid.id}/decision`, {
      outcome: 'granted',
      decidedOn: TODAY,
      amountGrantedCents: 50_000,
      rowVersion: aid.rowVersion,
    }),
    'décision',
  )) as { id: string; rowVersion: number };
}
const aidBody = (fx: Fixture) => ({
  kind: 'fsl_maintien',
  form: 'grant',
  funderName: 'FSL du département',
  payee: 'landlord',
  payeeOrganisationId: fx.partyOrgs.get('landlord')!,
  requestedOn: TODAY,
  amountRequestedCents: 50_000 + fx.next(),
});
Object.assign(DRIVERS, {
  // The landlord party reads the aids paid to it; the social workers all of them.
  'GET /api/households/:id/aids': {
    call: async (fx: Fixture) => {
      await aidAt(fx, 'requested');
      return onHousehold(fx);
    },
  },
  'POST /api/households/:id/aids': {
    call: async (fx: Fixture) => ({ ...onHousehold(fx), body: aidBody(fx) }),
  },
  'POST /api/households/:id/aids/:aidId/decision': {
    call: async (fx: Fixture) => {
      const aid = await aidAt(fx, 'requested');
      return {
        ...onHousehold(fx, { aidId: aid.id }),
        body: { outcome: 'refused', decidedOn: TODAY, reason: 'Hors barème.', rowVersion: aid.rowVersion },
      };
    },
  },
  'POST /api/households/:id/aids/:aidId/payments': {
    call: async (fx: Fixture) => {
      const aid = await aidAt(fx, 'granted');
      return {
        ...onHousehold(fx, { aidId: aid.id }),
        body: { paidOn: TODAY, amountCents: 10_000, rowVersion: aid.rowVersion },
      };
    },
  },
  'POST /api/households/:id/aids/:aidId/repayments': {
    call: async (fx: Fixture) => {
      const url = `/api/households/${fx.householdId}/aids`;
      const asked = await ok(await fx.as(fx.owner, 'POST', url, { ...aidBody(fx), form: 'loan' }), 'prêt');
      const granted = await ok(
        await fx.as(fx.owner, 'POST', `${url}/${asked.id}/decision`, {
          outcome: 'granted',
          decidedOn: TODAY,
          amountGrantedCents: 20_000,
          repaymentSchedule: { firstInstalmentOn: TODAY, monthlyCents: 5_000, months: 4 },
          rowVersion: asked.rowVersion,
        }),
        'accord du prêt',
      );
      await ok(
        await fx.as(fx.owner, 'POST', `${url}/${asked.id}/payments`, {
          paidOn: TODAY,
          amountCents: 20_000,
          rowVersion: granted.rowVersion,
        }),
        'versement du prêt',
      );
      return { ...onHousehold(fx, { aidId: asked.id }), body: { paidOn: TODAY, amountCents: 100 } };
    },
  },
} satisfies Record<string, Driver>);

/** A new file with the same parties, its capacity grid confirmed ready, its housing project opened (or not) by its caseworker. */
async function readyForPool(fx: Fixture, opened: boolean, consent = false): Promise<string> {
  const id = await fx.freshHousehold();
  await ok(
    await fx.as(fx.owner, 'POST', `/api/households/${id}/capacity-assessments`, {
      assessedOn: TODAY,
      scores: Object.fromEntries(CAPACITY_CRITERION_KEYS.map((k) => [k, { score: 3 }])),
      opinion: 'ready',
    }),
    'grille',
  );
  if (opened)
    await ok(await fx.as(fx.owner, 'PUT', `/api/households/${id}/housing-project`, housingProject), 'projet');
  if (consent)
    await ok(
      await fx.as(fx.owner, 'POST', `/api/households/${id}/housing-project/consent`, {
        givenOn: TODAY,
        method: 'signed_form',
      }),
      'accord',
    );
  return id;
}
const housingProject = {
  typologies: ['t2'],
  accessibilityNeed: 'none',
  supportIntensity: 'light',
  priorityCategories: ['c'],
  incomes: [{ source: 'declared', annualCents: 1_200_000 }],
};
Object.assign(DRIVERS, {
  // Only the social workers of the household's parties; a landlord sees nothing of the project.
  'GET /api/households/:id/housing-project': { call: async (fx: Fixture) => onHousehold(fx) },
  'PUT /api/households/:id/housing-project': {
    call: async (fx: Fixture) => ({ params: { id: await readyForPool(fx, false) }, body: housingProject }),
    // A pool is a SIAO's or an association's: the CCAPEX reads and edits a project, opens none.
    refuses: (subject: Subject) => subject.party && subject.orgType === 'ccapex',
  },
  'POST /api/households/:id/housing-project/consent': {
    call: async (fx: Fixture) => ({
      params: { id: await readyForPool(fx, true) },
      body: { givenOn: TODAY, method: 'oral_with_witness' },
    }),
  },
  'POST /api/households/:id/housing-project/consent/withdraw': {
    call: async (fx: Fixture) => ({
      params: { id: await readyForPool(fx, true, true) },
      body: { withdrawnOn: TODAY, reason: 'Souhaite rester dans sa commune actuelle.' },
    }),
  },
} satisfies Record<string, Driver>);
Object.assign(DRIVERS, {
  // The household's proposals history: its parties' social workers (a landlord sees candidates only
  // through the proposals on its own vacancies).
  'GET /api/households/:householdId/proposals': {
    call: async (fx: Fixture) => ({ params: { householdId: fx.householdId }, householdId: fx.householdId }),
  },
} satisfies Record<string, Driver>);

const HOUSEHOLD_SCOPED = ALL_ROUTES.filter(
  (r): r is RouteContract & { household: HouseholdScope } =>
    !!r.household &&
    r.household.via !== 'referral' &&
    r.household.via !== 'contract' &&
    r.household.via !== 'proposal',
);

/** What the declaration promises a subject: the route's own status, or the refusal. */
function expectedStatus(route: RouteContract & { household: HouseholdScope }, level: Level): number {
  if (level === 'none') return 404;
  if (!atLeast(level, route.household.level)) return route.household.below ?? 403;
  return route.response === null ? 204 : (route.status ?? 200);
}

function multipart(upload: NonNullable<Call['upload']>) {
  const boundary = 'relais-matrice';
  const parts = Object.entries(upload.fields).map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  const payload =
    parts.join('') +
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${upload.fileName}"\r\nContent-Type: text/plain\r\n\r\n${upload.content}\r\n` +
    `--${boundary}--\r\n`;
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('household access matrix, from the route contracts', () => {
  let t: TestApp;
  let fx: Fixture;
  const sessions = new Map<Subject, TestSession>();
  const userIds = new Map<Subject, string>();
  let counter = 0;

  beforeAll(async () => {
    t = await createTestApp();
    t.setNow(NOW);
    const partyOrgs = new Map<OrganisationType, string>();
    const otherOrgs = new Map<OrganisationType, string>();
    for (const type of ['association', 'landlord', 'siao', 'ccapex', 'funder'] as const) {
      partyOrgs.set(type, (await makeOrganisation(t.deps.db, type)).id);
      otherOrgs.set(type, (await makeOrganisation(t.deps.db, type)).id);
    }
    for (const subject of SUBJECTS) {
      const orgId = (subject.party ? partyOrgs : otherOrgs).get(subject.orgType)!;
      const user = await makeUser(t.deps.db, { organisationId: orgId, roles: subject.roles });
      sessions.set(subject, await sessionFor(t.deps, user.id, orgId));
      userIds.set(subject, user.id);
    }
    const ownerSubject = SUBJECTS.find(
      (s) => s.roles.includes('caseworker') && s.party && s.orgType === 'association',
    )!;
    const owner = sessions.get(ownerSubject)!;
    const as = (session: TestSession, method: string, url: string, payload?: object) =>
      t.app.inject({
        method: method as 'GET',
        url,
        headers: session.headers,
        ...(payload ? { payload } : {}),
      });

    /** A file the landlord (the tenant's landlord), the SIAO, the CCAPEX and the funder are parties to, by consent. */
    const sharedHousehold = async (marked: boolean) => {
      const id = await createHouseholdAs(
        t,
        owner,
        sampleHousehold({
          housingSituation: 'social_tenant',
          tenancy: {
            address: '4 rue des Ormes, 59000 Lille',
            landlordOrganisationId: partyOrgs.get('landlord')!,
          },
          ...(marked
            ? {
                members: [
                  {
                    firstName: 'Hélène',
                    lastName: 'Marchetti',
                    birthDate: '1985-04-12',
                    relationship: 'reference_person',
                    isReferencePerson: true,
                  },
                ],
                shelterName: 'SHARED-SHELTER',
                healthNotes: 'SECRET-HEALTH',
                justiceNotes: 'SECRET-JUSTICE',
                familyConflictNotes: 'SECRET-FAMILY',
                resources: [
                  { memberIndex: 0, type: 'rsa', monthlyAmountCents: 63_500, note: 'SHARED-RESOURCE' },
                ],
              }
            : {}),
        }),
      );
      for (const type of ['landlord', 'siao', 'ccapex', 'funder'] as const) {
        await ok(
          await as(owner, 'POST', `/api/households/${id}/consents`, {
            organisationId: partyOrgs.get(type),
            purpose: 'support',
            validFrom: TODAY,
            method: 'signed_form',
          }),
          'accord',
        );
      }
      return id;
    };

    const householdId = await sharedHousehold(true);
    for (const [body, sensitivity] of [
      ['SECRET-NOTE', 'confidential'],
      ['SHARED-NOTE', 'shared'],
      ['LANDLORD-NOTE', 'landlord_visible'],
    ]) {
      await ok(
        await as(owner, 'POST', `/api/households/${householdId}/notes`, { body, sensitivity }),
        'note',
      );
    }
    const journalEntry = async (note = 'Appel du ménage', sensitivity = 'ordinary') => {
      const entry = await ok(
        await as(owner, 'POST', `/api/households/${householdId}/journal`, {
          ...journalActivity(),
          note,
          sensitivity,
        }),
        'activité',
      );
      return { id: entry.id as string, rowVersion: entry.rowVersion as number };
    };
    await journalEntry('SECRET-JOURNAL', 'confidential');
    const sharedEntry = await journalEntry('SHARED-JOURNAL');
    let landlordDocId = '';
    for (const [name, sensitivity] of [
      ['secret-doc.txt', 'confidential'],
      ['shared-doc.txt', 'shared'],
      ['landlord-doc.txt', 'landlord_visible'],
    ] as const) {
      const form = multipart({ fields: { sensitivity }, fileName: name, content: `Contenu ${name}` });
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/households/${householdId}/documents`,
        headers: { ...owner.headers, ...form.headers },
        payload: form.payload,
      });
      const doc = await ok(res, 'document');
      if (sensitivity === 'landlord_visible') landlordDocId = doc.id;
    }
    /** A diagnostic of `householdId` taken from nothing to `status`, as its caseworker would. */
    const diagnosticOn = async (householdId: string, status: 'draft' | 'presented' | 'approved') => {
      const base = `/api/households/${householdId}/diagnostics`;
      let d = await ok(await as(owner, 'POST', base, { content: completeDiagnostic() }), 'diagnostic');
      if (status !== 'draft') {
        d = await ok(
          await as(owner, 'POST', `${base}/${d.id}/present`, {
            rowVersion: d.rowVersion,
            presentedOn: TODAY,
            method: 'home_visit',
            explanation: 'Diagnostic relu avec le ménage à domicile.',
          }),
          'présentation',
        );
      }
      if (status === 'approved') {
        d = await ok(
          await as(owner, 'POST', `${base}/${d.id}/approve`, {
            rowVersion: d.rowVersion,
            method: 'typed_name',
            signedOn: TODAY,
            typedName: 'Hélène Dupré',
          }),
          'approbation',
        );
      }
      return { householdId, id: d.id as string, rowVersion: d.rowVersion as number };
    };
    const shared = await diagnosticOn(householdId, 'approved');
    // The committee version goes to the commissions that examine the file: the SIAO's, the CCAPEX.
    for (const [audience, orgs] of [
      ['landlord', ['landlord']],
      ['committee', ['siao', 'ccapex']],
    ] as const) {
      await ok(
        await as(owner, 'POST', `/api/diagnostics/${shared.id}/share`, {
          audience,
          organisationIds: orgs.map((org) => partyOrgs.get(org)),
        }),
        'partage',
      );
    }
    const draft = await ok(
      await as(owner, 'POST', `/api/households/${householdId}/diagnostics/${shared.id}/new-version`),
      'version 2',
    );

    // The measures' funder, in its département, with a scheme it adopted from the catalogue.
    const departement = await makeDepartement(t.deps.db);
    const funderId = (await makeOrganisation(t.deps.db, 'funder', 'Financeur des mesures')).id;
    await placeIn(t.deps.db, funderId, departement.id);
    const funderSession = async (role: 'admin' | 'funder_officer') =>
      sessionFor(
        t.deps,
        (await makeUser(t.deps.db, { organisationId: funderId, roles: [role] })).id,
        funderId,
      );
    const scheme = await adoptScheme(t, await funderSession('admin'), 'asll-maintien');
    const officer = await funderSession('funder_officer');
    const measureAt: Fixture['measureAt'] = async (status) => {
      const base = `/api/households/${householdId}/measures`;
      let m = await ok(
        await as(owner, 'POST', base, {
          schemeId: scheme.id,
          operatorOrganisationId: partyOrgs.get('association')!,
          briques: ['2.4'],
        }),
        'mesure',
      );
      if (status === 'proposed') return m;
      m = await ok(
        await as(owner, 'POST', `${base}/${m.id}/prescribe`, {
          rowVersion: m.rowVersion,
          prescribedOn: TODAY,
        }),
        'prescription',
      );
      m = await ok(
        await as(officer, 'POST', `/api/funder/measures/${m.id}/decision`, {
          rowVersion: m.rowVersion,
          outcome: 'validated',
          decidedOn: TODAY,
        }),
        'validation',
      );
      if (status === 'validated') return m;
      return ok(
        await as(owner, 'POST', `${base}/${m.id}/start`, { rowVersion: m.rowVersion, startOn: TODAY }),
        'début',
      );
    };

    const watchedHousehold = async () => {
      const id = await sharedHousehold(false);
      const base = `/api/households/${id}/measures`;
      let m = await ok(
        await as(owner, 'POST', base, {
          schemeId: scheme.id,
          operatorOrganisationId: partyOrgs.get('association')!,
          briques: ['2.4'],
        }),
        'mesure',
      );
      m = await ok(
        await as(owner, 'POST', `${base}/${m.id}/prescribe`, {
          rowVersion: m.rowVersion,
          prescribedOn: TODAY,
        }),
        'prescription',
      );
      m = await ok(
        await as(officer, 'POST', `/api/funder/measures/${m.id}/decision`, {
          rowVersion: m.rowVersion,
          outcome: 'validated',
          decidedOn: TODAY,
        }),
        'validation',
      );
      m = await ok(
        await as(owner, 'POST', `${base}/${m.id}/start`, {
          rowVersion: m.rowVersion,
          startOn: dayBefore(60),
        }),
        'début',
      );
      await ok(
        await as(owner, 'POST', `${base}/${m.id}/end`, {
          rowVersion: m.rowVersion,
          endedOn: dayBefore(10),
          endReason: 'objectives_reached',
          orientation: 'watch',
          watchMonths: 24,
        }),
        'fin avec veille',
      );
      return id;
    };
    const incidentOn = async (id: string) =>
      ok(
        await as(owner, 'POST', `/api/households/${id}/watch-incidents`, {
          kind: 'neighbourhood_trouble',
          occurredOn: dayBefore(5),
          note: 'Plaintes des voisins',
        }),
        'incident',
      );
    const watched = await watchedHousehold();
    await incidentOn(watched);

    const landlordId = partyOrgs.get('landlord')!;
    const landlordStaff = await sessionFor(
      t.deps,
      (await makeUser(t.deps.db, { organisationId: landlordId, roles: ['landlord_social_advisor'] })).id,
      landlordId,
    );
    const contractAt = async (status: 'draft' | 'ready' | 'in_force', title?: string) => {
      const m = await measureAt('active');
      const url = `/api/households/${householdId}/measures/${m.id}/contract`;
      let c = (await ok(await as(owner, 'POST', url), 'contrat')).contract;
      if (status !== 'draft')
        c = (await ok(await as(owner, 'PUT', url, contractEdit(c.rowVersion, title)), 'brouillon')).contract;
      if (status === 'in_force') {
        c = (
          await ok(
            await as(owner, 'POST', `${url}/household-signature`, {
              rowVersion: c.rowVersion,
              method: 'typed',
              typedName: 'Hélène Marchetti',
            }),
            'signature du ménage',
          )
        ).contract;
        for (const partner of [owner, landlordStaff])
          c = (
            await ok(
              await as(partner, 'POST', `${url}/partner-signature`, { rowVersion: c.rowVersion }),
              'signature',
            )
          ).contract;
      }
      return { measureId: m.id, rowVersion: c.rowVersion as number };
    };
    const sharedContract = await contractAt('ready', 'Reprendre le suivi SECRET-HEALTH');

    fx = {
      t,
      owner,
      journalEntryId: sharedEntry.id,
      journalEntry: () => journalEntry(),
      contractAt,
      sharedContract,
      landlordStaff,
      ownerUserId: userIds.get(ownerSubject)!,
      schemeId: scheme.id,
      watched,
      watchedHousehold,
      incidentOn,
      measureAt,
      sharedDiagnosticId: shared.id,
      draftDiagnosticId: draft.id,
      diagnosticAt: async (status) => {
        const id = await sharedHousehold(false);
        return status === 'none' ? { householdId: id, id: '', rowVersion: 0 } : diagnosticOn(id, status);
      },
      partyOrgs,
      householdId,
      landlordDocId,
      freshHousehold: () => sharedHousehold(false),
      as,
      file: async (id = householdId) => (await as(owner, 'GET', `/api/households/${id}`)).json(),
      next: () => ++counter,
    };
  }, 60_000);
  afterAll(() => t.close());

  it('drives every household-scoped route, and only those', () => {
    const declared = HOUSEHOLD_SCOPED.map(key).sort();
    expect(declared.filter((k) => !DRIVERS[k])).toEqual([]);
    expect(Object.keys(DRIVERS).filter((k) => !declared.includes(k))).toEqual([]);
  });

  /** What a household's audit trail and row say, to tell that a refused call left nothing. */
  const trace = async (householdId: string, since: number) => {
    const [entries] = await t.deps.db
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.householdId, householdId), gt(auditLog.id, since)));
    const [row] = await t.deps.db
      .select({ version: households.version, updatedAt: households.updatedAt })
      .from(households)
      .where(eq(households.id, householdId));
    return { entries: entries!.n, version: row!.version, updatedAt: row!.updatedAt.toISOString() };
  };
  const lastAuditId = async () =>
    (await t.deps.db.select({ id: auditLog.id }).from(auditLog).orderBy(auditLog.id)).at(-1)?.id ?? 0;

  const CASES = HOUSEHOLD_SCOPED.flatMap((route) =>
    SUBJECTS.map((subject) => ({
      name: `${key(route)} — ${subject.label} (${subject.party ? 'partie' : 'hors dossier'}) → ${expectedStatus(route, subject.level)}`,
      route,
      subject,
    })),
  );

  it.each(CASES)('$name', async ({ route, subject }) => {
    const driver = DRIVERS[key(route)];
    if (!driver) throw new Error(`Aucun pilote pour ${key(route)}`);
    const session = sessions.get(subject)!;
    const call = await driver.call(fx, session, subject.level);
    const householdId = call.householdId ?? call.params.id!;
    const since = await lastAuditId();
    const before = await trace(householdId, since);

    const url =
      routePath(route, call.params) +
      (call.query
        ? `?${new URLSearchParams(Object.entries(call.query).map(([k, v]) => [k, String(v)]))}`
        : '');
    const form = call.upload ? multipart(call.upload) : null;
    const res = await t.app.inject({
      method: route.method,
      url,
      headers: { ...session.headers, ...(form?.headers ?? {}) },
      ...(form ? { payload: form.payload } : call.body ? { payload: call.body } : {}),
    });
    const expected = driver.refuses?.(subject) ? 403 : expectedStatus(route, subject.level);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(expected);
    const after = await trace(householdId, since);
    await driver.after?.(fx, call, res);

    if (expected >= 400) {
      expect(res.json().error.code).toBe(expected === 404 ? 'NOT_FOUND' : 'FORBIDDEN');
      // A refusal reveals nothing and leaves nothing: no change, no entry in the file's trail.
      expect(after).toEqual(before);
      for (const marker of [...CASEWORKER_ONLY, ...SHARED]) expect(res.body).not.toContain(marker);
      return;
    }
    // Every read of the file and every change to it is in the audit log.
    expect(after.entries).toBeGreaterThan(0);
    for (const marker of HIDDEN_MARKERS[subject.level]) expect(res.body).not.toContain(marker);
    if (res.headers['content-type']?.toString().startsWith('application/json')) {
      for (const k of driver.absentKeys?.[subject.level] ?? []) expect(res.json()).not.toHaveProperty(k);
    }
  });

  it('gives the caseworker the whole file, and the summary levels what they cover', async () => {
    const read = (subject: Subject) =>
      fx.as(sessions.get(subject)!, 'GET', `/api/households/${fx.householdId}`).then((r) => r.json());
    const at = (level: Level) => SUBJECTS.find((s) => s.party && s.level === level)!;
    expect(await read(at('caseworker'))).toMatchObject({
      healthNotes: 'SECRET-HEALTH',
      accessLevel: 'caseworker',
    });
    expect(await read(at('party'))).toMatchObject({ shelterName: 'SHARED-SHELTER', accessLevel: 'party' });
    const notes = await fx.as(
      sessions.get(at('landlord_summary'))!,
      'GET',
      `/api/households/${fx.householdId}/notes`,
    );
    expect(notes.body).toContain('LANDLORD-NOTE');
    expect(notes.body).not.toMatch(/SECRET-NOTE|SHARED-NOTE/);
  });

  it('answers a confidential document to a partner as an unknown one', async () => {
    const docs = (await fx.as(fx.owner, 'GET', `/api/households/${fx.householdId}/documents`)).json()
      .items as {
      id: string;
      fileName: string;
    }[];
    const secret = docs.find((d) => d.fileName === 'secret-doc.txt')!;
    for (const subject of SUBJECTS.filter(
      (s) => s.party && (s.level === 'party' || s.level === 'landlord_summary'),
    )) {
      const res = await fx.as(
        sessions.get(subject)!,
        'GET',
        `/api/households/${fx.householdId}/documents/${secret.id}/content`,
      );
      expect(res.statusCode).toBe(404);
    }
  });

  it('refuses a caseworker-only field from a partner who may edit the shared file', async () => {
    const siao = sessions.get(SUBJECTS.find((s) => s.party && s.level === 'party')!)!;
    const own = (await fx.as(siao, 'GET', `/api/households/${fx.householdId}`)).json();
    const refused = await fx.as(siao, 'PUT', `/api/households/${fx.householdId}`, {
      ...toUpdateBody(own),
      healthNotes: 'Réécrit par le SIAO',
    });
    expect(refused.statusCode).toBe(403);
    const saved = await fx.as(siao, 'PUT', `/api/households/${fx.householdId}`, {
      ...toUpdateBody(own),
      phone: '05 55 55 55 55',
    });
    expect(saved.statusCode).toBe(200);
    expect(await fx.file()).toMatchObject({ phone: '05 55 55 55 55', healthNotes: 'SECRET-HEALTH' });
  });

  it('lists the file to its parties only', async () => {
    for (const subject of SUBJECTS) {
      const res = await fx.as(sessions.get(subject)!, 'GET', '/api/households?q=Marchetti');
      const ids = res.statusCode === 200 ? res.json().items.map((i: { id: string }) => i.id) : [];
      if (subject.level === 'none') expect(ids).not.toContain(fx.householdId);
      else expect(ids).toContain(fx.householdId);
    }
  });

  it('shows each reader only the history entries of its level', async () => {
    const landlord = sessions.get(SUBJECTS.find((s) => s.party && s.level === 'landlord_summary')!)!;
    const history = (await fx.as(landlord, 'GET', `/api/households/${fx.householdId}/history`)).json();
    const fields = history.items.flatMap((v: { changes: { field: string }[] }) =>
      v.changes.map((c) => c.field),
    );
    expect(fields.length).toBeGreaterThan(0);
    expect(fields.filter((f: string) => /^(healthNotes|resources|shelterName|debts)/.test(f))).toEqual([]);
  });
});

/**
 * Referrals reach a household through the referral: the referral policy decides (the side of the
 * actor's organisation and its roles), not the file's parties. Every referral-scoped route is called
 * by each role on each side — and by organisations on neither — and must answer what the policy
 * says: the route's own status, 403 to someone who may read the referral but not act, 404 to anyone
 * else; a refusal leaves the referral and the trail unchanged.
 */
describe('referral access matrix, from the route contracts and the referral policy', () => {
  interface ReferralSubject {
    label: string;
    side: 'sender' | 'receiver' | 'elsewhere';
    orgType: OrganisationType;
    roles: Role[];
  }
  const REFERRAL_SUBJECTS: ReferralSubject[] = [
    {
      label: 'conseiller social du bailleur émetteur',
      side: 'sender',
      orgType: 'landlord',
      roles: ['landlord_social_advisor'],
    },
    {
      label: 'gestionnaire locatif du bailleur émetteur',
      side: 'sender',
      orgType: 'landlord',
      roles: ['landlord_rental_manager'],
    },
    { label: 'administrateur du bailleur émetteur', side: 'sender', orgType: 'landlord', roles: ['admin'] },
    { label: 'référent désigné', side: 'receiver', orgType: 'association', roles: ['caseworker'] },
    {
      label: 'autre travailleur social du destinataire',
      side: 'receiver',
      orgType: 'association',
      roles: ['caseworker'],
    },
    {
      label: 'chef de service du destinataire',
      side: 'receiver',
      orgType: 'association',
      roles: ['team_manager'],
    },
    { label: 'auditeur du destinataire', side: 'receiver', orgType: 'association', roles: ['auditor'] },
    { label: 'administrateur du destinataire', side: 'receiver', orgType: 'association', roles: ['admin'] },
    {
      label: 'travailleur social d’une autre association',
      side: 'elsewhere',
      orgType: 'association',
      roles: ['caseworker'],
    },
    { label: 'travailleur social du SIAO', side: 'elsewhere', orgType: 'siao', roles: ['caseworker'] },
    { label: 'travailleur social de la CCAPEX', side: 'elsewhere', orgType: 'ccapex', roles: ['caseworker'] },
    { label: 'chargé de mission financeur', side: 'elsewhere', orgType: 'funder', roles: ['funder_officer'] },
  ];
  const ASSIGNED = REFERRAL_SUBJECTS[3]!;
  const SENDER = REFERRAL_SUBJECTS[0]!;
  const DECIDER = REFERRAL_SUBJECTS[5]!;

  const ROUTES = ALL_ROUTES.filter(
    (r): r is RouteContract & { household: ReferralScope } => r.household?.via === 'referral',
  );

  let t: TestApp;
  const people = new Map<ReferralSubject, { userId: string; organisationId: string; session: TestSession }>();
  let otherAssociationId: string;

  beforeAll(async () => {
    t = await createTestApp();
    t.setNow(NOW);
    const orgs = {
      sender: (await makeOrganisation(t.deps.db, 'landlord')).id,
      receiver: (await makeOrganisation(t.deps.db, 'association')).id,
    };
    const elsewhere = new Map<OrganisationType, string>();
    for (const subject of REFERRAL_SUBJECTS) {
      const organisationId =
        subject.side === 'elsewhere'
          ? (elsewhere.get(subject.orgType) ??
            elsewhere
              .set(subject.orgType, (await makeOrganisation(t.deps.db, subject.orgType)).id)
              .get(subject.orgType)!)
          : orgs[subject.side];
      const user = await makeUser(t.deps.db, { organisationId, roles: subject.roles });
      people.set(subject, {
        userId: user.id,
        organisationId,
        session: await sessionFor(t.deps, user.id, organisationId),
      });
    }
    otherAssociationId = elsewhere.get('association')!;
  }, 60_000);
  afterAll(() => t.close());

  const as = (subject: ReferralSubject, method: string, url: string, payload?: object) =>
    t.app.inject({
      method: method as 'POST',
      url,
      headers: people.get(subject)!.session.headers,
      ...(payload ? { payload } : {}),
    });

  /** A maintenance referral from the landlord to the association, taken to the status the action needs. */
  async function referralFor(action: ReferralScope['referral']) {
    const created = await ok(
      await as(SENDER, 'POST', '/api/referrals', maintenanceReferral(people.get(ASSIGNED)!.organisationId)),
      'saisine',
    );
    let version = 1;
    if (action === 'log_contact' || action === 'record_first_interview' || action === 'read') {
      const accepted = await ok(
        await as(DECIDER, 'POST', `/api/referrals/${created.id}/accept`, {
          caseworkerUserId: people.get(ASSIGNED)!.userId,
          version,
        }),
        'acceptation',
      );
      version = accepted.version;
    }
    const [row] = await t.deps.db.select().from(referrals).where(eq(referrals.id, created.id));
    return { row: row!, version };
  }

  const BODIES: Record<ReferralScope['referral'], (version: number) => object | undefined> = {
    read: () => undefined,
    accept: (version) => ({ caseworkerUserId: people.get(ASSIGNED)!.userId, version }),
    decline: (version) => ({ reason: 'Hors de notre secteur d’intervention.', version }),
    redirect: (version) => ({
      toOrganisationId: otherAssociationId,
      reason: 'Association du quartier.',
      version,
    }),
    log_contact: () => ({ method: 'phone', outcome: 'no_answer', attemptedAt: NOW.toISOString() }),
    record_first_interview: (version) => ({ at: NOW.toISOString(), version }),
  };

  const CASES = ROUTES.flatMap((route) =>
    REFERRAL_SUBJECTS.map((subject) => ({ name: `${key(route)} — ${subject.label}`, route, subject })),
  );

  it('covers the reading and every action of a referral', () => {
    expect(ROUTES.map((r) => r.household.referral).sort()).toEqual(
      ['read', 'read', ...Object.keys(ACTION_FROM_STATUSES)].sort(),
    );
  });

  it.each(CASES)('$name', async ({ route, subject }) => {
    const action = route.household.referral;
    const { row, version } = await referralFor(action);
    const person = people.get(subject)!;
    const actor = { ...person, organisationType: subject.orgType, roles: subject.roles };
    const expected = !canReadReferral(actor, row)
      ? 404
      : action !== 'read' && !mayActOnReferral(actor, row, action)
        ? 403
        : route.response === null
          ? 204
          : (route.status ?? 200);
    const entries = async () =>
      (
        await t.deps.db.select({ n: count() }).from(auditLog).where(eq(auditLog.householdId, row.householdId))
      )[0]!.n;
    const before = { entries: await entries(), version: row.version };

    const res = await as(subject, route.method, routePath(route, { id: row.id }), BODIES[action](version));
    expect(res.statusCode, res.body.slice(0, 300)).toBe(expected);
    const [now] = await t.deps.db.select().from(referrals).where(eq(referrals.id, row.id));
    if (expected >= 400) {
      expect(res.json().error.code).toBe(expected === 404 ? 'NOT_FOUND' : 'FORBIDDEN');
      expect({ entries: await entries(), version: now!.version }).toEqual(before);
    } else {
      expect(await entries()).toBeGreaterThan(before.entries);
    }
  });
});

/**
 * Drop-in sessions belong to no household until a visit becomes a file: the permanence policy decides,
 * with the organisation. Every permanence route is called by each role of the organisation that holds
 * the permanence and of another one, and must answer what the policy says: 403 with its French reason
 * to a role it refuses, 404 to another organisation's people for a slot or a visit they name (the
 * same as an unknown one), the route's own handling otherwise; a refusal writes no audit entry, and
 * another organisation's answers never carry the visit.
 */
describe('permanence access matrix, from the route contracts and the permanence policy', () => {
  type Ids = { slotId: string; visitId: string };
  interface Driver {
    /** Checked before the slot or visit is looked up (what another organisation is refused with). */
    gate: PermanenceAction;
    /** The whole right, on the slot when the route names one. */
    action: PermanenceAction;
    /** Whether the route names a slot or a visit of the organisation (404 elsewhere). */
    scoped: boolean;
    url: (ids: Ids) => string;
    body?: (ids: Ids) => object;
  }
  const VISIT = {
    occurredAt: '2026-03-10T09:30:00+01:00',
    durationMinutes: 30,
    consent: 'given',
    firstName: 'Nadia',
    phone: '06 11 22 33 44',
  };
  const SLOT = {
    place: 'Permanence de la Brenne',
    weekday: 2,
    startTime: '09:00',
    endTime: '12:00',
    everyWeeks: 1,
    fromDate: '2026-03-01',
  };
  const { basis: _basis, ...FILE } = sampleHousehold();
  const DRIVERS: Record<keyof typeof PERMANENCE_ROUTES, Driver> = {
    slots: { gate: 'read_slots', action: 'read_slots', scoped: false, url: () => '/api/permanences/slots' },
    options: {
      gate: 'read_slots',
      action: 'read_slots',
      scoped: false,
      url: () => '/api/permanences/options',
    },
    createSlot: {
      gate: 'manage_slots',
      action: 'manage_slots',
      scoped: false,
      url: () => '/api/permanences/slots',
      // No staff: refused by the rules once the policy lets it through.
      body: () => ({ ...SLOT, staffUserIds: [] }),
    },
    updateSlot: {
      gate: 'manage_slots',
      action: 'manage_slots',
      scoped: true,
      url: (ids) => `/api/permanences/slots/${ids.slotId}`,
      body: () => ({ ...SLOT, staffUserIds: [], rowVersion: 99 }),
    },
    closeSlot: {
      gate: 'manage_slots',
      action: 'manage_slots',
      scoped: true,
      url: (ids) => `/api/permanences/slots/${ids.slotId}/close`,
      body: () => ({ rowVersion: 99 }),
    },
    week: {
      gate: 'read_visits',
      action: 'read_visits',
      scoped: false,
      url: () => `/api/permanences/week?date=${TODAY}`,
    },
    recordVisit: {
      gate: 'read_visits',
      action: 'record_visit',
      scoped: true,
      url: () => '/api/permanences/visits',
      body: (ids) => ({ ...VISIT, slotId: ids.slotId }),
    },
    visit: {
      gate: 'read_visits',
      action: 'read_visits',
      scoped: true,
      url: (ids) => `/api/permanences/visits/${ids.visitId}`,
    },
    updateVisit: {
      gate: 'read_visits',
      action: 'record_visit',
      scoped: true,
      url: (ids) => `/api/permanences/visits/${ids.visitId}`,
      body: () => ({ ...VISIT, rowVersion: 99 }),
    },
    convertVisit: {
      gate: 'convert_visit',
      action: 'convert_visit',
      scoped: true,
      url: (ids) => `/api/permanences/visits/${ids.visitId}/convert`,
      body: () => ({
        to: 'household',
        rowVersion: 99,
        file: FILE,
        consent: { purpose: 'support', validFrom: TODAY, method: 'signed_form' },
      }),
    },
  };

  let t: TestApp;
  let ids: Ids;
  let staffUserId: string;
  const sessions = new Map<string, TestSession>();

  beforeAll(async () => {
    t = await createTestApp();
    t.setNow(NOW);
    const own = await makeOrganisation(t.deps.db, 'association');
    const other = await makeOrganisation(t.deps.db, 'association');
    for (const role of ROLE_LIST)
      for (const [side, org] of [
        ['own', own.id],
        ['other', other.id],
      ] as const) {
        const user = await makeUser(t.deps.db, { organisationId: org, roles: [role] });
        sessions.set(`${side}:${role}`, await sessionFor(t.deps, user.id, org));
      }
    const staff = await makeUser(t.deps.db, { organisationId: own.id, roles: ['caseworker'] });
    staffUserId = staff.id;
    const staffSession = await sessionFor(t.deps, staff.id, own.id);
    const slot = await ok(
      await t.app.inject({
        method: 'POST',
        url: '/api/permanences/slots',
        headers: sessions.get('own:team_manager')!.headers,
        payload: { ...SLOT, staffUserIds: [staffUserId] },
      }),
      'permanence',
    );
    const visit = await ok(
      await t.app.inject({
        method: 'POST',
        url: '/api/permanences/visits',
        headers: staffSession.headers,
        payload: { ...VISIT, slotId: slot.id },
      }),
      'passage',
    );
    ids = { slotId: slot.id, visitId: visit.id };
  }, 60_000);
  afterAll(() => t.close());

  it('drives every permanence route', () => {
    expect(Object.keys(DRIVERS).sort()).toEqual(Object.keys(PERMANENCE_ROUTES).sort());
  });

  const CASES = Object.entries(DRIVERS).flatMap(([name, driver]) =>
    ROLE_LIST.flatMap((role) =>
      (['own', 'other'] as const).map((side) => ({
        name: `${name} — ${role} (${side})`,
        name_: name,
        driver,
        role,
        side,
      })),
    ),
  );

  it.each(CASES)('$name', async ({ name_, driver, role, side }) => {
    const route = PERMANENCE_ROUTES[name_ as keyof typeof PERMANENCE_ROUTES];
    const actor = { userId: 'not-staff', roles: [role] };
    const refusal =
      side === 'own'
        ? permanenceRefusal(actor, driver.action, { staffUserIds: [staffUserId] })
        : permanenceRefusal(actor, driver.gate);
    const expected = refusal ? 403 : side === 'other' && driver.scoped ? 404 : 'handled';
    const entries = async () => (await t.deps.db.select({ n: count() }).from(auditLog))[0]!.n;
    const before = await entries();
    const res = await t.app.inject({
      method: route.method,
      url: driver.url(ids),
      headers: sessions.get(`${side}:${role}`)!.headers,
      ...(driver.body ? { payload: driver.body(ids) } : {}),
    });
    if (expected === 'handled') {
      expect(res.statusCode, res.body.slice(0, 300)).not.toBe(403);
      expect(res.statusCode, res.body.slice(0, 300)).not.toBe(404);
      expect(res.statusCode).toBeLessThan(500);
    } else {
      expect(res.statusCode, res.body.slice(0, 300)).toBe(expected);
      if (expected === 403) expect(res.json().error.message).toBe(refusal);
      expect(await entries()).toBe(before);
    }
    if (side === 'other') expect(res.body).not.toContain('Nadia');
  });
});

/**
 * A landlord's stock and its imports belong to no household: the dwelling policy decides, with the
 * organisation. Every dwelling and import route is called by each role of the landlord that owns the
 * stock, of another landlord and of an association, and must answer what the policy says: 403 with its
 * French reason to a role or an organisation it refuses, 404 to another landlord's staff for a dwelling
 * or an import they name (the same as an unknown one), the route's own handling otherwise; a refusal
 * writes no audit entry, and another landlord's answers never carry the dwelling's address.
 */
describe('dwelling access matrix, from the route contracts and the dwelling policy', () => {
  type Ids = { dwellingId: string; runId: string; communeId: string };
  interface Driver {
    action: DwellingAction;
    /** Whether the route names a dwelling or an import of the landlord (404 elsewhere). */
    scoped: boolean;
    url: (ids: Ids) => string;
    body?: (ids: Ids) => object;
    upload?: true;
  }
  const ADDRESS = '17 rue du Matrice';
  const dwellingBody = (ids: Ids) => ({ address: ADDRESS, communeId: ids.communeId });
  const DRIVERS: Record<string, Driver & { route: RouteContract }> = {
    list: { route: DWELLING_ROUTES.list, action: 'read_stock', scoped: false, url: () => '/api/dwellings' },
    options: {
      route: DWELLING_ROUTES.options,
      action: 'read_stock',
      scoped: false,
      url: () => '/api/dwellings/options',
    },
    get: {
      route: DWELLING_ROUTES.get,
      action: 'read_stock',
      scoped: true,
      url: (ids) => `/api/dwellings/${ids.dwellingId}`,
    },
    create: {
      route: DWELLING_ROUTES.create,
      action: 'manage_stock',
      scoped: false,
      url: () => '/api/dwellings',
      body: dwellingBody,
    },
    update: {
      route: DWELLING_ROUTES.update,
      action: 'manage_stock',
      scoped: true,
      url: (ids) => `/api/dwellings/${ids.dwellingId}`,
      body: dwellingBody,
    },
    addRent: {
      route: DWELLING_ROUTES.addRent,
      action: 'manage_stock',
      scoped: true,
      url: (ids) => `/api/dwellings/${ids.dwellingId}/rents`,
      body: () => ({ effectiveFrom: TODAY, monthlyRentCents: 40_000, monthlyChargesCents: 5_000 }),
    },
    changeStatus: {
      route: DWELLING_ROUTES.changeStatus,
      action: 'manage_stock',
      scoped: true,
      url: (ids) => `/api/dwellings/${ids.dwellingId}/status`,
      body: () => ({ status: 'works' }),
    },
    imports: {
      route: STOCK_IMPORT_ROUTES.list,
      action: 'read_stock',
      scoped: false,
      url: () => '/api/stock-imports',
    },
    upload: {
      route: STOCK_IMPORT_ROUTES.upload,
      action: 'import_stock',
      scoped: false,
      url: () => '/api/stock-imports',
      upload: true,
    },
    run: {
      route: STOCK_IMPORT_ROUTES.get,
      action: 'import_stock',
      scoped: true,
      url: (ids) => `/api/stock-imports/${ids.runId}`,
    },
    map: {
      route: STOCK_IMPORT_ROUTES.map,
      action: 'import_stock',
      scoped: true,
      url: (ids) => `/api/stock-imports/${ids.runId}/mapping`,
      body: () => ({ mapping: { reference: 'Réf', address: 'Adresse', commune: 'Commune' } }),
    },
    check: {
      route: STOCK_IMPORT_ROUTES.check,
      action: 'import_stock',
      scoped: true,
      url: (ids) => `/api/stock-imports/${ids.runId}/check`,
    },
    apply: {
      route: STOCK_IMPORT_ROUTES.apply,
      action: 'import_stock',
      scoped: true,
      url: (ids) => `/api/stock-imports/${ids.runId}/apply`,
    },
    threshold: {
      route: STOCK_IMPORT_ROUTES.threshold,
      action: 'import_stock',
      scoped: false,
      url: () => '/api/stock-imports/arrears/threshold',
    },
    setThreshold: {
      route: STOCK_IMPORT_ROUTES.setThreshold,
      action: 'import_stock',
      scoped: false,
      url: () => '/api/stock-imports/arrears/threshold',
      body: () => ({ months: 3, amountCents: null }),
    },
    flagged: {
      route: STOCK_IMPORT_ROUTES.flagged,
      action: 'import_stock',
      scoped: false,
      url: () => '/api/stock-imports/arrears/flagged',
    },
  };
  const SIDES = [
    ['own', 'landlord'],
    ['other', 'landlord'],
    ['association', 'association'],
  ] as const;
  const CSV = 'Réf;Adresse;Commune\nM-1;1 rue Haute;VB-M1\n';

  let t: TestApp;
  let ids: Ids;
  const sessions = new Map<string, TestSession>();
  const orgIds = new Map<string, string>();

  beforeAll(async () => {
    t = await createTestApp();
    t.setNow(NOW);
    for (const [side, type] of SIDES) {
      const org = await makeOrganisation(t.deps.db, type);
      orgIds.set(side, org.id);
      for (const role of ROLE_LIST) {
        const user = await makeUser(t.deps.db, { organisationId: org.id, roles: [role] });
        sessions.set(`${side}:${role}`, await sessionFor(t.deps, user.id, org.id));
      }
    }
    const [commune] = await t.deps.db
      .insert(territories)
      .values({ kind: 'commune', code: 'VB-M1', name: 'Matrice-sur-Brenne' })
      .returning();
    const manager = sessions.get('own:landlord_rental_manager')!;
    const dwelling = await ok(
      await t.app.inject({
        method: 'POST',
        url: '/api/dwellings',
        headers: manager.headers,
        payload: { address: ADDRESS, communeId: commune!.id, reference: 'M-0' },
      }),
      'logement',
    );
    const form = multipartForm({ kind: 'stock' }, { name: 'parc.csv', type: 'text/csv', content: CSV });
    const run = await ok(
      await t.app.inject({
        method: 'POST',
        url: '/api/stock-imports',
        headers: { ...manager.headers, ...form.headers },
        payload: form.payload,
      }),
      'import',
    );
    ids = { dwellingId: dwelling.id, runId: run.id, communeId: commune!.id };
  }, 60_000);
  afterAll(() => t.close());

  it('drives every dwelling and import route', () => {
    expect(
      Object.values(DRIVERS)
        .map((d) => key(d.route))
        .sort(),
    ).toEqual([...Object.values(DWELLING_ROUTES), ...Object.values(STOCK_IMPORT_ROUTES)].map(key).sort());
  });

  const CASES = Object.entries(DRIVERS).flatMap(([name, driver]) =>
    ROLE_LIST.flatMap((role) =>
      SIDES.map(([side, type]) => ({ name: `${name} — ${role} (${side})`, driver, role, side, type })),
    ),
  );

  it.each(CASES)('$name', async ({ driver, role, side, type }) => {
    const refusal = dwellingRefusal(
      { organisationId: orgIds.get(side)!, organisationType: type, roles: [role] },
      driver.action,
    );
    const expected = refusal ? 403 : side !== 'own' && driver.scoped ? 404 : 'handled';
    const entries = async () => (await t.deps.db.select({ n: count() }).from(auditLog))[0]!.n;
    const before = await entries();
    const headers = sessions.get(`${side}:${role}`)!.headers;
    const form = driver.upload
      ? multipartForm({ kind: 'stock' }, { name: 'parc.csv', type: 'text/csv', content: CSV })
      : null;
    const res = await t.app.inject({
      method: driver.route.method,
      url: driver.url(ids),
      headers: form ? { ...headers, ...form.headers } : headers,
      ...(form ? { payload: form.payload } : driver.body ? { payload: driver.body(ids) } : {}),
    });
    if (expected === 'handled') {
      expect(res.statusCode, res.body.slice(0, 300)).not.toBe(403);
      expect(res.statusCode, res.body.slice(0, 300)).not.toBe(404);
      expect(res.statusCode).toBeLessThan(500);
    } else {
      expect(res.statusCode, res.body.slice(0, 300)).toBe(expected);
      if (expected === 403) expect(res.json().error.message).toBe(refusal);
      expect(await entries()).toBe(before);
    }
    if (side !== 'own' && driver.scoped) expect(res.body).not.toContain(ADDRESS);
  });
});

/**
 * Occupancy contracts and their rent accounts reach a household through the contract: the lease
 * policy decides, by the organisation's place in the contract (lessor, association holding the
 * lease) and whether the actor reads the household's file. Every contract-scoped route is called by
 * each role of the lessor, of the association, of a party to the file elsewhere and of an
 * organisation with no part, on a direct lease and on a bail glissant, and must answer what the
 * policy says: 404 to whoever may not read the contract, 403 with the policy's reason below the
 * action, the route's own status otherwise; a refusal writes no audit entry.
 */
describe('contract access matrix, from the route contracts and the lease policy', () => {
  interface ContractSubject {
    label: string;
    side: 'lessor' | 'association' | 'file_party' | 'elsewhere';
    orgType: OrganisationType;
    roles: Role[];
  }
  const CONTRACT_SUBJECTS: ContractSubject[] = [
    {
      label: 'gestionnaire locatif du bailleur',
      side: 'lessor',
      orgType: 'landlord',
      roles: ['landlord_rental_manager'],
    },
    {
      label: 'conseiller social du bailleur',
      side: 'lessor',
      orgType: 'landlord',
      roles: ['landlord_social_advisor'],
    },
    { label: 'administrateur du bailleur', side: 'lessor', orgType: 'landlord', roles: ['admin'] },
    { label: 'auditeur du bailleur', side: 'lessor', orgType: 'landlord', roles: ['auditor'] },
    {
      label: 'travailleur social de l’association',
      side: 'association',
      orgType: 'association',
      roles: ['caseworker'],
    },
    {
      label: 'chef de service de l’association',
      side: 'association',
      orgType: 'association',
      roles: ['team_manager'],
    },
    {
      label: 'administrateur de l’association',
      side: 'association',
      orgType: 'association',
      roles: ['admin'],
    },
    { label: 'auditeur de l’association', side: 'association', orgType: 'association', roles: ['auditor'] },
    {
      label: 'travailleur social de la CCAPEX partie au dossier',
      side: 'file_party',
      orgType: 'ccapex',
      roles: ['caseworker'],
    },
    {
      label: 'travailleur social d’une autre association',
      side: 'elsewhere',
      orgType: 'association',
      roles: ['caseworker'],
    },
  ];
  const ROUTES = ALL_ROUTES.filter(
    (r): r is RouteContract & { household: ContractScope } => r.household?.via === 'contract',
  );
  type Ids = { contractId: string; planId: string; postingId: string };
  const BODIES: Record<keyof typeof RENT_ACCOUNT_ROUTES, { query?: string; body?: (ids: Ids) => object }> = {
    account: {},
    postings: { query: '?kind=aid_credit' },
    statement: { query: '?from=2026-01-01&to=2026-03-31' },
    open: { body: () => ({ on: '2026-01-01' }) },
    calls: { body: () => ({ month: '2026-02' }) },
    payment: { body: () => ({ on: '2026-03-01', amountCents: 1_000, method: 'cash' }) },
    entry: { body: () => ({ on: '2026-03-01', kind: 'procedure_costs', amountCents: 1_000 }) },
    counterEntry: { body: (ids) => ({ on: '2026-03-01', reversesPostingId: ids.postingId }) },
    close: { body: () => ({ on: '2026-03-09' }) },
    createPlan: { body: () => ({ debtCents: 1_000, instalmentCount: 2, startMonth: '2026-04' }) },
    renegotiatePlan: { body: () => ({ debtCents: 1_000, instalmentCount: 2, startMonth: '2026-04' }) },
    checkPlans: {},
  };
  const KINDS: OccupancyKind[] = ['direct_lease', 'bail_glissant'];

  let t: TestApp;
  const people = new Map<ContractSubject, { organisationId: string; session: TestSession }>();
  let orgs: Record<ContractSubject['side'], string>;
  let householdId: string;

  beforeAll(async () => {
    t = await createTestApp();
    t.setNow(NOW);
    orgs = {
      lessor: (await makeOrganisation(t.deps.db, 'landlord')).id,
      association: (await makeOrganisation(t.deps.db, 'association')).id,
      file_party: (await makeOrganisation(t.deps.db, 'ccapex')).id,
      elsewhere: (await makeOrganisation(t.deps.db, 'association')).id,
    };
    for (const subject of CONTRACT_SUBJECTS) {
      const organisationId = orgs[subject.side];
      const user = await makeUser(t.deps.db, { organisationId, roles: subject.roles });
      people.set(subject, { organisationId, session: await sessionFor(t.deps, user.id, organisationId) });
    }
    const opener = people.get(CONTRACT_SUBJECTS[4]!)!.session;
    householdId = await createHouseholdAs(t, opener);
    await consentToLandlord(t, opener, householdId, orgs.file_party);
    await consentToLandlord(t, opener, householdId, orgs.lessor);
  }, 60_000);
  afterAll(() => t.close());

  // The contract's own routes beyond its account: attaching it to a file (a contract without one, to
  // the household's file, which the subject reads or not), detaching it, a referral's prefill.
  const CONTRACT_ROUTES: Record<string, { kind: 'link' | 'unlink' | 'prefill'; body?: object }> = {
    [key(LEASE_ROUTES.linkHousehold)]: { kind: 'link' },
    [key(LEASE_ROUTES.unlinkHousehold)]: {
      kind: 'unlink',
      body: { reason: 'Rattaché au mauvais dossier', rowVersion: 1 },
    },
    [key(EVICTION_PREVENTION_ROUTES.referralPrefill)]: { kind: 'prefill' },
  };

  it('covers every rent-account route and the contract’s own', () => {
    expect(ROUTES.map(key).sort()).toEqual(
      [...Object.values(RENT_ACCOUNT_ROUTES).map(key), ...Object.keys(CONTRACT_ROUTES)].sort(),
    );
  });

  const CASES = ROUTES.flatMap((route) =>
    KINDS.flatMap((kind) =>
      CONTRACT_SUBJECTS.map((subject) => ({
        name: `${subject.label} — ${kind} — ${route.method} ${route.path.slice(32)}`,
        route,
        kind,
        subject,
      })),
    ),
  );

  it.each(CASES)('$name', async ({ route, kind, subject }) => {
    const own = CONTRACT_ROUTES[key(route)];
    const { contract } = await insertContract(t.deps.db, {
      kind,
      landlordId: orgs.lessor,
      associationId: kind === 'direct_lease' ? null : orgs.association,
      householdId: own?.kind === 'link' ? null : householdId,
      startOn: '2026-01-01',
    });
    const name = (Object.entries(RENT_ACCOUNT_ROUTES).find(([, r]) => r === route)?.[0] ??
      '') as keyof typeof RENT_ACCOUNT_ROUTES;
    const ids: Ids = { contractId: contract.id, planId: randomUUID(), postingId: randomUUID() };
    if (!own && name !== 'open') {
      const system = contextFor(t, null);
      const { accountId } = await openRentAccount(system, { contractId: contract.id, on: '2026-01-01' });
      ids.postingId = (
        await postAidCredit(system, {
          contractId: contract.id,
          on: '2026-01-05',
          amountCents: 500,
          label: 'Aide',
        })
      ).postingId;
      if (name === 'renegotiatePlan') {
        const [plan] = await t.deps.db
          .insert(repaymentPlans)
          .values({ accountId, version: 1, debtCents: 600, instalmentCount: 2, startMonth: '2026-01' })
          .returning();
        ids.planId = plan!.id;
      }
    }
    const person = people.get(subject)!;
    const actor = { organisationId: person.organisationId, roles: subject.roles };
    // The file's parties: the association (which opened it), the CCAPEX and the lessor (by consent).
    const readsHousehold =
      subject.side !== 'elsewhere' &&
      atLeast(partyAccessLevel({ ...actor, organisationType: subject.orgType }), 'party');
    // Attaching: the contract has no file yet, the subject reads the one it is attached to or not.
    const readsTarget =
      subject.side !== 'elsewhere' &&
      partyAccessLevel({ ...actor, organisationType: subject.orgType }) !== 'none';
    const linking = own?.kind === 'link';
    const expected = leaseRefusal(actor, 'read_contract', contract, linking ? false : readsHousehold)
      ? 404
      : leaseRefusal(actor, route.household.lease, contract, linking ? readsTarget : readsHousehold)
        ? 403
        : (route.status ?? 200);
    const entries = async () =>
      (await t.deps.db.select({ n: count() }).from(auditLog).where(eq(auditLog.householdId, householdId)))[0]!
        .n;
    const before = await entries();
    const driver = own ? { body: () => own.body ?? { householdId, rowVersion: 1 } } : BODIES[name];
    const res = await t.app.inject({
      method: route.method as 'POST',
      url: routePath(route, { ...ids, id: contract.id }) + (driver.query ?? ''),
      headers: person.session.headers,
      ...(driver.body && route.method !== 'GET' ? { payload: driver.body(ids) } : {}),
    });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(expected);
    if (expected >= 400) {
      expect(res.json().error.code).toBe(expected === 404 ? 'NOT_FOUND' : 'FORBIDDEN');
      expect(await entries()).toBe(before);
      if (name === 'open')
        expect(
          await t.deps.db.select().from(rentAccounts).where(eq(rentAccounts.contractId, contract.id)),
        ).toEqual([]);
    } else {
      expect(await entries()).toBeGreaterThan(before);
    }
  });
});

/**
 * A candidate's proposal on a vacancy reaches the household's file, but the landlord of the vacancy
 * is no party to it: the proposal policy decides. Every proposal route is called by each role of
 * every organisation type — in an organisation that is a party to the file, in one that is not, and
 * in the vacancy's landlord — and must answer what the policy says: the route's own answer, or the
 * 404 of an unknown proposal. A refusal writes no audit entry; an answer is audited and carries no
 * caseworker-only marker of the file.
 */
describe('proposal access matrix, from the route contracts and the proposal policy', () => {
  interface ProposalSubject {
    label: string;
    side: 'party' | 'elsewhere' | 'vacancy_landlord';
    orgType: OrganisationType;
    roles: Role[];
  }
  const PROPOSAL_SUBJECTS: ProposalSubject[] = [
    ...ROLES.flatMap((r) =>
      (['party', 'elsewhere'] as const).map((side) => ({
        label: `${r.label} (${side === 'party' ? 'partie au dossier' : 'hors dossier'})`,
        side,
        orgType: r.orgType,
        roles: r.roles,
      })),
    ),
    ...(['landlord_rental_manager', 'landlord_social_advisor', 'admin', 'auditor'] as const).map((role) => ({
      label: `${ROLE_LABELS[role].toLowerCase()} du bailleur du logement`,
      side: 'vacancy_landlord' as const,
      orgType: 'landlord' as const,
      roles: [role],
    })),
  ];
  const ROUTES = ALL_ROUTES.filter(
    (r): r is RouteContract & { household: ProposalScope } => r.household?.via === 'proposal',
  );

  let t: TestApp;
  let householdId: string;
  let proposalId: string;
  let vacancyLandlordId: string;
  const sessions = new Map<ProposalSubject, { session: TestSession; organisationId: string }>();

  beforeAll(async () => {
    t = await createTestApp();
    t.setNow(NOW);
    const communes = await makeMetzTerritory(t.deps.db);
    const orgs = new Map<string, string>();
    const orgOf = async (side: ProposalSubject['side'], type: OrganisationType) => {
      const key = `${side}:${type}`;
      if (!orgs.has(key)) orgs.set(key, (await makeOrganisation(t.deps.db, type)).id);
      return orgs.get(key)!;
    };
    for (const subject of PROPOSAL_SUBJECTS) {
      const organisationId = await orgOf(subject.side, subject.orgType);
      const user = await makeUser(t.deps.db, { organisationId, roles: subject.roles });
      sessions.set(subject, { session: await sessionFor(t.deps, user.id, organisationId), organisationId });
    }
    vacancyLandlordId = orgs.get('vacancy_landlord:landlord')!;
    const owner = [...sessions].find(
      ([s]) => s.side === 'party' && s.orgType === 'association' && s.roles.includes('caseworker'),
    )![1].session;
    const as = (session: TestSession, method: 'POST' | 'PUT', url: string, payload?: object) =>
      t.app.inject({ method, url, headers: session.headers, ...(payload ? { payload } : {}) });
    await placeIn(t.deps.db, orgs.get('party:association')!, communes.metz);
    householdId = await createHouseholdAs(
      t,
      owner,
      sampleHousehold({
        healthNotes: 'SECRET-HEALTH',
        justiceNotes: 'SECRET-JUSTICE',
        familyConflictNotes: 'SECRET-FAMILY',
      }),
    );
    for (const type of ['landlord', 'siao', 'ccapex', 'funder'] as const)
      await ok(
        await as(owner, 'POST', `/api/households/${householdId}/consents`, {
          organisationId: orgs.get(`party:${type}`),
          purpose: 'support',
          validFrom: TODAY,
          method: 'signed_form',
        }),
        'accord',
      );
    await ok(
      await as(owner, 'POST', `/api/households/${householdId}/notes`, {
        body: 'SECRET-NOTE',
        sensitivity: 'confidential',
      }),
      'note',
    );
    await ok(
      await as(owner, 'POST', `/api/households/${householdId}/capacity-assessments`, {
        assessedOn: TODAY,
        scores: Object.fromEntries(CAPACITY_CRITERION_KEYS.map((k) => [k, { score: 3 }])),
        opinion: 'ready',
      }),
      'grille',
    );
    await ok(
      await as(owner, 'PUT', `/api/households/${householdId}/housing-project`, {
        typologies: ['t3'],
        communeIds: [],
        accessibilityNeed: 'none',
        supportIntensity: 'light',
        priorityCategories: [],
        incomes: [],
      }),
      'projet logement',
    );
    const publisher = [...sessions].find(
      ([s]) => s.side === 'vacancy_landlord' && s.roles.includes('landlord_rental_manager'),
    )![1].session;
    const dwelling = await ok(
      await as(publisher, 'POST', '/api/dwellings', {
        address: '3 rue des Jardins',
        communeId: communes.metz,
        typology: 't3',
        surfaceM2: 61,
        financing: 'plai',
        rent: { effectiveFrom: '2026-01-01', monthlyRentCents: 41_000, monthlyChargesCents: 8_000 },
      }),
      'logement',
    );
    const vacancy = await ok(
      await as(publisher, 'POST', '/api/vacancies', {
        dwellingId: dwelling.id,
        channel: 'bailleur',
        answerBy: '2026-03-20',
        visitDates: [],
      }),
      'vacance',
    );
    proposalId = await proposeOn(t.deps.db, {
      vacancyId: vacancy.id,
      householdId,
      designatedByOrganisationId: vacancyLandlordId,
    });
  });
  afterAll(() => t.close());

  it('covers every proposal route', () => {
    expect(ROUTES).toEqual([CAL_FILE_ROUTES.get]);
  });

  const CASES = ROUTES.flatMap((route) =>
    PROPOSAL_SUBJECTS.map((subject) => ({
      name: `${subject.label} — ${route.method} ${route.path}`,
      route,
      subject,
    })),
  );

  it.each(CASES)('$name', async ({ route, subject }) => {
    const { session, organisationId } = sessions.get(subject)!;
    const actor = { organisationId, organisationType: subject.orgType, roles: subject.roles };
    const level = subject.side === 'party' ? partyAccessLevel(actor) : 'none';
    const expected = mayReadCalFile(actor, { vacancyLandlordId, level }) ? 200 : 404;
    const entries = async () =>
      (await t.deps.db.select({ n: count() }).from(auditLog).where(eq(auditLog.householdId, householdId)))[0]!
        .n;
    const before = await entries();
    const res = await t.app.inject({
      method: route.method,
      url: routePath(route, { proposalId }),
      headers: session.headers,
    });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(expected);
    if (expected === 404) {
      expect(res.json().error.code).toBe('NOT_FOUND');
      expect(await entries()).toBe(before);
      return;
    }
    expect(await entries()).toBe(before + 1);
    const text = pdfText(res.rawPayload);
    expect(text).toContain('Dossier de candidature');
    for (const marker of CASEWORKER_ONLY) expect(text).not.toContain(marker);
  });
});
