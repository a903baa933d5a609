import { describe, expect, it } from 'vitest';
import { missingForSignature, requiredSignatories, statusFromSignatures } from './signatures.ts';

const objective = {
  title: 'Ouvrir les droits APL',
  indicator: 'Notification CAF',
  targetDate: '2026-06-30',
  briques: ['2.3'],
};

describe('required signatories', () => {
  it('are the household and the association, and the landlord the contract names', () => {
    expect(requiredSignatories({ landlordOrganisationId: null, operatorOrganisationId: 'a' })).toEqual([
      'household',
      'association',
    ]);
    expect(requiredSignatories({ landlordOrganisationId: 'l', operatorOrganisationId: 'a' })).toEqual([
      'household',
      'association',
      'landlord',
    ]);
  });

  it('ask an association subletting the dwelling to sign once', () => {
    expect(requiredSignatories({ landlordOrganisationId: 'a', operatorOrganisationId: 'a' })).toEqual([
      'household',
      'association',
    ]);
  });
});

describe('status from signatures', () => {
  const all = ['household', 'association', 'landlord'] as const;
  it('is a draft without signature, in signature with some, in force with all', () => {
    expect(statusFromSignatures(all, [])).toBe('draft');
    expect(statusFromSignatures(all, ['household'])).toBe('signing');
    expect(statusFromSignatures(all, ['household', 'association'])).toBe('signing');
    expect(statusFromSignatures(all, ['landlord', 'household', 'association'])).toBe('in_force');
    expect(statusFromSignatures(['household', 'association'], ['association', 'household'])).toBe('in_force');
  });
});

describe('what a version lacks before signature', () => {
  it('asks for an objective', () => {
    expect(Object.keys(missingForSignature([]))).toEqual(['objectives']);
  });

  it('names each incomplete field of each objective', () => {
    expect(missingForSignature([objective])).toEqual({});
    expect(
      Object.keys(
        missingForSignature([objective, { ...objective, indicator: ' ', targetDate: null, briques: [] }]),
      ),
    ).toEqual(['objectives.1.indicator', 'objectives.1.targetDate', 'objectives.1.briques']);
  });
});
