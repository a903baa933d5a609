import type { Context } from '../../kernel/context.ts';
import { AppError } from '../../kernel/errors.ts';

/** A credit to post to a contract's rent account: an aid paid to it. */
export interface AidCredit {
  contractId: string;
  /** The Paris day of the payment. */
  on: string;
  amountCents: number;
  /** The posting's label, in French (the aid's kind and funder). */
  label: string;
}

/**
 * How a payment to a rent account reaches it: the rent-accounts module posts it (its
 * `postAidCredit`), in the caller's transaction, so that the aid and its posting land together or
 * not at all. The app wires it; this module cannot import the rent accounts.
 */
export type AidCreditPort = (ctx: Context, credit: AidCredit) => Promise<void>;

/** Until a rent-accounts module is wired, a payment to a rent account is refused rather than lost. */
export const noRentAccounts: AidCreditPort = () =>
  Promise.reject(
    new AppError(
      'OUT_OF_SCOPE',
      'Les comptes locatifs ne sont pas encore tenus dans Relais : versez cette aide au bailleur ou à l’association.',
    ),
  );
