import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../contracts/roles.ts';
import {
  PERMANENCE_ACTIONS,
  canDoPermanence,
  permanenceRefusal,
  type PermanenceAction,
} from './permanence-policy.ts';

const ME = 'user-me';
const as = (...roles: Role[]) => ({ userId: ME, roles });
const STAFFED = { staffUserIds: [ME] };
const NOT_STAFFED = { staffUserIds: ['someone-else'] };

// role → the actions it may do, on a slot it staffs (S) and one it does not (N).
const TABLE: Record<Role, Partial<Record<PermanenceAction, [boolean, boolean]>>> = {
  caseworker: {
    read_slots: [true, true],
    manage_slots: [false, false],
    read_visits: [true, true],
    record_visit: [true, false],
    convert_visit: [true, true],
  },
  team_manager: {
    read_slots: [true, true],
    manage_slots: [true, true],
    read_visits: [true, true],
    record_visit: [true, true],
    convert_visit: [true, true],
  },
  admin: {
    read_slots: [true, true],
    manage_slots: [true, true],
    read_visits: [false, false],
    record_visit: [false, false],
    convert_visit: [false, false],
  },
  landlord_social_advisor: {},
  landlord_rental_manager: {},
  funder_officer: {},
  committee_coordinator: {},
  auditor: {},
};

describe('permanence policy', () => {
  for (const role of ROLES)
    for (const action of PERMANENCE_ACTIONS)
      it(`${role} — ${action}`, () => {
        const [staffed, notStaffed] = TABLE[role][action] ?? [false, false];
        expect(canDoPermanence(as(role), action, STAFFED)).toBe(staffed);
        expect(canDoPermanence(as(role), action, NOT_STAFFED)).toBe(notStaffed);
      });

  it('says why in French', () => {
    expect(permanenceRefusal(as('caseworker'), 'record_visit', NOT_STAFFED)).toMatch(
      /intervenants de cette permanence/,
    );
    expect(permanenceRefusal(as('admin'), 'read_visits')).toMatch(/travailleurs sociaux/);
    expect(permanenceRefusal(as('caseworker'), 'manage_slots')).toMatch(/responsables d’équipe/);
    expect(permanenceRefusal(as('auditor'), 'read_slots')).toMatch(/réservées/);
  });

  it('adds a role’s rights only with that role', () => {
    expect(canDoPermanence(as('admin', 'caseworker'), 'read_visits')).toBe(true);
    expect(canDoPermanence(as('auditor', 'admin'), 'record_visit', STAFFED)).toBe(false);
  });
});
