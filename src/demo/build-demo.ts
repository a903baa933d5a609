import { managementUnits, organisations, territories } from '../modules/organisations/schema.ts';
import { memberships, users } from '../modules/identity/schema.ts';
import {
  evictionProcedureSteps,
  evictionProcedures,
  householdConsents,
  householdDebts,
  householdExpenses,
  householdHousingHistory,
  householdMembers,
  householdNotes,
  householdParties,
  householdResources,
  households,
  tenancies,
  tenancyRents,
} from '../modules/households/schema.ts';
import { dwellings } from '../modules/dwellings/schema.ts';
import { evictionProcedureBalances, evictionProcedureFacts } from '../modules/eviction-prevention/schema.ts';
import { tasks } from '../modules/tasks/schema.ts';
import { referralContactAttempts, referralEvents, referrals } from '../modules/referrals/schema.ts';
import { notifications } from '../modules/notifications/schema.ts';
import { EVICTION_STEPS, type ExpenseCategory, type Typology } from '../shared/contracts/household-enums.ts';
import type { ReferralEventType } from '../shared/contracts/referrals.ts';
import { REFERRAL_KIND_LABELS } from '../shared/contracts/referral-enums.ts';
import { householdId, referralId, stableId } from './ids.ts';
import { DAY, cents, daysAgo, isoDate, monthsAgo, seedOf } from './dates.ts';
import { createPrng, type Prng } from './prng.ts';
import {
  BOY_FIRST_NAMES,
  FEMALE_FIRST_NAMES,
  GIRL_FIRST_NAMES,
  LAST_NAMES,
  MALE_FIRST_NAMES,
  STREET_NAMES,
} from './names.ts';
import { demoTotpSecret, demoUserNeedsTotp } from './accounts.ts';
import {
  DEMO_COMMUNES,
  DEMO_DEPARTEMENT,
  DEMO_EPCIS,
  DEMO_MANAGEMENT_UNITS,
  DEMO_ORGANISATIONS,
  DEMO_USERS,
  communeByKey,
  demoUser,
  managementUnitId,
  organisationId,
  territoryId,
  userId,
  type DemoOrgKey,
} from './territory.ts';
import { HOUSEHOLD_SPECS, type HouseholdSpec } from './household-specs.ts';
import { REFERRAL_SPECS, type ReferralSpec } from './referral-specs.ts';
import { buildDiagnosticRows, type DiagnosticDemoRows } from './build-diagnostics.ts';
import { buildMeasureRows, type MeasureDemoRows } from './build-measures.ts';
import { buildAgendaRows, type AgendaDemoRows } from './build-agenda.ts';
import { buildJournalRows, type JournalDemoRows } from './build-journal.ts';
import { buildWorkshopRows, type WorkshopDemoRows } from './build-workshops.ts';
import { buildPermanenceRows, type PermanenceDemoRows } from './build-permanences.ts';
import { buildStockRows, type StockDemoRows } from './build-stock.ts';
import { buildRentAccountRows, type RentAccountDemoRows } from './build-rent-accounts.ts';
import { buildMonthlyPointRows, type MonthlyPointDemoRows } from './build-monthly-points.ts';
import { buildEvaluationRows, type EvaluationDemoRows } from './build-evaluations.ts';
import { buildLeaseRows, type LeaseDemoRows } from './build-leases.ts';
import { buildPartnershipRows, type PartnershipDemoRows } from './build-partnerships.ts';
import { buildArrearsRows, type ArrearsDemoRows } from './build-arrears.ts';
import { buildHousingPoolRows, type HousingPoolDemoRows } from './build-housing-pool.ts';
import { buildDesignationRows, type DesignationDemoRows } from './build-designations.ts';

type Row<T extends { $inferInsert: unknown }> = T['$inferInsert'];

/** Every row of the demo, in insertion order (parents before children). */
export interface DemoData
  extends
    DiagnosticDemoRows,
    MeasureDemoRows,
    AgendaDemoRows,
    JournalDemoRows,
    MonthlyPointDemoRows,
    PermanenceDemoRows,
    StockDemoRows,
    RentAccountDemoRows,
    EvaluationDemoRows,
    Omit<LeaseDemoRows, 'leaseDwellings' | 'leaseTasks'>,
    Omit<ArrearsDemoRows, 'linkEvents'>,
    PartnershipDemoRows,
    HousingPoolDemoRows,
    DesignationDemoRows,
    Pick<WorkshopDemoRows, 'workshops' | 'workshopInvitations'> {
  territories: Row<typeof territories>[];
  organisations: Row<typeof organisations>[];
  managementUnits: Row<typeof managementUnits>[];
  users: Row<typeof users>[];
  memberships: Row<typeof memberships>[];
  households: Row<typeof households>[];
  dwellings: Row<typeof dwellings>[];
  tenancies: Row<typeof tenancies>[];
  tenancyRents: Row<typeof tenancyRents>[];
  members: Row<typeof householdMembers>[];
  resources: Row<typeof householdResources>[];
  expenses: Row<typeof householdExpenses>[];
  debts: Row<typeof householdDebts>[];
  housingHistory: Row<typeof householdHousingHistory>[];
  notes: Row<typeof householdNotes>[];
  consents: Row<typeof householdConsents>[];
  parties: Row<typeof householdParties>[];
  evictionProcedures: Row<typeof evictionProcedures>[];
  evictionProcedureSteps: Row<typeof evictionProcedureSteps>[];
  evictionProcedureFacts: Row<typeof evictionProcedureFacts>[];
  evictionProcedureBalances: Row<typeof evictionProcedureBalances>[];
  tasks: Row<typeof tasks>[];
  referrals: Row<typeof referrals>[];
  contactAttempts: Row<typeof referralContactAttempts>[];
  referralEvents: Row<typeof referralEvents>[];
  notifications: Row<typeof notifications>[];
}

