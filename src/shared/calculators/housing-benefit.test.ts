import { describe, expect, it } from 'vitest';
import type { THousingBenefitInput, THousingBenefitResult } from '../contracts/calculators.ts';
import { estimateHousingBenefit, roundHalfEven } from './housing-benefit.ts';
import { buildScaleSet } from './housing-benefit-scales.ts';
import { loadFileScales } from '../../modules/calculators/index.ts';

const set = buildScaleSet(loadFileScales());

const base: THousingBenefitInput = {
  period: '2024-01',
  zone: 2,
  monthlyRent: 300,
  couple: false,
  dependants: 0,
  annualResources: 0,
  conventioned: false,
  furnished: false,
  flatShare: false,
  room: false,
  disabledMember: false,
};

function estimate(overrides: Partial<THousingBenefitInput>): THousingBenefitResult {
  const outcome = estimateHousingBenefit({ ...base, ...overrides }, set);
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome.result;
}

function refusal(overrides: Partial<THousingBenefitInput>): string {
  const outcome = estimateHousingBenefit({ ...base, ...overrides }, set);
  if (outcome.ok) throw new Error('expected a refusal');
  return outcome.reason;
}

describe('OpenFisca-France 2024 test cases (tests/leximpact/2024), to the cent', () => {
  // famille_monoparentale_un_enfant_0.8_smic_d2: zone 3, rent 400, isolé with one dependant,
  // aide_logement_base_ressources 12 600, ALF (OpenFisca's locataire_hlm is not conventionné).
  const singleParent = { zone: 3, monthlyRent: 400, dependants: 1, annualResources: 12600 } as const;
  // Z_chomeur_célibataire_d1: zone 2, unfurnished rent 300, isolé; the base (not in the outputs)
  // is below R0, which any value under 5 186 € reproduces.
  const jobseeker = { zone: 2, monthlyRent: 300, dependants: 0, annualResources: 2100 } as const;

  it.each([
    ['single parent, January 2024', { ...singleParent, period: '2024-01' }, 271.07],
    ['single parent, October 2024', { ...singleParent, period: '2024-10' }, 283.64],
    ['jobseeker, January 2024', { ...jobseeker, period: '2024-01' }, 291.98],
    ['jobseeker, October 2024', { ...jobseeker, period: '2024-10' }, 301.65],
  ] as const)('%s', (_name, input, expected) => {
    expect(estimate(input).monthlyAmount).toBe(expected);
  });
});

describe('worked example: APL in social housing with the RLS (zone 3, one dependant, January 2024)', () => {
  const result = estimate({
    period: '2024-01',
    zone: 3,
    monthlyRent: 400,
    dependants: 1,
    annualResources: 12600,
    conventioned: true,
  });
  const b = result.breakdown;

  it('takes the ceiling, charges and R0 of the period', () => {
    expect(b.aidKind).toBe('APL');
    expect(b.rentCeiling).toBe(354.51);
    expect(b.retainedRent).toBe(354.51);
    expect(b.flatCharges).toBe(71.25); // 58.08 + 13.17
    expect(b.referenceCeiling).toBe(383.28); // zone 2, one dependant
    expect(b.r0).toBe(8862);
    expect(b.familyRate).toBe(0.027);
  });

  it('computes TL, P0 and the personal contribution unrounded', () => {
    expect(b.rentRatio).toBeCloseTo(354.51 / 383.28, 12);
    expect(b.rentRate).toBeCloseTo(0.0045 * 0.3 + 0.0068 * (354.51 / 383.28 - 0.75), 12);
    expect(b.minimumContribution).toBe(37.91); // 8.5 % × 425.76 = 36.19 < forfait
    expect(b.personalContribution).toBeCloseTo(37.91 + b.participationRate * (12600 - 8862), 10);
    expect(b.aidBeforeThreshold).toBeCloseTo(425.76 - b.personalContribution, 10);
  });

  it('applies the minoration, 98 % of the RLS and the CRDS', () => {
    expect(b.aidAfterDegressivity).toBe(277.43);
    expect(b.flatDeduction).toBe(5);
    expect(result.rlsMonthly).toBe(61.42); // 1 050 €/month is under the 1 351 € ceiling
    expect(b.rlsIncomeCeiling).toBe(1351);
    expect(b.rlsDeduction).toBeCloseTo(0.98 * 61.42, 10);
    expect(b.aidBeforeCrds).toBeCloseTo(212.2384, 10);
    expect(result.monthlyAmount).toBe(211.18); // 212.2384 × 0.995 = 211.1772
  });

  it('skips the RLS for a private conventionné dwelling (APL, no social landlord)', () => {
    const privateApl = estimate({
      period: '2024-01',
      zone: 3,
      monthlyRent: 400,
      dependants: 1,
      annualResources: 12600,
      conventioned: true,
      socialLandlord: false,
    });
    expect(privateApl.rlsMonthly).toBe(0);
    expect(privateApl.breakdown.rlsIncomeCeiling).toBeNull();
    expect(privateApl.monthlyAmount).toBe(271.07);
  });
});

