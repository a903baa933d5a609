import { Link, Outlet, useLocation } from 'react-router-dom';
import { Button, Container, Group, Stack, Text } from '@mantine/core';
import { useMe } from '../api/session.ts';
import { LoadingState } from '../components/LoadingState.tsx';
import { PATHS } from '../paths.ts';
import { AuthenticatedLayout } from './AuthenticatedLayout.tsx';

/**
 * The shell of the pages anyone may open (the public calculators): the authenticated shell for a
 * signed-in user, so that the menu entry keeps its navigation; the light public layout otherwise.
 */
export function PublicOrAuthenticatedLayout() {
  const me = useMe();
  if (me.isPending) return <LoadingState label="Ouverture de votre session…" />;
  // An unreadable session (server unreachable) still leaves the public page usable.
  return me.data?.secondFactor === 'none' ? <AuthenticatedLayout /> : <PublicLayout />;
}

/** Signed-out public pages: the product name, a link to sign in (coming back here), the page. */
export function PublicLayout() {
  const location = useLocation();
  const signIn = `${PATHS.signIn}?retour=${encodeURIComponent(location.pathname + location.search)}`;
  return (
    <>
      <a className="skip-link" href="#contenu">
        Aller au contenu
      </a>
      <header>
        <Container size="lg" py="sm">
          <Group justify="space-between" wrap="nowrap">
            <Stack gap={0}>
              <Text fw={700} size="lg" c="blue.8">
                Relais
              </Text>
              <Text c="dimmed" size="sm" visibleFrom="xs">
                Le système d’information du logement accompagné
              </Text>
            </Stack>
            <Button component={Link} to={signIn} variant="default">
              Se connecter
            </Button>
          </Group>
        </Container>
      </header>
      <main id="contenu" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