const orgOfUser = (userKey: string) => organisationId(demoUser(userKey).org);
const orgName = (key: DemoOrgKey) => DEMO_ORGANISATIONS.find((o) => o.key === key)!.shortName;

const SHELTER_ADDRESSES: Record<string, string> = {
  'CHRS Les Tilleuls': 'CHRS Les Tilleuls, 2 allée des Tilleuls, 00110 Montreval-la-Rivière',
  'Accueil de nuit de L’Escale': 'Domiciliation L’Escale, 2 allée des Tilleuls, 00110 Montreval-la-Rivière',
};
const DOMICILIATION_SIAO = 'Domiciliation SIAO, 9 rue Pasteur, 00100 Saint-Aubin-sur-Brenne';

function buildReferenceData(passwordHash: string, now: Date) {
  const depId = territoryId(DEMO_DEPARTEMENT.code);
  const territoryRows: Row<typeof territories>[] = [
    { id: depId, kind: 'departement', code: DEMO_DEPARTEMENT.code, name: DEMO_DEPARTEMENT.name },
    ...DEMO_EPCIS.map((e) => ({
      id: territoryId(e.code),
      kind: 'epci' as const,
      code: e.code,
      name: e.name,
      parentId: depId,
    })),
    ...DEMO_COMMUNES.map((c) => ({
      id: territoryId(c.code),
      kind: 'commune' as const,
      code: c.code,
      name: c.name,
      parentId: territoryId(DEMO_EPCIS.find((e) => e.key === c.epci)!.code),
      postcode: c.postcode,
      housingBenefitZone: c.zone,
    })),
  ];
  const createdAt = daysAgo(now, 400);
  const organisationRows = DEMO_ORGANISATIONS.map((o) => ({
    id: organisationId(o.key),
    type: o.type,
    name: o.name,
    shortName: o.shortName,
    territoryId: territoryId(o.type === 'other' ? communeByKey(o.commune).code : DEMO_DEPARTEMENT.code),
    email: o.email,
    phone: o.phone,
    address: o.address,
    createdAt,
  }));
  const unitRows = DEMO_MANAGEMENT_UNITS.map((u) => ({
    id: managementUnitId(u.key),
    organisationId: organisationId('habitat'),
    name: u.name,
    code: u.code,
    territoryId: territoryId(communeByKey(u.commune).code),
    createdAt,
  }));
  const userRows = DEMO_USERS.map((u) => ({
    id: userId(u.key),
    email: u.email,
    fullName: u.fullName,
    passwordHash,
    status: 'active' as const,
    totpSecret: demoUserNeedsTotp(u) ? demoTotpSecret(u.email) : null,
    totpConfirmedAt: demoUserNeedsTotp(u) ? createdAt : null,
    passwordChangedAt: createdAt,
    createdAt,
  }));
  const membershipRows = DEMO_USERS.map((u) => ({
    id: stableId(`membership:${u.key}`),
    userId: userId(u.key),
    organisationId: organisationId(u.org),
    role: u.role,
    managementUnitId: u.unit ? managementUnitId(u.unit) : null,
    createdAt,
  }));
  return { territoryRows, organisationRows, unitRows, userRows, membershipRows };
}

/**
 * Draws names without reusing a family name (so that searching the demo gives clear answers) nor a
 * first name within a household; children get first names of their generation.
 */
function nameDrawer(prng: Prng) {
  const usedLastNames = new Set<string>();
  let household = new Set<string>();
  const unused = (items: readonly string[], used: Set<string>) => {
    for (;;) {
      const name = prng.pick(items);
      if (!used.has(name)) {
        used.add(name);
        return name;
      }
    }
  };
  return {
    nextHousehold: () => {
      household = new Set();
    },
    lastName: () => unused(LAST_NAMES, usedLastNames),
    firstName: (sex: 'F' | 'M', child: boolean) =>
      unused(
        child
          ? sex === 'F'
            ? GIRL_FIRST_NAMES
            : BOY_FIRST_NAMES
          : sex === 'F'
            ? FEMALE_FIRST_NAMES
            : MALE_FIRST_NAMES,
        household,
      ),
  };
}

const ascii = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '');

function birthDate(prng: Prng, now: Date, age: number) {
  const year = now.getUTCFullYear() - age - 1;
  const month = prng.int(now.getUTCMonth() + 1, 12);
  return `${year}-${String(month).padStart(2, '0')}-${String(prng.int(1, 28)).padStart(2, '0')}`;
}

