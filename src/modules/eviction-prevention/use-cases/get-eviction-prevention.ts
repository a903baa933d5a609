import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import type { TEvictionPrevention } from '../../../shared/contracts/eviction-prevention.ts';
import { procedureStages, procedureTimeline } from '../../../shared/eviction-prevention/timeline.ts';
import { parisDate } from '../../../shared/time.ts';
import { procedureToRead } from '../procedure-access.ts';
import { balancesOf, factsOf, instrumentsOf, NO_FACTS } from '../prevention.repository.ts';
import { debtOf, knownDebts, NO_KNOWN_DEBT } from '../debt-balances.ts';

/**
 * The household's eviction prevention: its procedure's deadlines computed by the public calculator
 * from the record, each stage with what the support worker can do, the instruments used. Null when
 * the household has no procedure. The read is audited, a procedure or none.
 */
export async function getEvictionPrevention(
  ctx: Context,
  householdId: string,
): Promise<TEvictionPrevention | null> {
  const procedure = await procedureToRead(ctx, householdId);
  await audit(ctx.db, ctx.actor, {
    action: 'household.eviction_prevention.read',
    entityType: 'household',
    entityId: householdId,
    householdId,
  });
  if (!procedure) return null;
  const [factsRow, balances, instruments] = await Promise.all([
    factsOf(ctx.db, procedure.id),
    balancesOf(ctx.db, procedure.id),
    instrumentsOf(ctx.db, procedure.id),
  ]);
  const facts = factsRow ?? NO_FACTS;
  // Balances noted by hand prevail; without them, the rent account kept in Relais says the debt, and
  // without one the landlord's arrears files of the contracts attached to the file.
  const today = parisDate(ctx.now);
  const known =
    balances.length > 0
      ? NO_KNOWN_DEBT
      : ((await knownDebts(ctx.db, [householdId], today)).get(householdId) ?? NO_KNOWN_DEBT);
  const debt = debtOf(balances, known);
  const landlordFile = known.account.length > 0 ? null : known.landlordFile;
  const timeline = procedureTimeline(facts, procedure.steps, debt);
  return {
    procedureId: procedure.id,
    openedOn: procedure.openedOn,
    closedOn: procedure.closedOn,
    facts: {
      leaseSignedOn: facts.leaseSignedOn,
      lessorKind: facts.lessorKind,
      monthlyRentCents: facts.monthlyRentCents,
      monthlyChargesCents: facts.monthlyChargesCents,
      monthlyBenefitCents: facts.monthlyBenefitCents,
      benefitPaidTo: facts.benefitPaidTo,
      hearingScheduledOn: facts.hearingScheduledOn,
      version: factsRow?.rowVersion ?? null,
    },
    balances,
    accountBalances: known.account,
    landlordFile,
    debtSource:
      balances.length > 0
        ? 'noted'
        : known.account.length > 0
          ? 'rent_account'
          : landlordFile
            ? 'landlord_file'
            : null,
    deadlines: timeline.deadlines,
    timelineProblem: timeline.ok ? null : timeline.problem,
    stages: procedureStages(procedure.steps, debt, timeline.deadlines, today).map(
      ({ label, actions, reached, current }) => ({ label, actions, reached, current }),
    ),
    instruments,
  };
}
