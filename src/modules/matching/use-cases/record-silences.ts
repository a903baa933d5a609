import { audit } from '../../../kernel/audit.ts';
import type { AppDeps } from '../../../kernel/deps.ts';
import type { JobDefinition } from '../../../kernel/jobs.ts';
import { formatFileNumber } from '../../../shared/contracts/households.ts';
import { formatDate } from '../../../shared/format.ts';
import { parisDate } from '../../../shared/time.ts';
import { dwellingWords, tellLandlord, tellReferents } from '../proposal-notices.ts';
import { findProposal, overdueProposalIds, updateProposal } from '../proposals.repository.ts';

/**
 * Records, as the system, the silence of every household whose answer period ended before today (in
 * Paris) with no answer and no decision: no answer in the period is a refusal (R441-10), reason « pas
 * de réponse dans le délai ». Each proposal in its own transaction under its row lock, read again
 * there, so a run is idempotent and an answer recorded meanwhile wins. The landlord and the
 * household's referents are told.
 */
export async function recordSilences(deps: Pick<AppDeps, 'db' | 'clock'>): Promise<{ recorded: number }> {
  const now = deps.clock();
  const today = parisDate(now);
  let recorded = 0;
  for (const id of await overdueProposalIds(deps.db, today)) {
    await deps.db.transaction(async (tx) => {
      const row = await findProposal(tx, id, { lock: true });
      const p = row?.proposal;
      if (!row || !p || p.answer || p.decision || p.answerDue >= today) return;
      await updateProposal(tx, p.id, { answer: 'silence', answerReason: 'no_answer', updatedAt: now });
      const dwelling = dwellingWords(row.dwelling);
      await tellLandlord(
        tx,
        { id: p.vacancyId, landlordOrganisationId: row.vacancy.landlordOrganisationId },
        {
          kind: 'proposal.silence',
          title: `Sans réponse du candidat de rang ${p.rank} pour le logement ${dwelling}`,
          body: `Le délai de réponse a pris fin le ${formatDate(p.answerDue)} sans réponse du ménage proposé par ${row.poolOrganisationName} : son silence vaut refus.`,
        },
      );
      await tellReferents(tx, p, now, {
        kind: 'proposal.silence',
        title: `Dossier ${formatFileNumber(row.fileNumber)} : sans réponse dans le délai`,
        body: `Le ménage n’a pas répondu à la proposition du logement ${dwelling} avant le ${formatDate(p.answerDue)} : son silence vaut refus.`,
      });
      await audit(tx, null, {
        action: 'vacancy_proposal.silence',
        entityType: 'vacancy_proposal',
        entityId: p.id,
        householdId: p.householdId,
        details: { answerDue: p.answerDue },
      });
      recorded++;
    });
  }
  return { recorded };
}

/**
 * The `proposal-silences` job: every morning at 06:05 in Paris and once at start, so a period ended
 * while the server was down is still recorded.
 */
export function proposalSilencesJob(deps: Pick<AppDeps, 'db' | 'clock'>): JobDefinition {
  return {
    name: 'proposal-silences',
    cron: '5 6 * * *',
    cronTimeZone: 'Europe/Paris',
    runAtStart: true,
    run: async () => {
      await recordSilences(deps);
    },
  };
}
