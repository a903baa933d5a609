import { describe, expect, it } from 'vitest';
import {
  afterPayment,
  aidDecisionErrors,
  aidPaymentErrors,
  aidRequestErrors,
  renewalRefusal,
  type AidRequestFacts,
  type AidState,
} from './rules.ts';

const TODAY = '2026-06-15';
const request = (over: Partial<AidRequestFacts> = {}): AidRequestFacts => ({
  kind: 'fsl_maintien',
  form: 'grant',
  payee: 'landlord',
  payeeOrganisationId: 'landlord-org',
  contractId: null,
  requestedOn: '2026-06-01',
  months: null,
  renewsAidId: null,
  ...over,
});
const quittance = (over: Partial<AidRequestFacts> = {}) =>
  request({ kind: 'aide_sur_quittance', months: 2, ...over });
const granted: AidState = {
  form: 'grant',
  status: 'granted',
  requestedOn: '2026-06-01',
  decidedOn: '2026-06-10',
  amountGrantedCents: 60_000,
  amountPaidCents: 0,
  lastPaidOn: null,
};

describe('an aid request', () => {
  it('accepts a well-formed request', () => {
    expect(aidRequestErrors(request(), TODAY, null)).toEqual({});
  });

  it('refuses a form the kind does not take', () => {
    expect(aidRequestErrors(request({ kind: 'visale', form: 'grant' }), TODAY, null)).toEqual({
      form: 'Cette forme n’existe pas pour ce type d’aide.',
    });
    expect(aidRequestErrors(request({ kind: 'loca_pass', form: 'loan' }), TODAY, null)).toEqual({});
  });

  it('refuses a request dated tomorrow, accepts today', () => {
    expect(aidRequestErrors(request({ requestedOn: TODAY }), TODAY, null)).toEqual({});
    expect(aidRequestErrors(request({ requestedOn: '2026-06-16' }), TODAY, null)).toHaveProperty(
      'requestedOn',
    );
  });

  it('asks for the contract of a rent account, and only then', () => {
    expect(aidRequestErrors(request({ payee: 'rent_account' }), TODAY, null)).toHaveProperty('contractId');
    expect(aidRequestErrors(request({ payee: 'rent_account', contractId: 'c' }), TODAY, null)).toEqual({});
    expect(aidRequestErrors(request({ contractId: 'c' }), TODAY, null)).toHaveProperty('contractId');
  });

  it('counts an aide sur quittance in 1 to 3 months, and no other aid', () => {
    expect(aidRequestErrors(quittance({ months: 1 }), TODAY, null)).toEqual({});
    expect(aidRequestErrors(quittance({ months: 3 }), TODAY, null)).toEqual({});
    for (const months of [0, 4, null])
      expect(aidRequestErrors(quittance({ months }), TODAY, null)).toEqual({
        months: 'Une aide sur quittance couvre de 1 à 3 mois de loyer.',
      });
    expect(aidRequestErrors(request({ months: 2 }), TODAY, null)).toHaveProperty('months');
  });

  it('renews an aide sur quittance once, never twice', () => {
    const first = { kind: 'aide_sur_quittance', status: 'paid', renewsAidId: null, renewed: false } as const;
    expect(renewalRefusal(first)).toBeNull();
    expect(aidRequestErrors(quittance({ renewsAidId: 'a1' }), TODAY, first)).toEqual({});
    // The renewal itself cannot be renewed, nor the first aid a second time.
    expect(renewalRefusal({ ...first, renewsAidId: 'a0' })).toMatch(/qu’une fois/);
    expect(renewalRefusal({ ...first, renewed: true })).toMatch(/qu’une fois/);
    expect(renewalRefusal({ ...first, status: 'requested' })).toMatch(/accordée/);
    expect(renewalRefusal({ ...first, kind: 'small_grant' })).toMatch(/aide sur quittance/);
    expect(renewalRefusal(null)).toMatch(/aide sur quittance/);
    expect(aidRequestErrors(request({ renewsAidId: 'a1' }), TODAY, first)).toHaveProperty('renewsAidId');
  });
});