/** A dwelling sized for the household: one room more than its people, from a T1 for one person. */
export const typologyFor = (people: number): Typology =>
  (['t1', 't2', 't3', 't4', 't5', 't6'] as const)[Math.min(people, 6) - 1]!;

function expensesOf(spec: HouseholdSpec, size: number, prng: Prng): [ExpenseCategory, number, string?][] {
  const hasWages = spec.resources.some(([type]) => type === 'wages');
  const list: [ExpenseCategory, number, string?][] = [];
  if (spec.rent) {
    list.push(['rent', spec.rent[0]], ['charges', spec.rent[1]]);
    list.push(['energy', 40 + 14 * size + prng.int(0, 20), 'Électricité et gaz']);
    list.push(['insurance', 12 + 3 * size, 'Assurance habitation']);
  }
  if (spec.situation === 'chrs') {
    const total = spec.resources.reduce((sum, [, euros]) => sum + euros, 0);
    list.push(['other', Math.round(total * 0.15), 'Participation aux frais d’hébergement (CHRS)']);
  }
  if (spec.situation === 'hotel') list.push(['other', 60 * size, 'Repas : pas de cuisine à l’hôtel']);
  if (spec.situation === 'hosted_by_third_party')
    list.push(['other', 100, 'Participation aux frais de l’hébergeant']);
  if (spec.resources.length > 0) list.push(['phone', prng.int(15, 40)]);
  if (hasWages) list.push(['transport', prng.int(25, 75), 'Abonnement ou carburant']);
  if (spec.debts?.some((d) => d.plan)) list.push(['debt_repayment', 60, 'Plan d’apurement']);
  return list;
}

interface ConsentGrant {
  org: DemoOrgKey;
  caseworker: string;
  daysAgo: number;
  purpose: 'support' | 'referral';
}

