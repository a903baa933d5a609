import { eq } from 'drizzle-orm';
import type { Queryable } from '../../src/kernel/db.ts';
import { housingProjects } from '../../src/modules/housing-pool/schema.ts';
import { designations, vacancyProposals } from '../../src/modules/matching/schema.ts';
import type { ProposedOccupancy } from '../../src/shared/contracts/designations.ts';
import type { TCandidateExplanation } from '../../src/shared/contracts/matching.ts';

/**
 * The explanation the ranking writes for a household it keeps (allocation-rules.md §7.4): every hard
 * filter passed with the figures compared and its reference, every signal with its value and points.
 */
export const CANDIDATE_EXPLANATION: TCandidateExplanation = {
  policyVersion: 0,
  filters: [
    {
      code: 'consent',
      label: 'Accord du ménage pour être proposé',
      passed: true,
      detail: 'Accord recueilli le 10/03/2026, non retiré',
      reference: 'RGPD art. 6 ; accord du ménage',
    },
    {
      code: 'demand',
      label: 'Demande de logement social valide',
      passed: true,
      detail: 'Numéro unique 0751224ABC12, à renouveler avant le 30/09/2026',
      reference: 'CCH L441-2-1, R441-2-1',
    },
    {
      code: 'resources',
      label: 'Ressources sous le plafond du financement',
      passed: true,
      detail: 'RFR 2024 : 14 500 € ≤ plafond PLUS 2026 zone B1 catégorie 3 : 41 737 €',
      reference: 'CCH R441-1, arrêté du 29 juillet 1987',
    },
    {
      code: 'surface',
      label: 'Surface minimale pour la taille du ménage',
      passed: true,
      detail: '64 m² ≥ 25 m² pour 2 personnes',
      reference: 'CSS R822-25',
    },
    {
      code: 'accessibility',
      label: 'Accessibilité du logement',
      passed: true,
      detail: 'Aucun besoin d’accessibilité déclaré',
      reference: 'CCH L441-1',
    },
    {
      code: 'cool_off',
      label: 'Délai après un refus',
      passed: true,
      detail: 'Aucun refus d’un T3 dans les 90 derniers jours',
      reference: 'Politique de rapprochement',
    },
    {
      code: 'pending_proposal',
      label: 'Pas déjà proposé sur ce logement',
      passed: true,
      detail: 'Aucune proposition en cours sur ce logement',
      reference: 'Politique de rapprochement',
    },
  ],
  signals: [
    {
      code: 'dalo',
      label: 'Reconnaissance DALO',
      value: 'Reconnu prioritaire le 20/11/2025 (dossier)',
      points: 100,
      weight: '100 points',
      reference: 'CCH L441-2-3',
    },
    {
      code: 'time_in_shelter',
      label: 'Durée en hébergement',
      value: '9 mois depuis le 01/06/2025 (dossier)',
      points: 18,
      weight: '2 points par mois, 24 mois au plus',
      reference: 'CCH L441-1',
    },
  ],
  points: 118,
};

/**
 * A designation and the household's proposal on a vacancy, written straight into the tables: the
 * routes that create them are another module's work. The household must have its housing project.
 */
export async function proposeOn(
  q: Queryable,
  p: {
    vacancyId: string;
    householdId: string;
    designatedByOrganisationId: string;
    rank?: number;
    occupancy?: ProposedOccupancy;
    designatedOn?: string;
    answerDue?: string;
    explanation?: TCandidateExplanation;
  },
): Promise<string> {
  const [project] = await q
    .select({ id: housingProjects.id, poolOrganisationId: housingProjects.poolOrganisationId })
    .from(housingProjects)
    .where(eq(housingProjects.householdId, p.householdId));
  if (!project) throw new Error('Le ménage n’a pas de projet logement.');
  const designatedOn = p.designatedOn ?? '2026-03-10';
  const explanation = p.explanation ?? CANDIDATE_EXPLANATION;
  const [designation] = await q
    .insert(designations)
    .values({
      vacancyId: p.vacancyId,
      designatedOn,
      policyVersion: explanation.policyVersion,
      designatedByOrganisationId: p.designatedByOrganisationId,
    })
    .returning({ id: designations.id });
  const [proposal] = await q
    .insert(vacancyProposals)
    .values({
      designationId: designation!.id,
      vacancyId: p.vacancyId,
      householdId: p.householdId,
      projectId: project.id,
      poolOrganisationId: project.poolOrganisationId,
      rank: p.rank ?? 1,
      occupancy: p.occupancy ?? 'direct_lease',
      notifiedOn: designatedOn,
      answerDue: p.answerDue ?? '2026-03-23',
      explanation,
    })
    .returning({ id: vacancyProposals.id });
  return proposal!.id;
}
