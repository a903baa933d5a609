import type { ReactNode } from 'react';
import { hasRoleIn, type RoleGroup } from '@shared/access/role-groups.ts';
import { useSession } from '../api/session.ts';
import { Text } from '@mantine/core';
import { PageHeader } from '../components/PageHeader.tsx';

/** Hides a page from users without the role (the API refuses them anyway). */
export function RequireRole({ group, children }: { group: RoleGroup; children: ReactNode }) {
  const me = useSession();
  if (hasRoleIn(me.roles, group)) return <>{children}</>;
  return (
    <>
      <PageHeader title="Accès réservé" />
      <Text>Vos rôles dans cette organisation ne donnent pas accès à cette page.</Text>
    </>
  );
}
