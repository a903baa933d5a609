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
import { DIAGNOSTIC_ROUTES } from '@shared/routes/diagnostics.ts';
import { HOUSEHOLD_ROUTES } from '@shared/routes/households.ts';
import { routeKey, routeUrl, useRouteMutation, useRouteQuery } from '../../api/routes.ts';
import { useSession } from '../../api/session.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { formatDate, formatDateTime } from '@shared/format.ts';
import { EvictionStepList } from '../households/EvictionProcedureBlock.tsx';
import { ContentView } from './ContentView.tsx';
import { diagnosticsKey } from './diagnostic-api.ts';

/**
 * A partner version as its recipient reads it: content, the eviction procedure's steps (no note)
 * and, for the committee, the grid.
 */
export function PartnerVersionView({ version }: { version: TPartnerVersion }) {
  return (
    <Stack gap="lg">
      <ContentView content={version.content} headingOrder={3} />
      {version.evictionSteps.length > 0 && (
        <Stack gap="xs">
          <Title order={3} size="h5">
            Procédure d’expulsion
          </Title>
          <EvictionStepList steps={version.evictionSteps} />
        </Stack>
      )}
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
      href={routeUrl(DIAGNOSTIC_ROUTES.pdf, { params: { id: diagId }, query: { version } })}
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
  const preview = useRouteQuery(
    DIAGNOSTIC_ROUTES.preview,
    { params: { id: diagId }, query: { audience } },
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
  const target = { params: { id: diagId } };
  const shares = useRouteQuery(DIAGNOSTIC_ROUTES.shares, target);
  const parties = useRouteQuery(
    HOUSEHOLD_ROUTES.parties,
    { params: { id: householdId } },
    { enabled: canShare },
  );
  const form = useForm<{ audience: PartnerAudience; organisationIds: string[] }>({
    initialValues: { audience: 'landlord', organisationIds: [] },
  });
  const share = useRouteMutation(DIAGNOSTIC_ROUTES.share, {
    form,
    invalidate: [routeKey(DIAGNOSTIC_ROUTES.shares, target), diagnosticsKey(householdId)],
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
        <form noValidate onSubmit={form.onSubmit((body) => share.mutate({ ...target, body }))}>
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
