import { useNavigate } from 'react-router-dom';
import { Button, Menu, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import type { TMe } from '@shared/contracts/identity.ts';
import { ORGANISATION_TYPE_LABELS, ROLE_LABELS } from '@shared/contracts/roles.ts';
import { AUTH_ROUTES } from '@shared/routes/identity.ts';
import { setCsrfToken } from '../api/client.ts';
import { callRoute } from '../api/routes.ts';
import { useResetSession } from '../api/session.ts';
import { ChevronDownIcon } from '../components/icons.tsx';
import { PATHS } from '../paths.ts';

/** Who is signed in, organisation switch, sign-out (here or everywhere). */
export function UserMenu({ me }: { me: TMe }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const resetSession = useResetSession();
  const otherMemberships = me.memberships.filter((m) => m.organisationId !== me.organisation?.id);

  const fail = (e: unknown) =>
    notifications.show({ color: 'red', message: e instanceof Error ? e.message : 'Action impossible.' });

  const signOut = async (everywhere: boolean) => {
    try {
      await callRoute(everywhere ? AUTH_ROUTES.logoutAll : AUTH_ROUTES.logout, {});
    } catch (e) {
      fail(e);
      return;
    }
    setCsrfToken(null);
    queryClient.clear();
    navigate(PATHS.signIn, { replace: true });
    notifications.show({
      message: everywhere ? 'Vous êtes déconnecté de toutes vos sessions.' : 'Vous êtes déconnecté.',
    });
  };

  const switchTo = async (organisationId: string, name: string) => {
    try {
      await callRoute(AUTH_ROUTES.switchOrganisation, { body: { organisationId } });
    } catch (e) {
      fail(e);
      return;
    }
    await resetSession();
    navigate(PATHS.home);
    notifications.show({ message: `Vous agissez maintenant pour ${name}.` });
  };

  return (
    <Menu position="bottom-end" width={300} shadow="md">
      <Menu.Target>
        <Button
          variant="subtle"
          color="gray"
          rightSection={<ChevronDownIcon />}
          aria-label={`Menu de ${me.user.fullName}`}
        >
          <Text size="sm" truncate="end" maw={180}>
            {me.user.fullName}
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          {me.user.email}
          {me.roles.length > 0 && <> — {me.roles.map((r) => ROLE_LABELS[r]).join(', ')}</>}
        </Menu.Label>
        {otherMemberships.length > 0 && (
          <>
            <Menu.Divider />
            <Menu.Label>Changer d’organisation</Menu.Label>
            {otherMemberships.map((m) => (
              <Menu.Item
                key={m.organisationId}
                onClick={() => void switchTo(m.organisationId, m.organisationName)}
              >
                {m.organisationName}
                <Text size="xs" c="dimmed" component="span" display="block">
                  {ORGANISATION_TYPE_LABELS[m.organisationType]}
                </Text>
              </Menu.Item>
            ))}
          </>
        )}
        <Menu.Divider />
        <Menu.Item onClick={() => navigate(PATHS.settings)}>Mes paramètres</Menu.Item>
        <Menu.Item onClick={() => void signOut(false)}>Se déconnecter</Menu.Item>
        <Menu.Item onClick={() => void signOut(true)}>Se déconnecter de tous les appareils</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
