import { Card, Stack, Table, Text, Title } from '@mantine/core';
import type { THouseholdDetail, THouseholdVersion } from '@shared/contracts/households.ts';
import { HOUSEHOLD_ROUTES } from '@shared/routes/households.ts';
import { useRouteQuery } from '../../api/routes.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { formatDateTime } from '@shared/format.ts';

function VersionCard({ version }: { version: THouseholdVersion }) {
  return (
    <Card withBorder component="li">
      <Title order={3} size="h5">
        Version {version.version} — {formatDateTime(version.changedAt)}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        Par {version.userName ?? 'utilisateur inconnu'}
        {version.organisationName && ` (${version.organisationName})`}
      </Text>
      <Text mb={version.changes.length ? 'sm' : 0}>{version.summary}</Text>
      {version.changes.length > 0 && (
        <Table.ScrollContainer minWidth={480}>
          <Table verticalSpacing="xs" withTableBorder>
            <Table.Caption>Champs modifiés dans la version {version.version}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Champ</Table.Th>
                <Table.Th scope="col">Avant</Table.Th>
                <Table.Th scope="col">Après</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {version.changes.map((c, i) => (
                <Table.Tr key={i}>
                  <Table.Th scope="row" fw={500}>
                    {c.label}
                  </Table.Th>
                  <Table.Td>{c.before}</Table.Td>
                  <Table.Td>{c.after}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}

export function HistoryTab({ file }: { file: THouseholdDetail }) {
  const query = useRouteQuery(HOUSEHOLD_ROUTES.history, { params: { id: file.id } });
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        Versions du dossier
      </Title>
      <QueryState query={query} loadingLabel="Chargement de l'historique…">
        {({ items }) =>
          items.length === 0 ? (
            <EmptyState title="Aucune version enregistrée" />
          ) : (
            <Stack
              component="ol"
              gap="sm"
              style={{ listStyle: 'none', padding: 0, margin: 0 }}
              aria-label="Versions du dossier"
            >
              {items.map((v) => (
                <VersionCard key={v.version} version={v} />
              ))}
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}

export function AuditTab({ file }: { file: THouseholdDetail }) {
  const query = useRouteQuery(HOUSEHOLD_ROUTES.audit, { params: { id: file.id } });
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        Journal des accès et modifications
      </Title>
      <QueryState query={query} loadingLabel="Chargement du journal…">
        {({ items }) => (
          <DataTable
            caption="Qui a consulté ou modifié le dossier, et d'où"
            rows={items}
            rowKey={(e) => String(e.id)}
            emptyTitle="Aucune entrée"
            columns={[
              { key: 'at', header: 'Date', render: (e) => formatDateTime(e.at) },
              { key: 'action', header: 'Action', render: (e) => e.actionLabel },
              { key: 'description', header: 'Détail', render: (e) => e.description ?? '—' },
              { key: 'user', header: 'Utilisateur', render: (e) => e.userName ?? '—' },
              {
                key: 'org',
                header: 'Organisation',
                render: (e) => e.organisationName ?? '—',
                hideOnSmall: true,
              },
              { key: 'ip', header: 'Adresse IP', render: (e) => e.ip ?? '—', hideOnSmall: true },
            ]}
          />
        )}
      </QueryState>
    </Stack>
  );
}
