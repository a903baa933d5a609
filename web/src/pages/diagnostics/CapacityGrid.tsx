import { useState } from 'react';
import {
  Alert,
  Button,
  Group,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import {
  CAPACITY_AXES,
  CAPACITY_AXIS_LABELS,
  CAPACITY_CRITERIA,
  CAPACITY_CRITERION_KEYS,
  CAPACITY_SCALE,
  READINESS_OPINION_LABELS,
  READINESS_OPINIONS,
  type CapacityCriterion,
  type CapacityScore,
  type ReadinessOpinion,
  type TCapacityAssessment,
  type TCapacityScores,
} from '@shared/contracts/diagnostics.ts';
import { axisAverages, deriveReadiness } from '@shared/diagnostics/capacity.ts';
import { DIAGNOSTIC_ROUTES } from '@shared/routes/diagnostics.ts';
import { parisToday } from '@shared/time.ts';
import { routeKey, useRouteMutation, useRouteQuery } from '../../api/routes.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { DateField } from '../../components/DateField.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { formatDate } from '@shared/format.ts';

type GridValues = {
  assessedOn: string | null;
  scores: Record<CapacityCriterion, { score: CapacityScore | null; comment: string }>;
  confirm: 'confirm' | 'override';
  opinion: ReadinessOpinion | null;
  overrideReason: string;
};

const SCALE_OPTIONS = (Object.entries(CAPACITY_SCALE) as [string, string][]).map(([value, label]) => ({
  value,
  label: `${value} — ${label}`,
}));
const fmt = (n: number) => n.toLocaleString('fr-FR', { maximumFractionDigits: 2 });

/** One value per criterion of the grid. */
const byCriterion = <T,>(value: (k: CapacityCriterion) => T) =>
  Object.fromEntries(CAPACITY_CRITERION_KEYS.map((k) => [k, value(k)])) as Record<CapacityCriterion, T>;

const emptyScores = (previous?: TCapacityAssessment): GridValues['scores'] =>
  byCriterion((k) => ({ score: previous?.scores[k].score ?? null, comment: '' }));

const complete = (s: GridValues['scores']): s is TCapacityScores & GridValues['scores'] =>
  CAPACITY_CRITERION_KEYS.every((k) => s[k].score !== null);

/** The scores as the API takes them: an empty comment is left out. */
const scoresBody = (s: TCapacityScores & GridValues['scores']): TCapacityScores =>
  byCriterion((k) => ({ score: s[k].score, comment: s[k].comment.trim() ? s[k].comment : undefined }));

/** The capacité à habiter grid: three axes, a score per criterion, the derived "prêt à sortir". */
export function CapacityGrid({ householdId, diagnosticId }: { householdId: string; diagnosticId?: string }) {
  const history = useRouteQuery(DIAGNOSTIC_ROUTES.capacityAssessments, { params: { id: householdId } });
  return (
    <QueryState query={history} loadingLabel="Chargement des grilles…">
      {(h) => <GridAndHistory householdId={householdId} diagnosticId={diagnosticId} items={h.items} />}
    </QueryState>
  );
}

function GridAndHistory({
  householdId,
  diagnosticId,
  items,
}: {
  householdId: string;
  diagnosticId?: string;
  items: TCapacityAssessment[];
}) {
  const [editing, setEditing] = useState(false);
  return (
    <Stack gap="lg">
      {editing ? (
        <GridForm
          householdId={householdId}
          diagnosticId={diagnosticId}
          previous={items[0]}
          onDone={() => setEditing(false)}
        />
      ) : (
        <Group>
          <Button size="md" onClick={() => setEditing(true)}>
            Nouvelle grille de capacité à habiter
          </Button>
        </Group>
      )}
      <CapacityHistory items={items} />
    </Stack>
  );
}

function GridForm({
  householdId,
  diagnosticId,
  previous,
  onDone,
}: {
  householdId: string;
  diagnosticId?: string;
  previous?: TCapacityAssessment;
  onDone: () => void;
}) {
  const form = useForm<GridValues>({
    initialValues: {
      assessedOn: parisToday(),
      scores: emptyScores(previous),
      confirm: 'confirm',
      opinion: null,
      overrideReason: '',
    },
  });
  const values = form.getValues();
  const scores = values.scores;
  const derived = complete(scores) ? deriveReadiness(scores) : null;
  const averages = complete(scores) ? axisAverages(scores) : null;
  const target = { params: { id: householdId } };
  const save = useRouteMutation(DIAGNOSTIC_ROUTES.recordCapacityAssessment, {
    form,
    invalidate: [routeKey(DIAGNOSTIC_ROUTES.capacityAssessments, target)],
    successMessage: 'Grille enregistrée.',
    onSuccess: onDone,
  });
  const submit = (v: GridValues) => {
    // Submitting is offered once every criterion is scored, i.e. once the grid gives an opinion.
    if (!complete(v.scores)) return;
    const opinion = v.confirm === 'confirm' ? deriveReadiness(v.scores) : v.opinion;
    if (!opinion) return form.setFieldError('opinion', 'Choisissez l’avis retenu.');
    save.mutate({
      ...target,
      body: {
        assessedOn: v.assessedOn ?? '',
        diagnosticId,
        scores: scoresBody(v.scores),
        opinion,
        ...(v.confirm === 'override' ? { overrideReason: v.overrideReason } : {}),
      },
    });
  };

  return (
    <form noValidate onSubmit={form.onSubmit(submit)}>
      <Stack gap="lg">
        <ApiErrorAlert error={save.error} />
        <DateField label="Évaluée le" required {...form.getInputProps('assessedOn')} maw={260} />
        {CAPACITY_AXES.map((axis) => (
          <Paper key={axis} withBorder p="md" radius="md" component="fieldset" m={0}>
            <Title order={3} size="h5" component="legend" px={4}>
              {CAPACITY_AXIS_LABELS[axis]}
              {averages && ` — moyenne ${fmt(averages[axis])} / 4`}
            </Title>
            <Stack gap="lg">
              {CAPACITY_CRITERION_KEYS.filter((k) => CAPACITY_CRITERIA[k].axis === axis).map((k) => (
                <Stack key={k} gap="xs">
                  <Radio.Group
                    label={CAPACITY_CRITERIA[k].label}
                    required
                    value={scores[k].score === null ? null : String(scores[k].score)}
                    onChange={(v) => form.setFieldValue(`scores.${k}.score`, Number(v) as CapacityScore)}
                    error={form.errors[`scores.${k}.score`] ?? form.errors[`scores.${k}`]}
                  >
                    <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="xs" mt={6}>
                      {SCALE_OPTIONS.map((o) => (
                        <Radio.Card
                          key={o.value}
                          value={o.value}
                          p="sm"
                          radius="md"
                          withBorder
                          aria-label={o.label}
                        >
                          <Group wrap="nowrap" gap="xs">
                            <Radio.Indicator />
                            <Text size="sm">{o.label}</Text>
                          </Group>
                        </Radio.Card>
                      ))}
                    </SimpleGrid>
                  </Radio.Group>
                  <Textarea
                    label={`Commentaire — ${CAPACITY_CRITERIA[k].label}`}
                    autosize
                    minRows={1}
                    {...form.getInputProps(`scores.${k}.comment`)}
                  />
                </Stack>
              ))}
            </Stack>
          </Paper>
        ))}
        <Alert
          color={derived === 'ready' ? 'green' : derived === 'not_yet' ? 'red' : 'blue'}
          title="Avis déduit de la grille"
        >
          <Text aria-live="polite">
            {derived ? READINESS_OPINION_LABELS[derived] : 'Notez tous les critères pour obtenir l’avis.'}
          </Text>
        </Alert>
        <Radio.Group label="Votre avis" required {...form.getInputProps('confirm')}>
          <Stack mt={6} gap="xs">
            <Radio size="md" value="confirm" label="Je confirme l’avis déduit" />
            <Radio size="md" value="override" label="Je retiens un autre avis (motif obligatoire)" />
          </Stack>
        </Radio.Group>
        {values.confirm === 'override' && (
          <>
            <Radio.Group label="Avis retenu" required {...form.getInputProps('opinion')}>
              <Stack mt={6} gap="xs">
                {READINESS_OPINIONS.map((o) => (
                  <Radio key={o} size="md" value={o} label={READINESS_OPINION_LABELS[o]} />
                ))}
              </Stack>
            </Radio.Group>
            <Textarea label="Motif" required autosize minRows={2} {...form.getInputProps('overrideReason')} />
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Annuler
          </Button>
          <Button type="submit" size="md" loading={save.isPending} disabled={!derived}>
            Enregistrer la grille
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Previous grids, most recent first, with the change of each axis since the grid before. */
function CapacityHistory({ items }: { items: TCapacityAssessment[] }) {
  if (items.length === 0) return <Text c="dimmed">Aucune grille enregistrée.</Text>;
  const delta = (i: number, axis: (typeof CAPACITY_AXES)[number]) => {
    const before = items[i + 1];
    if (!before) return '';
    const d = items[i]!.axisAverages[axis]! - before.axisAverages[axis]!;
    return d === 0 ? ' (=)' : ` (${d > 0 ? '+' : '−'}${fmt(Math.abs(d))})`;
  };
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped verticalSpacing="sm">
        <Table.Caption>Grilles précédentes et évolution de chaque axe</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Évaluée le</Table.Th>
            {CAPACITY_AXES.map((a) => (
              <Table.Th key={a} scope="col">
                {CAPACITY_AXIS_LABELS[a]}
              </Table.Th>
            ))}
            <Table.Th scope="col">Avis</Table.Th>
            <Table.Th scope="col">Par</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((g, i) => (
            <Table.Tr key={g.id}>
              <Table.Th scope="row">{formatDate(g.assessedOn)}</Table.Th>
              {CAPACITY_AXES.map((a) => (
                <Table.Td key={a}>
                  {fmt(g.axisAverages[a]!)}
                  {delta(i, a)}
                </Table.Td>
              ))}
              <Table.Td>
                {READINESS_OPINION_LABELS[g.opinion]}
                {g.opinion !== g.derivedOpinion && (
                  <Text size="xs" c="dimmed">
                    Avis déduit : {READINESS_OPINION_LABELS[g.derivedOpinion]}. Motif : {g.overrideReason}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{g.assessedByName ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
