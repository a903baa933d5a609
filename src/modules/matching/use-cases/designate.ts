import type { z } from 'zod';
import type { Context } from '../../../kernel/context.ts';
import { auditMany } from '../../../kernel/audit.ts';
import { AppError, forbidden, invalid, notFound, type FieldErrors } from '../../../kernel/errors.ts';
import { designationRefusal } from '../../../shared/access/designation-policy.ts';
import type { TDesignation, ZDesignationCreate } from '../../../shared/contracts/designations.ts';
import { formatFileNumber } from '../../../shared/contracts/households.ts';
import { answerDueError, offerDeadline } from '../../../shared/designations/rules.ts';
import { formatDate } from '../../../shared/format.ts';
import { parisDate } from '../../../shared/time.ts';
import { findProject } from '../../housing-pool/index.ts';
import { requireHouseholdAccess } from '../../households/index.ts';
import { organisationDepartement } from '../../organisations/index.ts';
import { findVacancy, vacanciesByIds } from '../../vacancies/index.ts';
import { checkCandidates } from './check-candidates.ts';
import { presentProposal } from '../proposal.presenter.ts';
import { dwellingWords, tellLandlord, tellReferents } from '../proposal-notices.ts';
import {
  insertDesignation,
  insertProposals,
  meetingCommittee,
  vacancyProposalRows,
} from '../proposals.repository.ts';

/**
 * A SIAO's or an association's social worker puts up to three households forward on an open vacancy
 * of its département, in order (allocation-rules.md §4.2, §4.5): each a household its organisation is
 * a current party to, with a housing project and the consent to be proposed, passing the matching's
 * hard filters (their explanation and the policy's version are kept). Each household has at least ten
 * days to answer (R441-10). The vacancy's row is locked, so two designations on it wait for each other.
 * The landlord's staff and each household's referents are told.
 */
