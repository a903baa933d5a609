import { useEffect, useRef } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { Anchor, AppShell, Burger, Group, Text } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { onUnauthenticated } from '../api/client.ts';
import { ME_KEY, useMe } from '../api/session.ts';
import { ApiErrorAlert } from '../components/ApiErrorAlert.tsx';
import { LoadingState } from '../components/LoadingState.tsx';
import { PATHS } from '../paths.ts';
import { MainNavigation } from './MainNavigation.tsx';
import { NotificationsBell } from './NotificationsBell.tsx';
import { UserMenu } from './UserMenu.tsx';
import { NoOrganisation } from './NoOrganisation.tsx';
import { OutboxSender } from '../pages/journal/use-journal-outbox.ts';

const signInPath = (returnTo: string) =>
  returnTo === '/' ? PATHS.signIn : `${PATHS.signIn}?retour=${encodeURIComponent(returnTo)}`;

/** The shell of every page behind sign-in: header, navigation, skip link and <main>. */
export function AuthenticatedLayout() {
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [navOpen, { toggle, close }] = useDisclosure(false);
  // Below the md breakpoint the collapsed navbar is only moved off-screen: make it inert so that
  // keyboard and screen-reader users do not wander through hidden links.
  const wideScreen = useMediaQuery('(min-width: 62em)', true);
  const navHidden = !wideScreen && !navOpen;
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  const returnTo = location.pathname + location.search;

  // An expired session anywhere: forget it and go to the sign-in page, coming back here afterwards.
  useEffect(() => {
    onUnauthenticated(() => {
      queryClient.setQueryData(ME_KEY, null);
      navigate(signInPath(window.location.pathname + window.location.search), { replace: true });
    });
    return () => onUnauthenticated(null);
  }, [navigate, queryClient]);

  // After a navigation, close the mobile menu and move focus to the new page's content.
  useEffect(() => {
    close();
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus();
  }, [location.pathname, close]);

  if (me.isPending) return <LoadingState label="Ouverture de votre session…" />;
  if (me.isError) return <ApiErrorAlert error={me.error} />;
  if (!me.data || me.data.secondFactor !== 'none') return <Navigate to={signInPath(returnTo)} replace />;
  const session = me.data;

  return (
    <>
      <a className="skip-link" href="#contenu">
        Aller au contenu
      </a>
      <AppShell
        header={{ height: 60 }}
        navbar={{ width: 250, breakpoint: 'md', collapsed: { mobile: !navOpen } }}
        padding="md"
      >
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap" miw={0}>
              <Burger
                opened={navOpen}
                onClick={toggle}
                hiddenFrom="md"
                size="sm"
                aria-label={navOpen ? 'Fermer le menu de navigation' : 'Ouvrir le menu de navigation'}
                aria-expanded={navOpen}
                aria-controls="navigation-principale"
              />
              <Anchor component={Link} to={PATHS.home} fw={700} size="lg" underline="never" c="blue.8">
                Relais
              </Anchor>
              {session.organisation && (
                <Text truncate="end" c="dimmed" visibleFrom="xs" title={session.organisation.name}>
                  {session.organisation.name}
                </Text>
              )}
            </Group>
            <Group gap="xs" wrap="nowrap">
              {session.organisation && <NotificationsBell />}
              {session.organisation && <OutboxSender userId={session.user.id} />}
              <UserMenu me={session} />
            </Group>
          </Group>
        </AppShell.Header>

        <AppShell.Navbar
          p="sm"
          id="navigation-principale"
          aria-label="Navigation principale"
          inert={navHidden}
          // Scrolls on its own when the roles' entries exceed the height (a tablet held landscape).
          style={navHidden ? { visibility: 'hidden' } : { overflowY: 'auto' }}
        >
          <MainNavigation session={session} />
        </AppShell.Navbar>

        <AppShell.Main id="contenu" ref={mainRef} tabIndex={-1}>
          {session.organisation ? <Outlet /> : <NoOrganisation />}
        </AppShell.Main>
      </AppShell>
    </>
  );
}
