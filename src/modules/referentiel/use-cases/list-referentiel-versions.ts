import type { Context } from '../../../kernel/context.ts';
import type { TReferentielList } from '../../../shared/contracts/referentiel.ts';
import { parisDate } from '../../../shared/time.ts';
import { referentielInForce } from '../referentiel.ts';
import { loadReferentielVersions } from '../referentiel-files.ts';

/** The shipped versions and, in full, the one in force today in France. */
export function listReferentielVersions(ctx: Context): TReferentielList {
  return {
    versions: loadReferentielVersions().map(({ version, label, effectiveFrom, source }) => ({
      version,
      label,
      effectiveFrom,
      source,
    })),
    inForce: referentielInForce(parisDate(ctx.now)),
  };
}
