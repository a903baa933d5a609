import { useState, type FormEvent } from 'react';
import { Alert, Button, Card, FileInput, Group, List, Progress, Select, Stack, Text } from '@mantine/core';
import { Link } from 'react-router-dom';
import {
  IMPORT_ENCODING_LABELS,
  IMPORT_MAX_BYTES,
  IMPORT_STATE_LABELS,
  type TImportRun,
} from '@shared/contracts/dwellings.ts';
import { IMPORT_FIELDS, IMPORT_KIND_LABELS, type ImportKind } from '@shared/dwellings/import-lines.ts';
import { STOCK_IMPORT_ROUTES } from '@shared/routes/dwellings.ts';
import { formatDateTime } from '@shared/format.ts';
import { callRoute, routeKey, useRouteMutation, useRouteQuery } from '../../api/routes.ts';
import { ApiError } from '../../api/client.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { Section } from '../../components/Section.tsx';
import { PATHS } from '../../paths.ts';
import { optionsOf } from './dwelling-labels.ts';

const REPORTS_KEY = routeKey(STOCK_IMPORT_ROUTES.list, {});

/**
 * Importing an export of the landlord's management software: send the file, map its columns (the last
 * mapping comes back), check every line (a dry run, its progress shown), read the rejected lines, then
 * import all of it at once.
 */
export function ImportPage() {
  const [run, setRun] = useState<TImportRun | null>(null);
  return (
    <>
      <PageHeader
        title="Importer un fichier du logiciel de gestion"
        description="Vos logements et leurs locataires, ou les impayés du mois, depuis un export CSV ou Excel (XLSX). Rien n’est importé tant que toutes les lignes ne sont pas acceptées."
      />
      <Stack gap="lg">
        {run ? (
          <RunSteps run={run} onChange={setRun} onRestart={() => setRun(null)} />
        ) : (
          <UploadForm onUploaded={setRun} />
        )}
        <Reports />
      </Stack>
    </>
  );
}

