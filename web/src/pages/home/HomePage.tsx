import { Stack, Text } from '@mantine/core';
import { hasAnyRole, useSession } from '../../api/session.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ADMIN_ROLES, CASEWORK_ROLES, LANDLORD_ROLES } from '../../layout/navigation.ts';
import { AdminSummary } from './AdminSummary.tsx';
import { LandlordHome } from './LandlordHome.tsx';
import { CaseworkerHome } from './CaseworkerHome.tsx';

/** The home page shows what each of the user's roles has to do first. */
export function HomePage() {
  const me = useSession();
  const sections = [
    hasAnyRole(me, CASEWORK_ROLES) && <CaseworkerHome key="casework" />,
    hasAnyRole(me, LANDLORD_ROLES) && <LandlordHome key="landlord" />,
    hasAnyRole(me, ADMIN_ROLES) && <AdminSummary key="admin" />,
  ].filter(Boolean);
  const firstName = me.user.fullName.split(' ')[0];
  return (
    <>
      <PageHeader title={`Bonjour ${firstName}`} description={me.organisation?.name} />
      {sections.length > 0 ? (
        <Stack gap="xl">{sections}</Stack>
      ) : (
        <Text>Utilisez le menu pour accéder aux outils disponibles pour votre rôle.</Text>
      )}
    </>
  );
}
