import { Link, useLocation } from 'react-router-dom';
import { NavLink, Stack, Text } from '@mantine/core';
import type { TMe } from '@shared/contracts/identity.ts';
import { navigationFor } from './navigation.ts';

const isActive = (pathname: string, to: string) =>
  to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`);

export function MainNavigation({ session }: { session: TMe }) {
  const { pathname } = useLocation();
  const sections = navigationFor(session);
  // The most specific item wins (Saisines envoyées vs Nouvelle saisine share a prefix only by accident).
  const activeTo = sections
    .flatMap((s) => s.items.map((i) => i.to))
    .filter((to) => isActive(pathname, to))
    .sort((a, b) => b.length - a.length)[0];

  return (
    <Stack gap="md">
      {sections.map((section) => (
        <div key={section.title}>
          {/* A label, not a heading: the page's <h1> must be the first heading. */}
          <Text id={`nav-${section.title}`} size="xs" fw={700} tt="uppercase" c="dimmed" px="sm" mb={4}>
            {section.title}
          </Text>
          <ul aria-labelledby={`nav-${section.title}`} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {section.items.map((item) => {
              const active = item.to === activeTo;
              return (
                <li key={item.to}>
                  <NavLink
                    component={Link}
                    to={item.to}
                    label={item.label}
                    active={active}
                    aria-current={active ? 'page' : undefined}
                  />
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </Stack>
  );
}