function buildHouseholds(now: Date, data: DemoData) {
  const prng = createPrng(seedOf('relais-demo-households'));
  const names = nameDrawer(prng);
  const referralsByHousehold = new Map<string, ReferralSpec[]>();
  for (const r of REFERRAL_SPECS) {
    referralsByHousehold.set(r.household, [...(referralsByHousehold.get(r.household) ?? []), r]);
  }

  for (const spec of HOUSEHOLD_SPECS) {
    const hId = householdId(spec.key);
    const commune = communeByKey(spec.commune);
    const specReferrals = referralsByHousehold.get(spec.key) ?? [];

    names.nextHousehold();
    const familyName = names.lastName();
    const memberRows: (Row<typeof householdMembers> & { id: string; isReferencePerson: boolean })[] =
      spec.adults.map((adult, i) => ({
        id: stableId(`member:${spec.key}:${i}`),
        householdId: hId,
        firstName: names.firstName(adult.sex, false),
        lastName: i === 0 || prng.next() < 0.6 ? familyName : names.lastName(),
        birthDate: birthDate(prng, now, adult.age),
        relationship: i === 0 ? 'reference_person' : 'spouse',
        isReferencePerson: i === 0,
        position: i,
      }));
    for (const [i, age] of (spec.childAges ?? []).entries()) {
      memberRows.push({
        id: stableId(`member:${spec.key}:child${i}`),
        householdId: hId,
        firstName: names.firstName(prng.next() < 0.5 ? 'F' : 'M', true),
        lastName: familyName,
        birthDate: birthDate(prng, now, age),
        relationship: 'child',
        isReferencePerson: false,
        position: memberRows.length,
      });
    }
    data.members.push(...memberRows);
    const reference = memberRows[0]!;

    const street = `${prng.int(1, 48)} ${prng.pick(STREET_NAMES)}, ${commune.postcode} ${commune.name}`;
    const dwelling = spec.rent ? street : null;
    const postalAddress = dwelling
      ? dwelling
      : spec.situation === 'hosted_by_third_party'
        ? `Chez un proche, ${street}`
        : (SHELTER_ADDRESSES[spec.shelter ?? ''] ?? DOMICILIATION_SIAO);
    const unit = spec.unit ? DEMO_MANAGEMENT_UNITS.find((u) => u.key === spec.unit)! : null;
    const seeksHousing = !spec.unit || spec.situation === 'sublet' || ['h09', 'h13'].includes(spec.key);

    // Who knows the household, and since when: consents and referrals give the file's dates.
    const grants: ConsentGrant[] = [];
    if (spec.followedBy) {
      const org = demoUser(spec.followedBy).org;
      const opened = specReferrals.find((r) => r.to === org && r.firstInterviewDaysAgo !== undefined);
      const oldestNote = Math.max(
        0,
        ...(spec.notes ?? []).filter(([a]) => orgOfUser(a) === organisationId(org)).map(([, , , d]) => d),
      );
      grants.push({
        org,
        caseworker: spec.followedBy,
        daysAgo:
          opened?.firstInterviewDaysAgo ?? Math.max(Math.min(spec.sinceMonths * 30, 300), oldestNote + 2),
        purpose: 'support',
      });
    }
    if (spec.siao) {
      grants.push({
        org: 'siao',
        caseworker: 'siao-cw',
        daysAgo: Math.min(spec.sinceMonths * 30, 300),
        purpose: 'referral',
      });
    }
    for (const r of specReferrals) {
      if (r.firstInterviewDaysAgo !== undefined && !grants.some((g) => g.org === r.to)) {
        grants.push({
          org: r.to,
          caseworker: r.assigned!,
          daysAgo: r.firstInterviewDaysAgo,
          purpose: 'support',
        });
      }
    }
    const oldest = Math.max(
      30,
      ...grants.map((g) => g.daysAgo),
      ...specReferrals.map((r) => r.sentDaysAgo),
      ...(spec.notes ?? []).map(([, , , d]) => d),
    );
    const creator =
      spec.followedBy ?? specReferrals[0]?.fromUser ?? (spec.siao ? 'siao-cw' : 'habitat-rental');
    // Last saved when the latest note or referral step was written.
    const latest = Math.min(
      oldest,
      ...(spec.notes ?? []).map(([, , , d]) => d),
      ...specReferrals.map((r) => r.firstInterviewDaysAgo ?? r.decidedDaysAgo ?? r.sentDaysAgo),
    );

    const firstName = ascii(reference.firstName);
    data.households.push({
      id: hId,
      status: spec.closed ? 'closed' : 'active',
      applicationNumber: seeksHousing
        ? `VB${String(now.getUTCFullYear() - 1).slice(2)}${String(prng.int(0, 99_999_999)).padStart(8, '0')}`
        : null,
      phone: `06 39 98 ${String(prng.int(0, 99)).padStart(2, '0')} ${String(prng.int(0, 99)).padStart(2, '0')}`,
      email: prng.next() < 0.5 ? `${firstName}.${ascii(reference.lastName)}@courriel.example` : null,
      postalAddress,
      housingSituation: spec.situation,
      housingSince: monthsAgo(now, spec.sinceMonths),
      shelterName: spec.shelter ?? null,
      // Tenants live in their dwelling's commune; the others where they are sheltered or hosted.
      residenceCommuneId: dwelling && spec.rent ? null : territoryId(commune.code),
      daloRecognised: spec.daloMonthsAgo !== undefined,
      daloDecisionDate: spec.daloMonthsAgo !== undefined ? monthsAgo(now, spec.daloMonthsAgo) : null,
      pdalpdPriority: spec.pdalpd ?? false,
      healthNotes: spec.health ?? null,
      justiceNotes: spec.justice ?? null,
      familyConflictNotes: spec.familyConflict ?? null,
      createdByUserId: userId(creator),
      createdByOrganisationId: orgOfUser(creator),
      createdAt: daysAgo(now, oldest + 3),
      updatedAt: daysAgo(now, latest),
    });

    // The dwelling the household occupies, its lease and its rent (from the day it moved in).
    const tenantReference = unit ? `${unit.code}-${String(prng.int(10_000, 99_999))}` : null;
    if (dwelling && spec.rent) {
      const dwellingId = stableId(`dwelling:${spec.key}`);
      const tenancyId = stableId(`tenancy:${spec.key}`);
      const movedIn = monthsAgo(now, spec.sinceMonths);
      const landlordOrganisationId = unit ? organisationId('habitat') : null;
      const unitId = unit ? managementUnitId(unit.key) : null;
      const at = new Date(`${movedIn}T09:00:00Z`);
      data.dwellings.push({
        id: dwellingId,
        address: dwelling,
        communeId: territoryId(commune.code),
        landlordOrganisationId,
        managementUnitId: unitId,
        typology: typologyFor(memberRows.length),
        surfaceM2: 22 + 14 * memberRows.length,
        createdAt: at,
        updatedAt: at,
      });
      data.tenancies.push({
        id: tenancyId,
        householdId: hId,
        dwellingId,
        landlordOrganisationId,
        landlordName: spec.privateLandlord ?? null,
        managementUnitId: unitId,
        tenantReference,
        startDate: movedIn,
        createdAt: at,
        updatedAt: at,
      });
      data.tenancyRents.push({
        id: stableId(`tenancy-rent:${spec.key}`),
        tenancyId,
        effectiveFrom: movedIn,
        monthlyRentCents: cents(spec.rent[0]),
        monthlyChargesCents: cents(spec.rent[1]),
        createdAt: at,
      });
    }

    data.resources.push(
      ...spec.resources.map(([type, euros, adult, note], position) => ({
        id: stableId(`resource:${spec.key}:${position}`),
        householdId: hId,
        memberId: adult == null ? null : memberRows[adult]!.id,
        type,
        monthlyAmountCents: cents(euros),
        note: note ?? null,
        position,
      })),
    );
    data.expenses.push(
      ...expensesOf(spec, memberRows.length, prng).map(([category, euros, note], position) => ({
        id: stableId(`expense:${spec.key}:${position}`),
        householdId: hId,
        category,
        monthlyAmountCents: cents(euros),
        note: note ?? null,
        position,
      })),
    );
    data.debts.push(
      ...(spec.debts ?? []).map((d, position) => ({
        id: stableId(`debt:${spec.key}:${position}`),
        householdId: hId,
        kind: d.kind,
        amountCents: cents(d.euros),
        startDate: monthsAgo(now, d.sinceMonths),
        // Rent arrears count their unpaid terms; the landlord's referral reports the same figures.
        unpaidMonths: d.kind === 'rent_arrears' ? d.sinceMonths : null,
        creditor: d.creditor,
        repaymentPlan: d.plan ?? false,
        note: d.note ?? null,
        position,
      })),
    );
    data.housingHistory.push(
      ...(spec.history ?? []).map(([situation, from, to, endReason], position) => ({
        id: stableId(`history:${spec.key}:${position}`),
        householdId: hId,
        situation,
        fromDate: monthsAgo(now, from),
        toDate: monthsAgo(now, to),
        address:
          situation === 'private_tenant' || situation === 'social_tenant'
            ? `${prng.int(1, 60)} ${prng.pick(STREET_NAMES)}, ${commune.postcode} ${commune.name}`
            : null,
        endReason,
        position,
      })),
    );
    data.notes.push(
      ...(spec.notes ?? []).map(([author, sensitivity, body, days], i) => ({
        id: stableId(`note:${spec.key}:${i}`),
        householdId: hId,
        body,
        sensitivity,
        authorUserId: userId(author),
        authorOrganisationId: orgOfUser(author),
        createdAt: daysAgo(now, days),
      })),
    );

    for (const grant of grants) {
      const consentId = stableId(`consent:${spec.key}:${grant.org}`);
      const from = daysAgo(now, grant.daysAgo);
      const validFrom = isoDate(from);
      const validUntil = isoDate(new Date(from.getTime() + 730 * DAY));
      const oral = spec.situation === 'street' || spec.situation === 'shelter';
      data.consents.push({
        id: consentId,
        householdId: hId,
        organisationId: organisationId(grant.org),
        purpose: grant.purpose,
        purposeDetail:
          grant.purpose === 'support'
            ? `Accompagnement social lié au logement par ${orgName(grant.org)}`
            : 'Évaluation et orientation par le SIAO',
        validFrom,
        validUntil,
        method: oral ? 'oral_with_witness' : 'signed_form',
        witnessName: oral ? 'Veilleur de nuit de l’accueil' : null,
        recordedByUserId: userId(grant.caseworker),
        recordedByOrganisationId: organisationId(grant.org),
        recordedAt: from,
      });
      data.parties.push({
        id: stableId(`party:${spec.key}:${grant.org}:consent`),
        householdId: hId,
        organisationId: organisationId(grant.org),
        basis: 'consent',
        sourceId: consentId,
        consentId,
        caseworkerUserId: userId(grant.caseworker),
        validFrom,
        validUntil,
        startedAt: from,
      });
    }
    if (spec.situation === 'social_tenant' && unit) {
      data.parties.push({
        id: stableId(`party:${spec.key}:habitat:own_tenant`),
        householdId: hId,
        organisationId: organisationId('habitat'),
        basis: 'own_tenant',
        startedAt: new Date(`${monthsAgo(now, spec.sinceMonths)}T00:00:00Z`),
      });
    }
  }
}

