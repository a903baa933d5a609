import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../contracts/roles.ts';
import { canConsultOrganisationAudit } from './organisation-access.ts';

describe('canConsultOrganisationAudit', () => {
  const scope = (roles: Role[]) => ({ organisationId: 'o', organisationType: 'association' as const, roles });

  it.each(ROLES.map((r) => [r, r === 'admin' || r === 'auditor'] as const))('%s → %s', (role, allowed) => {
    expect(canConsultOrganisationAudit(scope([role]))).toBe(allowed);
  });

  it('is allowed when one of several roles allows it', () => {
    expect(canConsultOrganisationAudit(scope(['caseworker', 'auditor']))).toBe(true);
  });
});
