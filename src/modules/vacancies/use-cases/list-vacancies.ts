import type { Context } from '../../../kernel/context.ts';
import { forbidden } from '../../../kernel/errors.ts';
import { poolRefusal, vacancyPublishRefusal } from '../../../shared/access/housing-pool-policy.ts';
import type { TVacancyList } from '../../../shared/contracts/vacancies.ts';
import { organisationDepartement } from '../../organisations/index.ts';
import { presentVacancy } from '../vacancy.presenter.ts';
import { landlordVacancies, openVacanciesIn } from '../vacancies.repository.ts';

/**
 * A landlord's staff see their organisation's vacancies (open and ended); the social workers of a
 * SIAO or association see the open vacancies of their département. No household is named here.
 */
export async function listVacancies(ctx: Context): Promise<TVacancyList> {
  const { db, actor } = ctx;
  if (vacancyPublishRefusal(actor) === null) {
    const rows = await landlordVacancies(db, actor.organisationId);
    return { items: rows.map((r) => presentVacancy(r, actor, true)), canPublish: true };
  }
  const refusal = poolRefusal(actor);
  if (refusal)
    throw forbidden(
      'Les vacances sont lues par les bailleurs qui les publient, les SIAO et les associations.',
    );
  const departement = await organisationDepartement(db, actor.organisationId);
  const rows = departement ? await openVacanciesIn(db, departement.id) : [];
  return { items: rows.map((r) => presentVacancy(r, actor, false)), canPublish: false };
}
