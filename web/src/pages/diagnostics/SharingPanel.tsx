import { useState } from 'react';
import { Button, Checkbox, Group, Modal, Radio, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import {
  CAPACITY_AXES,
  CAPACITY_AXIS_LABELS,
  PARTNER_AUDIENCE_LABELS,
  READINESS_OPINION_LABELS,
  type PartnerAudience,
  type TPartnerVersion,
} from '@shared/contracts/diagnostics.ts';
import type { TParty } from '@shared/contracts/households.ts';
import { api } from '../../api/client.ts';
import { useApiMutation, useApiQuery } from '../../api/hooks.ts';
import { useSession } from '../../api/session.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { formatDate, formatDateTime } from '@shared/format.ts';
import { ContentView } from './ContentView.tsx';
import { diagnosticGlobalPaths, diagnosticPaths, type TShareList } from './diagnostic-api.ts';

/** A partner version as its recipient reads it: content plus, for the committee, the grid. */
export function PartnerVersionView({ version }: { version: TPartnerVersion }) {
  return (
    <Stack gap="lg">
      <ContentView content={version.content} headingOrder={3} />
      {version.capacity && (
        <Stack gap="xs">
          <Title order={3} size="h5">
            Capacité à habiter (grille du {formatDate(version.capacity.assessedOn)})
          </Title>
          {CAPACITY_AXES.map((a) => (
            <Text key={a} size="sm">
              {CAPACITY_AXIS_LABELS[a]} : {version.capacity!.axisAverages[a]?.toLocaleString('fr-FR')} / 4
            </Text>
          ))}
          <Text fw={600}>Avis : {READINESS_OPINION_LABELS[version.capacity.opinion]}</Text>
        </Stack>
      )}
    </Stack>
  );
}

/** A download through the session cookie (plain link with `download`). */
export function PdfLink({
  diagId,
  version,
  label,
}: {
  diagId: string;
  version: 'household' | PartnerAudience;
  label: string;
}) {
  return (
    <Button
      component="a"
      href={diagnosticGlobalPaths(diagId).pdf(version)}
      download
      variant="default"
      size="md"
    >
      {label}
    </Button>
  );
}

function PreviewButton({ diagId, audience }: { diagId: string; audience: PartnerAudience }) {
  const [open, setOpen] = useState(false);
  const label = audience === 'landlord' ? 'Voir comme le bailleur' : 'Voir comme le comité';
  const preview = useApiQuery<TPartnerVersion>(
    diagnosticGlobalPaths(diagId).preview,
    { audience },
    { enabled: open },
  );
  return (
    <>
      <Button variant="light" size="md" onClick={() => setOpen(true)}>
        {label}
      </Button>
      <Modal
        opened={open}
        onClose={() => setOpen(false)}
        title={`Aperçu — ${PARTNER_AUDIENCE_LABELS[audience]}`}
        size="xl"
      >
        <QueryState query={preview} loadingLabel="Préparation de l’aperçu…">
          {(v) => <PartnerVersionView version={v} />}
        </QueryState>
      </Modal>
    </>
  );
}

/** Brique 1.4: previews, sharing with the household's parties, who received what, PDF exports. */
export function SharingPanel({
  householdId,
  diagId,
  canShare,
}: {
  householdId: string;
  diagId: string;
  canShare: boolean;
}) {
  const me = useSession();
  const paths = diagnosticGlobalPaths(diagId);
  const shares = useApiQuery<TShareList>(paths.shares);
  const parties = useApiQuery<{ items: TParty[] }>(diagnosticPaths(householdId).parties, undefined, {
    enabled: canShare,
  });
  const form = useForm({
    initialValues: { audience: 'landlord' as PartnerAudience, organisationIds: [] as string[] },
  });
  const share = useApiMutation((v: typeof form.values) => api.post(paths.share, v), {
    form,
    invalidate: [
      paths.shares,
      diagnosticPaths(householdId).list,
      diagnosticPaths(householdId).detail(diagId),
    ],
    successMessage: 'Diagnostic partagé.',
    onSuccess: () => form.setFieldValue('organisationIds', []),
  });
  const recipients = (parties.data?.items ?? []).filter(
    (p) =>
      p.organisationId !== me.organisation?.id &&
      !(form.values.audience === 'committee' && p.organisationType === 'landlord'),
  );

  return (
    <Stack gap="md">
      <Group gap="sm">
        <PreviewButton diagId={diagId} audience="landlord" />
        <PreviewButton diagId={diagId} audience="committee" />
      </Group>
      <Group gap="sm">
        <PdfLink diagId={diagId} version="household" label="PDF version ménage" />
        <PdfLink diagId={diagId} version="landlord" label="PDF version bailleur" />
        <PdfLink diagId={diagId} version="committee" label="PDF version comité" />
      </Group>
      {canShare && (
        <form noValidate onSubmit={form.onSubmit((v) => share.mutate(v))}>
          <Stack gap="sm">
            <Title order={3} size="h5">
              Partager
            </Title>
            <ApiErrorAlert error={share.error} />
            <Radio.Group label="Version à partager" required {...form.getInputProps('audience')}>
              <Group mt={6} gap="lg">
                <Radio size="md" value="landlord" label={PARTNER_AUDIENCE_LABELS.landlord} />
                <Radio size="md" value="committee" label={PARTNER_AUDIENCE_LABELS.committee} />
              </Group>
            </Radio.Group>
            <Checkbox.Group
              label="Destinataires (parties au dossier)"
              required
              {...form.getInputProps('organisationIds')}
            >
              <Stack mt={6} gap="xs">
                {recipients.length === 0 && (
                  <Text size="sm" c="dimmed">
                    Aucune organisation partie au dossier ne peut recevoir cette version.
                  </Text>
                )}
                {recipients.map((p) => (
                  <Checkbox
                    key={p.organisationId}
                    size="md"
                    value={p.organisationId}
                    label={p.organisationName}
                  />
                ))}
              </Stack>
            </Checkbox.Group>
            <Group>
              <Button type="submit" size="md" loading={share.isPending}>
                Partager
              </Button>
            </Group>
          </Stack>
        </form>
      )}
      <QueryState query={shares}>
        {(data) => (
          <DataTable
            caption="Partages du diagnostic"
            showCaption
            rows={data.items}
            rowKey={(s) => s.id}
            emptyTitle="Pas encore partagé"
            columns={[
              { key: 'org', header: 'Destinataire', render: (s) => s.organisationName },
              { key: 'audience', header: 'Version', render: (s) => PARTNER_AUDIENCE_LABELS[s.audience] },
              { key: 'diag', header: 'Diagnostic', render: (s) => `Version ${s.diagnosticVersion}` },
              { key: 'when', header: 'Le', render: (s) => formatDateTime(s.sharedAt) },
              { key: 'by', header: 'Par', render: (s) => s.sharedByName ?? '—', hideOnSmall: true },
            ]}
          />
        )}
      </QueryState>
      <Text size="sm" c="dimmed">
        Chaque export PDF est journalisé.
      </Text>
    </Stack>
  );
}
