import { useId } from 'react';
import { Link } from 'react-router-dom';
import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { canProposeMeasure } from '@shared/access/measure-policy.ts';
import type { THouseholdDetail } from '@shared/contracts/households.ts';
import {
  MEASURE_END_REASON_LABELS,
  MEASURE_STATUS_LABELS,
  OCCUPANCY_LABELS,
  type MeasureStatus,
  type TMeasure,
  type TSchemeRules,
} from '@shared/contracts/measures.ts';
import { formatDate } from '@shared/format.ts';
import { MEASURE_ROUTES } from '@shared/routes/measures.ts';
import { useRouteQuery } from '../../api/routes.ts';
import { useSession } from '../../api/session.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { EventTimeline } from '../../components/EventTimeline.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { StatusBadge, type Tone } from '../../components/StatusBadge.tsx';
import { PATHS } from '../../paths.ts';
import { Facts } from '../households/Facts.tsx';
import { MeasureActions } from './MeasureActions.tsx';
import { ProposeMeasureButton } from './ProposeMeasure.tsx';
import { useSchemes, versionOf } from './measure-api.ts';
import { measureAnchor, WatchIncidents } from './WatchIncidents.tsx';

export const MEASURE_STATUS_TONES: Partial<Record<MeasureStatus, Tone>> = {
  proposed: 'neutral',
  prescribed: 'info',
  validated: 'info',
  refused: 'danger',
  active: 'success',
  ended: 'neutral',
};

/** Statuses in which the support contract exists (signed once the funder has validated). */
const WITH_CONTRACT: readonly MeasureStatus[] = ['validated', 'active', 'ended'];

/** A date that has happened, or no fact at all. */
const day = (d: string | null) => (d ? formatDate(d) : undefined);
const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

/** « 1 renouvellement sur 2 autorisés » when the scheme's rule is known, the count alone otherwise. */
export function renewalsText(renewals: number, rules: TSchemeRules | undefined): string {
  const done =
    renewals === 0 ? 'Aucun renouvellement' : plural(renewals, 'renouvellement', 'renouvellements');
  if (!rules) return done;
  if (rules.maxRenewals === null) return `${done} (sans limite de nombre)`;
  if (rules.maxRenewals === 0) return `${done} (dispositif non renouvelable)`;
  return `${done} sur ${plural(rules.maxRenewals, 'autorisé', 'autorisés')}`;
}

