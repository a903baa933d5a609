import type { Queryable } from '../../kernel/db.ts';
import { ROLE_GROUPS } from '../../shared/access/role-groups.ts';
import { TYPOLOGY_LABELS, type Typology } from '../../shared/contracts/household-enums.ts';
import { activeParties } from '../households/index.ts';
import { notifyOrganisation } from '../notifications/index.ts';

/** Where notifications about proposals lead: the vacancy's page, which lists its proposals. */
export const proposalsLink = (vacancyId: string) => `/vacances/${vacancyId}`;

interface Notice {
  kind: string;
  title: string;
  body: string;
}

/** The dwelling in words, for a notification (no household is named in one: emails leave Relais). */
export const dwellingWords = (d: { typology: Typology | null; address: string; commune: string | null }) =>
  `${d.typology ? `${TYPOLOGY_LABELS[d.typology]}, ` : ''}${d.address}${d.commune ? ` (${d.commune})` : ''}`;

/** The landlord's staff who follow the vacancy, in the app and by email. */
export const tellLandlord = (
  q: Queryable,
  vacancy: { id: string; landlordOrganisationId: string },
  notice: Notice,
) =>
  notifyOrganisation(q, {
    organisationId: vacancy.landlordOrganisationId,
    roles: [...ROLE_GROUPS.landlordStaff],
    link: proposalsLink(vacancy.id),
    ...notice,
  });

/**
 * The household's referents: the social workers of the pool it came from and of its current
 * parties (a landlord party has none), each organisation once.
 */
export async function tellReferents(
  q: Queryable,
  proposal: { householdId: string; poolOrganisationId: string; vacancyId: string },
  at: Date,
  notice: Notice,
): Promise<void> {
  const parties = await activeParties(q, proposal.householdId, at);
  const organisations = new Set([proposal.poolOrganisationId, ...parties.map((p) => p.organisationId)]);
  for (const organisationId of organisations)
    await notifyOrganisation(q, {
      organisationId,
      roles: [...ROLE_GROUPS.socialWork],
      link: proposalsLink(proposal.vacancyId),
      ...notice,
    });
}
