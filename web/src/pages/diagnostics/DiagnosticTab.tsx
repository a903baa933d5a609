import { useState } from 'react';
import { Alert, Button, Group, Image, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import {
  DIAGNOSTIC_STATUS_LABELS,
  PARTNER_AUDIENCE_LABELS,
  PRESENTATION_METHOD_LABELS,
  type DiagnosticStatus,
  type TDiagnosticDetail,
  type TDiagnosticSummary,
  type TSharedVersion,
} from '@shared/contracts/diagnostics.ts';
import type { THouseholdDetail } from '@shared/contracts/households.ts';
import { DIAGNOSTIC_ROUTES } from '@shared/routes/diagnostics.ts';
import { useRouteMutation, useRouteQuery } from '../../api/routes.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { StatusBadge, type Tone } from '../../components/StatusBadge.tsx';
import { formatDate, formatDateTime } from '@shared/format.ts';
import { CapacityGrid } from './CapacityGrid.tsx';
import { ContentView } from './ContentView.tsx';
import { DiagnosticEditor } from './DiagnosticEditor.tsx';
import { DiagnosticProcedure } from './DiagnosticProcedure.tsx';
import { DiagnosticTasks } from './DiagnosticTasks.tsx';
import { ApproveAction, DisagreeAction, MissingFields, PresentAction } from './LifecycleActions.tsx';
import { PartnerVersionView, PdfLink, SharingPanel } from './SharingPanel.tsx';
import { diagnosticsKey } from './diagnostic-api.ts';

export const DIAGNOSTIC_STATUS_TONES: Partial<Record<DiagnosticStatus, Tone>> = {
  draft: 'neutral',
  presented: 'info',
  approved: 'success',
  disagreed: 'warning',
  shared: 'success',
};

/** The household file's "Diagnostic" tab: full diagnostic for the caseworker, shared versions otherwise. */
export function DiagnosticTab({ file }: { file: THouseholdDetail }) {
  const list = useRouteQuery(DIAGNOSTIC_ROUTES.list, { params: { id: file.id } });
  return (
    <QueryState query={list} loadingLabel="Chargement du diagnostic…">
      {(data) =>
        file.accessLevel === 'caseworker' ? (
          <CaseworkerDiagnostic householdId={file.id} items={data.items} />
        ) : (
          <SharedVersions shared={data.sharedWithMe} />
        )
      }
    </QueryState>
  );
}

function SharedVersions({ shared }: { shared: TSharedVersion[] }) {
  if (shared.length === 0)
    return (
      <EmptyState
        title="Aucun diagnostic partagé avec votre organisation"
        description="Le travailleur social référent partage une version adaptée une fois le diagnostic approuvé par le ménage."
      />
    );
  return (
    <Stack gap="xl">
      {shared.map((s) => (
        <Paper
          key={s.shareId}
          withBorder
          p="md"
          radius="md"
          component="section"
          aria-labelledby={`share-${s.shareId}`}
        >
          <Stack gap="md">
            <Group justify="space-between" wrap="wrap">
              <Title order={2} size="h4" id={`share-${s.shareId}`}>
                {PARTNER_AUDIENCE_LABELS[s.audience]} — diagnostic version {s.diagnosticVersion}
              </Title>
              <PdfLink diagId={s.diagnosticId} version={s.audience} label="Télécharger le PDF" />
            </Group>
            <Text size="sm" c="dimmed">
              Partagée le {formatDateTime(s.sharedAt)}. Lecture seule.
            </Text>
            <PartnerVersionView version={s.version} />
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}

function CaseworkerDiagnostic({ householdId, items }: { householdId: string; items: TDiagnosticSummary[] }) {
  const sorted = [...items].sort((a, b) => b.version - a.version);
  const latest = sorted[0];
  const [selected, setSelected] = useState<string | null>(null);
  const current = sorted.find((d) => d.id === selected) ?? latest;
  const create = useRouteMutation(DIAGNOSTIC_ROUTES.create, {
    invalidate: [diagnosticsKey(householdId)],
    successMessage: 'Diagnostic ouvert.',
    onSuccess: (saved) => setSelected(saved.id),
  });

  if (!current)
    return (
      <Stack>
        <ApiErrorAlert error={create.error} />
        <EmptyState
          title="Pas encore de diagnostic"
          description="Le diagnostic partagé se rédige avec le ménage ; il lui est présenté puis approuvé avant tout partage."
          action={
            <Button
              size="md"
              onClick={() => create.mutate({ params: { id: householdId }, body: { content: {} } })}
              loading={create.isPending}
            >
              Commencer le diagnostic
            </Button>
          }
        />
      </Stack>
    );

  return (
    <Stack gap="xl">
      <Stack gap="sm" component="section" aria-labelledby="diagnostic-versions">
        <Title order={2} size="h4" id="diagnostic-versions">
          Versions du diagnostic
        </Title>
        <DataTable
          caption="Versions du diagnostic"
          rows={sorted}
          rowKey={(d) => d.id}
          emptyTitle="Aucune version"
          columns={[
            {
              key: 'version',
              header: 'Version',
              render: (d) =>
                d.id === current.id ? (
                  <Text fw={700} span aria-current="true">
                    Version {d.version} (affichée)
                  </Text>
                ) : (
                  <Button variant="subtle" size="sm" px={4} onClick={() => setSelected(d.id)}>
                    Ouvrir la version {d.version}
                  </Button>
                ),
            },
            {
              key: 'status',
              header: 'État',
              render: (d) => (
                <StatusBadge
                  value={d.status}
                  labels={DIAGNOSTIC_STATUS_LABELS}
                  tones={DIAGNOSTIC_STATUS_TONES}
                />
              ),
            },
            {
              key: 'created',
              header: 'Créée le',
              render: (d) => formatDateTime(d.createdAt),
              hideOnSmall: true,
            },
            { key: 'updated', header: 'Modifiée le', render: (d) => formatDateTime(d.updatedAt) },
            { key: 'approved', header: 'Approuvée le', render: (d) => formatDateTime(d.approvedAt) },
          ]}
        />
      </Stack>
      <DiagnosticVersion
        key={current.id}
        householdId={householdId}
        summary={current}
        isLatest={current.id === latest?.id}
        onNewVersion={setSelected}
      />
    </Stack>
  );
}

function DiagnosticVersion({
  householdId,
  summary,
  isLatest,
  onNewVersion,
}: {
  householdId: string;
  summary: TDiagnosticSummary;
  isLatest: boolean;
  onNewVersion: (id: string) => void;
}) {
  const detail = useRouteQuery(DIAGNOSTIC_ROUTES.get, { params: { id: householdId, diagId: summary.id } });
  return (
    <Tabs defaultValue="contenu" keepMounted={false}>
      <Tabs.List aria-label={`Diagnostic version ${summary.version}`}>
        <Tabs.Tab value="contenu">Contenu — version {summary.version}</Tabs.Tab>
        <Tabs.Tab value="capacite">Capacité à habiter</Tabs.Tab>
        <Tabs.Tab value="partage">Partage et PDF</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="contenu" pt="md">
        <QueryState query={detail} loadingLabel="Ouverture du diagnostic…">
          {(d) => (
            <VersionContent
              householdId={householdId}
              detail={d}
              isLatest={isLatest}
              onNewVersion={onNewVersion}
            />
          )}
        </QueryState>
      </Tabs.Panel>
      <Tabs.Panel value="capacite" pt="md">
        <CapacityGrid householdId={householdId} diagnosticId={summary.id} />
      </Tabs.Panel>
      <Tabs.Panel value="partage" pt="md">
        <SharingPanel
          householdId={householdId}
          diagId={summary.id}
          canShare={summary.status === 'approved' || summary.status === 'shared'}
        />
      </Tabs.Panel>
    </Tabs>
  );
}

function VersionContent({
  householdId,
  detail,
  isLatest,
  onNewVersion,
}: {
  householdId: string;
  detail: TDiagnosticDetail;
  isLatest: boolean;
  onNewVersion: (id: string) => void;
}) {
  const [reopened, setReopened] = useState(false);
  const newVersion = useRouteMutation(DIAGNOSTIC_ROUTES.newVersion, {
    invalidate: [diagnosticsKey(householdId)],
    successMessage: 'Nouvelle version ouverte en brouillon.',
    onSuccess: (saved) => onNewVersion(saved.id),
  });
  const frozen = detail.status === 'approved' || detail.status === 'shared' || detail.status === 'disagreed';

  if (detail.status === 'draft' || (detail.status === 'presented' && reopened)) {
    return (
      <DiagnosticEditor householdId={householdId} detail={detail}>
        {(handle) => (
          <Paper withBorder p="md" radius="md">
            <Stack gap="sm">
              <MissingFields fields={detail.missingForPresentation} />
              <Group>
                <PresentAction
                  householdId={householdId}
                  detail={detail}
                  rowVersion={handle.rowVersion}
                  flush={handle.flush}
                  onFieldErrors={handle.showErrors}
                />
              </Group>
            </Stack>
          </Paper>
        )}
      </DiagnosticEditor>
    );
  }

  return (
    <Stack gap="md">
      {detail.presentation && (
        <Text size="sm">
          Présenté au ménage le {formatDate(detail.presentation.presentedOn)} (
          {PRESENTATION_METHOD_LABELS[detail.presentation.method]}) : « {detail.presentation.explanation} »
        </Text>
      )}
      {detail.approval && (
        <Alert
          color="green"
          title={`Approuvé le ${formatDate(detail.approval.signedOn)} — figé`}
          role="status"
        >
          <Stack gap="xs">
            <Text size="sm">
              {detail.approval.method === 'typed_name'
                ? `Nom saisi par le ménage devant témoin : ${detail.approval.typedName ?? ''}.`
                : 'Signé par le ménage sur la tablette.'}{' '}
              Cette version ne peut plus être modifiée : créez une nouvelle version pour la faire évoluer.
            </Text>
            {detail.approval.signaturePng && (
              <Image src={detail.approval.signaturePng} alt="Signature du ménage" maw={320} bg="white" />
            )}
          </Stack>
        </Alert>
      )}
      {detail.disagreement && (
        <Alert
          color="orange"
          title={`Désaccord du ménage noté le ${formatDate(detail.disagreement.notedOn)} — figé`}
          role="status"
        >
          <Text size="sm">« {detail.disagreement.inHouseholdWords} »</Text>
        </Alert>
      )}
      <ApiErrorAlert error={newVersion.error} />
      <Group>
        {detail.status === 'presented' && (
          <>
            <ApproveAction householdId={householdId} detail={detail} rowVersion={detail.rowVersion} />
            <DisagreeAction householdId={householdId} detail={detail} rowVersion={detail.rowVersion} />
            <Button size="md" variant="default" onClick={() => setReopened(true)}>
              Reprendre la rédaction
            </Button>
          </>
        )}
        {frozen && isLatest && (
          <Button
            size="md"
            onClick={() => newVersion.mutate({ params: { id: householdId, diagId: detail.id } })}
            loading={newVersion.isPending}
          >
            Nouvelle version
          </Button>
        )}
      </Group>
      <ContentView content={detail.content} authorship={detail.authorship} />
      <DiagnosticProcedure householdId={householdId} detail={detail} editable={false} />
      {/* Tasks go on after the version is frozen: they are the household's, not its content. */}
      <Stack gap="xs" component="section" aria-labelledby="diagnostic-tasks">
        <Title order={3} size="h5" id="diagnostic-tasks">
          Actions urgentes
        </Title>
        <DiagnosticTasks householdId={householdId} diagnosticId={detail.id} />
      </Stack>
    </Stack>
  );
}
