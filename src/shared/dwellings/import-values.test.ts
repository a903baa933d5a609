import { describe, expect, it } from 'vitest';
import {
  readDay,
  readDecimal,
  readEuros,
  readFinancing,
  readFloor,
  readStatus,
  readTypology,
  readYesNo,
} from './import-values.ts';
import { missingRequired, readStockLine, suggestMapping, cellsByField } from './import-lines.ts';

describe('import values', () => {
  it('reads French and plain decimals', () => {
    expect(readDecimal('1 234,56')).toBe(1234.56);
    expect(readDecimal('1\u202f234,5')).toBe(1234.5);
    expect(readDecimal('1.234,56')).toBe(1234.56);
    expect(readDecimal('1234.56')).toBe(1234.56);
    expect(readDecimal('420 €')).toBe(420);
    expect(readDecimal('')).toBeNull();
    expect(readDecimal('12,3,4')).toBeNull();
    expect(readDecimal('abc')).toBeNull();
  });

  it('reads euros into integer cents, refusing negatives', () => {
    expect(readEuros('1 234,56', 'Loyer')).toEqual({ ok: true, value: 123456 });
    expect(readEuros('0,1', 'Loyer')).toEqual({ ok: true, value: 10 });
    expect(readEuros('-3', 'Loyer')).toMatchObject({ ok: false });
    expect(readEuros('douze', 'Loyer')).toEqual({
      ok: false,
      reason: 'Loyer : « douze » n’est pas un montant (ex. 1 234,56).',
    });
  });

  it('reads dd/mm/yyyy, ISO and Excel serial days', () => {
    expect(readDay('05/01/2026', 'D')).toEqual({ ok: true, value: '2026-01-05' });
    expect(readDay('5.1.2026', 'D')).toEqual({ ok: true, value: '2026-01-05' });
    expect(readDay('2026-01-05', 'D')).toEqual({ ok: true, value: '2026-01-05' });
    // Excel: 46027 is 2026-01-05; 61 is 1900-03-01 (after Excel's ghost 29 February 1900).
    expect(readDay('46027', 'D')).toEqual({ ok: true, value: '2026-01-05' });
    expect(readDay('61', 'D')).toEqual({ ok: true, value: '1900-03-01' });
    expect(readDay('29/02/2024', 'D')).toEqual({ ok: true, value: '2024-02-29' });
    expect(readDay('29/02/2025', 'D')).toMatchObject({ ok: false });
    expect(readDay('31/04/2026', 'D')).toMatchObject({ ok: false });
    expect(readDay('01/13/2026', 'D')).toMatchObject({ ok: false });
    expect(readDay('hier', 'Début du bail')).toEqual({
      ok: false,
      reason: 'Début du bail : « hier » n’est pas une date (JJ/MM/AAAA).',
    });
  });

  it('reads the closed lists by code, label or usual spelling', () => {
    expect(readTypology('T3')).toEqual({ ok: true, value: 't3' });
    expect(readTypology('f2')).toEqual({ ok: true, value: 't2' });
    expect(readTypology('4')).toEqual({ ok: true, value: 't4' });
    expect(readTypology('T7')).toEqual({ ok: true, value: 't6' });
    expect(readTypology('Studio')).toEqual({ ok: true, value: 't1' });
    expect(readTypology('T0')).toMatchObject({ ok: false });
    expect(readTypology('maison')).toMatchObject({ ok: false });
    expect(readFinancing('PLAI')).toEqual({ ok: true, value: 'plai' });
    expect(readFinancing('Parc privé conventionné')).toEqual({ ok: true, value: 'private_conventioned' });
    expect(readFinancing('HLM')).toMatchObject({ ok: false });
    expect(readStatus('Loué')).toEqual({ ok: true, value: 'let' });
    expect(readYesNo('Oui', 'A')).toEqual({ ok: true, value: true });
    expect(readYesNo('N', 'A')).toEqual({ ok: true, value: false });
    expect(readYesNo('peut-être', 'A')).toMatchObject({ ok: false });
    expect(readFloor('RDC')).toEqual({ ok: true, value: 0 });
    expect(readFloor('-1')).toEqual({ ok: true, value: -1 });
    expect(readFloor('2e')).toMatchObject({ ok: false });
  });
});

describe('import lines', () => {
  const columns = [
    'Réf logement',
    'Adresse',
    'Code INSEE',
    'Typologie',
    'Loyer',
    'Réf locataire',
    'Nom',
    'Début',
  ];
  const mapping = suggestMapping('stock', columns);

  it('suggests a mapping from the headers and names the required fields left out', () => {
    expect(mapping).toMatchObject({
      reference: 'Réf logement',
      address: 'Adresse',
      commune: 'Code INSEE',
      typology: 'Typologie',
      rent: 'Loyer',
      tenantReference: 'Réf locataire',
    });
    expect(missingRequired('stock', mapping, columns)).toEqual([]);
    expect(missingRequired('stock', { reference: 'Réf logement' }, columns)).toEqual([
      'Adresse',
      'Commune (code INSEE, code postal ou nom)',
    ]);
  });

  it('reads a line, or gives every reason it is refused', () => {
    const m = { ...mapping, tenantName: 'Nom', leaseStartOn: 'Début' };
    const read = (cells: string[]) => readStockLine(cellsByField(m, columns, cells));
    expect(read(['L1', '3 rue Haute', '57463', 'T3', '1 234,56', 'LOC1', 'Mme Durand', '46027'])).toEqual({
      ok: true,
      line: expect.objectContaining({
        reference: 'L1',
        typology: 't3',
        rentCents: 123456,
        tenant: {
          reference: 'LOC1',
          name: 'Mme Durand',
          signedOn: null,
          startOn: '2026-01-05',
          lessorKind: 'legal_person',
        },
      }),
    });
    expect(read(['', '3 rue Haute', '57463', 'T9x', 'abc', 'LOC1', '', ''])).toEqual({
      ok: false,
      reasons: [
        'Référence du logement : valeur manquante.',
        'Typologie : « T9x » n’est pas une typologie (T1 à T6).',
        'Loyer : « abc » n’est pas un montant (ex. 1 234,56).',
        'Début du bail : valeur manquante pour un logement avec locataire.',
      ],
    });
  });
});
