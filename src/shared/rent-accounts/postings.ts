/**
 * The kinds of line on a rent account (compte locatif) and how each moves the balance. Amounts are
 * integer cents, signed by their effect on what the occupant owes: a call is positive, a payment or
 * an aid negative. The balance is never typed in: it is the sum of the lines (eviction-and-aids.md
 * §6, §7.1).
 */

export const POSTING_KINDS = [
  // Charge side: what the occupant is called to pay.
  'rent_call',
  'charges_call',
  'charges_regularisation',
  'occupancy_indemnity',
  'procedure_costs',
  'rls',
  'carried_over',
  // Credit side: what pays it.
  'housing_benefit',
  'payment',
  'transfer_out',
  'aid_credit',
  'debt_write_off',
  // A correction: the exact opposite of the line it reverses.
  'counter_entry',
] as const;
export type PostingKind = (typeof POSTING_KINDS)[number];

export const POSTING_KIND_LABELS: Record<PostingKind, string> = {
  rent_call: 'Appel de loyer',
  charges_call: 'Provision pour charges',
  charges_regularisation: 'Régularisation de charges',
  occupancy_indemnity: 'Indemnité d’occupation',
  procedure_costs: 'Frais de procédure',
  rls: 'Réduction de loyer de solidarité (RLS)',
  carried_over: 'Solde repris du bail précédent',
  housing_benefit: 'Aide au logement versée au bailleur',
  payment: 'Paiement',
  transfer_out: 'Solde transféré au nouveau bail',
  aid_credit: 'Aide versée au compte',
  debt_write_off: 'Abandon de créance',
  counter_entry: 'Contre-passation',
};

export const PAYMENT_METHODS = ['transfer', 'cash', 'cheque', 'benefit', 'fsl'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export const PAYMENT_METHOD_LABELS: Record<PaymentMethod, string> = {
  transfer: 'Virement',
  cash: 'Espèces',
  cheque: 'Chèque',
  benefit: 'Prestation',
  fsl: 'FSL',
};

/**
 * Where a line counts in « balance = calls − payments − aids ». The RLS reduces the call (a negative
 * call); a balance carried over from the previous contract is called here; the transfer-out of a
 * closing account settles it like a payment (the new account calls it); the housing benefit, aid
 * credits and a write-off are aids. A counter-entry counts where the line it reverses counts.
 */
export type PostingCategory = 'call' | 'payment' | 'aid';
export const CATEGORY_OF: Record<Exclude<PostingKind, 'counter_entry'>, PostingCategory> = {
  rent_call: 'call',
  charges_call: 'call',
  charges_regularisation: 'call',
  occupancy_indemnity: 'call',
  procedure_costs: 'call',
  rls: 'call',
  carried_over: 'call',
  housing_benefit: 'aid',
  payment: 'payment',
  transfer_out: 'payment',
  aid_credit: 'aid',
  debt_write_off: 'aid',
};

/** The sign a kind's amount must have: +1 adds to the debt, −1 reduces it, 0 either way. */
export const SIGN_OF: Record<Exclude<PostingKind, 'counter_entry'>, 1 | -1 | 0> = {
  rent_call: 1,
  charges_call: 1,
  charges_regularisation: 0,
  occupancy_indemnity: 1,
  procedure_costs: 1,
  rls: -1,
  carried_over: 0,
  housing_benefit: -1,
  payment: -1,
  transfer_out: 0,
  aid_credit: -1,
  debt_write_off: -1,
};

/**
 * The kinds a user enters by hand as a plain line (calls go by month, payments with their method,
 * counter-entries against their line, carried balances between contracts).
 */
export const MANUAL_KINDS = [
  'charges_regularisation',
  'occupancy_indemnity',
  'procedure_costs',
  'aid_credit',
  'debt_write_off',
] as const satisfies readonly PostingKind[];
export type ManualKind = (typeof MANUAL_KINDS)[number];

/** A line as the rules see it. */
export interface Posting {
  id: string;
  kind: PostingKind;
  /** Signed: positive adds to what the occupant owes. */
  amountCents: number;
  postedOn: string;
  /** The line a counter-entry reverses. */
  reversesPostingId: string | null;
}

/** The category a line counts in (a counter-entry: its reversed line's). */
export function categoryOf(posting: Posting, byId: ReadonlyMap<string, Posting>): PostingCategory {
  if (posting.kind !== 'counter_entry') return CATEGORY_OF[posting.kind];
  const reversed = posting.reversesPostingId ? byId.get(posting.reversesPostingId) : undefined;
  if (!reversed) throw new Error('counter-entry without its reversed line');
  return categoryOf(reversed, byId);
}

/** Why an amount does not suit its kind, in French; null when it does. */
export function amountRefusal(
  kind: Exclude<PostingKind, 'counter_entry'>,
  amountCents: number,
): string | null {
  if (!Number.isSafeInteger(amountCents)) return 'Montant en centimes entiers attendu.';
  if (amountCents === 0) return 'Le montant ne peut pas être nul.';
  const sign = SIGN_OF[kind];
  if (sign === 1 && amountCents < 0) return 'Ce montant est dû par l’occupant : il est positif.';
  if (sign === -1 && amountCents > 0) return 'Ce montant vient en déduction : il est négatif.';
  return null;
}

/** Why a line may not be reversed, in French; null when it may (a counter-entry is never reversed: post the line again). */
export function reversalRefusal(target: Posting, lines: readonly Posting[]): string | null {
  if (target.kind === 'counter_entry')
    return 'Une contre-passation ne se contre-passe pas : passez de nouveau l’écriture juste.';
  if (lines.some((l) => l.reversesPostingId === target.id)) return 'Cette écriture est déjà contre-passée.';
  return null;
}

/** The counter-entry of a line: its exact opposite, referencing it. */
export const counterEntryOf = (
  target: Posting,
): Pick<Posting, 'kind' | 'amountCents' | 'reversesPostingId'> => ({
  kind: 'counter_entry',
  amountCents: -target.amountCents,
  reversesPostingId: target.id,
});
