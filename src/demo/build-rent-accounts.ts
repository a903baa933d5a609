import type { dwellingRents } from '../modules/dwellings/schema.ts';
import type { occupancyContracts } from '../modules/leases/schema.ts';
import type { rentAccounts, rentPostings, repaymentPlans } from '../modules/rent-accounts/schema.ts';
import { monthOf, nextMonth } from '../shared/evaluations/monthly-point.ts';
import {
  CALL_WORDS,
  isCallKind,
  monthShare,
  prorataLabel,
  prorate,
} from '../shared/rent-accounts/proration.ts';
import { parisDate } from '../shared/time.ts';
import { cents, monthsAgo } from './dates.ts';
import { HOUSEHOLD_SPECS } from './household-specs.ts';
import { householdId, stableId } from './ids.ts';
import { organisationId, userId } from './territory.ts';

type Row<T extends { $inferInsert: unknown }> = T['$inferInsert'];

export interface RentAccountDemoRows {
  leaseDwellingRents: Row<typeof dwellingRents>[];
  subleaseContracts: Row<typeof occupancyContracts>[];
  rentAccounts: Row<typeof rentAccounts>[];
  rentPostings: Row<typeof rentPostings>[];
  repaymentPlans: Row<typeof repaymentPlans>[];
}

/** The household whose rent went unpaid two months ago, now on a repayment plan. */
const IN_ARREARS = 'h18';

/**
 * The baux glissants Le Passage holds in Habitat Brenne's stock, with their rent accounts since the
 * household moved in: each month the rent and charges called, the housing benefit paid to the
 * association deducted, the rest paid by transfer on the 5th — but for one household which missed a
 * month and repays it in four instalments.
 */
export function buildRentAccountRows(now: Date): RentAccountDemoRows {
  const rows: RentAccountDemoRows = {
    leaseDwellingRents: [],
    subleaseContracts: [],
    rentAccounts: [],
    rentPostings: [],
    repaymentPlans: [],
  };
  const today = parisDate(now);
  const current = monthOf(today);
  const recordedByUserId = userId('passage-cw1');
  for (const spec of HOUSEHOLD_SPECS) {
    if (spec.situation !== 'sublet' || !spec.rent || !spec.unit) continue;
    const startOn = monthsAgo(now, spec.sinceMonths);
    const at = new Date(`${startOn}T09:00:00Z`);
    const dwellingId = stableId(`dwelling:${spec.key}`);
    const [rent, charges] = [cents(spec.rent[0]), cents(spec.rent[1])];
    const benefit = cents(spec.resources.find((r) => r[0] === 'housing_benefit')?.[1] ?? 0);
    rows.leaseDwellingRents.push({
      id: stableId(`dwelling-rent:${spec.key}`),
      dwellingId,
      effectiveFrom: startOn,
      monthlyRentCents: rent,
      monthlyChargesCents: charges,
    });
    const contractId = stableId(`occupancy-contract:${spec.key}`);
    rows.subleaseContracts.push({
      id: contractId,
      dwellingId,
      kind: 'bail_glissant',
      householdId: householdId(spec.key),
      lessorOrganisationId: organisationId('habitat'),
      lessorKind: 'legal_person',
      intermediaryOrganisationId: organisationId('passage'),
      status: 'active',
      signedOn: startOn,
      startOn,
      createdAt: at,
      updatedAt: at,
    });
    const accountId = stableId(`rent-account:${spec.key}`);
    rows.rentAccounts.push({ id: accountId, contractId, openedOn: startOn, createdAt: at });
    const missed = spec.key === IN_ARREARS ? monthOf(monthsAgo(now, 2)) : null;
    for (let month = monthOf(startOn); month <= current; month = nextMonth(month)) {
      // The first month is called from the move-in day, pro rata temporis.
      const share = monthShare(month, startOn, null)!;
      const line = (kind: Row<typeof rentPostings>['kind'], amountCents: number, postedOn: string) => ({
        id: stableId(`rent-posting:${spec.key}:${month}:${kind}`),
        accountId,
        kind,
        amountCents,
        postedOn,
        periodMonth: kind === 'payment' ? null : month,
        method: kind === 'payment' ? ('transfer' as const) : null,
        label: isCallKind(kind) ? prorataLabel(CALL_WORDS[kind], share) : null,
        recordedByUserId,
        recordedAt: new Date(`${postedOn}T09:00:00Z`),
      });
      const callOn = month === monthOf(startOn) ? startOn : `${month}-01`;
      const calls = [
        line('rent_call', prorate(rent, share), callOn),
        line('charges_call', prorate(charges, share), callOn),
        ...(benefit > 0 ? [line('housing_benefit', prorate(-benefit, share), callOn)] : []),
      ];
      rows.rentPostings.push(...calls);
      const payOn = `${month}-05` < callOn ? callOn : `${month}-05`;
      if (month !== missed && payOn <= today)
        rows.rentPostings.push(line('payment', -calls.reduce((sum, c) => sum + c.amountCents, 0), payOn));
    }
    if (missed)
      rows.repaymentPlans.push({
        id: stableId(`repayment-plan:${spec.key}`),
        accountId,
        version: 1,
        debtCents: rent + charges - benefit,
        instalmentCount: 4,
        startMonth: current,
        note: 'Plan convenu avec le ménage lors de la visite à domicile.',
        createdByUserId: recordedByUserId,
        createdAt: now,
      });
  }
  return rows;
}
