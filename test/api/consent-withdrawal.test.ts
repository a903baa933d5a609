import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNotNull } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { makeOrgWithUsers, type TestSession } from '../helpers/factories.ts';
import { householdParties } from '../../src/modules/households/schema.ts';
import { referrals } from '../../src/modules/referrals/schema.ts';

type Org = Awaited<ReturnType<typeof makeOrgWithUsers>>;

/**
 * A household's agreement to a referral is a consent: when it is withdrawn, every access that rested
 * on it ends — the referrer's and the receiving association's — and the file shows what remains.
 */
describe('withdrawing the agreement a referral rests on', () => {
  let t: TestApp;
  let landlord: Org;
  let siao: Org;
  let asso: Org;
  const s = (org: Org, role: string) => org.members[role]!.session;
  const send = (session: TestSession, url: string, payload: object) =>
    t.app.inject({ method: 'POST', url, headers: session.headers, payload });
  const read = (session: TestSession, url: string) =>
    t.app.inject({ method: 'GET', url, headers: session.headers });

  /** Refer, accept with a caseworker: the household's file and the agreement's consent id. */
  async function referredAndAccepted(from: TestSession, body: object) {
    const sent = await send(from, '/api/referrals', { ...body, toOrganisationId: asso.org.id });
    expect(sent.statusCode, sent.body).toBe(201);
    const referralId = sent.json().id as string;
    const accepted = await send(s(asso, 'team_manager'), `/api/referrals/${referralId}/accept`, {
      caseworkerUserId: asso.members.caseworker!.user.id,
      version: 1,
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const [referral] = await t.deps.db.select().from(referrals).where(eq(referrals.id, referralId));
    return { householdId: referral!.householdId, consentId: referral!.agreementConsentId! };
  }
  const partiesSeenBy = async (session: TestSession, householdId: string) =>
    (
      (await read(session, `/api/households/${householdId}/parties`)).json().items as {
        organisationName: string;
        basisLabel: string;
        consentLabel: string | null;
      }[]
    ).map((p) => [p.organisationName, p.basisLabel, p.consentLabel]);

  beforeAll(async () => {
    t = await createTestApp();
    t.setNow(new Date('2026-03-02T09:00:00.000Z'));
    landlord = await makeOrgWithUsers(t.deps, 'landlord', ['landlord_social_advisor']);
    siao = await makeOrgWithUsers(t.deps, 'siao', ['caseworker']);
    asso = await makeOrgWithUsers(t.deps, 'association', ['caseworker', 'team_manager']);
  });
  afterAll(() => t.close());

  it('ends the association’s and the referrer’s access on that basis; the landlord keeps its own tenant', async () => {
    const { householdId, consentId } = await referredAndAccepted(s(landlord, 'landlord_social_advisor'), {
      kind: 'maintenance',
      householdAgreement: { method: 'signed_form', givenOn: '2026-03-01' },
      newHousehold: {
        members: [
          { firstName: 'Awa', lastName: 'Diallo', relationship: 'reference_person', isReferencePerson: true },
        ],
        dwellingAddress: '12 rue des Lilas, 59000 Lille',
      },
      reasons: ['arrears'],
      arrears: { amountCents: 120_000, months: 3 },
    });
    const caseworker = s(asso, 'caseworker');
    expect(await partiesSeenBy(caseworker, householdId)).toEqual(
      expect.arrayContaining([
        [asso.org.name, 'Saisine acceptée', 'Accord du ménage du 01/03/2026'],
        [landlord.org.name, 'Saisine adressée', 'Accord du ménage du 01/03/2026'],
        [landlord.org.name, 'Locataire du bailleur', null],
      ]),
    );

    const revoked = await send(caseworker, `/api/households/${householdId}/consents/${consentId}/revoke`, {
      reason: 'Le ménage ne souhaite plus d’accompagnement.',
    });
    expect(revoked.statusCode, revoked.body).toBe(204);

    expect((await read(caseworker, `/api/households/${householdId}`)).statusCode).toBe(404);
    // The file shows the one basis that remains: the landlord's own tenancy record.
    expect(await partiesSeenBy(s(landlord, 'landlord_social_advisor'), householdId)).toEqual([
      [landlord.org.name, 'Locataire du bailleur', null],
    ]);
    const ended = await t.deps.db
      .select({ basis: householdParties.basis, reason: householdParties.endedReason })
      .from(householdParties)
      .where(and(eq(householdParties.householdId, householdId), isNotNull(householdParties.endedAt)));
    expect(ended.map((p) => p.basis).sort()).toEqual(['consent', 'referral_accepted', 'referral_made']);
    expect(new Set(ended.map((p) => p.reason))).toEqual(
      new Set(['Accord retiré : Le ménage ne souhaite plus d’accompagnement.']),
    );
  });

  it('leaves a referrer with no other basis without access at all', async () => {
    const { householdId, consentId } = await referredAndAccepted(s(siao, 'caseworker'), {
      kind: 'access',
      householdAgreement: { method: 'oral_with_witness', givenOn: '2026-03-01', witnessName: 'M. Leroy' },
      newHousehold: {
        members: [
          {
            firstName: 'Karim',
            lastName: 'Benali',
            relationship: 'reference_person',
            isReferencePerson: true,
          },
        ],
        housingSituation: 'chrs',
      },
      readyToLeave: true,
      housingProject: 'T2 sur la métropole.',
    });
    const revoked = await send(
      s(siao, 'caseworker'),
      `/api/households/${householdId}/consents/${consentId}/revoke`,
      {
        reason: 'Retrait de l’accord.',
      },
    );
    expect(revoked.statusCode, revoked.body).toBe(204);
    for (const session of [s(siao, 'caseworker'), s(asso, 'caseworker')]) {
      expect((await read(session, `/api/households/${householdId}`)).statusCode).toBe(404);
    }
  });
});