describe('rounding rules', () => {
  it('rounds half to even like numpy, not half up like Math.round', () => {
    expect(roundHalfEven(578.5)).toBe(578);
    expect(roundHalfEven(579.5)).toBe(580);
    // numpy multiplies then rounds: 2.675 × 100 is exactly 267.5 (→ 268), 1.005 × 100 is 100.4999…
    expect(roundHalfEven(2.675, 2)).toBe(2.68);
    expect(roundHalfEven(1.005, 2)).toBe(1);
    expect(roundHalfEven(0.125, 2)).toBe(0.12);
    expect(roundHalfEven(-0.4)).toBe(0);
    expect(Object.is(roundHalfEven(-0.4), -0)).toBe(false);
  });

  it('rounds the resources to the cent, then up to the next 100 €', () => {
    expect(estimate({ annualResources: 12500 }).breakdown.roundedResources).toBe(12500);
    expect(estimate({ annualResources: 12500.01 }).breakdown.roundedResources).toBe(12600);
    expect(estimate({ annualResources: 12500.004 }).breakdown.roundedResources).toBe(12500);
    expect(estimate({ annualResources: 0 }).breakdown.roundedResources).toBe(0);
  });

  it('rounds the actual rent to the euro, half to even, after the furnished 2/3', () => {
    expect(estimate({ monthlyRent: 867.75, furnished: true }).breakdown.actualRent).toBe(578); // 578.5
    expect(estimate({ monthlyRent: 869.25, furnished: true }).breakdown.actualRent).toBe(580); // 579.5
    expect(estimate({ monthlyRent: 300.5 }).breakdown.actualRent).toBe(300);
    expect(estimate({ monthlyRent: 301.5 }).breakdown.actualRent).toBe(302);
  });

  it('applies 2/3 to furnished AL dwellings and to furnished APL rooms only', () => {
    const al = estimate({ monthlyRent: 600, furnished: true });
    expect(al.breakdown.furnishedCoefficientApplied).toBe(true);
    expect(al.breakdown.actualRent).toBe(400);
    const apl = estimate({ monthlyRent: 600, furnished: true, conventioned: true });
    expect(apl.breakdown.furnishedCoefficientApplied).toBe(false);
    expect(apl.breakdown.actualRent).toBe(600);
    const aplRoom = estimate({ monthlyRent: 600, furnished: true, conventioned: true, room: true });
    expect(aplRoom.breakdown.actualRent).toBe(400);
  });

  it('rounds the flat-share and room ceilings to the cent', () => {
    expect(estimate({ zone: 1, flatShare: true }).breakdown.rentCeiling).toBe(239.48); // 319.30 × 0.75
    expect(estimate({ zone: 2, room: true }).breakdown.rentCeiling).toBe(250.45); // 278.28 × 0.9
  });

  it('rounds D and S to the cent and the aid after dégressivité to the cent', () => {
    const result = estimate({ monthlyRent: 780 });
    expect(result.breakdown.degressivityThreshold).toBe(695.7); // 278.28 × 2.5
    expect(result.breakdown.suppressionThreshold).toBe(862.67); // 278.28 × 3.1
    const coefficient = 1 - (780 - 695.7) / (862.67 - 695.7);
    expect(result.breakdown.degressivityCoefficient).toBeCloseTo(coefficient, 12);
    expect(result.breakdown.aidAfterDegressivity).toBe(roundHalfEven(298.45 * coefficient, 2));
    expect(result.breakdown.aidAfterDegressivity).toBe(147.77);
  });

  it('computes the CRDS on the unrounded amount and rounds the paid aid to the cent', () => {
    const result = estimate({
      period: '2024-01',
      zone: 3,
      monthlyRent: 400,
      dependants: 1,
      annualResources: 12600,
      conventioned: true,
    });
    expect(result.breakdown.crds).toBeCloseTo(0.005 * 212.2384, 12);
    expect(result.monthlyAmount).toBe(211.18);
  });
});

