/** The shared diagnostic (briques 1.1–1.5), its partner versions, sharing, PDFs and the capacity grid. */
export { changedSections } from './authorship.ts';
export { diagnosticBlocks } from './diagnostic-pdf.ts';
export { approvedLandlordVersion } from './partner-version.ts';
export { checkSignaturePng } from './signature.ts';
export { diagnosticsRoutes } from './diagnostics.routes.ts';
export {
  diagnosticCapacityGrid,
  diagnosticSharesOf,
  diagnosticVersionsOf,
  householdOfDiagnostic,
  latestApprovedDiagnostic,
} from './diagnostics.repository.ts';
