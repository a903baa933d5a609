import type { AppDeps } from '../../src/kernel/deps.ts';
import { makeOrgWithUsers, makeUser, sessionFor, type TestSession } from './factories.ts';
import {
  TARGET_DWELLING,
  TODAY,
  consentBasis,
  maintenanceReferral,
  sampleHousehold,
  toUpdateBody,
} from './household-fixtures.ts';
import { multipartForm } from './multipart.ts';
import { territories } from '../../src/modules/organisations/schema.ts';
import { insertContract } from './contract-fixtures.ts';
import { isoWeekday } from '../../src/shared/permanences/rules.ts';
import { addDays, parisDate, parisInstant } from '../../src/shared/time.ts';
import { makeDepartement, placeIn } from './measure-fixtures.ts';
import { LEASE_PARTIES } from '../../src/shared/leases/contract-rules.ts';
import { insertDwelling } from '../../src/modules/dwellings/index.ts';
import { housingProjects } from '../../src/modules/housing-pool/schema.ts';
import { proposeOn } from './proposal-fixtures.ts';
import type {
  FuzzActor,
  FuzzExample,
  FuzzWorld,
  HttpRequest,
  KnownIds,
  Transport,
  WriteOperation,
} from './openapi-fuzz.ts';

/**
 * Write operations the fuzz leaves out, each with its reason. Sessions the fuzz ends (sign-out,
 * sign-out everywhere, a deactivated member) are renewed by the runner, so none is left out for that.
 */
export const FUZZ_EXCLUSIONS: Readonly<Record<string, string>> = {};

/** The write operations the fuzz sends requests to: all but the exclusions. */
export const fuzzedOperations = (operations: readonly WriteOperation[]) =>
  operations.filter((op) => !(op.key in FUZZ_EXCLUSIONS));

type Org = Awaited<ReturnType<typeof makeOrgWithUsers>>;

/**
 * What the fuzz acts on: an association (administrator, caseworker), a landlord (administrator,
 * social adviser) and a funder (administrator, officer), each with a session, and one existing object of every kind a write path names —
 * households and their rows, consents, diagnostics, tasks, budget scenarios, a scheme and a measure, a referral, an
 * invitation, a management unit, notifications, members to administer, appointments. Made through the API (over
 * `send`), as users would, on the app whose database `deps` holds.
 */