describe('composition', () => {
  it('uses the single, couple and dependant ceilings, charges, R0 and TF', () => {
    const single = estimate({}).breakdown;
    expect([
      single.ceilingBasis,
      single.rentCeiling,
      single.flatCharges,
      single.r0,
      single.familyRate,
    ]).toEqual(['single', 278.28, 58.08, 5186, 0.0283]);
    const couple = estimate({ couple: true }).breakdown;
    expect([
      couple.ceilingBasis,
      couple.rentCeiling,
      couple.flatCharges,
      couple.r0,
      couple.familyRate,
    ]).toEqual(['couple', 340.62, 58.08, 7430, 0.0315]);
    const three = estimate({ couple: true, dependants: 3 }).breakdown;
    expect(three.rentCeiling).toBe(roundHalfEven(383.28 + 2 * 55.79, 2));
    expect(three.flatCharges).toBeCloseTo(58.08 + 3 * 13.17, 10);
    expect([three.r0, three.familyRate]).toEqual([9408, 0.0201]);
  });

  it('extends R0 and TF beyond six dependants', () => {
    const six = estimate({ dependants: 6 }).breakdown;
    expect([six.r0, six.familyRate]).toEqual([10454, 0.0173]);
    const eight = estimate({ dependants: 8 }).breakdown;
    expect(eight.r0).toBe(10454 + 2 * 343);
    expect(eight.familyRate).toBeCloseTo(0.0173 - 2 * 0.0006, 12);
  });

  it('uses the flat-share charges of a single person or a couple', () => {
    expect(estimate({ flatShare: true }).breakdown.flatCharges).toBe(29.03);
    expect(estimate({ flatShare: true, couple: true, dependants: 1 }).breakdown.flatCharges).toBeCloseTo(
      58.08 + 13.17,
      10,
    );
  });

  it('gives a room the single ceiling × 0.9 but keeps the household reference for TL', () => {
    const room = estimate({ room: true, couple: true, dependants: 2, monthlyRent: 500 }).breakdown;
    expect(room.ceilingBasis).toBe('single');
    expect(room.rentCeiling).toBe(250.45);
    expect(room.referenceCeiling).toBeCloseTo(383.28 + 55.79, 10);
  });
});

describe('payment threshold, dégressivité, disability', () => {
  // Zone 2, isolé, rent at the ceiling: A0 = 336.36 − 37.91 − 3.135 % × (R − 5 186).
  it('pays no AL when the aid before dégressivité is under 10 €', () => {
    const result = estimate({ annualResources: 14500 });
    expect(result.breakdown.aidBeforeThreshold).toBeCloseTo(6.46, 2);
    expect(result.breakdown.belowPaymentThreshold).toBe(true);
    expect(result.monthlyAmount).toBe(0);
  });

  it('pays an APL under 10 € (threshold 0 €)', () => {
    const result = estimate({ annualResources: 14500, conventioned: true, socialLandlord: false });
    expect(result.breakdown.paymentThreshold).toBe(0);
    expect(result.monthlyAmount).toBe(1.45); // (6.46 − 5) × 0.995
  });

  it('tests the threshold before the 5 € minoration, so an AL under 10 € can be paid', () => {
    const result = estimate({ annualResources: 14300 });
    expect(result.breakdown.aidAfterDegressivity).toBe(12.73);
    expect(result.monthlyAmount).toBe(7.69);
  });

  it('suppresses the aid above S and exempts a household with a disabled member', () => {
    expect(estimate({ monthlyRent: 900 }).monthlyAmount).toBe(0);
    const exempt = estimate({ monthlyRent: 900, disabledMember: true });
    expect(exempt.breakdown.degressivityCoefficient).toBe(1);
    expect(exempt.monthlyAmount).toBe(roundHalfEven(293.45 * 0.995, 2));
  });

  it('uses the zone-1 dégressivité coefficients 3.4 and 4', () => {
    const b = estimate({ zone: 1 }).breakdown;
    expect(b.degressivityThreshold).toBe(roundHalfEven(319.3 * 3.4, 2));
    expect(b.suppressionThreshold).toBe(1277.2);
  });
});

