import type { TestApp } from './app.ts';
import type { TestSession } from './factories.ts';
import type { THouseholdCreateBody } from '../../src/shared/contracts/households.ts';
import { TENANCY_FIELDS } from '../../src/shared/households/registry.ts';

/** A fixed "today" for household tests (Europe/Paris calendar day 2026-03-10). */
export const TODAY = '2026-03-10';
export const NOW = new Date(`${TODAY}T10:00:00Z`);

export const consentBasis = (validFrom = TODAY, validUntil?: string) => ({
  kind: 'consent' as const,
  consent: { purpose: 'support' as const, validFrom, validUntil, method: 'signed_form' as const },
});

/** A complete household file, every sensitivity class filled, as an association would enter it. */
export function sampleHousehold(overrides: Partial<THouseholdCreateBody> = {}): THouseholdCreateBody {
  return {
    basis: consentBasis(),
    applicationNumber: '0751224ABC12',
    phone: '06 12 34 56 78',
    housingSituation: 'chrs',
    housingSince: '2025-06-01',
    shelterName: 'CHRS Les Tilleuls',
    daloRecognised: true,
    daloDecisionDate: '2025-11-20',
    healthNotes: 'Suivi psychiatrique en cours.',
    justiceNotes: 'Contrôle judiciaire.',
    familyConflictNotes: 'Séparation conflictuelle.',
    members: [
      {
        firstName: 'Hélène',
        lastName: 'Dupré',
        birthDate: '1985-04-12',
        relationship: 'reference_person',
        isReferencePerson: true,
      },
      {
        firstName: 'Léo',
        lastName: 'Dupré',
        birthDate: '2015-09-01',
        relationship: 'child',
        isReferencePerson: false,
      },
    ],
    resources: [{ memberIndex: 0, type: 'rsa', monthlyAmountCents: 63_500 }],
    expenses: [{ category: 'phone', monthlyAmountCents: 2_000 }],
    debts: [{ kind: 'rent_arrears', amountCents: 120_000, startDate: '2024-01-01', repaymentPlan: false }],
    housingHistory: [{ situation: 'hotel', fromDate: '2024-02-01', toDate: '2025-05-31' }],
    ...overrides,
  };
}

export async function createHouseholdAs(
  t: TestApp,
  session: TestSession,
  body: THouseholdCreateBody = sampleHousehold(),
): Promise<string> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/households',
    headers: session.headers,
    payload: body,
  });
  if (res.statusCode !== 201) throw new Error(`household creation failed: ${res.statusCode} ${res.body}`);
  return res.json().id as string;
}

/**
 * The file as a caseworker read it, turned back into a PUT body (what the web form sends): rows
 * keep their ids, resources point at their member by position, the tenancy is its editable fields.
 */
export function toUpdateBody(detail: Record<string, unknown>): Record<string, unknown> {
  const {
    id: _id,
    fileNumber: _f,
    fileLabel: _l,
    accessLevel: _a,
    createdAt: _c,
    updatedAt: _u,
    rentArrears: _r,
    evictionProcedure: _e,
    tenancy,
    ...rest
  } = detail;
  const resources = (rest.resources as Record<string, unknown>[] | undefined)?.map(
    ({ memberId: _m, ...r }) => r,
  );
  return {
    ...rest,
    ...(resources ? { resources } : {}),
    ...(tenancy === undefined
      ? {}
      : {
          tenancy: tenancy
            ? Object.fromEntries(
                Object.keys(TENANCY_FIELDS).map((k) => [k, (tenancy as Record<string, unknown>)[k]]),
              )
            : null,
        }),
  };
}

/** A dwelling a household's budget is simulated for (a T2 in the social stock, zone 2). */
export const TARGET_DWELLING = {
  label: 'T2 rue des Arts',
  typology: 'T2',
  surfaceM2: 48.2,
  monthlyRentCents: 31_000,
  monthlyChargesCents: null,
  zone: 2,
  conventioned: true,
  socialLandlord: true,
  furnished: false,
};

/**
 * Records the household's consent to a landlord's access (a landlord named in the file by someone
 * else gets none without it).
 */
export async function consentToLandlord(
  t: TestApp,
  session: TestSession,
  householdId: string,
  landlordOrganisationId: string,
): Promise<void> {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/households/${householdId}/consents`,
    headers: session.headers,
    payload: {
      organisationId: landlordOrganisationId,
      purpose: 'diagnostic_sharing',
      validFrom: TODAY,
      method: 'signed_form',
    },
  });
  if (res.statusCode !== 201) throw new Error(`consent failed: ${res.statusCode} ${res.body}`);
}

/** A landlord's maintenance referral of a tenant in arrears not yet in Relais, as its form sends it. */
export const maintenanceReferral = (toOrganisationId: string) => ({
  kind: 'maintenance',
  toOrganisationId,
  newHousehold: {
    members: [
      { firstName: 'Awa', lastName: 'Diallo', relationship: 'reference_person', isReferencePerson: true },
    ],
    phone: '06 12 34 56 78',
    dwellingAddress: '12 rue des Lilas, 59000 Lille',
    monthlyRentCents: 42_000,
  },
  reasons: ['arrears'],
  arrears: { amountCents: 185_000, months: 4 },
  freeText: 'Locataire injoignable depuis deux mois.',
});
