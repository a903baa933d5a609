import { Card, Stack, Table, Text, Title } from '@mantine/core';
import { AUDIT_ACTION_LABELS } from '@shared/contracts/audit.ts';
import type { THouseholdDetail, THouseholdVersion } from '@shared/contracts/households.ts';
import { HOUSEHOLD_ROUTES } from '@shared/routes/households.ts';
import { useRouteQuery } from '../../api/routes.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { formatCents, formatDateTime } from '@shared/format.ts';
import { fieldLabelOfPath } from './household-form.ts';

/** Household actions of the audit log, besides the ones the shared list already names. */
const HOUSEHOLD_AUDIT_LABELS: Record<string, string> = {
  ...AUDIT_ACTION_LABELS,
  'household.create': 'Création du dossier',
  'household.consent.record': 'Accord enregistré',
  'household.consent.revoke': 'Accord révoqué',
  'household.note.create': 'Note ajoutée',
  'household.document.upload': 'Document déposé',
  'household.document.download': 'Document téléchargé',
  'household.history.read': "Consultation de l'historique",
  'household.audit.read': "Consultation du journal d'accès",
  'referral.create': 'Saisine envoyée',
  'referral.read': "Consultation d'une saisine",
};

/** A before/after value of a diff, readable: money in euros, booleans in words, lists summarised. */
function formatDiffValue(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'Oui' : 'Non';
  if (typeof value === 'number' && /Cents$/.test(field)) return formatCents(value);
  if (Array.isArray(value)) return `${value.length} élément${value.length > 1 ? 's' : ''}`;
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== null && v !== '')
      .map(([k, v]) => `${k} : ${formatDiffValue(k, v)}`)
      .join(', ');
  }
  return String(value);
}

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
              {version.changes.map((c) => (
                <Table.Tr key={c.field}>
                  <Table.Th scope="row" fw={500}>
                    {fieldLabelOfPath(c.field)}
                  </Table.Th>
                  <Table.Td>{formatDiffValue(c.field, c.before)}</Table.Td>
                  <Table.Td>{formatDiffValue(c.field, c.after)}</Table.Td>
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
              {
                key: 'action',
                header: 'Action',
                render: (e) => HOUSEHOLD_AUDIT_LABELS[e.action] ?? e.action,
              },
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