describe('date switches', () => {
  it('changes ceilings, charges and P0 on 1 October', () => {
    const september = estimate({ period: '2024-09' }).breakdown;
    const october = estimate({ period: '2024-10' }).breakdown;
    expect([september.rentCeiling, september.flatCharges, september.minimumContribution]).toEqual([
      278.28, 58.08, 37.91,
    ]);
    expect([october.rentCeiling, october.flatCharges, october.minimumContribution]).toEqual([
      287.35, 59.97, 39.15,
    ]);
    expect(september.r0).toBe(october.r0);
  });

  it('changes R0 on 1 January, not the ceilings', () => {
    const december = estimate({ period: '2023-12' }).breakdown;
    const january = estimate({ period: '2024-01' }).breakdown;
    expect([december.r0, january.r0]).toEqual([4949, 5186]);
    expect(december.rentCeiling).toBe(january.rentCeiling);
  });

  it('changes both on 1 July 2022', () => {
    const june = estimate({ period: '2022-06' }).breakdown;
    const july = estimate({ period: '2022-07' }).breakdown;
    expect([june.rentCeiling, june.r0]).toEqual([259.78, 4683]);
    expect([july.rentCeiling, july.r0]).toEqual([268.87, 4870]);
    expect(estimate({ period: '2021-01' }).breakdown.r0).toBe(4588);
  });

  const social = { conventioned: true, annualResources: 10000 };
  it('changes the RLS amounts on their own dates', () => {
    expect(estimate({ ...social, period: '2023-09' }).rlsMonthly).toBe(45.66);
    expect(estimate({ ...social, period: '2023-10' }).rlsMonthly).toBe(48.22);
    expect(estimate({ ...social, period: '2024-01' }).rlsMonthly).toBe(48.45);
    expect(estimate({ ...social, period: '2025-05' }).rlsMonthly).toBe(48.45);
    expect(estimate({ ...social, period: '2025-06' }).rlsMonthly).toBe(34.83);
  });

  it('changes the RLS income ceilings on 1 January 2024', () => {
    // 10 500 € a year = 875 € a month: above the 2019 ceiling (854), below the 2024 one (895).
    expect(estimate({ conventioned: true, annualResources: 10500, period: '2023-12' }).rlsMonthly).toBe(0);
    expect(estimate({ conventioned: true, annualResources: 10500, period: '2024-01' }).rlsMonthly).toBe(
      48.45,
    );
    // strictly below: 895 × 12 = 10 740 rounds up to 10 800, so 10 700 is the last base with the RLS
    expect(estimate({ conventioned: true, annualResources: 10700 }).rlsMonthly).toBe(48.45);
    expect(estimate({ conventioned: true, annualResources: 10800 }).rlsMonthly).toBe(0);
  });
});

describe('refusals', () => {
  it.each([
    ['overseas', { overseas: true }, /outre-mer/],
    ['foyer', { housingType: 'foyer' }, /logements-foyers/],
    ['student residence', { housingType: 'student_residence' }, /CROUS/],
    ['accession', { housingType: 'accession' }, /accession/],
    ['before 2021', { period: '2020-12' }, /janvier 2021/],
  ] as const)('refuses %s with a French reason', (_name, overrides, reason) => {
    expect(refusal(overrides)).toMatch(reason);
  });

  it('refuses a month after the known scales and names what is missing', () => {
    expect(estimate({ period: '2026-09' }).breakdown.rentCeiling).toBe(290.34);
    expect(refusal({ period: '2026-10' })).toBe(
      'Les barèmes « Loyers plafonds », « Forfait charges », « Participation minimale (P0) » ne sont pas connus pour octobre 2026. Un administrateur peut les ajouter dès leur publication.',
    );
    expect(refusal({ period: '2027-01', room: true })).toMatch(/Abattement forfaitaire R0/);
  });

  it('refuses the RLS months missing from the data only when the RLS applies', () => {
    expect(estimate({ conventioned: true, annualResources: 10000, period: '2021-09' }).rlsMonthly).toBe(
      40.51,
    );
    expect(refusal({ conventioned: true, annualResources: 10000, period: '2021-10' })).toMatch(
      /réduction de loyer de solidarité.*octobre 2021/,
    );
    expect(estimate({ conventioned: true, annualResources: 30000, period: '2021-10' }).rlsMonthly).toBe(0);
    expect(estimate({ period: '2021-10' }).monthlyAmount).toBeGreaterThan(0);
  });
});
