import { describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { dwellings } from '../../src/modules/dwellings/schema.ts';
import { notifications } from '../../src/modules/notifications/schema.ts';
import type { TCandidateList } from '../../src/shared/contracts/matching.ts';
import type { TVacancyProposals } from '../../src/shared/contracts/designations.ts';
import { parisToday, addDays } from '../../src/shared/time.ts';
import { assertAccessible, browserAvailable } from './harness.ts';
import {
  api,
  browserFlow,
  CASEWORKER,
  choose,
  demoAccount,
  demoSession,
  LANDLORD_ADVISOR,
  notified,
} from './flow.ts';

/**
 * Issue 12's flow on the demo territory: Habitat Brenne offers a free dwelling; Le Passage's caseworker
 * sees her pool's households ranked for it, each with why; the designation proposes three; the first
 * household refuses, the second accepts; the landlord records the commission's allocation to the
 * second; the referent is told. Every page and dialog passes axe.
 */
describe.skipIf(!browserAvailable())(
  'matching a vacancy with the pool, up to the commission',
  { timeout: 240_000 },
  () => {
    const flow = browserFlow();

    it('ranks with reasons, designates three, records a refusal and an allocation, tells the referent', async () => {
      const t = flow.t;
      const landlordApi = await demoSession(t, LANDLORD_ADVISOR);
      const caseworkerApi = await demoSession(t, CASEWORKER);
      // The landlord offers the first free dwelling of its stock for which three of Le Passage's households qualify.
      const free = await t.deps.db
        .select({ id: dwellings.id })
        .from(dwellings)
        .where(
          and(
            eq(dwellings.landlordOrganisationId, demoAccount(LANDLORD_ADVISOR).organisationId),
            eq(dwellings.status, 'vacant'),
          ),
        )
        .orderBy(dwellings.externalReference);
      const today = parisToday(t.deps.clock());
      let vacancyId = '';
      let ranked: TCandidateList | null = null;
      for (const d of free) {
        const published = await t.app.inject({
          method: 'POST',
          url: '/api/vacancies',
          headers: landlordApi.headers,
          payload: {
            dwellingId: d.id,
            channel: 'bailleur',
            answerBy: addDays(today, 20),
            visitDetails: null,
            visitDates: [],
          },
        });
        if (published.statusCode !== 201) continue;
        const id = published.json().id as string;
        const list = (await api(
          t,
          caseworkerApi,
          'GET',
          `/api/vacancies/${id}/candidates`,
        )) as TCandidateList;
        if (list.candidates.length >= 3) {
          vacancyId = id;
          ranked = list;
          break;
        }
        await api(t, landlordApi, 'POST', `/api/vacancies/${id}/withdraw`, { reason: null });
      }
      expect(ranked, 'un logement libre pour lequel trois ménages du Passage sont candidats').not.toBeNull();
      const [first, second, third] = ranked!.candidates;

      // The association sees its households ranked, each with its conditions and criteria.
      const a = await flow.signedIn(CASEWORKER);
      await a.goto(`${new URL(a.url()).origin}/vacances/${vacancyId}`);
      await a.getByRole('heading', { level: 2, name: 'Candidats de vos viviers' }).waitFor();
      await a.getByRole('button', { name: new RegExp(`Rang ${first!.rank}.*${first!.name}`) }).click();
      await a.getByRole('table', { name: 'Conditions légales pour ce logement' }).first().waitFor();
      await a
        .getByRole('table', { name: /Critères de classement/ })
        .first()
        .waitFor();
      await assertAccessible(a, 'les candidats d’un logement, avec leurs motifs');

      // The designation meeting proposes three, in rank order.
      await a.getByRole('button', { name: 'Proposer des ménages' }).click();
      const designation = a.getByRole('dialog', { name: 'Proposer des ménages pour ce logement' });
      await designation.getByRole('combobox', { name: 'Ménage proposé en 1er' }).waitFor();
      await assertAccessible(a, 'la désignation');
      await designation.getByRole('button', { name: 'Proposer', exact: true }).click();
      await notified(a, 'Ménages proposés');
      const proposals = a.getByRole('table', { name: 'Ménages proposés sur ce logement' });
      for (const c of [first, second, third])
        await proposals.getByRole('row', { name: new RegExp(c!.name) }).waitFor();

      // The first household refuses, with its reason; the second accepts.
      await proposals
        .getByRole('row', { name: new RegExp(first!.name) })
        .getByRole('button', { name: 'Réponse du ménage' })
        .click();
      const refusal = a.getByRole('dialog', { name: `Réponse de ${first!.name}` });
      await choose(a, refusal, 'Réponse', 'Refuse la proposition');
      await choose(a, refusal, 'Motif du refus', 'Localisation (quartier, commune, éloignement)');
      await assertAccessible(a, 'la réponse du ménage');
      await refusal.getByRole('button', { name: 'Enregistrer la réponse' }).click();
      await notified(a, 'Réponse du ménage enregistrée.');
      await proposals
        .getByRole('row', { name: new RegExp(second!.name) })
        .getByRole('button', { name: 'Réponse du ménage' })
        .click();
      const acceptance = a.getByRole('dialog', { name: `Réponse de ${second!.name}` });
      await choose(a, acceptance, 'Réponse', 'Accepte la proposition');
      await acceptance.getByRole('button', { name: 'Enregistrer la réponse' }).click();
      await notified(a, 'Réponse du ménage enregistrée.');

      // The landlord records the commission's allocation to the second.
      const l = await flow.signedIn(LANDLORD_ADVISOR);
      await l.goto(`${new URL(l.url()).origin}/vacances/${vacancyId}`);
      const seen = l.getByRole('table', { name: 'Ménages proposés sur ce logement' });
      await seen.getByRole('row', { name: new RegExp(second!.name) }).waitFor();
      expect(await seen.getByRole('link', { name: 'Dossier pour la commission (PDF)' }).count()).toBe(3);
      await assertAccessible(l, 'les ménages proposés, pour le bailleur');
      await seen
        .getByRole('row', { name: new RegExp(second!.name) })
        .getByRole('button', { name: 'Décision de la commission' })
        .click();
      const decision = l.getByRole('dialog', { name: `Décision pour ${second!.name}` });
      await choose(l, decision, 'Décision', 'Attribution');
      await assertAccessible(l, 'la décision de la commission');
      await decision.getByRole('button', { name: 'Enregistrer la décision' }).click();
      await notified(l, 'Décision enregistrée');

      const after = (await api(
        t,
        landlordApi,
        'GET',
        `/api/vacancies/${vacancyId}/proposals`,
      )) as TVacancyProposals;
      expect(after.items.map((p) => [p.rank, p.answer, p.decision])).toEqual([
        [1, 'refused', null],
        [2, 'accepted', 'allocation'],
        [3, null, null],
      ]);
      expect((await api(t, landlordApi, 'GET', `/api/vacancies/${vacancyId}`)).status).toBe('closed');
      // The referent is told at once, in the app.
      const told = await t.deps.db
        .select({ userId: notifications.userId })
        .from(notifications)
        .where(
          and(
            eq(notifications.kind, 'proposal.decided'),
            inArray(notifications.userId, [demoAccount(CASEWORKER).userId]),
          ),
        );
      expect(told).toHaveLength(1);
      await a.reload();
      await a.getByRole('heading', { level: 2, name: 'Ménages proposés' }).waitFor();
      await assertAccessible(a, 'le logement attribué, pour l’association');
      // Its pool shows the household housed.
      await a.goto(`${new URL(a.url()).origin}/vivier`);
      await a.getByRole('row', { name: new RegExp(`${second!.name}.*Logement attribué`) }).waitFor();
      await assertAccessible(a, 'le vivier, avec un ménage relogé');
    });
  },
);
