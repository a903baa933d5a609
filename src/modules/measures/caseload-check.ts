import type { Queryable } from '../../kernel/db.ts';
import { AppError } from '../../kernel/errors.ts';
import type { SchemeKind } from '../../shared/contracts/measures.ts';
import { caseloads } from './measures.repository.ts';

/**
 * Warns before an assignment takes a caseworker over capacity: refused with OVER_CAPACITY unless
 * the manager, once warned, confirms. A household already followed on that kind does not add load.
 */
export async function checkCapacity(
  q: Queryable,
  input: {
    organisationId: string;
    userId: string;
    kind: SchemeKind;
    alreadyFollowed: boolean;
    confirmed: boolean;
  },
): Promise<void> {
  if (input.confirmed || input.alreadyFollowed) return;
  const load = (await caseloads(q, input.organisationId)).find((c) => c.userId === input.userId);
  if (!load) return;
  const maintenance = input.kind === 'maintenance';
  const followed = maintenance ? load.maintenanceHouseholds : load.accessHouseholds;
  const capacity = maintenance ? load.maintenanceCapacity : load.accessCapacity;
  if (followed + 1 <= capacity) return;
  throw new AppError(
    'OVER_CAPACITY',
    `${load.name} suit déjà ${followed} ménage${followed > 1 ? 's' : ''} sur des mesures ${maintenance ? 'de maintien' : 'd’accès'}, pour une capacité de ${capacity} : confirmez pour l’affecter quand même.`,
  );
}