function buildReferrals(now: Date, data: DemoData) {
  const redirectedFrom = new Map(
    REFERRAL_SPECS.filter((r) => r.redirectedTo).map((r) => [r.redirectedTo!, r.key]),
  );
  for (const spec of REFERRAL_SPECS) {
    const id = referralId(spec.key);
    const hId = householdId(spec.household);
    const household = HOUSEHOLD_SPECS.find((h) => h.key === spec.household)!;
    const reference = data.members.find((m) => m.householdId === hId && m.isReferencePerson)!;
    const sentAt = daysAgo(now, spec.sentDaysAgo);
    const decidedAt = spec.decidedDaysAgo !== undefined ? daysAgo(now, spec.decidedDaysAgo) : null;
    const firstInterviewAt =
      spec.firstInterviewDaysAgo !== undefined ? daysAgo(now, spec.firstInterviewDaysAgo) : null;
    const toOrg = organisationId(spec.to);
    const events: { type: ReferralEventType; at: Date; user: string; detail: Record<string, unknown> }[] = [
      { type: 'sent', at: sentAt, user: spec.fromUser, detail: { toOrganisationId: toOrg } },
    ];
    if (decidedAt && spec.status === 'declined') {
      events.push({
        type: 'declined',
        at: decidedAt,
        user: spec.decidedBy!,
        detail: { reason: spec.reason },
      });
    } else if (decidedAt && spec.status === 'redirected') {
      const target = REFERRAL_SPECS.find((r) => r.key === spec.redirectedTo)!;
      events.push({
        type: 'redirected',
        at: decidedAt,
        user: spec.decidedBy!,
        detail: {
          reason: spec.reason,
          toOrganisationId: organisationId(target.to),
          newReferralId: referralId(target.key),
        },
      });
    } else if (decidedAt) {
      events.push({
        type: 'accepted',
        at: decidedAt,
        user: spec.decidedBy!,
        detail: { caseworkerUserId: userId(spec.assigned!) },
      });
    }
    for (const [i, [method, outcome, days, note]] of (spec.attempts ?? []).entries()) {
      const at = daysAgo(now, days);
      data.contactAttempts.push({
        id: stableId(`contact-attempt:${spec.key}:${i}`),
        referralId: id,
        method,
        outcome,
        attemptedAt: at,
        note: note ?? null,
        userId: userId(spec.assigned!),
        createdAt: at,
      });
      events.push({ type: 'contact_attempt', at, user: spec.assigned!, detail: { method, outcome } });
    }
    if (firstInterviewAt)
      events.push({ type: 'case_opened', at: firstInterviewAt, user: spec.assigned!, detail: {} });
    events.sort((a, b) => a.at.getTime() - b.at.getTime());

    const fromKey = redirectedFrom.get(spec.key);
    const agreement = referralAgreement(spec, sentAt, data);
    if (spec.evictionStep) evictionStepsOf(spec, hId, sentAt, data);
    data.referrals.push({
      id,
      kind: spec.kind,
      householdId: hId,
      fromOrganisationId: organisationId(spec.from),
      fromManagementUnitId: spec.fromUnit ? managementUnitId(spec.fromUnit) : null,
      fromUserId: userId(spec.fromUser),
      toOrganisationId: toOrg,
      status: spec.status,
      reasons: spec.reasons ?? [],
      arrearsDebtId: spec.arrears ? arrearsDebtOf(data, hId) : null,
      agreementConsentId: agreement?.consentId ?? null,
      readyToLeave: spec.kind === 'access' ? (spec.readyToLeave ?? null) : null,
      shelteredSince: spec.kind === 'access' ? monthsAgo(now, household.sinceMonths) : null,
      housingProject: spec.housingProject ?? null,
      freeText: spec.freeText,
      assignedCaseworkerUserId: spec.assigned ? userId(spec.assigned) : null,
      declineReason: spec.status === 'declined' ? (spec.reason ?? null) : null,
      redirectedToReferralId: spec.redirectedTo ? referralId(spec.redirectedTo) : null,
      redirectedFromReferralId: fromKey ? referralId(fromKey) : null,
      decidedAt,
      decidedByUserId: spec.decidedBy ? userId(spec.decidedBy) : null,
      firstInterviewAt,
      version: 1 + (decidedAt ? 1 : 0) + (firstInterviewAt ? 1 : 0),
      createdAt: sentAt,
      updatedAt: events.at(-1)!.at,
    });
    data.referralEvents.push(
      ...events.map((e, i) => ({
        id: stableId(`referral-event:${spec.key}:${i}`),
        referralId: id,
        type: e.type,
        at: e.at,
        userId: userId(e.user),
        organisationId: orgOfUser(e.user),
        detail: e.detail,
      })),
    );

    // Access that rests on the referral: a referrer other than the landlord (the SIAO, the CCAPEX)
    // follows the ones it sent, the receiver the ones it took.
    if (DEMO_ORGANISATIONS.find((o) => o.key === spec.from)!.type !== 'landlord') {
      data.parties.push({
        id: stableId(`party:${spec.household}:${spec.key}:referral_made`),
        householdId: hId,
        organisationId: organisationId(spec.from),
        basis: 'referral_made',
        sourceId: id,
        consentId: agreement?.consentId ?? null,
        caseworkerUserId: userId(spec.fromUser),
        startedAt: sentAt,
      });
    }
    if (spec.assigned && decidedAt) {
      data.parties.push({
        id: stableId(`party:${spec.household}:${spec.key}:referral_accepted`),
        householdId: hId,
        organisationId: toOrg,
        basis: 'referral_accepted',
        sourceId: id,
        consentId: agreement?.consentId ?? null,
        caseworkerUserId: userId(spec.assigned),
        startedAt: decidedAt,
      });
    }

    const who = `${reference.firstName} ${reference.lastName}`;
    const link = `/saisines/${id}`;
    const notify = (user: string, kind: string, title: string, body: string, at: Date, read: boolean) =>
      data.notifications.push({
        id: stableId(`notification:${spec.key}:${kind}:${user}`),
        userId: userId(user),
        kind,
        title,
        body,
        link,
        createdAt: at,
        readAt: read ? new Date(at.getTime() + DAY) : null,
      });
    const receiverLead = spec.to === 'passage' ? 'passage-manager' : 'escale-admin';
    const kindLabel = REFERRAL_KIND_LABELS[spec.kind].toLowerCase();
    notify(
      receiverLead,
      'referral.received',
      `Nouvelle saisine (${kindLabel})`,
      `${orgName(spec.from)} vous adresse le ménage ${who}.`,
      sentAt,
      spec.status !== 'sent',
    );
    if (decidedAt && spec.status === 'declined') {
      notify(
        spec.fromUser,
        'referral.declined',
        `Saisine refusée par ${orgName(spec.to)}`,
        spec.reason!,
        decidedAt,
        spec.decidedDaysAgo! > 20,
      );
    } else if (decidedAt && spec.status === 'redirected') {
      notify(
        spec.fromUser,
        'referral.redirected',
        `Saisine réorientée par ${orgName(spec.to)}`,
        spec.reason!,
        decidedAt,
        false,
      );
    } else if (decidedAt) {
      notify(
        spec.fromUser,
        'referral.accepted',
        `Saisine acceptée par ${orgName(spec.to)}`,
        `Référent désigné : ${demoUser(spec.assigned!).fullName}.`,
        decidedAt,
        spec.decidedDaysAgo! > 10,
      );
      notify(
        spec.assigned!,
        'referral.assigned',
        'Vous êtes désigné(e) référent(e)',
        `Ménage ${who} : prendre contact.`,
        decidedAt,
        firstInterviewAt !== null,
      );
    }
  }
}

