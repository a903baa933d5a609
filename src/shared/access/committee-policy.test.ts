import { describe, expect, it } from 'vitest';
import type { Role } from '../contracts/roles.ts';
import { canAddItem, canConvene, convenes, sitsOn } from './committee-policy.ts';

const as = (...roles: Role[]) => ({ organisationId: 'org-a', roles });
const own = { organisationId: 'org-a' };
const other = { organisationId: 'org-b' };

describe('committee policy', () => {
  it('leaves convening to coordinators and administrators, for their own organisation', () => {
    expect(canConvene(as('committee_coordinator'))).toBe(true);
    expect(canConvene(as('caseworker'))).toBe(false);
    expect(convenes(as('committee_coordinator'), own)).toBe(true);
    expect(convenes(as('committee_coordinator'), other)).toBe(false);
    expect(convenes(as('caseworker'), own)).toBe(false);
  });

  it('lets members and the convening organisation read the meetings', () => {
    expect(sitsOn(as('caseworker'), own, [])).toBe(true);
    expect(sitsOn(as('caseworker'), other, ['org-a'])).toBe(true);
    expect(sitsOn(as('caseworker'), other, ['org-c'])).toBe(false);
  });

  it('lets parties’ staff put a household on the agenda, and the coordinators any waiting one', () => {
    expect(canAddItem(as('caseworker'), other, true)).toBe(true);
    expect(canAddItem(as('landlord_social_advisor'), other, true)).toBe(true);
    expect(canAddItem(as('caseworker'), other, false)).toBe(false);
    expect(canAddItem(as('auditor'), other, true)).toBe(false);
    expect(canAddItem(as('committee_coordinator'), own, false)).toBe(true);
  });
});
