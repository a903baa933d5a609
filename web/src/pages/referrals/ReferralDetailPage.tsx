import { useId, type ReactNode } from 'react';
import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router-dom';
import { HOUSING_SITUATION_LABELS } from '@shared/contracts/household-enums.ts';
import { formatFileNumber } from '@shared/contracts/households.ts';
import {
  CONTACT_METHODS,
  CONTACT_METHOD_LABELS,
  CONTACT_OUTCOMES,
  CONTACT_OUTCOME_LABELS,
  MAINTENANCE_REASON_LABELS,
  REFERRAL_KIND_LABELS,
  REFERRAL_STATUS_LABELS,
} from '@shared/contracts/referral-enums.ts';
import {
  REFERRAL_EVENT_TYPE_LABELS,
  type TReferralDetail,
  type TReferralEvent,
} from '@shared/contracts/referrals.ts';
import { REFERRAL_ROUTES } from '@shared/routes/referrals.ts';
import { useRouteQuery } from '../../api/routes.ts';
import { oneOf } from '../../api/url-params.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { daysWaiting } from '@shared/alerts/rules.ts';
import { EventTimeline } from '../../components/EventTimeline.tsx';
import { CONSENT_METHOD_LABELS, EVICTION_STEP_LABELS } from '@shared/contracts/household-enums.ts';
import type { TEvictionProcedure } from '@shared/contracts/households.ts';
import { formatCents, formatDate, formatDateTime } from '@shared/format.ts';
import { PATHS } from '../../paths.ts';
import { Facts } from '../households/Facts.tsx';
import { ReferralActions } from './ReferralActions.tsx';
import { REFERRAL_STATUS_TONES, formatReferralNumber } from './referral-ui.ts';

/** How long a referral has been waiting for its answer, in Paris days. */
function waitingFor(createdAt: string): string {
  const days = daysWaiting(new Date(createdAt), new Date());
  return days === 0 ? 'aujourd’hui' : days === 1 ? '1 jour' : `${days} jours`;
}

/** The procedure's latest step and its date ("Commandement de payer, le 02/10/2026"). */
function evictionSummary(p: TEvictionProcedure): string {
  const last = p.steps.at(-1);
  const status = p.closedOn ? ` — procédure close le ${formatDate(p.closedOn)}` : '';
  return last
    ? `${EVICTION_STEP_LABELS[last.step]}, le ${formatDate(last.occurredOn)}${status}`
    : `Ouverte${status}`;
}

