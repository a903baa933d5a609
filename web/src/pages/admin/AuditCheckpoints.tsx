import { Button, Stack, Text } from '@mantine/core';
import { AUDIT_ROUTES } from '@shared/routes/audit.ts';
import { formatDateTime } from '@shared/format.ts';
import { routeKey, routeUrl, useRouteMutation, useRouteQuery } from '../../api/routes.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { Section } from '../../components/Section.tsx';

/**
 * The signed checkpoints of the audit log: each attests the log as it stood, so that a copy kept
 * outside Relais reveals any later rewrite (`npm run audit:verify -- --checkpoint <fichier>`).
 */
export function AuditCheckpoints() {
  const checkpoints = useRouteQuery(AUDIT_ROUTES.checkpoints, {});
  const sign = useRouteMutation(AUDIT_ROUTES.signCheckpoint, {
    invalidate: [routeKey(AUDIT_ROUTES.checkpoints, {})],
    successMessage: 'Point de contrôle signé.',
  });
  return (
    <Section title="Points de contrôle signés">
      <Stack>
        <Text size="sm">
          Le journal est chaîné : chaque évènement porte l’empreinte du précédent. Un point de contrôle, signé
          chaque heure, atteste l’état du journal ; conservez-en des copies hors de Relais pour pouvoir
          prouver qu’il n’a pas été réécrit depuis.
        </Text>
        <ApiErrorAlert error={sign.error} />
        <div>
          <Button onClick={() => sign.mutate({})} loading={sign.isPending}>
            Signer un point de contrôle maintenant
          </Button>
        </div>
        <QueryState query={checkpoints}>
          {(data) => (
            <DataTable
              caption="Points de contrôle signés, les plus récents d’abord"
              rows={data.items}
              rowKey={(c) => String(c.id)}
              emptyTitle="Aucun point de contrôle"
              emptyDescription="Le premier est signé au démarrage du serveur."
              columns={[
                { key: 'at', header: 'Signé le', render: (c) => formatDateTime(c.createdAt) },
                {
                  key: 'entries',
                  header: 'Évènements attestés',
                  render: (c) => c.entries.toLocaleString('fr-FR'),
                },
                {
                  key: 'download',
                  header: 'Fichier',
                  render: (c) => (
                    <Button
                      component="a"
                      href={routeUrl(AUDIT_ROUTES.downloadCheckpoint, { params: { id: c.id } })}
                      download
                      variant="default"
                      size="xs"
                      aria-label={`Télécharger le point de contrôle du ${formatDateTime(c.createdAt)}`}
                    >
                      Télécharger
                    </Button>
                  ),
                },
              ]}
            />
          )}
        </QueryState>
      </Stack>
    </Section>
  );
}
