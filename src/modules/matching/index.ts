/**
 * Matching and designation (issue 12 points 3–5): the territories' matching policies, the designations
 * of up to three households on a vacancy, the proposals with the household's answer.
 */

// The CAL file of a candidate: what a designation sends the vacancy's landlord (point 4).
export { calFileRoutes } from './cal-file.routes.ts';
export { calFilePdf } from './use-cases/cal-file-pdf.ts';