export async function designate(
  ctx: Context,
  vacancyId: string,
  input: z.output<typeof ZDesignationCreate>,
): Promise<TDesignation> {
  const { db, actor } = ctx;
  const refusal = designationRefusal(actor);
  if (refusal) throw forbidden(refusal);
  const today = parisDate(ctx.now);
  const vacancy = await findVacancy(db, vacancyId, { lock: true });
  const departement = await organisationDepartement(db, actor.organisationId);
  if (!vacancy || !departement || vacancy.departementId !== departement.id)
    throw notFound('Vacance introuvable.');
  if (vacancy.status !== 'open')
    throw new AppError(
      'INVALID_STATE',
      'Cette vacance n’est plus ouverte : aucun ménage ne peut y être désigné.',
    );
  // Each household first: one the organisation is no party to answers as an unknown one.
  for (const c of input.candidates) await requireHouseholdAccess(ctx, c.householdId);

  const errors: FieldErrors = {};
  const projects = new Map<string, NonNullable<Awaited<ReturnType<typeof findProject>>>>();
  for (const [i, c] of input.candidates.entries()) {
    const field = `candidates.${i}.householdId`;
    const project = await findProject(db, c.householdId);
    if (input.candidates.findIndex((o) => o.householdId === c.householdId) < i)
      errors[field] = 'Ce ménage est déjà désigné plus haut dans la liste.';
    else if (!project)
      errors[field] = 'Ce ménage n’a pas de projet logement : ouvrez-le avant de le proposer.';
    else projects.set(c.householdId, project);
  }
  if (input.candidates.length < 3 && !input.fewerReason)
    errors.fewerReason =
      'Indiquez pourquoi moins de trois ménages sont désignés (la commission en examine trois, article R441-3 du CCH).';
  if (input.designatedOn > today)
    errors.designatedOn = 'La désignation ne peut pas être datée d’un jour à venir.';
  if (input.notifiedOn > today)
    errors.notifiedOn = 'La proposition ne peut pas être notifiée un jour à venir.';
  else if (input.notifiedOn < input.designatedOn)
    errors.notifiedOn = 'Le ménage est prévenu au plus tôt le jour de sa désignation.';
  const dueError = input.answerDue && answerDueError(input.notifiedOn, input.answerDue, departement.code);
  if (dueError) errors.answerDue = dueError;
  if (input.meetingId) {
    const meeting = await meetingCommittee(db, input.meetingId);
    if (!meeting || meeting.organisationId !== actor.organisationId || meeting.kind !== 'designation')
      errors.meetingId = 'Choisissez une réunion d’un comité de désignation de votre organisation.';
  }
  if (Object.keys(errors).length > 0) throw invalid(errors);

  const householdIds = input.candidates.map((c) => c.householdId);
  const checked = await checkCandidates(ctx, vacancyId, householdIds);
  for (const [i, householdId] of householdIds.entries()) {
    const check = checked.checks.get(householdId);
    if (check?.passes) continue;
    errors[`candidates.${i}.householdId`] = check
      ? check.explanation.filters
          .filter((f) => !f.passed)
          .map((f) => f.detail)
          .join(' ; ')
      : 'Ce ménage n’est dans aucun vivier du département du logement.';
  }
  if (Object.keys(errors).length > 0) throw invalid(errors);

  const designation = await insertDesignation(db, {
    vacancyId,
    meetingId: input.meetingId,
    designatedOn: input.designatedOn,
    policyVersion: checked.policyVersion,
    fewerReason: input.candidates.length < 3 ? input.fewerReason : null,
    designatedByOrganisationId: actor.organisationId,
    designatedByUserId: actor.userId,
    createdAt: ctx.now,
  });
  const answerDue = input.answerDue ?? offerDeadline(input.notifiedOn, { departementCode: departement.code });
  const values = input.candidates.map((c, i) => ({
    designationId: designation.id,
    vacancyId,
    householdId: c.householdId,
    projectId: projects.get(c.householdId)!.id,
    poolOrganisationId: projects.get(c.householdId)!.poolOrganisationId,
    rank: i + 1,
    occupancy: c.occupancy,
    notifiedOn: input.notifiedOn,
    answerDue,
    explanation: checked.checks.get(c.householdId)!.explanation,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  }));
  await insertProposals(db, values);

  const [listed] = await vacanciesByIds(db, [vacancyId]);
  const dwelling = dwellingWords(listed!.dwelling);
  const count = values.length;
  await tellLandlord(db, vacancy, {
    kind: 'proposal.designated',
    title: `${count} candidat${count > 1 ? 's' : ''} proposé${count > 1 ? 's' : ''} pour le logement ${dwelling}`,
    body: `${actor.organisationName} a désigné ${count > 1 ? `${count} ménages, dans l’ordre` : 'un ménage'} le ${formatDate(input.designatedOn)}. Réponse des ménages attendue au plus tard le ${formatDate(answerDue)}.`,
  });
  const rows = await vacancyProposalRows(db, vacancyId, {
    organisationId: actor.organisationId,
    at: ctx.now,
  });
  const mine = rows.filter((r) => r.proposal.designationId === designation.id);
  for (const r of mine)
    await tellReferents(db, r.proposal, ctx.now, {
      kind: 'proposal.designated',
      title: `Dossier ${formatFileNumber(r.fileNumber)} proposé sur un logement`,
      body: `${actor.organisationName} a proposé le ménage au rang ${r.proposal.rank} sur le logement ${dwelling} de ${listed!.landlordName}. Sa réponse est attendue au plus tard le ${formatDate(answerDue)}.`,
    });
  await auditMany(
    db,
    actor,
    mine.map((r) => ({
      action: 'vacancy_proposal.designate',
      entityType: 'vacancy_proposal',
      entityId: r.proposal.id,
      householdId: r.proposal.householdId,
      details: {
        rank: r.proposal.rank,
        occupancy: r.proposal.occupancy,
        answerDue,
        policyVersion: checked.policyVersion,
        dwelling,
      },
    })),
  );
  return {
    id: designation.id,
    vacancyId,
    meetingId: designation.meetingId,
    designatedOn: designation.designatedOn,
    policyVersion: designation.policyVersion,
    fewerReason: designation.fewerReason,
    proposals: mine.map((r) => presentProposal(r, 'referent', today)),
  };
}
