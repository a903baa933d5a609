import type { Actor } from '../../kernel/actor.ts';
import { forbidden } from '../../kernel/errors.ts';
import { isOrganisationAdmin } from '../../shared/policy/household-access.ts';

export function requireOrganisationAdmin(actor: Actor): void {
  if (!isOrganisationAdmin(actor)) throw forbidden('Réservé aux administrateurs de l’organisation.');
}