/** The household's rent-arrears debt toward the landlord: the one the referral reported. */
function arrearsDebtOf(data: DemoData, hId: string): string {
  const debt = data.debts.find((d) => d.householdId === hId && d.kind === 'rent_arrears');
  if (!debt?.id) throw new Error(`Démo : le ménage ${hId} n’a pas de dette de loyer pour sa saisine.`);
  return debt.id;
}

/**
 * The household's agreement to its referral: an access referral always has it, a maintenance one
 * when the landlord could reach the household. Recorded as a consent to the referring organisation.
 */
function referralAgreement(spec: ReferralSpec, sentAt: Date, data: DemoData) {
  const unreachable = spec.reasons?.includes('loss_of_contact') ?? false;
  if (spec.kind === 'maintenance' && unreachable) return null;
  const consentId = stableId(`consent:${spec.household}:${spec.key}:agreement`);
  const givenOn = isoDate(daysAgo(sentAt, 2));
  const hId = householdId(spec.household);
  data.consents.push({
    id: consentId,
    householdId: hId,
    organisationId: organisationId(spec.from),
    purpose: 'referral',
    purposeDetail: `Saisine de ${orgName(spec.to)}`,
    validFrom: givenOn,
    validUntil: null,
    method: 'signed_form',
    witnessName: null,
    recordedByUserId: userId(spec.fromUser),
    recordedByOrganisationId: organisationId(spec.from),
    recordedAt: sentAt,
  });
  data.parties.push({
    id: stableId(`party:${spec.household}:${spec.key}:agreement`),
    householdId: hId,
    organisationId: organisationId(spec.from),
    basis: 'consent',
    sourceId: consentId,
    consentId,
    validFrom: givenOn,
    validUntil: null,
    startedAt: sentAt,
  });
  return { consentId };
}

