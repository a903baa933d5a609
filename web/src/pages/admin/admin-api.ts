import { ROLES_BY_ORGANISATION_TYPE } from '@shared/contracts/identity.ts';
import type { TOrganisationDetail } from '@shared/contracts/organisations.ts';
import { ROLE_LABELS, type OrganisationType } from '@shared/contracts/roles.ts';
import { useApiQuery } from '../../api/hooks.ts';
import { useSession } from '../../api/session.ts';

export const ADMIN_USERS = '/api/admin/users';
export const ADMIN_INVITATIONS = '/api/admin/invitations';
export const ADMIN_ORGANISATION = '/api/admin/organisation';
export const ADMIN_MANAGEMENT_UNITS = '/api/admin/management-units';
export const HOUSING_BENEFIT_SCALES = '/api/housing-benefit-scales';
export const ADMIN_HOUSING_BENEFIT_SCALES = '/api/admin/housing-benefit-scales';
export const ADMIN_BUDGET_CONVENTIONS = '/api/admin/budget-conventions';

/** The roles that exist in this kind of organisation, as Select/Checkbox options. */
export const roleOptions = (type: OrganisationType) =>
  ROLES_BY_ORGANISATION_TYPE[type].map((value) => ({ value, label: ROLE_LABELS[value] }));

/** The current organisation with its contact details and management units. */
export function useOwnOrganisation() {
  const me = useSession();
  return useApiQuery<TOrganisationDetail>(ownOrganisationPath(me.organisation?.id ?? ''), undefined, {
    enabled: !!me.organisation,
  });
}
export const ownOrganisationPath = (id: string) => `/api/organisations/${id}`;