export function ReferralDetailPage() {
  const { id = '' } = useParams();
  const query = useRouteQuery(REFERRAL_ROUTES.get, { params: { id } });
  return (
    <QueryState query={query} loadingLabel="Chargement de la saisine…">
      {(referral) => <ReferralDetail referral={referral} />}
    </QueryState>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={headingId}>
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

const referralLink = (id: string | null, label: string) =>
  id ? (
    <Anchor component={Link} to={PATHS.referral(id)}>
      {label}
    </Anchor>
  ) : undefined;

function ReferralDetail({ referral: r }: { referral: TReferralDetail }) {
  const h = r.household;
  // The file opens to the sender (its own tenant) and to the receiver once it took the household on.
  const fileOpen = r.side === 'sender' || r.status === 'accepted' || r.status === 'case_opened';
  return (
    <>
      <PageHeader title={`Saisine ${formatReferralNumber(r.number)}`} />
      <Group gap="xs" mt="-sm" mb="md">
        <StatusBadge value={r.status} labels={REFERRAL_STATUS_LABELS} tones={REFERRAL_STATUS_TONES} />
        <Badge variant="outline" color="gray" radius="sm" tt="none">
          {REFERRAL_KIND_LABELS[r.kind]}
        </Badge>
        <Text span size="sm" c="dimmed">
          {r.side === 'receiver'
            ? `Reçue de ${r.fromOrganisation.name}`
            : `Adressée à ${r.toOrganisation.name}`}
        </Text>
      </Group>
      <Stack gap="lg">
        {r.side === 'receiver' && <ReferralActions referral={r} />}

        <Section title="Contenu de la saisine">
          <Facts
            items={[
              {
                label: 'Envoyée par',
                value: `${r.fromOrganisation.name}${r.fromUser ? ` — ${r.fromUser.name}` : ''}`,
              },
              { label: 'Adressée à', value: r.toOrganisation.name },
              { label: 'Envoyée le', value: formatDateTime(r.createdAt) },
              ...(r.status === 'sent'
                ? [{ label: 'En attente de réponse depuis', value: waitingFor(r.createdAt) }]
                : []),
              {
                label: 'Motifs',
                value:
                  r.kind === 'maintenance'
                    ? r.reasons.map((x) => MAINTENANCE_REASON_LABELS[x]).join(', ')
                    : undefined,
              },
              {
                label: 'Impayés',
                value: r.arrears
                  ? `${formatCents(r.arrears.amountCents)}${r.arrears.months ? ` sur ${r.arrears.months} mois` : ''}`
                  : undefined,
              },
              {
                label: "Procédure d'expulsion",
                value: r.evictionProcedure ? evictionSummary(r.evictionProcedure) : undefined,
              },
              {
                label: 'Accord du ménage',
                value: r.householdAgreement
                  ? `${CONSENT_METHOD_LABELS[r.householdAgreement.method]}, le ${formatDate(r.householdAgreement.givenOn)}${
                      r.householdAgreement.witnessName
                        ? ` (témoin : ${r.householdAgreement.witnessName})`
                        : ''
                    }`
                  : 'Non recueilli',
              },
              {
                label: 'Prêt à sortir',
                value:
                  r.kind === 'access' && r.readyToLeave !== null
                    ? r.readyToLeave
                      ? 'Oui'
                      : 'Non'
                    : undefined,
              },
              {
                label: 'Hébergé depuis le',
                value: r.shelteredSince ? formatDate(r.shelteredSince) : undefined,
              },
              { label: 'Projet logement', value: r.housingProject ?? undefined },
              { label: 'Informations complémentaires', value: r.freeText ?? undefined },
              { label: 'Référent désigné', value: r.assignedCaseworker?.name },
              {
                label: 'Décision',
                value: r.decidedAt
                  ? `le ${formatDateTime(r.decidedAt)}${r.decidedBy ? ` par ${r.decidedBy.name}` : ''}`
                  : undefined,
              },
              { label: 'Motif du refus', value: r.declineReason ?? undefined },
              {
                label: 'Premier entretien',
                value: r.firstInterviewAt ? formatDateTime(r.firstInterviewAt) : undefined,
              },
              {
                label: 'Réorientée depuis',
                value: referralLink(r.redirectedFromReferralId, 'la saisine d’origine'),
              },
              {
                label: 'Réorientée vers',
                value: referralLink(r.redirectedToReferralId, 'la nouvelle saisine'),
              },
            ]}
          />
        </Section>

        <Section title="Le ménage">
          <Facts
            items={[
              {
                label: 'Dossier',
                value: fileOpen ? (
                  <Anchor component={Link} to={PATHS.household(h.id)}>
                    {formatFileNumber(h.fileNumber)} — ouvrir le dossier
                  </Anchor>
                ) : (
                  formatFileNumber(h.fileNumber)
                ),
              },
              { label: 'Personne de référence', value: h.referencePersonName },
              { label: 'Nombre de personnes', value: String(h.membersCount) },
              { label: 'Situation de logement', value: HOUSING_SITUATION_LABELS[h.housingSituation] },
              { label: 'Adresse du logement', value: h.dwellingAddress },
              { label: 'Adresse postale', value: h.postalAddress },
              { label: 'Téléphone', value: h.phone },
              { label: 'E-mail', value: h.email },
            ]}
          />
        </Section>

        {(r.contactAttempts.length > 0 || r.status === 'accepted') && (
          <Section title="Tentatives de contact">
            <DataTable
              caption="Tentatives de prise de contact avec le ménage"
              rows={r.contactAttempts}
              rowKey={(c) => c.id}
              emptyTitle="Aucune tentative de contact notée"
              columns={[
                { key: 'at', header: 'Date', render: (c) => formatDateTime(c.attemptedAt) },
                { key: 'method', header: 'Moyen', render: (c) => CONTACT_METHOD_LABELS[c.method] },
                { key: 'outcome', header: 'Résultat', render: (c) => CONTACT_OUTCOME_LABELS[c.outcome] },
                { key: 'by', header: 'Par', render: (c) => c.user?.name ?? '—', hideOnSmall: true },
                ...(r.side === 'receiver'
                  ? [
                      {
                        key: 'note',
                        header: 'Note',
                        render: (c: (typeof r.contactAttempts)[number]) => c.note ?? '—',
                      },
                    ]
                  : []),
              ]}
            />
          </Section>
        )}

        <Section title="Historique de la saisine">
          <Timeline events={r.events} />
        </Section>
      </Stack>
    </>
  );
}

const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);

/** The French sentence completing an event line, from its detail. */
function eventDetail(e: TReferralEvent): string | null {
  const d = e.detail;
  switch (e.type) {
    case 'sent':
      return str(d.toOrganisationName) && `à ${str(d.toOrganisationName)}`;
    case 'accepted':
      return str(d.caseworkerName) && `référent : ${str(d.caseworkerName)}`;
    case 'declined':
      return str(d.reason) && `motif : ${str(d.reason)}`;
    case 'redirected':
      return [
        str(d.toOrganisationName) && `vers ${str(d.toOrganisationName)}`,
        str(d.reason) && `motif : ${str(d.reason)}`,
      ]
        .filter(Boolean)
        .join(' — ');
    case 'contact_attempt': {
      const method = oneOf(CONTACT_METHODS, str(d.method));
      const outcome = oneOf(CONTACT_OUTCOMES, str(d.outcome));
      return (
        [method && CONTACT_METHOD_LABELS[method], outcome && CONTACT_OUTCOME_LABELS[outcome]]
          .filter(Boolean)
          .join(' — ') || null
      );
    }
    case 'case_opened':
      return str(d.at) && `entretien du ${formatDateTime(str(d.at))}`;
  }
}

function Timeline({ events }: { events: TReferralEvent[] }) {
  return (
    <EventTimeline
      label="Événements de la saisine"
      events={events.map((e) => ({
        key: e.id,
        title: REFERRAL_EVENT_TYPE_LABELS[e.type],
        detail: eventDetail(e),
        at: e.at,
        byName: e.user?.name,
        byOrganisationName: e.organisation?.name,
      }))}
    />
  );
}
