import { describe, expect, it } from 'vitest';
import {
  SCALE_FAMILIES,
  ZHousingBenefitScale,
  buildScaleSet,
  overlapReason,
  scaleAt,
  scaleCoverage,
  type THousingBenefitScale,
} from './housing-benefit-scales.ts';
import { FIRST_PERIOD } from './housing-benefit.ts';
import { loadFileScales } from '../../modules/calculators/index.ts';

const fileScales = loadFileScales();
const set = buildScaleSet(fileScales);

describe('versioned data files', () => {
  it('cover every family, each scale with a source', () => {
    for (const family of SCALE_FAMILIES) expect(set[family].length).toBeGreaterThan(0);
    for (const scale of fileScales) expect(scale.source.length).toBeGreaterThan(10);
  });

  it('hold no overlapping scales within a family', () => {
    fileScales.forEach((scale, i) => {
      const others = fileScales.filter((_, j) => j !== i);
      expect(overlapReason(others, scale)).toBeNull();
    });
  });

  it('give the rent ceilings of the reference tables for every period (zone, composition)', () => {
    const table: [string, '1' | '2' | '3', [number, number, number, number]][] = [
      ['2021-01-01', '1', [296.82, 357.99, 404.6, 58.7]],
      ['2021-10-01', '2', [259.78, 317.97, 357.8, 52.08]],
      ['2022-07-01', '3', [252.0, 305.48, 342.52, 49.09]],
      ['2023-10-01', '1', [319.3, 385.09, 435.24, 63.15]],
      ['2024-10-01', '2', [287.35, 351.72, 395.77, 57.61]],
      ['2025-10-01', '3', [272.12, 329.88, 369.88, 53.01]],
    ];
    for (const [day, zone, [single, couple, oneDependant, perExtraDependant]] of table) {
      expect(scaleAt(set, 'rent_ceilings', day)?.values[zone]).toEqual({
        single,
        couple,
        oneDependant,
        perExtraDependant,
      });
    }
  });

  it('give R0, charges, P0 and RLS values of the reference tables', () => {
    expect(scaleAt(set, 'r0', '2023-06-01')?.values.byDependants).toEqual([
      8456, 8646, 8977, 9311, 9642, 9975,
    ]);
    expect(scaleAt(set, 'r0', '2026-06-01')?.values.single).toBe(5235);
    expect(scaleAt(set, 'flat_charges', '2025-01-01')?.values.flatShare.single).toBe(29.98);
    expect(scaleAt(set, 'minimum_contribution', '2026-01-01')?.values.flatAmount).toBe(39.56);
    expect(scaleAt(set, 'rls_amounts', '2025-07-01')?.values['1'].oneDependant).toBe(54.14);
    expect(scaleAt(set, 'rls_income_ceilings', '2023-06-01')?.values['3'].byDependants[5]).toBe(2671);
    expect(scaleAt(set, 'family_rates', '2024-01-01')?.values.byDependants).toEqual([
      0.027, 0.0238, 0.0201, 0.0185, 0.0179, 0.0173,
    ]);
  });
});

describe('scale look-up', () => {
  it('takes the latest scale started on the day and none after an explicit end', () => {
    expect(scaleAt(set, 'rent_ceilings', '2024-09-30')?.effectiveFrom).toBe('2023-10-01');
    expect(scaleAt(set, 'rent_ceilings', '2024-10-01')?.effectiveFrom).toBe('2024-10-01');
    expect(scaleAt(set, 'rent_ceilings', '2026-09-01')?.effectiveFrom).toBe('2025-10-01');
    expect(scaleAt(set, 'rent_ceilings', '2026-10-01')).toBeNull();
    expect(scaleAt(set, 'rent_ceilings', '2020-09-01')).toBeNull();
    expect(scaleAt(set, 'rls_amounts', '2022-06-01')).toBeNull();
  });

  it('reports the months all required families cover', () => {
    expect(scaleCoverage(set, FIRST_PERIOD)).toEqual({ from: '2021-01', to: '2026-09' });
    expect(scaleCoverage(buildScaleSet([]), FIRST_PERIOD)).toEqual({ from: null, to: null });
  });
});

describe('overlap of a new scale', () => {
  const ceilings = (effectiveFrom: string, effectiveTo?: string): THousingBenefitScale => {
    const { values } = scaleAt(set, 'rent_ceilings', '2026-01-01')!;
    return {
      family: 'rent_ceilings',
      effectiveFrom,
      ...(effectiveTo ? { effectiveTo } : {}),
      source: 'Arrêté de test',
      values,
    };
  };

  it('accepts the next scale after an explicit end and refuses one that starts inside it', () => {
    expect(overlapReason(fileScales, ceilings('2026-10-01'))).toBeNull();
    expect(overlapReason(fileScales, ceilings('2026-09-01'))).toBe(
      'Le barème « Loyers plafonds » en vigueur du 01/10/2025 au 30/09/2026 chevauche les dates demandées.',
    );
  });

  it('refuses the same start and an explicit end reaching a later start', () => {
    expect(overlapReason(fileScales, ceilings('2024-10-01'))).toMatch(/à partir du 01\/10\/2024/);
    expect(overlapReason(fileScales, ceilings('2019-01-01', '2020-12-31'))).toMatch(/01\/10\/2020/);
    expect(overlapReason(fileScales, ceilings('2019-01-01', '2020-09-30'))).toBeNull();
  });

  it('ignores other families', () => {
    const r0 = {
      ...scaleAt(set, 'r0', '2025-01-01')!,
      effectiveFrom: '2024-10-01',
      effectiveTo: '2025-06-30',
    };
    expect(overlapReason(fileScales, r0)).toMatch(/R0/);
    expect(
      overlapReason(
        fileScales.filter((s) => s.family !== 'r0'),
        r0,
      ),
    ).toBeNull();
  });

  it('validates a scale with the schema of its family', () => {
    const valid = ceilings('2026-10-01');
    expect(ZHousingBenefitScale.safeParse(valid).success).toBe(true);
    expect(ZHousingBenefitScale.safeParse({ ...valid, effectiveFrom: '2026-10-15' }).success).toBe(false);
    expect(ZHousingBenefitScale.safeParse({ ...valid, effectiveTo: '2026-01-31' }).success).toBe(false);
    expect(ZHousingBenefitScale.safeParse({ ...valid, family: 'r0' }).success).toBe(false);
  });
});
