import { describe, expect, it } from 'vitest';
import { formatCents } from '../format.ts';
import {
  NO_NAMES,
  atCurrentPath,
  describeRow,
  readableChange,
  referencedIds,
  summariseChanges,
  type ReferenceNames,
} from './display.ts';

const names: ReferenceNames = {
  ...NO_NAMES,
  organisation: new Map([['org-1', 'Habitat de la Brenne']]),
  member: new Map([['m-1', 'Léo Dupré']]),
};

describe('household file in words', () => {
  it('names a field, a tenancy field and a row change, with values as they read', () => {
    expect(readableChange({ field: 'daloRecognised', before: false, after: true })).toEqual({
      label: 'Reconnaissance DALO',
      before: 'Non',
      after: 'Oui',
    });
    expect(
      readableChange({ field: 'tenancy.landlordOrganisationId', before: null, after: 'org-1' }, names),
    ).toEqual({ label: 'Logement actuel : Bailleur', before: '—', after: 'Habitat de la Brenne' });
    expect(
      readableChange({
        field: 'resources.r-1.monthlyAmountCents',
        before: 63_500,
        after: 65_000,
        row: 'RSA',
      }),
    ).toEqual({
      label: 'Ressources — RSA : Montant mensuel',
      before: formatCents(63_500),
      after: formatCents(65_000),
    });
    const added = readableChange(
      {
        field: 'resources.r-2',
        before: null,
        after: { type: 'aah', memberId: 'm-1', monthlyAmountCents: 100 },
      },
      names,
    );
    expect(added.label).toBe('Ressources : ajout — AAH');
    expect(added.after).toContain('Léo Dupré');
    expect(added.after).toContain(formatCents(100));
  });

  it('reads a field an earlier version kept on the household where it lives now', () => {
    const old = { field: 'monthlyRentCents', before: 40_000, after: 42_000 };
    expect(atCurrentPath(old).field).toBe('tenancy.monthlyRentCents');
    expect(readableChange(atCurrentPath(old))).toEqual({
      label: 'Logement actuel : Loyer mensuel',
      before: formatCents(40_000),
      after: formatCents(42_000),
    });
    expect(atCurrentPath({ field: 'phone', before: null, after: 'x' }).field).toBe('phone');
  });

  it('says a field that no longer exists without showing its values', () => {
    expect(readableChange({ field: 'faxNumber', before: '01', after: '02' })).toEqual({
      label: 'Information qui n’existe plus dans le dossier',
      before: '—',
      after: '—',
    });
  });

  it('names rows by what they are, and rows saved before ids by position', () => {
    expect(describeRow('members', { firstName: 'Léo', lastName: 'Dupré' })).toBe('Léo Dupré');
    expect(describeRow('debts', { kind: 'rent_arrears', creditor: 'Habitat' })).toBe(
      'Dette de loyer (Habitat)',
    );
    expect(readableChange({ field: 'members.1.firstName', before: 'Léo', after: 'Léon' }).label).toBe(
      'Composition du ménage — ligne 2 : Prénom',
    );
  });

  it('summarises the parts a version touched, and collects the ids to name', () => {
    expect(
      summariseChanges([
        { field: 'phone' },
        { field: 'members.m-1.firstName' },
        { field: 'tenancy.address' },
      ]),
    ).toBe('Modification : Téléphone, Composition du ménage, Logement actuel');
    const ids = referencedIds([
      { field: 'tenancy.landlordOrganisationId', before: 'org-1', after: 'org-2' },
      { field: 'resources.r-1', before: null, after: { memberId: 'm-1', type: 'rsa' } },
    ]);
    expect([...ids.organisation].sort()).toEqual(['org-1', 'org-2']);
    expect([...ids.member]).toEqual(['m-1']);
  });
});
