import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { forbidden } from '../../../kernel/errors.ts';
import { canDecideMeasure, FUNDER_MEASURE_FIELDS } from '../../../shared/access/measure-policy.ts';
import type { TPaging } from '../../../shared/contracts/common.ts';
import type { TFunderHome, TSchemeCosts } from '../../../shared/contracts/measures.ts';
import { programmeMonths } from '../../../shared/measures/consumption.ts';
import { parisDate } from '../../../shared/time.ts';
import {
  eventsOf,
  fundedCounts,
  pendingFundedMeasures,
  fundedSpans,
  referralsBehind,
} from '../measures.repository.ts';
import { formatFileNumber } from '../../../shared/contracts/households.ts';
import { presentMeasure } from '../measure.presenter.ts';
import { programmesOf, schemesFundedBy } from '../schemes.repository.ts';

/** Euros of a number of measure-months and measures, at the unit costs of their scheme version. */
const centsOf = (costs: TSchemeCosts, months: number, measures: number) =>
  (costs.perMonthCents ?? 0) * months +
  (costs.perMeasureCents ?? 0) * measures +
  Math.round(((costs.perDwellingYearCents ?? 0) * months) / 12);

/**
 * The funder's home: measures waiting for its decision, those it funds by scheme and operator, and
 * each programme's measures, months and euros consumed to date and committed. The funder reads the
 * measures it pays for, by file number: never the household file. The waiting measures come a page
 * at a time.
 */
export async function getFunderHome(ctx: Context, paging: TPaging): Promise<TFunderHome> {
  const { db, actor, now } = ctx;
  if (!canDecideMeasure(actor, { funderOrganisationId: actor.organisationId }))
    throw forbidden('Réservé aux chargés de mission et administrateurs d’un financeur.');
  const [pending, funded, spans, schemes, behind] = await Promise.all([
    pendingFundedMeasures(db, actor.organisationId, paging),
    fundedCounts(db, actor.organisationId),
    fundedSpans(db, actor.organisationId),
    schemesFundedBy(db, actor.organisationId),
    referralsBehind(db, actor.organisationId),
  ]);
  const events = await eventsOf(
    db,
    pending.rows.map((r) => r.measure.id),
  );
  const programmes = await programmesOf(
    db,
    schemes.map((s) => s.id),
  );
  const today = parisDate(now);
  const uses = programmes.map((p) => {
    let measures = 0;
    let monthsConsumed = 0;
    let monthsCommitted = 0;
    let centsConsumed = 0;
    let centsCommitted = 0;
    for (const s of spans) {
      if (s.schemeId !== p.schemeId) continue;
      const counted = s.startOn
        ? s.startOn <= p.periodTo && (s.endedOn ?? s.plannedEndOn ?? s.startOn) >= p.periodFrom
        : s.decidedOn !== null && s.decidedOn <= p.periodTo && s.endedOn === null;
      if (!counted) continue;
      const months = programmeMonths(
        { startOn: s.startOn, lastDay: s.endedOn ?? s.plannedEndOn, plannedMonths: s.initialMonths },
        { from: p.periodFrom, to: p.periodTo },
        today,
      );
      measures++;
      monthsConsumed += months.consumed;
      monthsCommitted += months.committed;
      centsConsumed += centsOf(s.costs, months.consumed, 1);
      centsCommitted += centsOf(s.costs, months.committed, 1);
    }
    return {
      id: p.id,
      name: p.name,
      schemeName: schemes.find((s) => s.id === p.schemeId)!.name,
      periodFrom: p.periodFrom,
      periodTo: p.periodTo,
      budgetMeasures: p.budgetMeasures,
      budgetCents: p.budgetCents,
      measures,
      monthsConsumed,
      monthsCommitted,
      centsConsumed,
      centsCommitted,
    };
  });
  await audit(db, actor, {
    action: 'measure.funded.read',
    entityType: 'measure',
    details: {
      count: pending.rows.length,
      householdIds: [
        ...new Set([...pending.rows.map((r) => r.measure.householdId), ...behind.map((r) => r.householdId)]),
      ],
    },
  });
  return {
    pending: {
      items: pending.rows.map((r) => presentMeasure(r, FUNDER_MEASURE_FIELDS, false, events)),
      total: pending.total,
      ...paging,
    },
    funded,
    programmes: uses,
    referrals: behind.map(({ householdId: _household, fileNumber, sentAt, ...r }) => ({
      ...r,
      fileLabel: formatFileNumber(fileNumber),
      sentAt: sentAt.toISOString(),
    })),
  };
}