/** The household file's « Mesures » tab: every measure as a card, and a proposal for social workers. */
export function MeasuresTab({ file }: { file: THouseholdDetail }) {
  const me = useSession();
  const list = useRouteQuery(MEASURE_ROUTES.list, { params: { id: file.id } });
  const schemes = useSchemes();
  const mayPropose =
    me.organisation !== null &&
    canProposeMeasure(
      { organisationId: me.organisation.id, organisationType: me.organisation.type, roles: me.roles },
      file.accessLevel,
    );
  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Title order={2} size="h4">
          Mesures d’accompagnement
        </Title>
        {mayPropose && schemes.data && (
          <ProposeMeasureButton householdId={file.id} schemes={schemes.data.items} />
        )}
      </Group>
      {list.data && <WatchIncidents file={file} watchUntil={list.data.watchUntil} />}
      <QueryState query={list} loadingLabel="Chargement des mesures…">
        {({ items }) =>
          items.length === 0 ? (
            <EmptyState
              title="Aucune mesure d’accompagnement"
              description="Les mesures proposées, prescrites ou en cours pour ce ménage apparaîtront ici."
            />
          ) : (
            <Stack gap="md">
              {items.map((m) => (
                <MeasureCard
                  key={m.id}
                  measure={m}
                  all={items}
                  rules={versionOf(schemes.data?.items, m)?.rules}
                  onReload={() => void list.refetch()}
                />
              ))}
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}

/** « la mesure FSL maintien terminée le 30/06/2026 », or « la mesure FSL maintien proposée ». */
function measureWords(m: TMeasure | undefined): string {
  if (!m) return 'une autre mesure';
  return m.endedOn
    ? `la mesure ${m.schemeName} terminée le ${formatDate(m.endedOn)}`
    : `la mesure ${m.schemeName} (${MEASURE_STATUS_LABELS[m.status].toLowerCase()})`;
}

function MeasureCard({
  measure: m,
  all,
  rules,
  onReload,
}: {
  measure: TMeasure;
  all: readonly TMeasure[];
  rules: TSchemeRules | undefined;
  onReload: () => void;
}) {
  const titleId = useId();
  const started = m.startOn !== null;
  const previous = m.reopenedFromMeasureId;
  const next = m.reopenedByMeasureId;
  return (
    <Paper
      component="article"
      id={measureAnchor(m.id)}
      aria-labelledby={titleId}
      withBorder
      p="md"
      radius="md"
    >
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Stack gap={4}>
            <Title order={3} size="h5" id={titleId}>
              {m.schemeName}
            </Title>
            <Text size="sm" c="dimmed">
              Financée par {m.funderName}
            </Text>
          </Stack>
          <StatusBadge value={m.status} labels={MEASURE_STATUS_LABELS} tones={MEASURE_STATUS_TONES} />
        </Group>
        {previous && (
          <Text size="sm">
            Accompagnement rouvert après un incident pendant la veille :{' '}
            <Anchor href={`#${measureAnchor(previous)}`}>
              voir {measureWords(all.find((o) => o.id === previous))}
            </Anchor>
          </Text>
        )}
        {next && (
          <Text size="sm">
            Un accompagnement a été rouvert après cette mesure :{' '}
            <Anchor href={`#${measureAnchor(next)}`}>
              voir {measureWords(all.find((o) => o.id === next))}
            </Anchor>
          </Text>
        )}
        <Facts
          items={[
            { label: 'Opérateur', value: m.operatorName },
            { label: 'Référent', value: m.caseworkerName ?? 'Non désigné' },
            { label: 'Prescrite le', value: day(m.prescribedOn) },
            { label: 'Décision du financeur le', value: day(m.decidedOn) },
            { label: 'Début de l’accompagnement', value: day(m.startOn) },
            { label: 'Fin prévue', value: day(m.plannedEndOn) },
            {
              label: 'Durée',
              value: started
                ? `${plural(m.totalMonths, 'mois', 'mois')} au total`
                : `${m.initialMonths} mois prévus`,
            },
            { label: 'Renouvellements', value: started ? renewalsText(m.renewals, rules) : undefined },
            {
              label: 'Visites par mois',
              value: m.visitsPerMonth === null ? undefined : String(m.visitsPerMonth),
            },
            { label: 'Statut d’occupation', value: m.occupancy ? OCCUPANCY_LABELS[m.occupancy] : undefined },
            { label: 'Motif du refus', value: m.refusalReason ?? undefined },
            { label: 'Fin le', value: day(m.endedOn) },
            {
              label: 'Motif de fin',
              value: m.endReason ? MEASURE_END_REASON_LABELS[m.endReason] : undefined,
            },
            { label: 'Suite pour le ménage', value: m.orientationDetail ?? undefined },
            {
              label: 'Critères d’éligibilité retenus',
              value:
                m.criteriaMet === undefined || m.criteriaMet.length === 0
                  ? undefined
                  : m.criteriaMet.join(' ; '),
            },
            { label: 'Validation de l’État', value: m.stateValidationReference ?? undefined },
            { label: 'Motif de la réouverture', value: m.reopenReason ?? undefined },
          ]}
        />
        {m.briques.length > 0 && (
          <Stack gap={4}>
            <Text size="sm" c="dimmed" id={`${titleId}-briques`}>
              Briques mobilisées
            </Text>
            <Group
              component="ul"
              gap="xs"
              aria-labelledby={`${titleId}-briques`}
              style={{ listStyle: 'none', padding: 0, margin: 0 }}
            >
              {m.briques.map((b) => (
                <li key={b.code}>
                  <Badge variant="outline" color="gray" radius="sm" tt="none" size="lg" fw={500}>
                    {b.label}
                  </Badge>
                </li>
              ))}
            </Group>
          </Stack>
        )}
        {m.events && m.events.length > 0 && (
          <Stack gap="xs">
            <Title order={4} size="h6">
              Étapes de la mesure
            </Title>
            <EventTimeline
              label={`Étapes de la mesure ${m.schemeName}`}
              events={m.events.map((e, i) => ({
                key: String(i),
                title: e.label,
                detail: e.detail,
                at: e.at,
                byName: e.byName,
                byOrganisationName: e.byOrganisationName,
              }))}
            />
          </Stack>
        )}
        <Group justify="space-between" wrap="wrap">
          <MeasureActions householdId={m.householdId} measure={m} rules={rules} onReload={onReload} />
          {WITH_CONTRACT.includes(m.status) && (
            <Anchor component={Link} to={PATHS.measureContract(m.householdId, m.id)}>
              Contrat d’accompagnement
            </Anchor>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
