import type { Routes } from '../../kernel/routes.ts';
import { SUPPORT_CONTRACT_ROUTES as R } from '../../shared/routes/support-contracts.ts';
import { amendSupportContract } from './use-cases/amend-support-contract.ts';
import { createSupportContract } from './use-cases/create-support-contract.ts';
import { editSupportContract } from './use-cases/edit-support-contract.ts';
import { exportSupportContractPdf } from './use-cases/export-support-contract-pdf.ts';
import { getSupportContract } from './use-cases/get-support-contract.ts';
import { signForHousehold } from './use-cases/sign-for-household.ts';
import { signForPartner } from './use-cases/sign-for-partner.ts';

const onMeasure = (params: { id: string; measureId: string }) => ({
  householdId: params.id,
  measureId: params.measureId,
});

/** The support contract of a measure (transport only). */
export function supportContractsRoutes(routes: Routes): void {
  routes.add(R.get, (ctx, { params }) => getSupportContract(ctx, onMeasure(params)));
  routes.add(R.create, (ctx, { params }) => createSupportContract(ctx, onMeasure(params)));
  routes.add(R.edit, (ctx, { params, body }) => editSupportContract(ctx, { ...onMeasure(params), ...body }));
  routes.add(R.amend, (ctx, { params, body }) =>
    amendSupportContract(ctx, { ...onMeasure(params), ...body }),
  );
  routes.add(R.signHousehold, (ctx, { params, body }) =>
    signForHousehold(ctx, { ...onMeasure(params), ...body }),
  );
  routes.add(R.signPartner, (ctx, { params, body }) =>
    signForPartner(ctx, { ...onMeasure(params), ...body }),
  );
  routes.add(R.pdf, (ctx, { params, query }) =>
    exportSupportContractPdf(ctx, { ...onMeasure(params), version: query.version }),
  );
}
