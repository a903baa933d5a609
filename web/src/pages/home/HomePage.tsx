import { Stack, Text } from '@mantine/core';
import { hasRoleIn } from '@shared/access/role-groups.ts';
import { useSession } from '../../api/session.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { AdminSummary } from './AdminSummary.tsx';
import { LandlordHome } from './LandlordHome.tsx';
import { CaseworkerHome } from './CaseworkerHome.tsx';
import { FunderHome } from './FunderHome.tsx';

/** The home page shows what each of the user's roles has to do first. */
export function HomePage() {
  const me = useSession();
  // A funder's officers and administrators decide on measures; others holding an officer role too.
  const funds =
    hasRoleIn(me.roles, 'funders') &&
    (me.organisation?.type === 'funder' || me.roles.includes('funder_officer'));
  const sections = [
    funds && <FunderHome key="funder" />,
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
