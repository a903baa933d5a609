import { describe, expect, it } from 'vitest';
import { organisationId } from '../../src/demo/territory.ts';
import { organisationDepartement } from '../../src/modules/organisations/index.ts';
import { formatDate } from '../../src/shared/format.ts';
import { parisToday } from '../../src/shared/time.ts';
import { designate, pooledHousehold } from '../helpers/fairness-fixtures.ts';
import { assertAccessible, browserAvailable } from './harness.ts';
import { browserFlow, CASEWORKER } from './flow.ts';

/**
 * On the demo territory, Le Passage's caseworker opens the fairness view of today's designations: her
 * pool's three people alone shown whole, L’Escale's two families masked, with the explanation. The
 * page passes axe.
 */
describe.skipIf(!browserAvailable())('the fairness view of matching', { timeout: 120_000 }, () => {
  const flow = browserFlow();

  it('an association reads the period’s proposals by profile, small counts of other pools masked', async () => {
    const db = flow.t.deps.db;
    const passage = organisationId('passage');
    const departement = await organisationDepartement(db, passage);
    const today = parisToday();
    const alone = (pool: string) => ({
      poolOrganisationId: pool,
      members: [{ firstName: 'Alix', relationship: 'reference_person' as const, birthDate: '1979-03-02' }],
      monthlyResourcesCents: 65_000,
      housingSituation: 'chrs' as const,
      openedOn: `${today.slice(0, 4)}-01-01`,
    });
    const families = (pool: string) => ({
      ...alone(pool),
      members: [
        { firstName: 'Alix', relationship: 'reference_person' as const, birthDate: '1979-03-02' },
        { firstName: 'Lou', relationship: 'child' as const, birthDate: '2016-05-04' },
      ],
      housingSituation: 'hotel' as const,
    });
    const proposals = [
      ...(await Promise.all([0, 1, 2].map(() => pooledHousehold(db, alone(passage))))),
      ...(await Promise.all([0, 1].map(() => pooledHousehold(db, families(organisationId('escale')))))),
    ];
    for (const p of proposals)
      await designate(db, {
        landlordOrganisationId: organisationId('habitat'),
        departementId: departement!.id,
        designatedByOrganisationId: organisationId('siao'),
        designatedOn: today,
        proposals: [p],
      });

    const page = await flow.signedIn(CASEWORKER);
    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Équité des propositions' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Équité des propositions' }).waitFor();
    // Today only: the demo's own designations, over the past months, stay out of the counts.
    const from = page.getByRole('textbox', { name: /^Propositions désignées du/ });
    await from.fill(formatDate(today));
    await from.press('Tab');
    const composition = page.getByRole('table', { name: /^Composition du ménage/ });
    await composition.waitFor();
    const row = (name: string) => composition.getByRole('row', { name: new RegExp(`^${name}`) });
    await expect(row('Personne seule').getByRole('cell').first().textContent()).resolves.toBe('3');
    await expect(row('Famille monoparentale').getByRole('cell').first().textContent()).resolves.toBe(
      'masqué',
    );
    await page.getByText('« Masqué » : moins de 5 ménages, ou masqué pour les protéger').waitFor();
    await assertAccessible(page, 'la vue d’équité des propositions');
  });
});
