import type {
  occupancyContractEvents,
  occupancyContracts,
  referralContracts,
} from '../modules/leases/schema.ts';
import type { arrearsBalances } from '../modules/stock-imports/schema.ts';
import { addDays, parisDate } from '../shared/time.ts';
import { cents, daysAgo } from './dates.ts';
import { householdId, referralId, stableId } from './ids.ts';
import type { ReferralSpec } from './referral-specs.ts';
import { organisationId, userId } from './territory.ts';

type Row<T extends { $inferInsert: unknown }> = T['$inferInsert'];

export interface ArrearsDemoRows {
  arrearsBalances: Row<typeof arrearsBalances>[];
  referralContracts: Row<typeof referralContracts>[];
  linkEvents: Row<typeof occupancyContractEvents>[];
}

/** How many monthly arrears files Habitat Brenne has imported for a tenant it referred from them. */
const FILES = 4;

/**
 * The tenants Habitat Brenne referred from its monthly arrears files (`landlordFile` referrals): the
 * balance of each of the last months' files, grown to the amount the referral reports, and the
 * tenant's contract attached to the household's file by the referral. No balance is noted by hand, so
 * the household's eviction panel computes its deadlines from these files and says so.
 */
export function buildArrearsRows(
  now: Date,
  specs: readonly ReferralSpec[],
  contracts: readonly Row<typeof occupancyContracts>[],
): ArrearsDemoRows {
  const rows: ArrearsDemoRows = { arrearsBalances: [], referralContracts: [], linkEvents: [] };
  const monthStart = `${parisDate(now).slice(0, 7)}-01`;
  for (const spec of specs.filter((s) => s.landlordFile)) {
    const contract = contracts.find(
      (c) =>
        c.householdId === householdId(spec.household) && c.lessorOrganisationId === organisationId('habitat'),
    );
    if (!contract?.id || !spec.arrears) throw new Error(`Saisine ${spec.key} : pas de bail ni d’impayés.`);
    const [amount, months] = spec.arrears;
    // The last months' files, latest first: the one before the referral flagged the amount it reports,
    // the earlier ones a month's rent less each; since the support began the debt has stopped growing.
    const sentOn = parisDate(daysAgo(now, spec.sentDaysAgo));
    const ends = [addDays(monthStart, -1)];
    while (ends.length < FILES) ends.push(addDays(`${ends.at(-1)!.slice(0, 7)}-01`, -1));
    const flagging = Math.max(
      0,
      ends.findIndex((end) => end <= sentOn),
    );
    ends.forEach((end, i) => {
      const unpaid = months - Math.max(0, i - flagging);
      rows.arrearsBalances.push({
        id: stableId(`arrears-balance:${spec.key}:${end}`),
        contractId: contract.id!,
        asOf: end,
        balanceCents: Math.round((cents(amount) * unpaid) / months),
        monthsOfArrears: unpaid,
      });
    });
    rows.referralContracts.push({ referralId: referralId(spec.key), contractId: contract.id });
    rows.linkEvents.push({
      id: stableId(`lease-event:${contract.id}:household_linked`),
      contractId: contract.id,
      event: 'household_linked',
      occurredOn: sentOn,
      note: 'Par la saisine du ménage',
      recordedByUserId: userId(spec.fromUser),
      recordedAt: daysAgo(now, spec.sentDaysAgo),
    });
  }
  return rows;
}
