import type { Routes } from '../../kernel/routes.ts';
import { CAL_FILE_ROUTES as R } from '../../shared/routes/cal-files.ts';
import { calFilePdf } from './use-cases/cal-file-pdf.ts';

/** The CAL file of a candidate (transport only). */
export function calFileRoutes(routes: Routes): void {
  routes.add(R.get, (ctx, { params }) => calFilePdf(ctx, params.proposalId));
}
