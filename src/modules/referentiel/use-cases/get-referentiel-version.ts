import { notFound } from '../../../kernel/errors.ts';
import type { TReferentielVersion } from '../../../shared/referentiel/referentiel.ts';
import { referentielVersion } from '../referentiel.ts';

/** One shipped version in full. */
export function getReferentielVersion(id: string): TReferentielVersion {
  const version = referentielVersion(id);
  if (!version) throw notFound('Version du référentiel introuvable.');
  return version;
}
