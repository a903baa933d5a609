import { describe, expect, it } from 'vitest';
import { appointmentView } from './visibility.ts';

const appointment = { organisationId: 'asso', organisationIds: ['bailleur'] };

describe('appointmentView', () => {
  it('gives the planning organisation’s caseworkers the whole appointment', () => {
    expect(appointmentView({ organisationId: 'asso', level: 'caseworker' }, appointment)).toBe('full');
    expect(appointmentView({ organisationId: 'asso', level: null }, appointment)).toBe('full');
  });
  it('gives a partner taking part the appointment without its note', () => {
    expect(appointmentView({ organisationId: 'bailleur', level: 'landlord_summary' }, appointment)).toBe(
      'without_note',
    );
    expect(appointmentView({ organisationId: 'bailleur', level: null }, appointment)).toBe('without_note');
  });
  it('hides it from a party not taking part, and from anyone without access', () => {
    expect(appointmentView({ organisationId: 'siao', level: 'party' }, appointment)).toBe('hidden');
    expect(appointmentView({ organisationId: 'bailleur', level: 'none' }, appointment)).toBe('hidden');
    expect(appointmentView({ organisationId: 'asso', level: 'none' }, appointment)).toBe('hidden');
  });
});
