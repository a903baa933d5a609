import { useState } from 'react';
import {
  Alert,
  Button,
  Group,
  List,
  MultiSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import {
  POLICY_CAP_LABELS,
  POLICY_WEIGHT_LABELS,
  TIE_BREAKER_LABELS,
  ZPolicyPreviewInput,
  type PolicyWeight,
  type TMatchingPolicy,
  type TMatchingPolicyParams,
  type TPolicyImpact,
} from '@shared/contracts/matching.ts';
import { formatCents, formatDate } from '@shared/format.ts';
import { MATCHING_ROUTES } from '@shared/routes/matching.ts';
import { routeKey, useRouteMutation, useRouteQuery } from '../../api/routes.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { FactGrid } from '../../components/FactGrid.tsx';
import { MoneyInput } from '../../components/MoneyInput.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { Section } from '../../components/Section.tsx';
import { useBodyForm } from '../../components/FormDialog.tsx';
import { optionsOf } from '../households/organisations.ts';

const policyKey = routeKey(MATCHING_ROUTES.policy, {});

/**
 * The territory's matching policy: the version in force and its history; a new version prepared,
 * its effect on today's pool shown (who moves up or down), then adopted by the SIAO's coordinators.
 */
export function MatchingPolicyPage() {
  const query = useRouteQuery(MATCHING_ROUTES.policy, {});
  return (
    <>
      <PageHeader
        title="Politique de rapprochement"
        description="Les critères qui classent les ménages des viviers pour un logement vacant, leurs points et l’ordre de départage. Les conditions légales (ressources, surface, accord, demande valide) ne se règlent pas : elles s’appliquent toujours."
      />
      <QueryState query={query} loadingLabel="Chargement de la politique…">
        {(policy) => <PolicyView policy={policy} />}
      </QueryState>
    </>
  );
}

function PolicyView({ policy }: { policy: TMatchingPolicy }) {
  const { inForce } = policy;
  return (
    <Stack gap="lg">
      <Section title={`En vigueur pour ${policy.territoryName}`}>
        <Text size="sm" mb="sm">
          {inForce.version === 0
            ? inForce.note
            : `Version ${inForce.version}, adoptée le ${formatDate(inForce.adoptedAt)} par ${inForce.adoptedBy} : ${inForce.note}`}
        </Text>
        <ParamsSummary params={inForce.params} />
      </Section>
      <PolicyEditor policy={policy} />
      {policy.history.length > 0 && (
        <Section title="Versions précédentes">
          <DataTable
            caption="Versions précédentes de la politique"
            rows={[inForce, ...policy.history]}
            rowKey={(v) => String(v.version)}
            emptyTitle="Aucune version"
            columns={[
              {
                key: 'version',
                header: 'Version',
                render: (v) => (v.version === 0 ? 'Par défaut' : `Version ${v.version}`),
              },
              {
                key: 'adopted',
                header: 'Adoptée',
                render: (v) => (v.adoptedAt ? `le ${formatDate(v.adoptedAt)} par ${v.adoptedBy}` : '—'),
              },
              { key: 'note', header: 'Motif', render: (v) => v.note },
              {
                key: 'changes',
                header: 'Changements',
                render: (v) =>
                  v.changes.length ? (
                    <List size="sm">
                      {v.changes.map((c) => (
                        <List.Item key={c}>{c}</List.Item>
                      ))}
                    </List>
                  ) : (
                    '—'
                  ),
              },
            ]}
          />
        </Section>
      )}
    </Stack>
  );
}

function ParamsSummary({ params }: { params: TMatchingPolicyParams }) {
  const rows: [string, string][] = [
    ...(Object.keys(POLICY_WEIGHT_LABELS) as PolicyWeight[]).map((k): [string, string] => [
      POLICY_WEIGHT_LABELS[k],
      `${params.weights[k]} point${params.weights[k] > 1 ? 's' : ''}`,
    ]),
    ...(Object.keys(POLICY_CAP_LABELS) as (keyof typeof POLICY_CAP_LABELS)[]).map((k): [string, string] => [
      POLICY_CAP_LABELS[k],
      String(params.caps[k]),
    ]),
    ['Seuil du taux d’effort', `${params.thresholds.effortRatePercent} %`],
    [
      'Seuil du reste à vivre',
      `${formatCents(params.thresholds.resteAVivrePerUnitPerDayCents)} par unité de consommation et par jour`,
    ],
    ['Après un refus, pas de proposition du même type pendant', `${params.coolOffDays} jours`],
    ['Départage', params.tieBreakers.map((t) => TIE_BREAKER_LABELS[t]).join(', puis ')],
  ];
  return <FactGrid facts={rows} />;
}

type EditorValues = { params: TMatchingPolicyParams; note: string };

function PolicyEditor({ policy }: { policy: TMatchingPolicy }) {
  // The effect shown is that of the parameters previewed: changed since, it is no longer shown.
  const [previewed, setPreviewed] = useState<{ params: string; impact: TPolicyImpact } | null>(null);
  const form = useBodyForm<EditorValues>(
    { params: policy.inForce.params, note: '' },
    ZPolicyPreviewInput,
    (v) => ({
      params: v.params,
    }),
  );
  const impact = previewed?.params === JSON.stringify(form.values.params) ? previewed.impact : null;
  const preview = useRouteMutation(MATCHING_ROUTES.previewPolicy, {
    form,
    onSuccess: (result, vars) => setPreviewed({ params: JSON.stringify(vars.body.params), impact: result }),
  });
  const adopt = useRouteMutation(MATCHING_ROUTES.adoptPolicy, {
    form,
    invalidate: [policyKey],
    successMessage: 'Nouvelle version de la politique adoptée.',
    onSuccess: (adopted) => {
      form.setValues({ params: adopted.inForce.params, note: '' });
      setPreviewed(null);
    },
  });
  const number = (
    path: string,
    label: string,
    props: { min?: number; max?: number; suffix?: string } = {},
  ) => (
    <NumberInput
      key={path}
      label={label}
      allowDecimal={false}
      min={props.min ?? 0}
      max={props.max}
      suffix={props.suffix}
      {...form.getInputProps(path)}
    />
  );
  return (
    <Section title={policy.canAdopt ? 'Préparer une nouvelle version' : 'Simuler une autre politique'}>
      <form
        noValidate
        onSubmit={form.onSubmit((values) => preview.mutate({ body: { params: values.params } }))}
      >
        <Stack gap="md">
          <ApiErrorAlert error={preview.error ?? adopt.error} />
          <Title order={3} size="h5">
            Points par critère
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
            {(Object.keys(POLICY_WEIGHT_LABELS) as PolicyWeight[]).map((k) =>
              number(`params.weights.${k}`, POLICY_WEIGHT_LABELS[k], { max: 1000, suffix: ' points' }),
            )}
          </SimpleGrid>
          <Title order={3} size="h5">
            Plafonds, seuils et délais
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
            {(Object.keys(POLICY_CAP_LABELS) as (keyof typeof POLICY_CAP_LABELS)[]).map((k) =>
              number(`params.caps.${k}`, POLICY_CAP_LABELS[k], { min: 1 }),
            )}
            {number('params.thresholds.effortRatePercent', 'Seuil du taux d’effort', {
              min: 5,
              max: 80,
              suffix: ' %',
            })}
            <MoneyInput
              label="Seuil du reste à vivre par unité de consommation et par jour"
              {...form.getInputProps('params.thresholds.resteAVivrePerUnitPerDayCents')}
            />
            {number('params.coolOffDays', 'Jours sans proposition du même type après un refus', { max: 730 })}
          </SimpleGrid>
          <MultiSelect
            label="Départage des ménages à égalité de points, dans l’ordre"
            description="Le premier critère choisi départage d’abord."
            data={optionsOf(TIE_BREAKER_LABELS)}
            {...form.getInputProps('params.tieBreakers')}
          />
          <Group>
            <Button type="submit" loading={preview.isPending}>
              Voir l’effet sur le vivier
            </Button>
            <Button variant="subtle" onClick={() => form.setValues({ params: policy.inForce.params })}>
              Revenir à la politique en vigueur
            </Button>
          </Group>
          {impact && <ImpactView impact={impact} />}
          {impact && policy.canAdopt && (
            <Stack gap="sm">
              <Textarea
                label="Motif du changement"
                description="Il figure dans l’historique des versions."
                required
                autosize
                minRows={2}
                {...form.getInputProps('note')}
              />
              <Group>
                <Button
                  color="teal"
                  loading={adopt.isPending}
                  onClick={() =>
                    adopt.mutate({
                      body: {
                        params: form.values.params,
                        note: form.values.note,
                        basedOnVersion: policy.inForce.version,
                      },
                    })
                  }
                >
                  Adopter cette version
                </Button>
              </Group>
            </Stack>
          )}
        </Stack>
      </form>
    </Section>
  );
}

const place = (p: TPolicyImpact['moves'][number]['before']) =>
  p.candidacies === 0
    ? 'Candidat nulle part'
    : `Rang moyen ${String(p.meanRank).replace('.', ',')} sur ${p.candidacies} logement${p.candidacies > 1 ? 's' : ''}, dans les 3 premiers pour ${p.topThree}`;

function ImpactView({ impact }: { impact: TPolicyImpact }) {
  return (
    <Stack gap="sm" aria-live="polite">
      <Title order={3} size="h5">
        Effet sur le vivier d’aujourd’hui
      </Title>
      {impact.changes.length === 0 ? (
        <Alert color="gray">Cette politique est identique à celle en vigueur.</Alert>
      ) : (
        <List size="sm">
          {impact.changes.map((c) => (
            <List.Item key={c}>{c}</List.Item>
          ))}
        </List>
      )}
      <Text size="sm">
        Sur les {impact.vacancies} logement{impact.vacancies > 1 ? 's' : ''} vacant
        {impact.vacancies > 1 ? 's' : ''} ouvert
        {impact.vacancies > 1 ? 's' : ''} et les {impact.households} ménages des viviers du département :{' '}
        {impact.enteringTopThree} place{impact.enteringTopThree > 1 ? 's' : ''} gagnée
        {impact.enteringTopThree > 1 ? 's' : ''} et {impact.leavingTopThree} perdue
        {impact.leavingTopThree > 1 ? 's' : ''} dans les trois premiers ; parmi les ménages d’autres
        structures, {impact.otherMovesUp} monte{impact.otherMovesUp > 1 ? 'nt' : ''} et{' '}
        {impact.otherMovesDown} descend{impact.otherMovesDown > 1 ? 'ent' : ''}.
      </Text>
      <DataTable
        caption="Vos ménages dont la place change"
        showCaption
        rows={impact.moves}
        rowKey={(m) => m.householdId}
        emptyTitle="Aucun de vos ménages ne change de place"
        columns={[
          {
            key: 'who',
            header: 'Ménage',
            render: (m) => (
              <Stack gap={0}>
                <Text size="sm" fw={600}>
                  {m.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {m.fileLabel}
                </Text>
              </Stack>
            ),
          },
          { key: 'before', header: 'Aujourd’hui', render: (m) => place(m.before) },
          { key: 'after', header: 'Avec cette politique', render: (m) => place(m.after) },
        ]}
      />
    </Stack>
  );
}
