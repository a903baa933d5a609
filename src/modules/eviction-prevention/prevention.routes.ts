import type { Routes } from '../../kernel/routes.ts';
import { EVICTION_PREVENTION_ROUTES as R } from '../../shared/routes/eviction-prevention.ts';
import { getEvictionPrevention } from './use-cases/get-eviction-prevention.ts';
import { recordProcedureBalance, removeProcedureBalance } from './use-cases/record-procedure-balance.ts';
import {
  addPreventionInstrument,
  changePreventionInstrument,
} from './use-cases/record-prevention-instrument.ts';
import { referralPrefill } from './use-cases/referral-prefill.ts';
import { saveProcedureFacts } from './use-cases/save-procedure-facts.ts';

/** The household's eviction prevention (transport only). */
export function evictionPreventionRoutes(routes: Routes): void {
  routes.add(R.get, (ctx, { params }) => getEvictionPrevention(ctx, params.id));
  routes.add(R.saveFacts, (ctx, { params, body }) => saveProcedureFacts(ctx, params.id, body));
  routes.add(R.recordBalance, (ctx, { params, body }) => recordProcedureBalance(ctx, params.id, body));
  routes.add(R.removeBalance, (ctx, { params }) => removeProcedureBalance(ctx, params.id, params.balanceId));
  routes.add(R.addInstrument, (ctx, { params, body }) =>
    addPreventionInstrument(ctx, params.id, { ...body, note: body.note ?? null }),
  );
  routes.add(R.referralPrefill, (ctx, { params }) => referralPrefill(ctx, params.contractId));
  routes.add(R.changeInstrument, (ctx, { params, body }) =>
    changePreventionInstrument(ctx, params.id, params.instrumentId, { ...body, note: body.note ?? null }),
  );
}
