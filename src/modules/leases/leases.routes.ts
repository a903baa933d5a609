import type { Routes } from '../../kernel/routes.ts';
import { LEASE_ROUTES as R } from '../../shared/routes/leases.ts';
import { activateContract } from './use-cases/activate-contract.ts';
import { attachContractDocument } from './use-cases/attach-contract-document.ts';
import { createContract } from './use-cases/create-contract.ts';
import { decideSliding } from './use-cases/decide-sliding.ts';
import { endContract } from './use-cases/end-contract.ts';
import { evaluateSliding } from './use-cases/evaluate-sliding.ts';
import { getContract } from './use-cases/get-contract.ts';
import {
  listDwellingContracts,
  listHouseholdContracts,
  listOrganisationContracts,
} from './use-cases/list-contracts.ts';
import { linkContractHousehold, unlinkContractHousehold } from './use-cases/link-household.ts';
import { recordContractEvent } from './use-cases/record-contract-event.ts';
import { renewContract } from './use-cases/renew-contract.ts';
import { requestSliding } from './use-cases/request-sliding.ts';
import type { SlideHooks } from './use-cases/slide-contract.ts';

/** Occupancy contracts (transport only); `hooks` run inside a slide's transaction (app.ts wires them). */
export function leasesRoutes(routes: Routes, hooks: SlideHooks = {}): void {
  routes.add(R.householdContracts, (ctx, { params }) => listHouseholdContracts(ctx, params.id));
  routes.add(R.organisationContracts, (ctx, { query }) => listOrganisationContracts(ctx, query));
  routes.add(R.dwellingContracts, (ctx, { params }) => listDwellingContracts(ctx, params.dwellingId));
  routes.add(R.create, (ctx, { body }) => createContract(ctx, body));
  routes.add(R.contract, (ctx, { params }) => getContract(ctx, params.id));
  routes.add(R.activate, (ctx, { params, body }) => activateContract(ctx, { ...body, id: params.id }));
  routes.add(R.recordEvent, (ctx, { params, body }) => recordContractEvent(ctx, { ...body, id: params.id }));
  routes.add(R.attachDocument, (ctx, { params, body }) =>
    attachContractDocument(ctx, { ...body, id: params.id }),
  );
  routes.add(R.linkHousehold, (ctx, { params, body }) =>
    linkContractHousehold(ctx, { ...body, id: params.id }),
  );
  routes.add(R.unlinkHousehold, (ctx, { params, body }) =>
    unlinkContractHousehold(ctx, { ...body, id: params.id }),
  );
  routes.add(R.renew, (ctx, { params, body }) => renewContract(ctx, { ...body, id: params.id }));
  routes.add(R.end, (ctx, { params, body }) => endContract(ctx, { ...body, id: params.id }));
  routes.add(R.evaluateSliding, (ctx, { params, body }) =>
    evaluateSliding(ctx, { ...body, id: params.id, party: params.party }),
  );
  routes.add(R.requestSliding, (ctx, { params, body }) => requestSliding(ctx, { ...body, id: params.id }));
  routes.add(R.decideSliding, (ctx, { params, body }) =>
    decideSliding(ctx, { ...body, id: params.id }, hooks),
  );
}
