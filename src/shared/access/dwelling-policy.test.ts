import { describe, expect, it } from 'vitest';
import { ORGANISATION_TYPES, ROLES, type OrganisationType, type Role } from '../contracts/roles.ts';
import { DWELLING_ACTIONS, canDoDwelling, dwellingRefusal } from './dwelling-policy.ts';

const OWN = { landlordOrganisationId: 'org-me' };
const OTHER = { landlordOrganisationId: 'org-other' };
const as = (organisationType: OrganisationType, ...roles: Role[]) => ({
  organisationId: 'org-me',
  organisationType,
  roles,
});

// The roles of a landlord that manage its stock; every other role, and every other organisation, may not.
const MANAGERS: Role[] = ['landlord_social_advisor', 'landlord_rental_manager', 'admin'];

describe('dwelling policy', () => {
  for (const type of ORGANISATION_TYPES)
    for (const role of ROLES)
      for (const action of DWELLING_ACTIONS) {
        const allowed = type === 'landlord' && MANAGERS.includes(role);
        it(`${type} ${role} ${action}: own stock ${allowed ? 'yes' : 'no'}, another landlord's no`, () => {
          expect(canDoDwelling(as(type, role), action)).toBe(allowed);
          expect(canDoDwelling(as(type, role), action, OWN)).toBe(allowed);
          expect(canDoDwelling(as(type, role), action, OTHER)).toBe(false);
        });
      }

  it('says why in French', () => {
    expect(dwellingRefusal(as('association', 'admin'), 'read_stock')).toMatch(/bailleur/);
    expect(dwellingRefusal(as('landlord', 'auditor'), 'manage_stock')).toMatch(/gestion locative/);
    expect(dwellingRefusal(as('landlord', 'admin'), 'read_stock', OTHER)).toBe(
      'Ce logement appartient à un autre bailleur.',
    );
  });
});
