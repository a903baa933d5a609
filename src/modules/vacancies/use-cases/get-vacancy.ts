import type { Context } from '../../../kernel/context.ts';
import { notFound } from '../../../kernel/errors.ts';
import { poolRefusal, vacancyPublishRefusal } from '../../../shared/access/housing-pool-policy.ts';
import type { TVacancy } from '../../../shared/contracts/vacancies.ts';
import { organisationDepartement } from '../../organisations/index.ts';
import { presentVacancy } from '../vacancy.presenter.ts';
import { vacanciesByIds } from '../vacancies.repository.ts';

/**
 * One vacancy: its landlord's staff read it whatever its state; the social workers of a SIAO or an
 * association read those of their département (an ended one too: its proposals stay to be followed).
 * Anyone else: the same 404 as an unknown vacancy.
 */
export async function getVacancy(ctx: Context, id: string): Promise<TVacancy> {
  const { db, actor } = ctx;
  const [row] = await vacanciesByIds(db, [id]);
  if (!row) throw notFound('Vacance introuvable.');
  if (vacancyPublishRefusal(actor, { landlordOrganisationId: row.vacancy.landlordOrganisationId }) === null)
    return presentVacancy(row, actor, true);
  if (poolRefusal(actor) === null) {
    const departement = await organisationDepartement(db, actor.organisationId);
    if (departement && departement.id === row.vacancy.departementId) return presentVacancy(row, actor, false);
  }
  throw notFound('Vacance introuvable.');
}
