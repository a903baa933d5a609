import { describe, expect, it } from 'vitest';
import type { Role } from '../contracts/roles.ts';
import { dwellingTaskRefusal, type DwellingTaskOwner } from './dwelling-task-policy.ts';

const actor = (userId: string, organisationId: string, ...roles: Role[]) => ({
  userId,
  organisationId,
  roles,
});
const ownedByWorker = { ownerUserId: 'ana', ownerOrganisationId: null, createdByOrganisationId: 'passage' };
const ownedByAssociation = {
  ownerUserId: null,
  ownerOrganisationId: 'passage',
  createdByOrganisationId: 'passage',
};

describe('who closes a dwelling’s task (GLA plan)', () => {
  it.each<[string, ReturnType<typeof actor>, DwellingTaskOwner, 'not_found' | null]>([
    ['its owner', actor('ana', 'passage', 'caseworker'), ownedByWorker, null],
    ['a colleague of its owner', actor('bob', 'passage', 'caseworker'), ownedByWorker, null],
    ['a team manager of the association', actor('cy', 'passage', 'team_manager'), ownedByAssociation, null],
    ['an auditor of the association', actor('dan', 'passage', 'auditor'), ownedByAssociation, 'not_found'],
    ['a caseworker of another association', actor('eve', 'autre', 'caseworker'), ownedByWorker, 'not_found'],
    [
      'the landlord’s staff',
      actor('fay', 'bailleur', 'landlord_rental_manager'),
      ownedByAssociation,
      'not_found',
    ],
  ])('%s', (_, who, task, expected) => {
    expect(dwellingTaskRefusal(who, task)).toBe(expected);
  });
});
