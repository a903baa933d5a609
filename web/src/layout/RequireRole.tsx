import type { ReactNode } from 'react';
import type { Role } from '@shared/contracts/roles.ts';
import { hasAnyRole, useSession } from '../api/session.ts';
import { Text } from '@mantine/core';
import { PageHeader } from '../components/PageHeader.tsx';

/** Hides a page from users without the role (the API refuses them anyway). */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const me = useSession();
  if (hasAnyRole(me, roles)) return <>{children}</>;
  return (
    <>
      <PageHeader title="Accès réservé" />
      <Text>Vos rôles dans cette organisation ne donnent pas accès à cette page.</Text>
    </>
  );
}
