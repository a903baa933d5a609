import type { Actor } from '../../kernel/actor.ts';
import type { TVacancy } from '../../shared/contracts/vacancies.ts';
import type { ListedVacancy } from './vacancies.repository.ts';

/** A vacancy as listed; only the publishing landlord's staff may end it, while it is open. */
export const presentVacancy = (r: ListedVacancy, actor: Actor, mayPublish: boolean): TVacancy => ({
  id: r.vacancy.id,
  status: r.vacancy.status,
  channel: r.vacancy.channel,
  answerBy: r.vacancy.answerBy,
  visitDetails: r.vacancy.visitDetails,
  visitDates: r.vacancy.visitDates,
  monthlyRentCents: r.vacancy.monthlyRentCents,
  monthlyChargesCents: r.vacancy.monthlyChargesCents,
  publishedAt: r.vacancy.publishedAt.toISOString(),
  endedAt: r.vacancy.endedAt?.toISOString() ?? null,
  endReason: r.vacancy.endReason,
  landlordName: r.landlordName,
  dwelling: r.dwelling,
  canEnd:
    mayPublish && r.vacancy.status === 'open' && r.vacancy.landlordOrganisationId === actor.organisationId,
});