function UploadForm({ onUploaded }: { onUploaded: (run: TImportRun) => void }) {
  const [kind, setKind] = useState<ImportKind>('stock');
  const [encoding, setEncoding] = useState<keyof typeof IMPORT_ENCODING_LABELS>('utf-8');
  const [file, setFile] = useState<File | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const upload = useRouteMutation(STOCK_IMPORT_ROUTES.upload, { onSuccess: onUploaded });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!file) return setLocalError('Choisissez un fichier.');
    if (file.size > IMPORT_MAX_BYTES) return setLocalError('Fichier trop volumineux : 20 Mo au maximum.');
    setLocalError(null);
    const body = new FormData();
    body.append('kind', kind);
    body.append('encoding', encoding);
    body.append('file', file, file.name);
    upload.mutate({ body });
  };
  return (
    <Card withBorder component="form" noValidate onSubmit={submit} aria-label="Envoyer un fichier">
      <Stack>
        <ApiErrorAlert error={upload.error} />
        <Select
          label="Contenu du fichier"
          data={optionsOf(IMPORT_KIND_LABELS)}
          value={kind}
          onChange={(v) => v && setKind(v as ImportKind)}
          allowDeselect={false}
        />
        <FileInput
          label="Fichier (CSV ou XLSX)"
          accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          value={file}
          onChange={setFile}
          error={localError}
          clearable
          clearButtonProps={{ 'aria-label': 'Retirer le fichier' }}
        />
        <Select
          label="Encodage d’un fichier CSV"
          description="« Windows (ANSI) » pour un CSV enregistré par une ancienne version d’Excel ; un fichier XLSX n’en a pas besoin."
          data={optionsOf(IMPORT_ENCODING_LABELS)}
          value={encoding}
          onChange={(v) => v && setEncoding(v as typeof encoding)}
          allowDeselect={false}
        />
        <Group>
          <Button type="submit" loading={upload.isPending}>
            Envoyer le fichier
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function RunSteps({
  run,
  onChange,
  onRestart,
}: {
  run: TImportRun;
  onChange: (run: TImportRun) => void;
  onRestart: () => void;
}) {
  const [mapping, setMapping] = useState<Record<string, string>>(run.mapping);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const apply = useRouteMutation(STOCK_IMPORT_ROUTES.apply, {
    invalidate: [REPORTS_KEY],
    successMessage: 'Import terminé.',
    onSuccess: onChange,
  });
  const params = { runId: run.id };
  // The dry run a chunk at a time: each answer says how far it got, for the progress bar.
  const check = async () => {
    setBusy(true);
    setError(null);
    try {
      let current = await callRoute(STOCK_IMPORT_ROUTES.map, { params, body: { mapping } });
      onChange(current);
      while (current.state === 'uploaded' || current.state === 'checking') {
        current = await callRoute(STOCK_IMPORT_ROUTES.check, { params });
        onChange(current);
      }
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const percent = run.totalLines === 0 ? 0 : Math.round((run.checkedLines / run.totalLines) * 100);
  const fields = IMPORT_FIELDS[run.kind];
  const columnOptions = run.columns.map((c) => ({ value: c, label: c }));
  const applied = run.state === 'applied';
  return (
    <>
      <Section title={`Fichier « ${run.fileName} » — ${IMPORT_KIND_LABELS[run.kind]}`}>
        <Text mb="sm">
          {run.totalLines} ligne{run.totalLines > 1 ? 's' : ''} de données. État :{' '}
          {IMPORT_STATE_LABELS[run.state]}.
        </Text>
        {!applied && (
          <Stack>
            <Text size="sm">
              {run.mappingSaved
                ? 'La correspondance de votre dernier import est reprise ; vérifiez-la.'
                : 'Choisissez la colonne du fichier qui donne chaque champ (une correspondance est proposée d’après les en-têtes).'}
            </Text>
            <Group align="flex-end" wrap="wrap">
              {fields.map((f) => (
                <Select
                  key={f.key}
                  label={f.label}
                  required={f.required}
                  data={columnOptions}
                  value={mapping[f.key] ?? null}
                  onChange={(v) => setMapping((m) => ({ ...m, [f.key]: v ?? '' }))}
                  clearable={!f.required}
                  allowDeselect={!f.required}
                  error={error instanceof ApiError ? error.fields?.[`mapping.${f.key}`] : undefined}
                  disabled={busy}
                  w={260}
                />
              ))}
            </Group>
            <ApiErrorAlert error={error} />
            <Group>
              <Button onClick={() => void check()} loading={busy}>
                Vérifier toutes les lignes (essai à blanc)
              </Button>
              <Button variant="default" onClick={onRestart} disabled={busy}>
                Envoyer un autre fichier
              </Button>
            </Group>
          </Stack>
        )}
      </Section>
      {(busy || run.checkedLines > 0) && !applied && (
        <Section title="Vérification">
          <Progress value={percent} size="lg" aria-label={`Lignes vérifiées : ${percent} %`} />
          <Text mt="xs" aria-live="polite">
            {run.checkedLines} ligne{run.checkedLines > 1 ? 's' : ''} vérifiée
            {run.checkedLines > 1 ? 's' : ''} sur {run.totalLines}
            {run.rejectedLines > 0 ? `, ${run.rejectedLines} refusée${run.rejectedLines > 1 ? 's' : ''}` : ''}
            .
          </Text>
        </Section>
      )}
      {run.state === 'rejected' && (
        <Section title="Lignes refusées">
          <Alert color="red" mb="sm" title="Rien n’a été importé">
            Corrigez ces lignes dans votre fichier, puis envoyez-le à nouveau.
          </Alert>
          <DataTable
            caption="Lignes refusées et leurs raisons"
            rows={run.rejections}
            rowKey={(r) => String(r.line)}
            emptyTitle="Aucune ligne refusée"
            columns={[
              { key: 'line', header: 'Ligne', render: (r) => r.line, width: 80 },
              {
                key: 'reasons',
                header: 'Raisons',
                render: (r) => (
                  <List size="sm">
                    {r.reasons.map((reason) => (
                      <List.Item key={reason}>{reason}</List.Item>
                    ))}
                  </List>
                ),
              },
            ]}
          />
        </Section>
      )}
      {run.state === 'checked' && (
        <Section title="Importer">
          <ApiErrorAlert error={apply.error} />
          <Text mb="sm">
            Toutes les lignes sont acceptées. L’import s’applique en une fois : tout ou rien.
          </Text>
          <Button onClick={() => apply.mutate({ params })} loading={apply.isPending}>
            Importer les {run.totalLines} lignes
          </Button>
        </Section>
      )}
      {applied && run.counts && (
        <Section title="Import terminé">
          <Progress value={100} size="lg" aria-label="Import terminé : 100 %" mb="sm" />
          <List>
            {run.kind === 'stock' ? (
              <>
                <List.Item>
                  {run.counts.dwellingsCreated} logement(s) créé(s), {run.counts.dwellingsUpdated} mis à jour
                </List.Item>
                <List.Item>
                  {run.counts.tenantsCreated} locataire(s) créé(s), {run.counts.tenantsUpdated} mis à jour
                </List.Item>
              </>
            ) : (
              <List.Item>{run.counts.balances} solde(s) enregistré(s)</List.Item>
            )}
          </List>
          <Group mt="sm">
            <Button component={Link} to={run.kind === 'stock' ? PATHS.stock : PATHS.stockArrears}>
              {run.kind === 'stock' ? 'Voir le parc' : 'Voir les locataires à signaler'}
            </Button>
            <Button variant="default" onClick={onRestart}>
              Importer un autre fichier
            </Button>
          </Group>
        </Section>
      )}
    </>
  );
}

function Reports() {
  const query = useRouteQuery(STOCK_IMPORT_ROUTES.list, {});
  return (
    <Section title="Imports précédents">
      <QueryState query={query} loadingLabel="Chargement des imports…">
        {({ items }) => (
          <DataTable
            caption="Imports précédents"
            rows={items}
            rowKey={(r) => r.id}
            emptyTitle="Aucun import"
            columns={[
              { key: 'when', header: 'Envoyé le', render: (r) => formatDateTime(r.createdAt) },
              { key: 'who', header: 'Par', render: (r) => r.createdByName ?? '—' },
              {
                key: 'file',
                header: 'Fichier',
                render: (r) => `${r.fileName} (${IMPORT_KIND_LABELS[r.kind]})`,
              },
              { key: 'state', header: 'État', render: (r) => IMPORT_STATE_LABELS[r.state] },
              {
                key: 'counts',
                header: 'Bilan',
                render: (r) =>
                  !r.counts
                    ? `${r.totalLines} ligne(s)${r.rejectedLines ? `, ${r.rejectedLines} refusée(s)` : ''}`
                    : r.kind === 'stock'
                      ? `${r.counts.dwellingsCreated + r.counts.dwellingsUpdated} logement(s), ${r.counts.tenantsCreated + r.counts.tenantsUpdated} locataire(s)`
                      : `${r.counts.balances} solde(s)`,
              },
            ]}
          />
        )}
      </QueryState>
    </Section>
  );
}
