import { Stack, Text } from '@mantine/core';
import { hasRoleIn } from '@shared/access/role-groups.ts';
import { useSession } from '../../api/session.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { AdminSummary } from './AdminSummary.tsx';
import { LandlordHome } from './LandlordHome.tsx';
import { CaseworkerHome } from './CaseworkerHome.tsx';

/** The home page shows what each of the user's roles has to do first. */
export function HomePage() {
  const me = useSession();
  const sections = [
    hasRoleIn(me.roles, 'socialWork') && <CaseworkerHome key="casework" />,
    hasRoleIn(me.roles, 'landlordStaff') && <LandlordHome key="landlord" />,
    hasRoleIn(me.roles, 'administrators') && <AdminSummary key="admin" />,
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
