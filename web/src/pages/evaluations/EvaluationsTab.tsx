import {
  Button,
  Group,
  List,
  Modal,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import type { THouseholdDetail } from '@shared/contracts/households.ts';
import {
  CAPACITY_AXIS_LABELS,
  CAPACITY_CRITERIA,
  CAPACITY_CRITERION_KEYS,
  CAPACITY_SCALE,
} from '@shared/contracts/diagnostics.ts';
import {
  EVALUATION_AUDIENCE_LABELS,
  EVALUATION_KIND_LABELS,
  EVALUATION_NEXT_STEP_LABELS,
  EVALUATION_STATUS_LABELS,
  OBJECTIVE_OUTCOME_LABELS,
  ZEvaluationApply,
  ZEvaluationUpdate,
  type EvaluationAudience,
  type EvaluationKind,
  type EvaluationNextStep,
  type ObjectiveOutcome,
  type TAxisChange,
  type TEvaluation,
  type TPartnerEvaluation,
  type TSharedEvaluation,
} from '@shared/contracts/evaluations.ts';
import {
  MEASURE_END_REASON_LABELS,
  type MeasureEndReason,
  type TMeasure,
} from '@shared/contracts/measures.ts';
import { changeInWords, measureFollowUp } from '@shared/evaluations/evaluation.ts';
import { formatDate, formatDateTime } from '@shared/format.ts';
import { EVALUATION_ROUTES as R } from '@shared/routes/evaluations.ts';
import { MEASURE_ROUTES } from '@shared/routes/measures.ts';
import { parisToday } from '@shared/time.ts';
import { routeKey, routeUrl, useRouteMutation, useRouteQuery } from '../../api/routes.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { DateField } from '../../components/DateField.tsx';
import { DialogButton, FormDialog, useBodyForm } from '../../components/FormDialog.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { DatedSignatureModal, useDatedSignatureForm } from '../diagnostics/HouseholdSignatureFields.tsx';
import { optionsOf, useOrganisations } from '../households/organisations.ts';

const period = (e: { periodStart: string; periodEnd: string }) =>
  `du ${formatDate(e.periodStart)} au ${formatDate(e.periodEnd)}`;
const outcomeText = (o: ObjectiveOutcome | null) => (o ? OBJECTIVE_OUTCOME_LABELS[o] : 'Non évalué');
const score = (n: number) => n.toLocaleString('fr-FR', { maximumFractionDigits: 2 });

function nextStepText(
  n: { step: EvaluationNextStep; watchMonths: number | null } | null,
  relayName: string | null,
): string {
  if (!n) return 'Aucune suite recommandée à ce stade.';
  const label = EVALUATION_NEXT_STEP_LABELS[n.step];
  if (n.step === 'watch' && n.watchMonths) return `${label} pendant ${n.watchMonths} mois`;
  if (n.step === 'relay' && relayName) return `${label} : ${relayName}`;
  return label;
}

/** The grid's axes: the diagnostic's average, today's, and the change. */
function AxesTable({ axes, caption }: { axes: readonly TAxisChange[]; caption: string }) {
  return (
    <DataTable
      caption={caption}
      rows={[...axes]}
      rowKey={(a) => a.axis}
      emptyTitle="Grille non notée"
      columns={[
        { key: 'axis', header: 'Axe', render: (a) => a.label },
        {
          key: 'before',
          header: 'Au diagnostic',
          render: (a) => (a.before === null ? '—' : score(a.before)),
        },
        { key: 'now', header: 'Aujourd’hui', render: (a) => score(a.now) },
        { key: 'change', header: 'Évolution', render: (a) => changeInWords(a.change) },
      ]}
    />
  );
}

/** A partner version as its reader receives it (the landlord's, the funder's). */
export function PartnerVersionView({ version }: { version: TPartnerEvaluation }) {
  return (
    <Stack gap="sm">
      <Text size="sm">
        {EVALUATION_KIND_LABELS[version.kind]}, période {period(version)}.
      </Text>
      {version.audience === 'landlord' ? (
        <DataTable
          caption="Objectifs liés au logement"
          rows={version.objectives}
          rowKey={(o) => o.title}
          emptyTitle="Aucun objectif du contrat ne porte sur le logement"
          columns={[
            { key: 'title', header: 'Objectif', render: (o) => o.title },
            { key: 'outcome', header: 'Résultat', render: (o) => outcomeText(o.outcome) },
          ]}
        />
      ) : (
        <>
          <Text size="sm">
            {version.outcomes.objectives} objectif(s) évalué(s) : {version.outcomes.reached} atteint(s),{' '}
            {version.outcomes.partly} partiellement, {version.outcomes.not_reached} non atteint(s).
          </Text>
          {version.axes.length > 0 && (
            <AxesTable axes={version.axes} caption="Capacité à habiter : moyennes par axe" />
          )}
        </>
      )}
      <Text size="sm">
        <strong>Suite recommandée :</strong>{' '}
        {nextStepText(version.nextStep, version.nextStep?.relayOrganisationName ?? null)}
      </Text>
      {version.partnerNote && (
        <Text size="sm">
          <strong>Message aux partenaires :</strong> {version.partnerNote}
        </Text>
      )}
    </Stack>
  );
}

const GAP_LABELS: Record<string, string> = {
  grid: 'Grille de capacité à habiter',
  nextStep: 'Suite recommandée',
  'nextStep.watchMonths': 'Durée de la veille',
  'nextStep.relayOrganisationId': 'Organisation qui prend le relais',
};
function gapLabel(path: string): string {
  const m = /^objectives\.(\d+)\.(outcome|comment)$/.exec(path);
  if (m) return `Objectif ${Number(m[1]) + 1} — ${m[2] === 'outcome' ? 'résultat' : 'commentaire'}`;
  return GAP_LABELS[path] ?? 'Autre champ';
}

type EditValues = {
  objectives: { title: string; briques: string[]; outcome: ObjectiveOutcome | null; comment: string }[];
  grid: Record<string, { score: string; comment: string }> | null;
  nextStep: {
    step: EvaluationNextStep | null;
    watchMonths: number | string;
    relayOrganisationId: string | null;
  };
  partnerNote: string;
  notes: string;
};

function editBody(v: EditValues, rowVersion: number) {
  return {
    rowVersion,
    objectives: v.objectives,
    grid: v.grid
      ? Object.fromEntries(
          Object.entries(v.grid).map(([k, c]) => [k, { score: Number(c.score), comment: c.comment }]),
        )
      : null,
    nextStep: v.nextStep.step
      ? {
          step: v.nextStep.step,
          watchMonths: v.nextStep.step === 'watch' ? Number(v.nextStep.watchMonths) || null : null,
          relayOrganisationId: v.nextStep.step === 'relay' ? v.nextStep.relayOrganisationId : null,
        }
      : null,
    partnerNote: v.partnerNote,
    notes: v.notes,
  };
}

/** The draft: each objective rated, the grid scored again, the next step, the notes. */
function EditDialog({
  householdId,
  e,
  onClose,
}: {
  householdId: string;
  e: TEvaluation;
  onClose: () => void;
}) {
  const organisations = useOrganisations();
  const c = e.content;
  const form = useBodyForm<EditValues>(
    {
      objectives: c.objectives.map((o) => ({ ...o })),
      grid: Object.fromEntries(
        CAPACITY_CRITERION_KEYS.map((k) => [
          k,
          { score: String(c.grid?.[k].score ?? ''), comment: c.grid?.[k].comment ?? '' },
        ]),
      ),
      nextStep: {
        step: c.nextStep?.step ?? null,
        watchMonths: c.nextStep?.watchMonths ?? 6,
        relayOrganisationId: c.nextStep?.relayOrganisationId ?? null,
      },
      partnerNote: c.partnerNote,
      notes: c.notes,
    },
    ZEvaluationUpdate,
    (v) => editBody(v, e.rowVersion),
  );
  const update = useRouteMutation(R.updateEvaluation, {
    form,
    invalidate: [routeKey(R.evaluations, { params: { id: householdId } })],
    successMessage: 'Évaluation enregistrée.',
    onSuccess: onClose,
  });
  const step = form.values.nextStep.step;
  return (
    <FormDialog
      title={`${EVALUATION_KIND_LABELS[e.kind]} — ${e.measureName}`}
      intro="Les commentaires et les notes restent au travailleur social : ils ne figurent dans aucune version partagée."
      form={form}
      mutation={update}
      onSubmit={(v) =>
        update.mutate({
          params: { id: householdId, evaluationId: e.id },
          body: editBody(v, e.rowVersion) as never,
        })
      }
      onReload={onClose}
      onClose={onClose}
      submitLabel="Enregistrer le brouillon"
    >
      <Title order={3} size="h4">
        Objectifs du contrat
      </Title>
      {form.values.objectives.length === 0 && (
        <Text size="sm">Le contrat en vigueur ne fixe pas d’objectif.</Text>
      )}
      {form.values.objectives.map((o, i) => (
        <Paper key={o.title} withBorder p="sm">
          <Stack gap="xs">
            <Text fw={600}>{o.title}</Text>
            <Select
              label={`Résultat de l’objectif « ${o.title} »`}
              data={optionsOf(OBJECTIVE_OUTCOME_LABELS)}
              placeholder="Choisir"
              {...form.getInputProps(`objectives.${i}.outcome`)}
            />
            <Textarea
              label={`Commentaire sur l’objectif « ${o.title} »`}
              description="Obligatoire s’il n’est pas entièrement atteint."
              autosize
              minRows={2}
              {...form.getInputProps(`objectives.${i}.comment`)}
            />
          </Stack>
        </Paper>
      ))}
      <Title order={3} size="h4">
        Capacité à habiter
      </Title>
      {e.baselineAssessedOn ? (
        <Text size="sm">
          L’évolution se mesure depuis la grille du diagnostic du {formatDate(e.baselineAssessedOn)}.
        </Text>
      ) : (
        <Text size="sm">Le ménage n’a pas de grille au diagnostic : l’évolution ne sera pas calculée.</Text>
      )}
      <SimpleGrid cols={2}>
        {CAPACITY_CRITERION_KEYS.map((k) => (
          <Select
            key={k}
            label={CAPACITY_CRITERIA[k].label}
            description={CAPACITY_AXIS_LABELS[CAPACITY_CRITERIA[k].axis]}
            data={Object.entries(CAPACITY_SCALE).map(([value, label]) => ({
              value,
              label: `${value} — ${label}`,
            }))}
            placeholder="Noter"
            {...form.getInputProps(`grid.${k}.score`)}
          />
        ))}
      </SimpleGrid>
      <Title order={3} size="h4">
        Suite recommandée
      </Title>
      <Select
        label="Suite recommandée"
        description={
          e.kind === 'final' ? 'Obligatoire pour l’évaluation finale.' : 'Facultative pour un bilan d’étape.'
        }
        data={optionsOf(EVALUATION_NEXT_STEP_LABELS)}
        placeholder="Choisir"
        clearable
        {...form.getInputProps('nextStep.step')}
      />
      {step === 'watch' && (
        <NumberInput
          label="Durée de la veille (mois)"
          min={1}
          max={36}
          {...form.getInputProps('nextStep.watchMonths')}
        />
      )}
      {step === 'relay' && (
        <Select
          label="Organisation qui prend le relais"
          searchable
          nothingFoundMessage="Aucune organisation"
          placeholder={organisations.isPending ? 'Chargement…' : 'Choisir une organisation'}
          data={(organisations.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
          {...form.getInputProps('nextStep.relayOrganisationId')}
        />
      )}
      <Textarea
        label="Message aux partenaires"
        description="Figure dans la version du bailleur et dans celle du financeur."
        autosize
        minRows={2}
        {...form.getInputProps('partnerNote')}
      />
      <Textarea
        label="Notes du travailleur social"
        description="Ne sont jamais partagées."
        autosize
        minRows={3}
        {...form.getInputProps('notes')}
      />
    </FormDialog>
  );
}

/** « Voir comme le bailleur / le financeur », then share that version. */
function PreviewDialog({
  householdId,
  e,
  audience,
  onClose,
}: {
  householdId: string;
  e: TEvaluation;
  audience: EvaluationAudience;
  onClose: () => void;
}) {
  const preview = useRouteQuery(R.previewEvaluation, {
    params: { id: householdId, evaluationId: e.id },
    query: { audience },
  });
  const share = useRouteMutation(R.shareEvaluation, {
    invalidate: [routeKey(R.evaluations, { params: { id: householdId } })],
    successMessage: `${EVALUATION_AUDIENCE_LABELS[audience]} partagée.`,
    onSuccess: onClose,
  });
  const recipient =
    audience === 'landlord' ? 'aux bailleurs parties au dossier' : 'au financeur du dispositif';
  return (
    <Modal
      opened
      onClose={onClose}
      title={`${EVALUATION_AUDIENCE_LABELS[audience]} — aperçu`}
      size="lg"
      closeButtonProps={{ 'aria-label': 'Fermer' }}
    >
      <Stack>
        <QueryState query={preview} loadingLabel="Préparation de la version…">
          {(version) => <PartnerVersionView version={version} />}
        </QueryState>
        <ApiErrorAlert error={share.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Fermer
          </Button>
          {e.status !== 'draft' && (
            <Button
              loading={share.isPending}
              onClick={() =>
                share.mutate({
                  params: { id: householdId, evaluationId: e.id },
                  body: { rowVersion: e.rowVersion, audience },
                })
              }
            >
              {`Partager ${recipient}`}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}

/** The household signs the evaluation it was read: on the tablet, or its name typed before a witness. */
function SignDialog({
  householdId,
  e,
  onClose,
}: {
  householdId: string;
  e: TEvaluation;
  onClose: () => void;
}) {
  const signature = useDatedSignatureForm();
  const sign = useRouteMutation(R.signEvaluation, {
    form: signature.form,
    invalidate: [routeKey(R.evaluations, { params: { id: householdId } })],
    successMessage: 'Signature du ménage enregistrée.',
    onSuccess: onClose,
  });
  return (
    <DatedSignatureModal
      signature={signature}
      title="Signature du ménage"
      methodLabel="Mode de signature"
      submitLabel="Enregistrer la signature"
      error={sign.error}
      pending={sign.isPending}
      onSubmit={(body) =>
        sign.mutate({
          params: { id: householdId, evaluationId: e.id },
          body: { rowVersion: e.rowVersion, ...body },
        })
      }
      onClose={onClose}
    />
  );
}

/** The final evaluation's next step given to the measure: its renewal, or its end with the orientation. */
function ApplyDialog({
  householdId,
  e,
  measure,
  onClose,
}: {
  householdId: string;
  e: TEvaluation;
  measure: TMeasure;
  onClose: () => void;
}) {
  const step = e.content.nextStep!.step;
  const renew = measureFollowUp(step).action === 'renew';
  type V = { endedOn: string | null; endReason: MeasureEndReason | null };
  const body = (v: V) => ({
    measureRowVersion: measure.rowVersion,
    endedOn: renew ? null : v.endedOn,
    endReason: renew ? null : v.endReason,
  });
  const form = useBodyForm<V>(
    { endedOn: parisToday(), endReason: null },
    ZEvaluationApply,
    body,
    renew ? {} : { endReason: 'Choisissez le motif de fin.' },
  );
  const apply = useRouteMutation(R.applyEvaluation, {
    form,
    invalidate: [
      routeKey(R.evaluations, { params: { id: householdId } }),
      routeKey(MEASURE_ROUTES.list, { params: { id: householdId } }),
    ],
    successMessage: renew ? 'Mesure renouvelée.' : 'Mesure terminée.',
    onSuccess: onClose,
  });
  return (
    <FormDialog
      title={`Donner suite : ${EVALUATION_NEXT_STEP_LABELS[step]}`}
      intro={
        renew
          ? `La mesure ${e.measureName} est renouvelée ; l’évaluation en est la justification.`
          : `La mesure ${e.measureName} se termine avec l’orientation recommandée.`
      }
      form={form}
      mutation={apply}
      onSubmit={(v) =>
        apply.mutate({ params: { id: householdId, evaluationId: e.id }, body: body(v) as never })
      }
      onClose={onClose}
      submitLabel={renew ? 'Renouveler la mesure' : 'Terminer la mesure'}
      danger={!renew}
    >
      {!renew && (
        <>
          <DateField label="Date de fin" required {...form.getInputProps('endedOn')} />
          <Select
            label="Motif de fin"
            required
            data={optionsOf(MEASURE_END_REASON_LABELS)}
            placeholder="Choisir"
            {...form.getInputProps('endReason')}
          />
        </>
      )}
    </FormDialog>
  );
}

function PdfButton({
  householdId,
  e,
  version,
  label,
}: {
  householdId: string;
  e: TEvaluation;
  version: 'full' | EvaluationAudience;
  label: string;
}) {
  return (
    <Button
      component="a"
      href={routeUrl(R.evaluationPdf, {
        params: { id: householdId, evaluationId: e.id },
        query: { version },
      })}
      download
      variant="default"
    >
      {label}
    </Button>
  );
}

/** One evaluation as its caseworker reads it, with what can be done at its status. */
function EvaluationCard({
  householdId,
  e,
  measure,
}: {
  householdId: string;
  e: TEvaluation;
  measure?: TMeasure;
}) {
  const validate = useRouteMutation(R.validateEvaluation, {
    invalidate: [routeKey(R.evaluations, { params: { id: householdId } })],
    successMessage: 'Évaluation validée.',
  });
  const gaps = Object.entries(e.gaps);
  const title = `${EVALUATION_KIND_LABELS[e.kind]} — ${e.measureName}`;
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h4">
            {title}
          </Title>
          <StatusBadge
            value={e.status}
            labels={EVALUATION_STATUS_LABELS}
            tones={{ draft: 'warning', validated: 'success', shared: 'info' }}
          />
        </Group>
        <Text size="sm">
          Période {period(e)}
          {e.validatedAt
            ? ` · validée le ${formatDateTime(e.validatedAt)}${e.validatedByName ? ` par ${e.validatedByName}` : ''}`
            : ''}
        </Text>
        <DataTable
          caption={`Objectifs du contrat — ${title}`}
          rows={e.content.objectives}
          rowKey={(o) => o.title}
          emptyTitle="Le contrat ne fixe pas d’objectif"
          columns={[
            { key: 'title', header: 'Objectif', render: (o) => o.title },
            { key: 'outcome', header: 'Résultat', render: (o) => outcomeText(o.outcome) },
            { key: 'comment', header: 'Commentaire', render: (o) => o.comment || '—' },
          ]}
        />
        {e.axes.length > 0 && (
          <AxesTable axes={e.axes} caption={`Capacité à habiter depuis le diagnostic — ${title}`} />
        )}
        <Text size="sm">
          <strong>Suite recommandée :</strong> {nextStepText(e.content.nextStep, e.relayOrganisationName)}
        </Text>
        {e.signature && (
          <Text size="sm">
            Signée par le ménage le {formatDate(e.signature.signedOn)}
            {e.signature.method === 'typed_name'
              ? ` (nom saisi : ${e.signature.signerName})`
              : ' sur la tablette'}
            .
          </Text>
        )}
        {e.shares.length > 0 && (
          <List size="sm" aria-label={`Versions partagées — ${title}`}>
            {e.shares.map((s) => (
              <List.Item key={`${s.audience}${s.organisationName}`}>
                {EVALUATION_AUDIENCE_LABELS[s.audience]} partagée avec {s.organisationName} le{' '}
                {formatDateTime(s.sharedAt)}
              </List.Item>
            ))}
          </List>
        )}
        {e.status === 'draft' && gaps.length > 0 && (
          <Stack gap={2}>
            <Text fw={600} size="sm">
              À compléter avant de valider :
            </Text>
            <List size="sm">
              {gaps.map(([path, message]) => (
                <List.Item key={path}>
                  <strong>{gapLabel(path)}</strong> : {message}
                </List.Item>
              ))}
            </List>
          </Stack>
        )}
        <Group gap="xs">
          {e.status === 'draft' && (
            <>
              <DialogButton
                label="Compléter l’évaluation"
                variant="light"
                dialog={(close) => <EditDialog householdId={householdId} e={e} onClose={close} />}
              />
              <ConfirmButton
                title={`Valider : ${title} ?`}
                message="Une fois validée, l’évaluation ne se modifie plus."
                confirmLabel="Valider"
                onConfirm={() =>
                  validate.mutateAsync({
                    params: { id: householdId, evaluationId: e.id },
                    body: { rowVersion: e.rowVersion },
                  })
                }
              >
                Valider l’évaluation
              </ConfirmButton>
            </>
          )}
          {(['landlord', 'funder'] as const).map((audience) => (
            <DialogButton
              key={audience}
              label={`Voir la ${EVALUATION_AUDIENCE_LABELS[audience].toLowerCase()}`}
              variant="light"
              dialog={(close) => (
                <PreviewDialog householdId={householdId} e={e} audience={audience} onClose={close} />
              )}
            />
          ))}
          {e.status !== 'draft' && !e.signature && (
            <DialogButton
              label="Faire signer le ménage"
              dialog={(close) => <SignDialog householdId={householdId} e={e} onClose={close} />}
            />
          )}
          {e.kind === 'final' &&
            e.status !== 'draft' &&
            !e.appliedAt &&
            e.content.nextStep &&
            measure?.status === 'active' && (
              <DialogButton
                label="Donner suite à la mesure"
                dialog={(close) => (
                  <ApplyDialog householdId={householdId} e={e} measure={measure} onClose={close} />
                )}
              />
            )}
        </Group>
        <Group gap="xs">
          <PdfButton householdId={householdId} e={e} version="full" label="PDF intégral" />
          <PdfButton householdId={householdId} e={e} version="landlord" label="PDF version bailleur" />
          <PdfButton householdId={householdId} e={e} version="funder" label="PDF version financeur" />
        </Group>
      </Stack>
    </Paper>
  );
}

/** Prepare the interim or final evaluation of a running measure that has none of that kind yet. */
function PrepareButtons({
  householdId,
  measure,
  existing,
}: {
  householdId: string;
  measure: TMeasure;
  existing: TEvaluation[];
}) {
  const prepare = useRouteMutation(R.prepareEvaluation, {
    invalidate: [routeKey(R.evaluations, { params: { id: householdId } })],
    successMessage: 'Évaluation préparée.',
  });
  const kinds = (['interim', 'final'] as EvaluationKind[]).filter(
    (kind) =>
      !existing.some(
        (e) => e.measureId === measure.id && e.kind === kind && e.periodEnd === measure.plannedEndOn,
      ),
  );
  if (kinds.length === 0) return null;
  return (
    <Group gap="xs">
      {kinds.map((kind) => (
        <Button
          key={kind}
          variant="light"
          loading={prepare.isPending}
          onClick={() =>
            prepare.mutate({ params: { id: householdId, measureId: measure.id }, body: { kind } })
          }
        >
          {`Préparer : ${EVALUATION_KIND_LABELS[kind].toLowerCase()} — ${measure.schemeName}`}
        </Button>
      ))}
      <ApiErrorAlert error={prepare.error} />
    </Group>
  );
}

function CaseworkerEvaluations({ file }: { file: THouseholdDetail }) {
  const query = useRouteQuery(R.evaluations, { params: { id: file.id } });
  const measures = useRouteQuery(MEASURE_ROUTES.list, { params: { id: file.id } });
  const running = (measures.data?.items ?? []).filter((m) => m.status === 'active');
  return (
    <QueryState query={query} loadingLabel="Chargement des évaluations…">
      {({ evaluations }) => (
        <Stack>
          {running.map((m) => (
            <PrepareButtons key={m.id} householdId={file.id} measure={m} existing={evaluations} />
          ))}
          {evaluations.length === 0 ? (
            <EmptyState
              title="Aucune évaluation"
              description="Le bilan d’étape se fait à mi-parcours de la mesure, l’évaluation finale à son dernier mois."
            />
          ) : (
            evaluations.map((e) => (
              <EvaluationCard
                key={e.id}
                householdId={file.id}
                e={e}
                measure={measures.data?.items.find((m) => m.id === e.measureId)}
              />
            ))
          )}
        </Stack>
      )}
    </QueryState>
  );
}

/** A version shared with the reader's organisation, with its PDF. */
export function SharedEvaluationCard({ s, pdfHref }: { s: TSharedEvaluation; pdfHref: string }) {
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {`${EVALUATION_KIND_LABELS[s.version.kind]} — ${s.measureName}`}
        </Title>
        <Text size="sm">Partagée le {formatDateTime(s.sharedAt)}.</Text>
        <PartnerVersionView version={s.version} />
        <Group>
          <Button component="a" href={pdfHref} download variant="default">
            Télécharger le PDF
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function SharedEvaluations({ file }: { file: THouseholdDetail }) {
  const query = useRouteQuery(R.evaluations, { params: { id: file.id } });
  return (
    <QueryState query={query} loadingLabel="Chargement des évaluations partagées…">
      {({ shared }) =>
        shared.length === 0 ? (
          <EmptyState
            title="Aucune évaluation partagée"
            description="L’association vous partage ses bilans une fois validés."
          />
        ) : (
          <Stack>
            {shared.map((s) => (
              <SharedEvaluationCard
                key={s.id}
                s={s}
                pdfHref={routeUrl(R.sharedEvaluationPdf, { params: { id: file.id, shareId: s.id } })}
              />
            ))}
          </Stack>
        )
      }
    </QueryState>
  );
}

/** The evaluations of the household's measures: the caseworker's, or the versions shared with the reader. */
export function EvaluationsTab({ file }: { file: THouseholdDetail }) {
  return (
    <Stack>
      <Title order={2}>Évaluations</Title>
      <Text size="sm">
        Le bilan d’étape et l’évaluation finale de chaque mesure : chaque objectif du contrat évalué, la
        grille de capacité à habiter notée à nouveau, la suite recommandée.
      </Text>
      {file.accessLevel === 'caseworker' ? (
        <CaseworkerEvaluations file={file} />
      ) : (
        <SharedEvaluations file={file} />
      )}
    </Stack>
  );
}

/** The funder's part: the funder versions shared with it. */
export function FunderEvaluations() {
  const query = useRouteQuery(R.funderEvaluations, {});
  return (
    <QueryState query={query} loadingLabel="Chargement des évaluations…">
      {({ items }) =>
        items.length === 0 ? (
          <EmptyState
            title="Aucune évaluation partagée"
            description="Les opérateurs vous partagent la version financeur de leurs bilans."
          />
        ) : (
          <Stack>
            {items.map((s) => (
              <SharedEvaluationCard
                key={s.id}
                s={s}
                pdfHref={routeUrl(R.funderEvaluationPdf, { params: { shareId: s.id } })}
              />
            ))}
          </Stack>
        )
      }
    </QueryState>
  );
}