describe('a decision', () => {
  const requested: AidState = { ...granted, status: 'requested', decidedOn: null, amountGrantedCents: null };
  const grant = {
    outcome: 'granted',
    decidedOn: '2026-06-10',
    amountGrantedCents: 60_000,
    repaymentSchedule: null,
  } as const;

  it('grants or refuses a requested aid once', () => {
    expect(aidDecisionErrors(requested, grant, TODAY)).toEqual({});
    expect(aidDecisionErrors(requested, { outcome: 'refused', decidedOn: TODAY }, TODAY)).toEqual({});
    expect(aidDecisionErrors(granted, grant, TODAY)).toHaveProperty('outcome');
    expect(aidDecisionErrors({ ...requested, status: 'refused' }, grant, TODAY)).toHaveProperty('outcome');
  });

  it('is dated between the request and today', () => {
    expect(aidDecisionErrors(requested, { ...grant, decidedOn: '2026-06-01' }, TODAY)).toEqual({});
    expect(aidDecisionErrors(requested, { ...grant, decidedOn: '2026-05-31' }, TODAY)).toEqual({
      decidedOn: 'La décision ne peut pas précéder la demande.',
    });
    expect(aidDecisionErrors(requested, { ...grant, decidedOn: '2026-06-16' }, TODAY)).toHaveProperty(
      'decidedOn',
    );
  });

  it('takes a repayment schedule for a loan only, repaying the whole amount', () => {
    const loan = { ...requested, form: 'loan' } as const;
    const schedule = { firstInstalmentOn: '2026-09-10', monthlyCents: 2_400, months: 25 };
    expect(aidDecisionErrors(loan, { ...grant, repaymentSchedule: schedule }, TODAY)).toEqual({});
    expect(aidDecisionErrors(requested, { ...grant, repaymentSchedule: schedule }, TODAY)).toHaveProperty(
      'repaymentSchedule',
    );
    expect(
      aidDecisionErrors(loan, { ...grant, repaymentSchedule: { ...schedule, months: 24 } }, TODAY),
    ).toHaveProperty(['repaymentSchedule.months']);
    expect(
      aidDecisionErrors(
        loan,
        { ...grant, repaymentSchedule: { ...schedule, firstInstalmentOn: '2026-06-09' } },
        TODAY,
      ),
    ).toHaveProperty(['repaymentSchedule.firstInstalmentOn']);
  });
});

describe('a payment', () => {
  it('needs the aid granted first', () => {
    expect(
      aidPaymentErrors({ ...granted, status: 'requested' }, { paidOn: TODAY, amountCents: 1 }, TODAY),
    ).toEqual({
      amountCents: 'Une aide ne peut pas être versée avant d’avoir été accordée.',
    });
    expect(
      aidPaymentErrors({ ...granted, status: 'refused' }, { paidOn: TODAY, amountCents: 1 }, TODAY),
    ).toHaveProperty('amountCents');
  });

  it('never exceeds the amount granted, over several payments', () => {
    expect(aidPaymentErrors(granted, { paidOn: TODAY, amountCents: 60_000 }, TODAY)).toEqual({});
    expect(aidPaymentErrors(granted, { paidOn: TODAY, amountCents: 60_001 }, TODAY)).toEqual({
      amountCents: 'Le total versé ne peut pas dépasser le montant accordé.',
    });
    const once = afterPayment(granted, { paidOn: '2026-06-12', amountCents: 20_000 });
    expect(once).toMatchObject({ status: 'paid', amountPaidCents: 20_000, lastPaidOn: '2026-06-12' });
    expect(aidPaymentErrors(once, { paidOn: TODAY, amountCents: 40_000 }, TODAY)).toEqual({});
    expect(aidPaymentErrors(once, { paidOn: TODAY, amountCents: 40_001 }, TODAY)).toHaveProperty(
      'amountCents',
    );
    const whole = afterPayment(once, { paidOn: '2026-06-11', amountCents: 40_000 });
    expect(whole).toMatchObject({ amountPaidCents: 60_000, lastPaidOn: '2026-06-12' });
    expect(aidPaymentErrors(whole, { paidOn: TODAY, amountCents: 1 }, TODAY)).toEqual({
      amountCents: 'Le montant accordé a déjà été entièrement versé.',
    });
  });

  it('is dated between the decision and today', () => {
    expect(aidPaymentErrors(granted, { paidOn: '2026-06-10', amountCents: 1 }, TODAY)).toEqual({});
    expect(aidPaymentErrors(granted, { paidOn: '2026-06-09', amountCents: 1 }, TODAY)).toHaveProperty(
      'paidOn',
    );
    expect(aidPaymentErrors(granted, { paidOn: '2026-06-16', amountCents: 1 }, TODAY)).toHaveProperty(
      'paidOn',
    );
  });
});
