import { z } from 'zod';
import {
  ZReferentielVersion,
  ZReferentielVersionId,
  ZReferentielVersionSummary,
} from '../referentiel/referentiel.ts';

export const ZReferentielVersionParams = z.object({ version: ZReferentielVersionId });

/** The shipped versions, and the one in force today in full (what the page shows first). */
export const ZReferentielList = z.object({
  versions: z.array(ZReferentielVersionSummary),
  inForce: ZReferentielVersion,
});
export type TReferentielList = z.infer<typeof ZReferentielList>;
