import { describe, expect, it } from 'vitest';
import {
  CAPACITY_CRITERION_KEYS,
  type CapacityCriterion,
  type CapacityScore,
  type TCapacityScores,
} from '../contracts/diagnostics.ts';
import { axisAverages, deriveReadiness } from './capacity.ts';

const grid = (
  base: CapacityScore,
  overrides: Partial<Record<CapacityCriterion, CapacityScore>> = {},
): TCapacityScores =>
  Object.fromEntries(
    CAPACITY_CRITERION_KEYS.map((k) => [k, { score: overrides[k] ?? base }]),
  ) as TCapacityScores;

describe('capacité à habiter', () => {
  it('averages each axis', () => {
    expect(axisAverages(grid(4, { upkeep: 2 }))).toEqual({ occupy: 3.5, finance: 4, environment: 4 });
  });
  it('is ready when no criterion is at 1 and every axis averages at least 3', () => {
    expect(deriveReadiness(grid(3))).toBe('ready');
    expect(deriveReadiness(grid(4, { upkeep: 2, neighbours: 2 }))).toBe('ready');
  });
  it('asks for support when an axis averages below 3', () => {
    expect(deriveReadiness(grid(4, { collective_rules: 2, neighbours: 2 }))).toBe('ready_with_support');
  });
  it('asks for support when a non-financial criterion is at 1 even with good averages', () => {
    expect(deriveReadiness(grid(4, { upkeep: 1 }))).toBe('ready_with_support');
  });
  it('is not yet ready when a financial criterion is at 1', () => {
    expect(deriveReadiness(grid(4, { debts: 1 }))).toBe('not_yet');
  });
});
