import type { Routes } from '../../kernel/routes.ts';
import { PERMANENCE_ROUTES as R } from '../../shared/routes/permanences.ts';
import { changeSlot } from './use-cases/change-slot.ts';
import { changeVisit } from './use-cases/change-visit.ts';
import { closeSlot } from './use-cases/close-slot.ts';
import { convertVisit } from './use-cases/convert-visit.ts';
import { createSlot } from './use-cases/create-slot.ts';
import { getPermanenceOptions } from './use-cases/get-permanence-options.ts';
import { getVisit } from './use-cases/get-visit.ts';
import { getWeek } from './use-cases/get-week.ts';
import { listSlots } from './use-cases/list-slots.ts';
import { recordVisit } from './use-cases/record-visit.ts';

/** Drop-in sessions (transport only). */
export function permanencesRoutes(routes: Routes): void {
  routes.add(R.slots, (ctx) => listSlots(ctx));
  routes.add(R.options, (ctx) => getPermanenceOptions(ctx));
  routes.add(R.createSlot, (ctx, { body }) => createSlot(ctx, body));
  routes.add(R.updateSlot, (ctx, { params, body }) => changeSlot(ctx, { ...body, slotId: params.slotId }));
  routes.add(R.closeSlot, (ctx, { params, body }) => closeSlot(ctx, { ...body, slotId: params.slotId }));
  routes.add(R.week, (ctx, { query }) => getWeek(ctx, query.date));
  routes.add(R.recordVisit, (ctx, { body }) => recordVisit(ctx, body));
  routes.add(R.visit, (ctx, { params }) => getVisit(ctx, params.visitId));
  routes.add(R.updateVisit, (ctx, { params, body }) =>
    changeVisit(ctx, { ...body, visitId: params.visitId }),
  );
  routes.add(R.convertVisit, (ctx, { params, body }) =>
    convertVisit(ctx, { ...body, visitId: params.visitId }),
  );
}
