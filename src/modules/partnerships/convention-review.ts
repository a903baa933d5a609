import type { Queryable } from '../../kernel/db.ts';
import type { TConventionReview } from '../../shared/contracts/partnerships.ts';
import { formatCents, formatDate } from '../../shared/format.ts';
import { GLA_TASK_LABELS, glaPlan } from '../../shared/partnerships/gla-plan.ts';
import { dwellingYear, prorateYear, yearWindow, daysIncluded } from '../../shared/partnerships/review.ts';
import { amendmentLines, feeText } from '../../shared/partnerships/amendments.ts';
import { inForceOn, occupancyText, termHistory } from '../../shared/partnerships/terms.ts';
import { parisDate } from '../../shared/time.ts';
import { defaultCatalogue } from '../measures/index.ts';
import { departementOf } from '../organisations/index.ts';
import { glaTasksOf } from '../tasks/index.ts';
import { briquesOf, feeOf } from './partnerships.presenter.ts';
import {
  adoptedGlaCost,
  amendmentsOf,
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

/**
 * The convention's review for a year, from its dwellings, their contracts and rents, the terms in force
 * each day (its amendments), the GLA catalogue and the GLA plan's tasks done in « Mes tâches ».
 */
export async function conventionReview(
  q: Queryable,
  record: ConventionRecord,
  year: number,
): Promise<TConventionReview> {
  const c = record.convention;
  const period = { from: c.startOn, until: c.endOn };
  const days = { from: `${year}-01-01`, to: `${year}-12-31` };
  const [entries, amendments] = await Promise.all([conventionDwellingsOf(q, c.id), amendmentsOf(q, c.id)]);
  const ids = entries.map((e) => e.dwellingId);
  const [occupancies, rents, glaTasks] = await Promise.all([
    occupanciesOf(q, ids),
    rentsOf(q, ids),
    glaTasksOf(
      q,
      entries.filter((e) => e.gla).map((e) => e.id),
      days,
    ),
  ]);
  const changes = amendments.map(({ amendment: a }) => ({ on: a.effectiveOn, ...a.changes }));
  const fees = termHistory(
    feeOf(c),
    changes.flatMap(({ on, fee }) => (fee ? [{ on, ...fee }] : [])),
  );
  const dwellings: TConventionReview['dwellings'] = [];
  for (const e of entries) {
    const available = { from: e.availableFrom, until: e.availableUntil };
    const kinds = termHistory(
      e.occupancyKind,
      changes.flatMap(
        ({ on, dwellings: d }) => d?.filter((x) => x.entryId === e.id).map((x) => ({ on, ...x })) ?? [],
      ),
    );
    const window = yearWindow(year, period, available);
    const figures = dwellingYear(year, period, fees, {
      available,
      occupancies: occupancies.filter((o) => o.dwellingId === e.dwellingId),
      rents: rents.filter((r) => r.dwellingId === e.dwellingId),
    });
    const managed = e.gla ? window : null;
    let gla: TConventionReview['dwellings'][number]['gla'] = null;
    if (managed) {
      const cost = await glaCostPerYear(q, e, managed.from);
      const written = glaTasks.filter((t) => t.sourceId === e.id);
      const doneOn = (kind: string, dueOn: string) => {
        const task = written.find((t) => t.kind === kind && t.dueOn === dueOn);
        return task?.status === 'done' && task.closedAt ? parisDate(task.closedAt) : null;
      };
      const tasks = glaPlan(year, { from: managed.from, until: managed.to }).map((t) => ({
        ...t,
        label: GLA_TASK_LABELS[t.kind],
        doneOn: doneOn(t.kind, t.dueOn),
      }));
      const contacts = tasks.filter((t) => t.kind === 'monthly_contact');
      gla = {
        perDwellingYearCents: cost.cents,
        costCents: prorateYear(cost.cents, daysIncluded(managed.from, managed.to), year),
        schemeSource: cost.source,
        tasks,
        contactsPlanned: contacts.length,
        contactsDone: contacts.filter((t) => t.doneOn).length,
        tasksDone: tasks.filter((t) => t.doneOn).length,
      };
    }
    const ended = e.availableUntil !== null && e.availableUntil <= days.to && e.availableUntil >= days.from;
    dwellings.push({
      address: e.address,
      occupancyKind: window ? inForceOn(kinds, window.to) : e.occupancyKind,
      occupancyText: occupancyText(window ?? days, kinds),
      endedOn: ended ? e.availableUntil : null,
      endReason: ended ? e.endReason : null,
      ...figures,
      gla,
    });
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
    feeText: feeText(inForceOn(fees, days.to)),
    amendments: amendments
      .filter(({ amendment: a }) => a.effectiveOn >= days.from && a.effectiveOn <= days.to)
      .map(
        ({ amendment: a }) =>
          `Avenant n° ${a.number} à compter du ${formatDate(a.effectiveOn)} : ${amendmentLines(a.changes).join(' ; ')}`,
      ),
    commitments: c.commitments,
    briques: briquesOf(c),
  };
}

export const reviewTotalsText = (r: TConventionReview) =>
  `${r.totals.dwellings} logement(s) mis à disposition, ${r.totals.occupiedDays} jours occupés et ${r.totals.vacantDays} jours vacants ; participation due : ${formatCents(r.totals.feeCents)}`;