/**
 * The eviction procedure behind a maintenance referral: from the first unpaid rent to the step the
 * landlord reports, spread over the months of arrears, the reported step a few days before sending.
 */
function evictionStepsOf(spec: ReferralSpec, hId: string, sentAt: Date, data: DemoData) {
  const reported = EVICTION_STEPS.indexOf(spec.evictionStep!);
  const months = spec.arrears?.[1] ?? 6;
  const path = (
    [
      'first_unpaid_rent',
      'caf_signal',
      'payment_order',
      'summons',
      'hearing',
      'judgment',
      'order_to_leave',
    ] as const
  ).filter((s) => EVICTION_STEPS.indexOf(s) <= reported);
  const first = daysAgo(sentAt, months * 30);
  const last = daysAgo(sentAt, 8);
  const span = last.getTime() - first.getTime();
  const procedureId = stableId(`eviction-procedure:${spec.household}`);
  // A redirected referral reports the same procedure as the one it replaces.
  if (data.evictionProcedures.some((p) => p.id === procedureId)) return;
  data.evictionProcedures.push({
    id: procedureId,
    householdId: hId,
    tenancyId: stableId(`tenancy:${spec.household}`),
    openedOn: isoDate(first),
    createdAt: sentAt,
  });
  data.evictionProcedureSteps.push(
    ...path.map((step, i) => ({
      id: stableId(`eviction-step:${spec.household}:${step}`),
      procedureId,
      step,
      occurredOn: isoDate(
        new Date(first.getTime() + (path.length === 1 ? 0 : (span * i) / (path.length - 1))),
      ),
      note: null,
      sourceType: 'referral' as const,
      sourceId: referralId(spec.key),
      recordedByUserId: userId(spec.fromUser),
      recordedByOrganisationId: organisationId(spec.from),
      recordedAt: sentAt,
    })),
  );
  if (spec.assigned) preventionFactsOf(spec, procedureId, first, sentAt, data);
}

/**
 * What the procedure's deadlines are computed from, once the association follows the household: the
 * lease and rent of its tenancy, and the debt growing month by month to the amount the referral reports.
 */
