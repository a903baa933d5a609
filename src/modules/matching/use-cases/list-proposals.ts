import type { Context } from '../../../kernel/context.ts';
import { audit, auditMany } from '../../../kernel/audit.ts';
import { notFound } from '../../../kernel/errors.ts';
import { poolRefusal, vacancyPublishRefusal } from '../../../shared/access/housing-pool-policy.ts';
import type { THouseholdProposals, TVacancyProposals } from '../../../shared/contracts/designations.ts';
import { parisDate } from '../../../shared/time.ts';
import { requireHouseholdAccess } from '../../households/index.ts';
import { organisationDepartement } from '../../organisations/index.ts';
import { findVacancy } from '../../vacancies/index.ts';
import { presentHouseholdProposal, presentProposal } from '../proposal.presenter.ts';
import { householdProposalRows, vacancyProposalRows } from '../proposals.repository.ts';

/**
 * The proposals on a vacancy: every one for the vacancy's landlord staff (this is how a landlord sees
 * candidates), those of households its organisation is a current party to for a SIAO's or an
 * association's social worker of the vacancy's département; anyone else is answered as if the
 * vacancy did not exist. Each
 * household shown is an audited read, in the route's transaction.
 */
export async function listVacancyProposals(ctx: Context, vacancyId: string): Promise<TVacancyProposals> {
  const { db, actor } = ctx;
  const vacancy = await findVacancy(db, vacancyId);
  const landlord = vacancy !== null && vacancyPublishRefusal(actor, vacancy) === null;
  if (!vacancy || (!landlord && !(await poolHolderOfDepartement(ctx, vacancy.departementId))))
    throw notFound('Vacance introuvable.');
  const rows = await vacancyProposalRows(
    db,
    vacancyId,
    landlord ? undefined : { organisationId: actor.organisationId, at: ctx.now },
  );
  await auditMany(
    db,
    actor,
    rows.map((r) => ({
      action: 'household.proposals.read',
      entityType: 'household',
      entityId: r.proposal.householdId,
      householdId: r.proposal.householdId,
      details: { via: 'vacancy' },
    })),
  );
  const today = parisDate(ctx.now);
  return { items: rows.map((r) => presentProposal(r, landlord ? 'landlord' : 'referent', today)) };
}

/** A SIAO's or an association's social worker, of the vacancy's département. */
async function poolHolderOfDepartement(ctx: Context, departementId: string | null): Promise<boolean> {
  if (poolRefusal(ctx.actor) !== null || !departementId) return false;
  return (await organisationDepartement(ctx.db, ctx.actor.organisationId))?.id === departementId;
}

/** The household's proposals history, as its parties' social workers read it; the read is audited. */
export async function listHouseholdProposals(
  ctx: Context,
  householdId: string,
): Promise<THouseholdProposals> {
  await requireHouseholdAccess(ctx, householdId);
  const rows = await householdProposalRows(ctx.db, householdId);
  await audit(ctx.db, ctx.actor, {
    action: 'household.proposals.read',
    entityType: 'household',
    entityId: householdId,
    householdId,
    details: { count: rows.length },
  });
  const today = parisDate(ctx.now);
  return { items: rows.map((r) => presentHouseholdProposal(r, today)) };
}
