/**
 * Rent accounts (comptes locatifs) of occupancy contracts: monthly calls, payments, regularisations,
 * counter-entries, statements and repayment plans. For other modules: open a contract's account,
 * carry a balance to the next contract, credit an aid, read the dated balances; the `repayment-plans`
 * job checks every plan in force each morning.
 */
export { rentAccountsRoutes } from './rent-accounts.routes.ts';
export { openRentAccount } from './use-cases/open-account.ts';
export { carryBalance } from './use-cases/carry-balance.ts';
export { postAidCredit } from './use-cases/post-aid-credit.ts';
export { accountBalanceHistories, accountBalanceHistory } from './use-cases/account-balance-history.ts';
export {
  checkAllRepaymentPlans,
  repaymentPlansJob,
  type PlanCheckRunOptions,
} from './use-cases/check-all-plans.ts';
