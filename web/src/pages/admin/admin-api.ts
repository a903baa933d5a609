import { ROLES_BY_ORGANISATION_TYPE } from '@shared/contracts/identity.ts';
import { ROLE_LABELS, type OrganisationType } from '@shared/contracts/roles.ts';
import { ORGANISATION_ROUTES } from '@shared/routes/organisations.ts';
import { useRouteQuery } from '../../api/routes.ts';
import { useSession } from '../../api/session.ts';

/** The roles that exist in this kind of organisation, as Select/Checkbox options. */
export const roleOptions = (type: OrganisationType) =>
  ROLES_BY_ORGANISATION_TYPE[type].map((value) => ({ value, label: ROLE_LABELS[value] }));

/** The current organisation with its contact details and management units. */
export function useOwnOrganisation() {
  const me = useSession();
  return useRouteQuery(
    ORGANISATION_ROUTES.get,
    { params: { id: me.organisation?.id ?? '' } },
    { enabled: !!me.organisation },
  );
}
