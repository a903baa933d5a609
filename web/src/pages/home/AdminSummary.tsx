import { Link } from 'react-router-dom';
import { Anchor, Group, Paper, SimpleGrid, Text } from '@mantine/core';
import { USER_ROUTES } from '@shared/routes/identity.ts';
import { useRouteQuery } from '../../api/routes.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { Section } from '../../components/Section.tsx';
import { PATHS } from '../../paths.ts';

function Figure({ label, value }: { label: string; value: number }) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="xl" fw={700}>
        {value}
      </Text>
      <Text size="sm">{label}</Text>
    </Paper>
  );
}

/** The administrator's view of the organisation's accounts. */
export function AdminSummary() {
  const users = useRouteQuery(USER_ROUTES.list, {});
  const invitations = useRouteQuery(USER_ROUTES.invitations, {});
  const now = Date.now();
  return (
    <Section
      title="Utilisateurs de l’organisation"
      action={
        <Group gap="md">
          <Anchor component={Link} to={PATHS.adminUsers}>
            Gérer les utilisateurs
          </Anchor>
          <Anchor component={Link} to={PATHS.adminInvitations}>
            Inviter
          </Anchor>
        </Group>
      }
    >
      <QueryState query={users}>
        {({ items }) => (
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            {[
              { label: 'Comptes actifs', value: items.filter((u) => u.status === 'active').length },
              {
                label: 'Sans second facteur',
                value: items.filter((u) => u.status === 'active' && !u.totpEnabled).length,
              },
              {
                label: 'Verrouillés',
                value: items.filter((u) => u.lockedUntil && Date.parse(u.lockedUntil) > now).length,
              },
              {
                label: 'Invitations en attente',
                value: invitations.data?.items.filter((i) => i.status === 'pending').length ?? 0,
              },
            ].map((f) => (
              <Figure key={f.label} label={f.label} value={f.value} />
            ))}
          </SimpleGrid>
        )}
      </QueryState>
    </Section>
  );
}
