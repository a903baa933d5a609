import { useState, type FormEvent } from 'react';
import { Anchor, Button, Card, FileInput, Group, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { SENSITIVITIES, SENSITIVITY_LABELS, type Sensitivity } from '@shared/contracts/household-enums.ts';
import {
  DOCUMENT_MAX_BYTES,
  DOCUMENT_TYPES,
  ZNoteCreate,
  type THouseholdDetail,
} from '@shared/contracts/households.ts';
import { HOUSEHOLD_ROUTES } from '@shared/routes/households.ts';
import { canEditHousehold } from '@shared/access/household-access.ts';
import { canSeeSensitivity } from '@shared/access/household-fields.ts';
import { routeUrl, useRouteMutation, useRouteQuery } from '../../api/routes.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { StatusBadge, type Tone } from '../../components/StatusBadge.tsx';
import { formatDateTime } from '@shared/format.ts';
import { householdKey } from './household-api.ts';
import { zodErrors } from './household-form.ts';

const SENSITIVITY_TONES: Record<Sensitivity, Tone> = {
  shared: 'info',
  landlord_visible: 'success',
  confidential: 'danger',
};

const sizeFormat = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
const formatSize = (bytes: number) =>
  bytes < 1024 * 1024
    ? `${sizeFormat.format(bytes / 1024)} Ko`
    : `${sizeFormat.format(bytes / 1024 / 1024)} Mo`;

const ACCEPT = '.pdf,.jpg,.jpeg,.png,.webp,.docx,.odt,.txt';
const TYPES_HINT = `Formats acceptés : ${DOCUMENT_TYPES.map((t) => t.toUpperCase()).join(', ')} — ${formatSize(DOCUMENT_MAX_BYTES)} au maximum.`;

/** The sensitivities the reader may both see and give (a landlord cannot write a confidential note). */
const sensitivityOptions = (file: THouseholdDetail) =>
  SENSITIVITIES.filter((s) => canSeeSensitivity(file.accessLevel, s)).map((s) => ({
    value: s,
    label: SENSITIVITY_LABELS[s],
  }));

export function NotesDocumentsTab({ file }: { file: THouseholdDetail }) {
  const canWrite = canEditHousehold(file.accessLevel);
  return (
    <Stack gap="xl">
      <Stack gap="sm">
        <Title order={2} size="h4">
          Notes
        </Title>
        {canWrite && <NoteForm file={file} />}
        <NoteList file={file} />
      </Stack>
      <Stack gap="sm">
        <Title order={2} size="h4">
          Documents
        </Title>
        {canWrite && <DocumentUpload file={file} />}
        <DocumentList file={file} />
      </Stack>
    </Stack>
  );
}

function NoteForm({ file }: { file: THouseholdDetail }) {
  const form = useForm<{ body: string; sensitivity: Sensitivity }>({
    initialValues: { body: '', sensitivity: 'shared' },
    validate: (values) => zodErrors(ZNoteCreate.safeParse(values).error),
  });
  const add = useRouteMutation(HOUSEHOLD_ROUTES.addNote, {
    form,
    invalidate: [householdKey(file.id)],
    successMessage: 'Note ajoutée.',
    onSuccess: () => form.reset(),
  });
  return (
    <Card
      withBorder
      component="form"
      noValidate
      onSubmit={form.onSubmit((body) => add.mutate({ params: { id: file.id }, body }))}
      aria-label="Ajouter une note"
    >
      <Stack gap="sm">
        <Textarea label="Nouvelle note" autosize minRows={3} required {...form.getInputProps('body')} />
        <Group align="flex-end" justify="space-between">
          <Select
            label="Confidentialité"
            allowDeselect={false}
            data={sensitivityOptions(file)}
            {...form.getInputProps('sensitivity')}
          />
          <Button type="submit" loading={add.isPending}>
            Ajouter la note
          </Button>
        </Group>
        <ApiErrorAlert error={add.error} />
      </Stack>
    </Card>
  );
}

function NoteList({ file }: { file: THouseholdDetail }) {
  const query = useRouteQuery(HOUSEHOLD_ROUTES.notes, { params: { id: file.id } });
  return (
    <QueryState query={query} loadingLabel="Chargement des notes…">
      {({ items }) =>
        items.length === 0 ? (
          <EmptyState title="Aucune note" />
        ) : (
          <Stack
            gap="sm"
            component="ul"
            style={{ listStyle: 'none', padding: 0, margin: 0 }}
            aria-label="Notes du dossier"
          >
            {items.map((n) => (
              <Card key={n.id} withBorder component="li">
                <Group justify="space-between" gap="xs" mb="xs">
                  <Text size="sm" c="dimmed">
                    {formatDateTime(n.createdAt)} — {n.authorName ?? 'Auteur inconnu'}
                    {n.organisationName && ` (${n.organisationName})`}
                  </Text>
                  <StatusBadge value={n.sensitivity} labels={SENSITIVITY_LABELS} tones={SENSITIVITY_TONES} />
                </Group>
                <Text style={{ whiteSpace: 'pre-wrap' }}>{n.body}</Text>
              </Card>
            ))}
          </Stack>
        )
      }
    </QueryState>
  );
}

function DocumentUpload({ file }: { file: THouseholdDetail }) {
  const [picked, setPicked] = useState<File | null>(null);
  const [sensitivity, setSensitivity] = useState<Sensitivity>('shared');
  const [localError, setLocalError] = useState<string | null>(null);
  const upload = useRouteMutation(HOUSEHOLD_ROUTES.uploadDocument, {
    invalidate: [householdKey(file.id)],
    successMessage: 'Document déposé.',
    onSuccess: () => setPicked(null),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!picked) return setLocalError('Choisissez un fichier.');
    if (picked.size > DOCUMENT_MAX_BYTES)
      return setLocalError(`Fichier trop volumineux : ${formatSize(DOCUMENT_MAX_BYTES)} au maximum.`);
    setLocalError(null);
    const body = new FormData();
    // The fields first: the server reads them before streaming the file.
    body.append('sensitivity', sensitivity);
    body.append('file', picked, picked.name);
    upload.mutate({ params: { id: file.id }, body });
  };
  return (
    <Card withBorder component="form" noValidate onSubmit={submit} aria-label="Déposer un document">
      <Stack gap="sm">
        <Group align="flex-start" grow preventGrowOverflow={false} wrap="wrap">
          <FileInput
            label="Fichier"
            description={TYPES_HINT}
            accept={ACCEPT}
            value={picked}
            onChange={(f) => {
              setPicked(f);
              setLocalError(null);
            }}
            error={localError}
            clearable
            clearButtonProps={{ 'aria-label': 'Retirer le fichier' }}
            miw={240}
          />
          <Select
            label="Confidentialité du document"
            allowDeselect={false}
            data={sensitivityOptions(file)}
            value={sensitivity}
            onChange={(v) => v && setSensitivity(v as Sensitivity)}
            miw={220}
          />
        </Group>
        <Group justify="flex-end">
          <Button type="submit" loading={upload.isPending}>
            Déposer le document
          </Button>
        </Group>
        <ApiErrorAlert error={upload.error} />
      </Stack>
    </Card>
  );
}

function DocumentList({ file }: { file: THouseholdDetail }) {
  const query = useRouteQuery(HOUSEHOLD_ROUTES.documents, { params: { id: file.id } });
  return (
    <QueryState query={query} loadingLabel="Chargement des documents…">
      {({ items }) => (
        <DataTable
          caption="Documents du dossier"
          rows={items}
          rowKey={(d) => d.id}
          emptyTitle="Aucun document"
          columns={[
            {
              key: 'name',
              header: 'Document',
              render: (d) => (
                <Anchor
                  href={routeUrl(HOUSEHOLD_ROUTES.documentContent, { params: { id: file.id, docId: d.id } })}
                  download={d.fileName}
                >
                  {d.fileName}
                  <Text component="span" size="sm" c="dimmed">
                    {' '}
                    ({formatSize(d.sizeBytes)}) — télécharger
                  </Text>
                </Anchor>
              ),
            },
            {
              key: 'sensitivity',
              header: 'Confidentialité',
              render: (d) => (
                <StatusBadge value={d.sensitivity} labels={SENSITIVITY_LABELS} tones={SENSITIVITY_TONES} />
              ),
            },
            {
              key: 'by',
              header: 'Déposé par',
              render: (d) =>
                `${d.uploadedByName ?? '—'}${d.organisationName ? ` (${d.organisationName})` : ''}`,
              hideOnSmall: true,
            },
            { key: 'at', header: 'Le', render: (d) => formatDateTime(d.createdAt) },
          ]}
        />
      )}
    </QueryState>
  );
}
