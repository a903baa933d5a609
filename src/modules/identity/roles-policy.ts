import { invalid } from '../../kernel/errors.ts';
import { ROLES_BY_ORGANISATION_TYPE } from '../../shared/contracts/identity.ts';
import type { OrganisationType, Role } from '../../shared/contracts/roles.ts';
import { ROLE_LABELS } from '../../shared/contracts/roles.ts';

/** Refuse roles that make no sense in this kind of organisation (a funder officer in a landlord…). */
export function assertRolesFit(
  organisationType: OrganisationType,
  roles: readonly Role[],
  field: string,
): void {
  const misfit = roles.find((r) => !ROLES_BY_ORGANISATION_TYPE[organisationType].includes(r));
  if (misfit) {
    throw invalid({
      [field]: `Le rôle « ${ROLE_LABELS[misfit]} » n’existe pas dans ce type d’organisation.`,
    });
  }
}