function preventionFactsOf(
  spec: ReferralSpec,
  procedureId: string,
  first: Date,
  sentAt: Date,
  data: DemoData,
) {
  const tenancyId = stableId(`tenancy:${spec.household}`);
  const tenancy = data.tenancies.find((t) => t.id === tenancyId);
  const rent = data.tenancyRents.find((r) => r.tenancyId === tenancyId);
  if (!tenancy?.startDate || !rent) return;
  data.evictionProcedureFacts.push({
    procedureId,
    leaseSignedOn: tenancy.startDate,
    lessorKind: tenancy.landlordName ? 'natural_person' : 'legal_person',
    monthlyRentCents: rent.monthlyRentCents,
    monthlyChargesCents: rent.monthlyChargesCents,
    monthlyBenefitCents: null,
    benefitPaidTo: 'none',
    hearingScheduledOn: null,
    followedByUserId: userId(spec.assigned!),
    followedByOrganisationId: organisationId(spec.to),
    updatedAt: sentAt,
  });
  // A tenant referred from the landlord's arrears files: the debt is theirs, none is noted by hand.
  if (spec.landlordFile) return;
  const [amount, months] = spec.arrears ?? [0, 0];
  for (let i = 0; i < months; i++)
    data.evictionProcedureBalances.push({
      id: stableId(`eviction-balance:${spec.household}:${i}`),
      procedureId,
      on: isoDate(new Date(first.getTime() + i * 30 * DAY)),
      amountCents: Math.round((cents(amount) * (i + 1)) / months),
      recordedByUserId: userId(spec.assigned!),
      createdAt: sentAt,
    });
}

/** The whole demo as rows, a pure function of the date it is loaded on and the password hash. */
export function buildDemoData(now: Date, passwordHash: string): DemoData {
  const reference = buildReferenceData(passwordHash, now);
  const data: DemoData = {
    territories: reference.territoryRows,
    organisations: reference.organisationRows,
    managementUnits: reference.unitRows,
    users: reference.userRows,
    memberships: reference.membershipRows,
    households: [],
    dwellings: [],
    tenancies: [],
    tenancyRents: [],
    members: [],
    resources: [],
    expenses: [],
    debts: [],
    housingHistory: [],
    notes: [],
    consents: [],
    parties: [],
    evictionProcedures: [],
    evictionProcedureSteps: [],
    evictionProcedureFacts: [],
    evictionProcedureBalances: [],
    tasks: [],
    referrals: [],
    contactAttempts: [],
    referralEvents: [],
    notifications: [],
    diagnostics: [],
    diagnosticShares: [],
    capacityAssessments: [],
    budgetScenarios: [],
    ...buildMeasureRows(now),
    appointments: [],
    appointmentParticipants: [],
    journalEntries: [],
    journalEntryChanges: [],
    workshops: [],
    workshopInvitations: [],
    monthlyPoints: [],
    ...buildPermanenceRows(now),
    ...buildStockRows(now),
    ...buildRentAccountRows(now),
    evaluations: [],
    evaluationShares: [],
    occupancyContracts: [],
    occupancyContractEvents: [],
    slidingEvaluations: [],
    arrearsBalances: [],
    referralContracts: [],
    conventionDwellingRows: [],
    conventionDwellingRents: [],
    partnershipConventions: [],
    conventionDwellings: [],
    conventionAmendments: [],
    housingAids: [],
    housingAidEvents: [],
    poolCapacityAssessments: [],
    housingProjects: [],
    vacancies: [],
    designations: [],
    vacancyProposals: [],
  };
  buildHouseholds(now, data);
  buildReferrals(now, data);
  Object.assign(data, buildAgendaRows(now, data.parties));
  Object.assign(data, buildDiagnosticRows(now, data));
  Object.assign(data, buildJournalRows(now, data));
  const held = buildWorkshopRows(now, data.parties);
  data.workshops = held.workshops;
  data.workshopInvitations = held.workshopInvitations;
  data.journalEntries.push(...held.journalEntries);
  data.journalEntryChanges.push(...held.journalEntryChanges);
  Object.assign(data, buildMonthlyPointRows(now, data));
  Object.assign(data, buildEvaluationRows(now, data));
  const { leaseDwellings, leaseTasks, ...leases } = buildLeaseRows(now, data);
  data.dwellings.push(...leaseDwellings);
  data.tasks.push(...leaseTasks);
  Object.assign(data, leases);
  const { linkEvents, ...arrears } = buildArrearsRows(now, REFERRAL_SPECS, data.occupancyContracts);
  data.occupancyContractEvents.push(...linkEvents);
  Object.assign(data, arrears);
  // Aids for the tenants of Habitat Brenne the association follows (paid to the landlord, who sees them).
  const tenants = data.tenancies
    .filter((t) => t.landlordOrganisationId === organisationId('habitat'))
    .map((t) => t.householdId)
    .filter((id) =>
      data.parties.some((p) => p.householdId === id && p.organisationId === organisationId('passage')),
    );
  Object.assign(data, buildPartnershipRows(now, tenants));
  // Last: the pool's new grids come after those the evaluations compare with.
  Object.assign(data, buildHousingPoolRows(now, data, typologyFor));
  // Then what came of the pool's proposals: past vacancies, their designations and outcomes.
  const { pastVacancies, ...designated } = buildDesignationRows(now, data);
  data.vacancies.push(...pastVacancies);
  Object.assign(data, designated);
  return data;
}
