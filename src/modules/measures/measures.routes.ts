import type { Routes } from '../../kernel/routes.ts';
import { MEASURE_ROUTES as R } from '../../shared/routes/measures.ts';
import { defaultCatalogue } from './schemes.repository.ts';
import { listSchemes } from './use-cases/list-schemes.ts';
import { createScheme } from './use-cases/create-scheme.ts';
import { addSchemeVersion } from './use-cases/add-scheme-version.ts';
import { addProgramme } from './use-cases/add-programme.ts';
import { listMeasures } from './use-cases/list-household-measures.ts';
import { proposeMeasure } from './use-cases/propose-measure.ts';
import { prescribeMeasure } from './use-cases/prescribe-measure.ts';
import { startMeasure } from './use-cases/start-measure.ts';
import { renewMeasure } from './use-cases/renew-measure.ts';
import { endMeasure } from './use-cases/end-measure.ts';
import { assignCaseworker } from './use-cases/assign-caseworker.ts';
import { getFunderHome } from './use-cases/get-funder-home.ts';
import { decideMeasure } from './use-cases/decide-measure.ts';
import { listCaseloads, setCaseworkerCapacity } from './use-cases/list-caseloads.ts';
import { listWatchIncidents } from './use-cases/list-watch-incidents.ts';
import { reportWatchIncident } from './use-cases/report-watch-incident.ts';
import { reopenCase } from './use-cases/reopen-case.ts';

/** Support measures, schemes, funders' decisions and caseloads (transport only). */
export function measuresRoutes(routes: Routes): void {
  routes.add(R.schemes, async (ctx) => ({ items: await listSchemes(ctx) }));
  routes.add(R.templates, async () => ({ items: defaultCatalogue().schemes }));
  routes.add(R.createScheme, (ctx, { body }) => createScheme(ctx, body));
  routes.add(R.addVersion, (ctx, { params, body }) => addSchemeVersion(ctx, { ...params, ...body }));
  routes.add(R.addProgramme, (ctx, { params, body }) => addProgramme(ctx, { ...params, ...body }));
  routes.add(R.list, (ctx, { params }) => listMeasures(ctx, params.id));
  routes.add(R.propose, (ctx, { params, body }) => proposeMeasure(ctx, { householdId: params.id, ...body }));
  const onMeasure = (params: { id: string; measureId: string }) => ({
    householdId: params.id,
    measureId: params.measureId,
  });
  routes.add(R.prescribe, (ctx, { params, body }) =>
    prescribeMeasure(ctx, { ...onMeasure(params), ...body }),
  );
  routes.add(R.start, (ctx, { params, body }) => startMeasure(ctx, { ...onMeasure(params), ...body }));
  routes.add(R.renew, (ctx, { params, body }) => renewMeasure(ctx, { ...onMeasure(params), ...body }));
  routes.add(R.end, (ctx, { params, body }) => endMeasure(ctx, { ...onMeasure(params), ...body }));
  routes.add(R.assign, (ctx, { params, body }) => assignCaseworker(ctx, { ...onMeasure(params), ...body }));
  routes.add(R.incidents, async (ctx, { params }) => ({ items: await listWatchIncidents(ctx, params.id) }));
  routes.add(R.reportIncident, (ctx, { params, body }) =>
    reportWatchIncident(ctx, { householdId: params.id, ...body }),
  );
  routes.add(R.reopen, (ctx, { params, body }) =>
    reopenCase(ctx, { householdId: params.id, incidentId: params.incidentId, ...body }),
  );
  routes.add(R.funderHome, (ctx, { query }) => getFunderHome(ctx, query));
  routes.add(R.decide, (ctx, { params, body }) => decideMeasure(ctx, { ...params, ...body }));
  routes.add(R.caseloads, async (ctx) => ({ items: await listCaseloads(ctx) }));
  routes.add(R.setCapacity, async (ctx, { params, body }) => ({
    items: await setCaseworkerCapacity(ctx, { ...params, ...body }),
  }));
}
