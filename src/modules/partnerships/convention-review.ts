import type { Queryable } from '../../kernel/db.ts';
import type { TConventionReview } from '../../shared/contracts/partnerships.ts';
import { formatCents, formatDate } from '../../shared/format.ts';
import { GLA_TASK_LABELS, glaPlan } from '../../shared/partnerships/gla-plan.ts';
import { dwellingYear, prorateYear, yearWindow, daysIncluded } from '../../shared/partnerships/review.ts';
import { defaultCatalogue } from '../measures/index.ts';
import { departementOf } from '../organisations/index.ts';
import { briquesOf, feeOf, feeText } from './partnerships.presenter.ts';
import {
  adoptedGlaCost,
  conventionDwellingsOf,
  occupanciesOf,
  rentsOf,
  type ConventionDwellingRecord,
  type ConventionRecord,
} from './partnerships.repository.ts';

/**
 * The GLA cost per dwelling-year in force at the start of the managed part of the year: the version a
 * funder adopted for the dwelling's département, else the shipped catalogue's (fiche 10: about 300 €).
 */
async function glaCostPerYear(q: Queryable, dwelling: ConventionDwellingRecord, onDay: string) {
  const departement = await departementOf(q, dwelling.communeId);
  const adopted = departement ? await adoptedGlaCost(q, departement.id, onDay) : null;
  if (adopted?.costs.perDwellingYearCents != null)
    return {
      cents: adopted.costs.perDwellingYearCents,
      source: `Dispositif GLA de ${adopted.funderName} (${departement!.name}), version du ${formatDate(adopted.effectiveFrom)}`,
    };
  const template = defaultCatalogue().schemes.find((s) => s.code === 'gla');
  return {
    cents: template?.costs.perDwellingYearCents ?? 0,
    source: `Catalogue des dispositifs de Relais, version du ${formatDate(defaultCatalogue().effectiveFrom)}`,
  };
}

/** The convention's review for a year, from its dwellings, their contracts and rents, and the GLA catalogue. */
export async function conventionReview(
  q: Queryable,
  record: ConventionRecord,
  year: number,
): Promise<TConventionReview> {
  const c = record.convention;
  const fee = feeOf(c);
  const period = { from: c.startOn, until: c.endOn };
  const entries = await conventionDwellingsOf(q, c.id);
  const ids = entries.map((e) => e.dwellingId);
  const [occupancies, rents] = await Promise.all([occupanciesOf(q, ids), rentsOf(q, ids)]);
  const dwellings: TConventionReview['dwellings'] = [];
  for (const e of entries) {
    const available = { from: e.availableFrom, until: e.availableUntil };
    const figures = dwellingYear(year, period, fee, {
      available,
      occupancies: occupancies.filter((o) => o.dwellingId === e.dwellingId),
      rents: rents.filter((r) => r.dwellingId === e.dwellingId),
    });
    const managed = e.gla ? yearWindow(year, period, available) : null;
    let gla: TConventionReview['dwellings'][number]['gla'] = null;
    if (managed) {
      const cost = await glaCostPerYear(q, e, managed.from);
      gla = {
        perDwellingYearCents: cost.cents,
        costCents: prorateYear(cost.cents, daysIncluded(managed.from, managed.to), year),
        schemeSource: cost.source,
        tasks: glaPlan(year, { from: managed.from, until: managed.to }).map((t) => ({
          ...t,
          label: GLA_TASK_LABELS[t.kind],
        })),
      };
    }
    dwellings.push({ address: e.address, occupancyKind: e.occupancyKind, ...figures, gla });
  }
  const sum = (pick: (d: (typeof dwellings)[number]) => number) => dwellings.reduce((a, d) => a + pick(d), 0);
  return {
    conventionId: c.id,
    title: c.title,
    landlordName: record.landlordName,
    associationName: record.associationName,
    year,
    dwellings,
    totals: {
      dwellings: dwellings.filter((d) => d.availableDays > 0).length,
      availableDays: sum((d) => d.availableDays),
      occupiedDays: sum((d) => d.occupiedDays),
      vacantDays: sum((d) => d.vacantDays),
      feeCents: sum((d) => d.feeCents),
      glaCostCents: sum((d) => d.gla?.costCents ?? 0),
    },
    feeText: feeText(fee),
    commitments: c.commitments,
    briques: briquesOf(c),
  };
}

export const reviewTotalsText = (r: TConventionReview) =>
  `${r.totals.dwellings} logement(s) mis à disposition, ${r.totals.occupiedDays} jours occupés et ${r.totals.vacantDays} jours vacants ; participation due : ${formatCents(r.totals.feeCents)}`;