export async function buildFuzzWorld(deps: AppDeps, send: Transport): Promise<FuzzWorld> {
  const association = await makeOrgWithUsers(deps, 'association', ['admin', 'caseworker']);
  const landlord = await makeOrgWithUsers(deps, 'landlord', ['admin', 'landlord_social_advisor']);
  const funder = await makeOrgWithUsers(deps, 'funder', ['admin', 'funder_officer']);
  const departement = await makeDepartement(deps.db);
  await placeIn(deps.db, funder.org.id, departement.id);
  // Members the administrator may change or deactivate: not the actors, whose roles and status the
  // rest of the fuzz depends on.
  const members = [
    await makeUser(deps.db, { organisationId: association.org.id, roles: ['caseworker'] }),
    await makeUser(deps.db, { organisationId: association.org.id, roles: ['team_manager'] }),
  ];

  const examples: FuzzExample[] = [];
  const call = async <T>(
    session: TestSession,
    method: HttpRequest['method'],
    url: string,
    body?: object,
  ): Promise<T> => {
    const request: HttpRequest = { method, url, headers: { ...session.headers } };
    if (body) {
      request.headers['content-type'] = 'application/json';
      request.payload = JSON.stringify(body);
    }
    const res = await send(request);
    if (res.status >= 300) throw new Error(`fuzz world: ${method} ${url} → ${res.status} ${res.body}`);
    if (method !== 'GET') examples.push({ method, url, body: body ?? {} });
    return (res.body ? JSON.parse(res.body) : null) as T;
  };
  const session = (org: Org, role: string) => org.members[role]!.session;
  const caseworker = session(association, 'caseworker');
  const idOf = async (s: TestSession, url: string, body: object) =>
    (await call<{ id: string }>(s, 'POST', url, body)).id;
  const itemIds = async (s: TestSession, url: string) =>
    (await call<{ items: { id: string }[] }>(s, 'GET', url)).items.map((i) => i.id);

  // Two files: the first one's consents stay out of reach of the fuzz (revoking the association's
  // would end its access), the second one's are fuzzed.
  const households = [
    await idOf(caseworker, '/api/households', sampleHousehold()),
    await idOf(caseworker, '/api/households', sampleHousehold({ applicationNumber: '0751224ABC99' })),
  ];
  const [main, second] = households as [string, string];
  for (const householdId of households) {
    await idOf(caseworker, `/api/households/${householdId}/consents`, {
      organisationId: landlord.org.id,
      ...consentBasis().consent,
      purpose: 'diagnostic_sharing',
    });
  }
  await idOf(caseworker, `/api/households/${main}/notes`, { body: 'Appel du ménage', sensitivity: 'shared' });
  const form = multipartForm(
    { sensitivity: 'shared' },
    { name: 'quittance.txt', type: 'text/plain', content: 'Quittance de loyer' },
  );
  const upload = await send({
    method: 'POST',
    url: `/api/households/${main}/documents`,
    headers: { ...caseworker.headers, ...form.headers },
    payload: form.payload,
  });
  if (upload.status !== 201) throw new Error(`fuzz world: upload → ${upload.status} ${upload.body}`);
  await idOf(caseworker, `/api/households/${main}/eviction-steps`, {
    step: 'payment_order',
    occurredOn: TODAY,
  });

  type Saved = { version: number; rowId?: string };
  const read = () => call<Record<string, unknown>>(caseworker, 'GET', `/api/households/${main}`);
  const saved = await call<Saved>(caseworker, 'PUT', `/api/households/${main}`, {
    ...toUpdateBody(await read()),
    phone: '06 98 76 54 32',
  });
  const expense = await call<Saved>(caseworker, 'POST', `/api/households/${main}/expenses`, {
    category: 'energy',
    monthlyAmountCents: 4_500,
    version: saved.version,
  });
  await call(caseworker, 'PATCH', `/api/households/${main}/expenses/${expense.rowId}`, {
    monthlyAmountCents: 5_000,
    version: expense.version,
  });
  const file = await read();
  const rows = (part: string) => ((file[part] ?? []) as { id: string }[]).map((r) => r.id);

  // A scheme of the funder, and a measure of the main file waiting for its decision.
  const scheme = await idOf(session(funder, 'admin'), '/api/measure-schemes', {
    code: 'asll-maintien',
    name: 'ASLL maintien',
    kind: 'maintenance',
    effectiveFrom: '2026-01-01',
    rules: {
      initialMonths: 12,
      renewalMonths: 12,
      maxRenewals: null,
      maxTotalMonths: null,
      criteria: null,
      validationAfter: null,
    },
    costs: { perMonthCents: 14_000, perMeasureCents: null, perDwellingYearCents: null },
  });
  const measure = await call<{ id: string; rowVersion: number }>(
    caseworker,
    'POST',
    `/api/households/${main}/measures`,
    {
      schemeId: scheme,
      operatorOrganisationId: association.org.id,
      briques: ['2.4'],
    },
  );
  await call(caseworker, 'POST', `/api/households/${main}/measures/${measure.id}/prescribe`, {
    rowVersion: measure.rowVersion,
    prescribedOn: TODAY,
  });

  // A running measure of the second file, and its monthly point of the month in draft.
  const running = await call<{ id: string; rowVersion: number }>(
    caseworker,
    'POST',
    `/api/households/${second}/measures`,
    { schemeId: scheme, operatorOrganisationId: association.org.id, briques: ['2.4'] },
  );
  const prescribed = await call<{ rowVersion: number }>(
    caseworker,
    'POST',
    `/api/households/${second}/measures/${running.id}/prescribe`,
    { rowVersion: running.rowVersion, prescribedOn: TODAY },
  );
  const decided = await call<{ rowVersion: number }>(
    session(funder, 'funder_officer'),
    'POST',
    `/api/funder/measures/${running.id}/decision`,
    { rowVersion: prescribed.rowVersion, outcome: 'validated', decidedOn: TODAY },
  );
  await call(caseworker, 'POST', `/api/households/${second}/measures/${running.id}/start`, {
    rowVersion: decided.rowVersion,
    startOn: TODAY,
  });
  const monthlyPoint = await idOf(
    caseworker,
    `/api/households/${second}/measures/${running.id}/monthly-points`,
    {
      month: TODAY.slice(0, 7),
    },
  );
  const evaluation = await idOf(caseworker, `/api/households/${second}/measures/${running.id}/evaluations`, {
    kind: 'interim',
  });

  // A third file under watch (its measure ended yesterday with one), and an incident reported.
  const watched = await idOf(caseworker, '/api/households', sampleHousehold());
  households.push(watched);
  const ended = await call<{ id: string; rowVersion: number }>(
    caseworker,
    'POST',
    `/api/households/${watched}/measures`,
    { schemeId: scheme, operatorOrganisationId: association.org.id, briques: ['2.4'] },
  );
  let step = await call<{ rowVersion: number }>(
    caseworker,
    'POST',
    `/api/households/${watched}/measures/${ended.id}/prescribe`,
    { rowVersion: ended.rowVersion, prescribedOn: TODAY },
  );
  step = await call<{ rowVersion: number }>(
    session(funder, 'funder_officer'),
    'POST',
    `/api/funder/measures/${ended.id}/decision`,
    { rowVersion: step.rowVersion, outcome: 'validated', decidedOn: TODAY },
  );
  step = await call<{ rowVersion: number }>(
    caseworker,
    'POST',
    `/api/households/${watched}/measures/${ended.id}/start`,
    { rowVersion: step.rowVersion, startOn: '2026-01-05' },
  );
  await call(caseworker, 'POST', `/api/households/${watched}/measures/${ended.id}/end`, {
    rowVersion: step.rowVersion,
    endedOn: '2026-03-09',
    endReason: 'objectives_reached',
    orientation: 'watch',
    watchMonths: 24,
  });
  const incident = await idOf(caseworker, `/api/households/${watched}/watch-incidents`, {
    kind: 'neighbourhood_trouble',
    occurredOn: TODAY,
    note: 'Plaintes des voisins',
  });

  const admin = session(association, 'admin');
  // A committee the association convenes, the landlord sitting on it (a person named for it), with one
  // meeting and one item.
  const committee = await idOf(admin, '/api/committees', {
    name: 'Comité de suivi',
    kind: 'orientation_follow_up',
    cadence: 'quarterly',
    memberOrganisationIds: [landlord.org.id],
  });
  const meeting = await idOf(admin, `/api/committees/${committee}/meetings`, {
    startsAt: '2026-03-24T13:30:00Z',
  });
  const agenda = await call<{ items: { id: string }[] }>(admin, 'POST', `/api/meetings/${meeting}/items`, {
    kind: 'other',
    householdId: main,
    title: 'Situation à examiner',
  });
  const seated = await call<{ people: { id: string }[] }>(
    admin,
    'POST',
    `/api/committees/${committee}/people`,
    {
      organisationId: landlord.org.id,
      fullName: 'Nadia Benali',
      function: 'Présidente de séance',
    },
  );
  // Two appointments: a home visit of the main file, and a partner meeting with no household.
  const inDays = (days: number, hours: number) =>
    new Date(deps.clock().getTime() + days * 86_400_000 + hours * 3_600_000).toISOString();
  const planned = async (url: string, kind: string) =>
    (
      await call<{ appointment: { id: string } }>(caseworker, 'POST', url, {
        kind,
        startsAt: inDays(2, 0),
        endsAt: inDays(2, 1),
      })
    ).appointment.id;
  const appointments = [
    await planned(`/api/households/${main}/appointments`, 'home_visit'),
    await planned('/api/agenda/appointments', 'partner_meeting'),
  ];
  const adviser = session(landlord, 'landlord_social_advisor');
  const journalEntry = await idOf(caseworker, `/api/households/${main}/journal`, {
    idempotencyKey: '00000000-0000-4000-8000-000000000001',
    kind: 'home_visit',
    occurredAt: '2026-03-09T10:00:00+01:00',
    durationMinutes: 45,
    note: 'Visite à domicile',
  });
  const workshop = await idOf(caseworker, '/api/workshops', {
    theme: 'Recherche collective de logement',
    briques: ['2.2'],
    startsAt: inDays(-1, 0),
    durationMinutes: 90,
    place: 'Salle commune',
  });
  // A daily-hours slot held yesterday (its weekday), staffed by the caseworker, with one visit.
  const yesterday = parisDate(new Date(deps.clock().getTime() - 86_400_000));
  const slot = await idOf(admin, '/api/permanences/slots', {
    place: 'Permanence du quartier',
    weekday: isoWeekday(yesterday),
    startTime: '00:00',
    endTime: '23:59',
    everyWeeks: 1,
    fromDate: addDays(yesterday, -7),
    staffUserIds: [association.members.caseworker!.user.id],
  });
  const visit = await idOf(caseworker, '/api/permanences/visits', {
    slotId: slot,
    occurredAt: parisInstant(`${yesterday}T12:00`),
    durationMinutes: 30,
    consent: 'given',
    firstName: 'N. B.',
  });
  // The landlord's stock: a dwelling in a commune, and an export sent for import (its columns read).
  const [commune] = await deps.db
    .insert(territories)
    .values({
      kind: 'commune',
      code: 'FZ001',
      name: 'Fuzzville',
      postcode: '00999',
      parentId: departement.id,
    })
    .returning();
  const dwelling = await idOf(session(landlord, 'admin'), '/api/dwellings', {
    reference: 'FZ-1',
    address: '1 rue du Fuzz',
    communeId: commune!.id,
  });
  // A vacancy of another dwelling of the stock (its rent in force), published by the landlord's adviser.
  const vacancy = await idOf(adviser, '/api/vacancies', {
    dwellingId: await idOf(session(landlord, 'admin'), '/api/dwellings', {
      reference: 'FZ-V',
      address: '3 rue du Fuzz',
      communeId: commune!.id,
      rent: { effectiveFrom: TODAY, monthlyRentCents: 40_000, monthlyChargesCents: 8_000 },
    }),
    channel: 'bailleur',
    // The fuzz runs on the machine's clock: a deadline far ahead is never past.
    answerBy: '2099-12-31',
  });
  const stockForm = multipartForm(
    { kind: 'stock', encoding: 'utf-8' },
    {
      name: 'parc.csv',
      type: 'text/csv',
      content: 'Réf logement;Adresse;Commune\nFZ-2;2 rue du Fuzz;FZ001\n',
    },
  );
  const stockUpload = await send({
    method: 'POST',
    url: '/api/stock-imports',
    headers: { ...adviser.headers, ...stockForm.headers },
    payload: stockForm.payload,
  });
  if (stockUpload.status !== 201)
    throw new Error(`fuzz world: import → ${stockUpload.status} ${stockUpload.body}`);
  // Rent accounts: a bail glissant the association holds for the main file (it collects the rent)
  // and a direct lease of the landlord, each with its account, a month called, a payment and a plan.
  const today = parisDate(deps.clock());
  const contracts = [
    (
      await insertContract(deps.db, {
        kind: 'bail_glissant',
        landlordId: landlord.org.id,
        associationId: association.org.id,
        householdId: main,
        startOn: addDays(today, -90),
      })
    ).contract.id,
    (await insertContract(deps.db, { landlordId: landlord.org.id, startOn: addDays(today, -90) })).contract
      .id,
  ];
  const plans: string[] = [];
  for (const [contractId, collector] of [
    [contracts[0]!, caseworker],
    [contracts[1]!, session(landlord, 'admin')],
  ] as const) {
    const url = `/api/contracts/${contractId}/account`;
    await call(collector, 'POST', url, { on: addDays(today, -90) });
    await call(collector, 'POST', `${url}/calls`, { month: today.slice(0, 7) });
    await call(collector, 'POST', `${url}/payments`, { on: today, amountCents: 10_000, method: 'transfer' });
    const created = await call<{ plans: { id: string }[] }>(collector, 'POST', `${url}/plans`, {
      debtCents: 40_000,
      instalmentCount: 4,
      startMonth: today.slice(0, 7),
    });
    plans.push(created.plans[0]!.id);
  }
  // A bail glissant of the main file in force, on the landlord's dwelling.
  const lease = await call<{ id: string; rowVersion: number }>(caseworker, 'POST', '/api/leases', {
    dwellingId: dwelling,
    kind: 'bail_glissant',
    householdId: main,
    lessorOrganisationId: landlord.org.id,
    lessorKind: 'legal_person',
    intermediaryOrganisationId: association.org.id,
    startOn: addDays(TODAY, -200),
  });
  await call(caseworker, 'POST', `/api/leases/${lease.id}/activate`, {
    rowVersion: lease.rowVersion,
    on: addDays(TODAY, -200),
  });
  // A convention with one dwelling under GLA, and its plan written as tasks.
  const convention = await idOf(session(landlord, 'admin'), '/api/partnerships', {
    partnerOrganisationId: association.org.id,
    title: 'Convention de sous-location',
    startOn: TODAY,
    fee: { mode: 'per_dwelling_year', perDwellingYearCents: 30_000 },
  });
  await call(session(landlord, 'admin'), 'POST', `/api/partnerships/${convention}/dwellings`, {
    dwellingId: await insertDwelling(
      deps.db,
      { address: '5 rue des Fuzz', landlordOrganisationId: landlord.org.id },
      deps.clock(),
    ),
    occupancyKind: 'sublease',
    availableFrom: TODAY,
    gla: true,
  });
  const glaTasks = await call<{ tasks: { id: string }[] }>(
    caseworker,
    'POST',
    `/api/partnerships/${convention}/gla-plan`,
    { year: Number(TODAY.slice(0, 4)) },
  );
  // A proposal on that vacancy: the main household in the association's pool, put forward by it.
  await deps.db.insert(housingProjects).values({
    householdId: main,
    poolOrganisationId: association.org.id,
    accessibilityNeed: 'none',
    supportIntensity: 'light',
    readinessAtOpening: 'ready',
    openedOn: TODAY,
  });
  const proposal = await proposeOn(deps.db, {
    vacancyId: vacancy,
    householdId: main,
    designatedByOrganisationId: association.org.id,
  });
  const ids: KnownIds = {
    households,
    organisations: [association.org.id, landlord.org.id],
    members: rows('members'),
    resources: rows('resources'),
    expenses: rows('expenses'),
    debts: rows('debts'),
    'housing-history': rows('housingHistory'),
    consents: await itemIds(caseworker, `/api/households/${second}/consents`),
    diagnostics: [await idOf(caseworker, `/api/households/${main}/diagnostics`, {})],
    tasks: [await idOf(caseworker, `/api/households/${main}/tasks`, { title: 'Relancer la CAF' })],
    scenarios: [await idOf(caseworker, `/api/households/${main}/budget/scenarios`, TARGET_DWELLING)],
    referrals: [await idOf(adviser, '/api/referrals', maintenanceReferral(association.org.id))],
    invitations: [
      await idOf(admin, '/api/admin/invitations', {
        email: 'invitee@fuzz.test',
        fullName: 'Personne Invitée',
        role: 'caseworker',
      }),
    ],
    'management-units': [
      await idOf(session(landlord, 'admin'), '/api/admin/management-units', {
        name: 'Agence Nord',
        code: 'AN',
      }),
    ],
    users: members.map((m) => m.id),
    'measure-schemes': [scheme],
    measures: [measure.id, running.id],
    caseloads: members.map((m) => m.id),
    committees: [committee],
    people: seated.people.map((p) => p.id),
    meetings: [meeting],
    items: agenda.items.map((i) => i.id),
    appointments,
    journal: [journalEntry],
    workshops: [workshop],
    'monthly-points': [monthlyPoint],
    slots: [slot],
    visits: [visit],
    'watch-incidents': [incident],
    evaluations: [evaluation],
    dwellings: [dwelling],
    'stock-imports': [(JSON.parse(stockUpload.body) as { id: string }).id],
    contracts,
    plans,
    // The main file's procedure (opened above): a debt noted and an FSL maintien requested.
    balances: [
      await idOf(caseworker, `/api/households/${main}/eviction-prevention/balances`, {
        on: TODAY,
        amountCents: 90_000,
      }),
    ],
    instruments: [
      await idOf(caseworker, `/api/households/${main}/eviction-prevention/instruments`, {
        instrument: 'fsl_maintien',
        status: 'requested',
        on: TODAY,
      }),
    ],
    leases: [lease.id],
    // Not ids: the party a sliding evaluation is written for.
    'sliding-evaluations': LEASE_PARTIES,
    partnerships: [convention],
    vacancies: [vacancy],
    proposals: [proposal],
    'gla-tasks': glaTasks.tasks.map((task) => task.id),
    aids: [
      await idOf(caseworker, `/api/households/${main}/aids`, {
        kind: 'aide_sur_quittance',
        form: 'grant',
        funderName: 'Mécénat local',
        payee: 'landlord',
        payeeOrganisationId: landlord.org.id,
        requestedOn: TODAY,
        amountRequestedCents: 30_000,
        months: 2,
      }),
    ],
  };
  // The referral notified the association's people.
  ids.notifications = [
    ...(await itemIds(caseworker, '/api/notifications')),
    ...(await itemIds(admin, '/api/notifications')),
  ];

  const actor = (name: string, org: Org, role: string): FuzzActor => {
    const member = org.members[role]!;
    let current = member.session;
    return {
      name,
      headers: () => current.headers,
      renewIfEnded: async () => {
        const me = await send({ method: 'GET', url: '/api/auth/me', headers: current.headers });
        if (me.status === 200) return false;
        current = await sessionFor(deps, member.user.id, org.org.id);
        return true;
      },
    };
  };
  return {
    actors: [
      actor('caseworker', association, 'caseworker'),
      actor('association-admin', association, 'admin'),
      actor('landlord-adviser', landlord, 'landlord_social_advisor'),
      actor('landlord-admin', landlord, 'admin'),
      actor('funder-admin', funder, 'admin'),
      actor('funder-officer', funder, 'funder_officer'),
    ],
    ids,
    examples,
  };
}
