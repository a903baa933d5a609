import {
  briqueLabel,
  versionInForce,
  type TReferentielVersion,
} from '../../shared/referentiel/referentiel.ts';
import { loadReferentielVersions } from './referentiel-files.ts';

/** A shipped version by its id (as measures and contracts store it). */
export const referentielVersion = (id: string): TReferentielVersion | undefined =>
  loadReferentielVersions().find((v) => v.version === id);

/** A brique's label in the version an entry stored (its code alone when the version is unknown). */
export function briqueName(versionId: string, code: string): string {
  const version = referentielVersion(versionId);
  return version ? briqueLabel(version, code) : code;
}

/** The version in force on a day (YYYY-MM-DD); the shipped data starts in 2011, so there is always one. */
export function referentielInForce(onDate: string): TReferentielVersion {
  const version = versionInForce(loadReferentielVersions(), onDate);
  if (!version) throw new Error(`Aucune version du référentiel en vigueur le ${onDate}.`);
  return version;
}
