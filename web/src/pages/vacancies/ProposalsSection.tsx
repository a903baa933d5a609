import { Anchor, Group, Select, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import {
  COMMISSION_DECISION_LABELS,
  PROPOSAL_ANSWER_LABELS,
  PROPOSED_OCCUPANCY_LABELS,
  REFUSAL_REASON_LABELS,
  ZDecisionCreate,
  ZDesignationCreate,
  ZProposalAnswerCreate,
  type CommissionDecision,
  type ProposedOccupancy,
  type RefusalReason,
  type TProposal,
} from '@shared/contracts/designations.ts';
import type { TCandidate } from '@shared/contracts/matching.ts';
import { formatDate, formatDateTime } from '@shared/format.ts';
import { CAL_FILE_ROUTES } from '@shared/routes/cal-files.ts';
import { COMMITTEE_ROUTES } from '@shared/routes/committees.ts';
import { DESIGNATION_ROUTES } from '@shared/routes/designations.ts';
import { MATCHING_ROUTES } from '@shared/routes/matching.ts';
import { VACANCY_ROUTES } from '@shared/routes/vacancies.ts';
import { parisToday } from '@shared/time.ts';
import { routeKey, routeUrl, useRouteMutation, useRouteQuery } from '../../api/routes.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { DateField } from '../../components/DateField.tsx';
import { DialogButton, FormDialog, useBodyForm } from '../../components/FormDialog.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { Section } from '../../components/Section.tsx';
import { optionsOf } from '../households/organisations.ts';
import { Link } from 'react-router-dom';
import { PATHS } from '../../paths.ts';
import { dwellingTitle } from './vacancy-words.ts';

/** Everything a designation, an answer or a decision changes on the vacancy's page. */
const refreshed = (vacancyId: string, householdId?: string) => [
  ...(householdId ? [routeKey(DESIGNATION_ROUTES.householdProposals, { params: { householdId } })] : []),
  routeKey(DESIGNATION_ROUTES.vacancyProposals, { params: { id: vacancyId } }),
  routeKey(MATCHING_ROUTES.candidates, { params: { id: vacancyId } }),
  routeKey(VACANCY_ROUTES.get, { params: { id: vacancyId } }),
];

/**
 * The households put forward on a vacancy: their rank, the offer's deadline, the household's answer
 * and the commission's decision; the CAL file of each; the answer recorded by the referent, the
 * decision by the landlord.
 */
export function ProposalsSection({ vacancyId }: { vacancyId: string }) {
  const query = useRouteQuery(DESIGNATION_ROUTES.vacancyProposals, { params: { id: vacancyId } });
  return (
    <Section title="Ménages proposés">
      <QueryState query={query} loadingLabel="Chargement des propositions…">
        {(list) => (
          <DataTable
            caption="Ménages proposés sur ce logement"
            rows={list.items}
            rowKey={(p) => p.id}
            emptyTitle="Aucun ménage proposé"
            emptyDescription="Aucun ménage n’a encore été désigné sur ce logement."
            columns={[
              { key: 'rank', header: 'Rang', render: (p) => p.rank },
              {
                key: 'who',
                header: 'Ménage',
                render: (p) => (
                  <Stack gap={0}>
                    <Text size="sm" fw={600}>
                      {p.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {p.poolOrganisationName} · {PROPOSED_OCCUPANCY_LABELS[p.occupancy]}
                    </Text>
                    <Anchor
                      size="xs"
                      href={routeUrl(CAL_FILE_ROUTES.get, { params: { proposalId: p.id } })}
                      target="_blank"
                      rel="noopener"
                    >
                      Dossier pour la commission (PDF)
                    </Anchor>
                  </Stack>
                ),
              },
              {
                key: 'answer',
                header: 'Réponse du ménage',
                render: (p) => (
                  <Stack gap={0}>
                    <Text size="sm">
                      {p.answer
                        ? PROPOSAL_ANSWER_LABELS[p.answer]
                        : `Attendue au plus tard le ${formatDate(p.answerDue)}`}
                    </Text>
                    {p.answerReason && (
                      <Text size="xs" c="dimmed">
                        {REFUSAL_REASON_LABELS[p.answerReason]}
                      </Text>
                    )}
                  </Stack>
                ),
              },
              { key: 'state', header: 'Où en est-on', render: (p) => p.state },
              {
                key: 'actions',
                header: 'Actions',
                render: (p) => (
                  <Group gap="xs">
                    {p.canAnswer && (
                      <DialogButton
                        label="Réponse du ménage"
                        variant="light"
                        dialog={(close) => <AnswerDialog proposal={p} onClose={close} />}
                      />
                    )}
                    {p.canDecide && (
                      <DialogButton
                        label="Décision de la commission"
                        variant="light"
                        dialog={(close) => <DecisionDialog proposal={p} onClose={close} />}
                      />
                    )}
                  </Group>
                ),
              },
            ]}
          />
        )}
      </QueryState>
    </Section>
  );
}

type AnswerValues = {
  answer: 'accepted' | 'refused' | null;
  reason: RefusalReason | null;
  note: string;
  answeredOn: string | null;
};

function AnswerDialog({ proposal, onClose }: { proposal: TProposal; onClose: () => void }) {
  const form = useBodyForm<AnswerValues>(
    { answer: null, reason: null, note: '', answeredOn: parisToday() },
    ZProposalAnswerCreate,
    (v) => ({
      answer: v.answer ?? undefined,
      reason: v.reason,
      note: v.note.trim() || null,
      answeredOn: v.answeredOn ?? '',
    }),
    { answer: 'Indiquez la réponse du ménage.' },
  );
  const mutation = useRouteMutation(DESIGNATION_ROUTES.answer, {
    form,
    invalidate: refreshed(proposal.vacancyId, proposal.householdId),
    successMessage: 'Réponse du ménage enregistrée.',
    onSuccess: onClose,
  });
  return (
    <FormDialog
      title={`Réponse de ${proposal.name}`}
      intro={`Le ménage a jusqu’au ${formatDate(proposal.answerDue)} pour répondre ; sans réponse à cette date, la proposition vaut refus.`}
      form={form}
      mutation={mutation}
      onSubmit={(v) =>
        mutation.mutate({
          params: { proposalId: proposal.id },
          body: {
            answer: v.answer!,
            reason: v.reason,
            note: v.note.trim() || null,
            answeredOn: v.answeredOn ?? '',
          },
        })
      }
      onClose={onClose}
      submitLabel="Enregistrer la réponse"
    >
      <Select
        label="Réponse"
        required
        data={[
          { value: 'accepted', label: PROPOSAL_ANSWER_LABELS.accepted },
          { value: 'refused', label: PROPOSAL_ANSWER_LABELS.refused },
        ]}
        {...form.getInputProps('answer')}
      />
      {form.values.answer === 'refused' && (
        <Select
          label="Motif du refus"
          required
          data={optionsOf(REFUSAL_REASON_LABELS)}
          {...form.getInputProps('reason')}
        />
      )}
      <DateField label="Date de la réponse" required {...form.getInputProps('answeredOn')} />
      <Textarea
        label="Précisions (lues par les référents du ménage)"
        autosize
        minRows={2}
        {...form.getInputProps('note')}
      />
    </FormDialog>
  );
}

type DecisionValues = {
  decision: CommissionDecision | null;
  decisionRank: number | null;
  condition: string;
  conditionDue: string | null;
  reason: RefusalReason | null;
  note: string;
  decidedOn: string | null;
};
const decisionBody = (v: DecisionValues) => ({
  decision: v.decision ?? undefined,
  decisionRank: v.decision === 'allocation_by_rank' ? v.decisionRank : null,
  condition: v.decision === 'conditional' ? v.condition.trim() || null : null,
  conditionDue: v.decision === 'conditional' ? v.conditionDue : null,
  reason: v.reason,
  note: v.note.trim() || null,
  decidedOn: v.decidedOn ?? '',
});

function DecisionDialog({ proposal, onClose }: { proposal: TProposal; onClose: () => void }) {
  const form = useBodyForm<DecisionValues>(
    {
      decision: null,
      decisionRank: null,
      condition: '',
      conditionDue: null,
      reason: null,
      note: '',
      decidedOn: parisToday(),
    },
    ZDecisionCreate,
    decisionBody,
    { decision: 'Choisissez la décision.' },
  );
  const mutation = useRouteMutation(DESIGNATION_ROUTES.decision, {
    form,
    invalidate: refreshed(proposal.vacancyId),
    successMessage: 'Décision enregistrée ; les référents du ménage sont prévenus.',
    onSuccess: onClose,
  });
  const d = form.values.decision;
  return (
    <FormDialog
      title={`Décision pour ${proposal.name}`}
      intro="La commission d’attribution est souveraine : enregistrez la décision telle qu’elle a été prise. Une attribution clôt la vacance."
      form={form}
      mutation={mutation}
      onSubmit={(v) =>
        mutation.mutate({
          params: { proposalId: proposal.id },
          body: { ...decisionBody(v), decision: v.decision! },
        })
      }
      onClose={onClose}
      submitLabel="Enregistrer la décision"
    >
      <Select
        label="Décision"
        required
        data={optionsOf(COMMISSION_DECISION_LABELS)}
        {...form.getInputProps('decision')}
      />
      {d === 'allocation_by_rank' && (
        <Select
          label="Rang donné par la commission"
          required
          data={['1', '2', '3', '4', '5']}
          value={form.values.decisionRank === null ? null : String(form.values.decisionRank)}
          onChange={(v) => form.setFieldValue('decisionRank', v === null ? null : Number(v))}
          error={form.errors.decisionRank}
        />
      )}
      {d === 'conditional' && (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Textarea label="Condition suspensive" required autosize {...form.getInputProps('condition')} />
          <DateField label="À remplir avant le" required {...form.getInputProps('conditionDue')} />
        </SimpleGrid>
      )}
      {(d === 'non_allocation' || d === 'rejection' || d === 'landlord_refusal') && (
        <Select
          label="Motif"
          required
          data={optionsOf(REFUSAL_REASON_LABELS)}
          {...form.getInputProps('reason')}
        />
      )}
      <DateField label="Date de la décision" required {...form.getInputProps('decidedOn')} />
      <Textarea label="Précisions" autosize minRows={2} {...form.getInputProps('note')} />
    </FormDialog>
  );
}

type Pick = { householdId: string | null; occupancy: ProposedOccupancy };
type DesignationValues = {
  meetingId: string | null;
  designatedOn: string | null;
  notifiedOn: string | null;
  answerDue: string | null;
  fewerReason: string;
  picks: Pick[];
};
const designationBody = (v: DesignationValues) => ({
  meetingId: v.meetingId,
  designatedOn: v.designatedOn ?? '',
  notifiedOn: v.notifiedOn ?? '',
  answerDue: v.answerDue,
  fewerReason: v.fewerReason.trim() || null,
  candidates: v.picks
    .filter((p): p is { householdId: string; occupancy: ProposedOccupancy } => p.householdId !== null)
    .map((p) => ({ householdId: p.householdId, occupancy: p.occupancy })),
});

/** Up to three of the ranked candidates, in order, with the occupancy proposed; the meeting that chose them. */
export function DesignationDialog({
  vacancyId,
  candidates,
  onClose,
}: {
  vacancyId: string;
  candidates: TCandidate[];
  onClose: () => void;
}) {
  const committees = useRouteQuery(COMMITTEE_ROUTES.list, {});
  const meetings = (committees.data?.items ?? [])
    .filter((c) => c.kind === 'designation' && c.convenes)
    .flatMap((c) =>
      c.meetings.map((m) => ({ value: m.id, label: `${c.name} — ${formatDateTime(m.startsAt)}` })),
    );
  const today = parisToday();
  const form = useBodyForm<DesignationValues>(
    {
      meetingId: null,
      designatedOn: today,
      notifiedOn: today,
      answerDue: null,
      fewerReason: '',
      picks: candidates
        .slice(0, 3)
        .map((c) => ({ householdId: c.householdId, occupancy: 'direct_lease' as const })),
    },
    ZDesignationCreate,
    designationBody,
  );
  const mutation = useRouteMutation(DESIGNATION_ROUTES.designate, {
    form,
    invalidate: refreshed(vacancyId),
    successMessage: 'Ménages proposés ; le bailleur et les référents sont prévenus.',
    onSuccess: onClose,
  });
  const options = candidates.map((c) => ({
    value: c.householdId,
    label: `Rang ${c.rank} — ${c.name} (${c.fileLabel})`,
  }));
  const chosen = designationBody(form.values).candidates.length;
  return (
    <FormDialog
      title="Proposer des ménages pour ce logement"
      intro="Trois ménages au plus, dans l’ordre de la désignation. Chacun doit remplir les conditions légales pour ce logement ; le bailleur reçoit leur dossier pour la commission."
      form={form}
      mutation={mutation}
      onSubmit={(v) => mutation.mutate({ params: { id: vacancyId }, body: designationBody(v) })}
      onClose={onClose}
      submitLabel="Proposer"
    >
      {[0, 1, 2].map((i) => (
        <SimpleGrid cols={{ base: 1, sm: 2 }} key={i}>
          <Select
            label={`Ménage proposé en ${i === 0 ? '1er' : `${i + 1}e`}`}
            clearable
            data={options}
            value={form.values.picks[i]?.householdId ?? null}
            onChange={(v) => {
              const picks = [...form.values.picks];
              picks[i] = { householdId: v, occupancy: picks[i]?.occupancy ?? 'direct_lease' };
              form.setFieldValue('picks', picks);
            }}
            error={form.errors[`candidates.${i}.householdId`]}
          />
          <Select
            label="Occupation proposée"
            data={optionsOf(PROPOSED_OCCUPANCY_LABELS)}
            value={form.values.picks[i]?.occupancy ?? 'direct_lease'}
            onChange={(v) => {
              const picks = [...form.values.picks];
              picks[i] = {
                householdId: picks[i]?.householdId ?? null,
                occupancy: (v ?? 'direct_lease') as ProposedOccupancy,
              };
              form.setFieldValue('picks', picks);
            }}
          />
        </SimpleGrid>
      ))}
      {form.errors.candidates && (
        <Text size="sm" c="red">
          {form.errors.candidates}
        </Text>
      )}
      {chosen < 3 && (
        <Textarea
          label="Pourquoi moins de trois ménages"
          description="La commission examine au moins trois demandes par logement, sauf insuffisance de candidats."
          autosize
          {...form.getInputProps('fewerReason')}
        />
      )}
      <Select
        label="Réunion de désignation"
        description="Facultatif : la réunion du comité de désignation qui a choisi ces ménages."
        clearable
        data={meetings}
        {...form.getInputProps('meetingId')}
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <DateField label="Désignés le" required {...form.getInputProps('designatedOn')} />
        <DateField label="Ménages prévenus le" required {...form.getInputProps('notifiedOn')} />
        <DateField
          label="Réponse attendue avant le"
          description="Vide : le délai légal de dix jours."
          {...form.getInputProps('answerDue')}
        />
      </SimpleGrid>
    </FormDialog>
  );
}

/** The dwellings a household was put forward on, what it answered and what the commission decided. */
export function HouseholdProposals({ householdId }: { householdId: string }) {
  const query = useRouteQuery(DESIGNATION_ROUTES.householdProposals, { params: { householdId } });
  return (
    <Section title="Propositions de logement">
      <QueryState query={query} loadingLabel="Chargement des propositions…">
        {(list) => (
          <DataTable
            caption="Logements sur lesquels le ménage a été proposé"
            rows={list.items}
            rowKey={(p) => p.id}
            emptyTitle="Aucune proposition"
            emptyDescription="Le ménage n’a encore été proposé sur aucun logement."
            columns={[
              {
                key: 'dwelling',
                header: 'Logement',
                render: (p) => (
                  <Stack gap={0}>
                    <Anchor component={Link} to={PATHS.vacancy(p.vacancyId)} size="sm" fw={600}>
                      {dwellingTitle(p.dwelling)}
                    </Anchor>
                    <Text size="xs">
                      {p.dwelling.address} · {p.landlordName}
                    </Text>
                  </Stack>
                ),
              },
              {
                key: 'proposal',
                header: 'Proposition',
                render: (p) =>
                  `Rang ${p.rank}, le ${formatDate(p.designatedOn)} — ${PROPOSED_OCCUPANCY_LABELS[p.occupancy]}`,
              },
              {
                key: 'state',
                header: 'Où en est-on',
                render: (p) => (
                  <Stack gap={0}>
                    <Text size="sm">{p.state}</Text>
                    {p.refusal && (
                      <Text size="xs" c="dimmed">
                        {p.refusal}
                      </Text>
                    )}
                  </Stack>
                ),
              },
              {
                key: 'actions',
                header: 'Actions',
                render: (p) =>
                  p.canAnswer && (
                    <DialogButton
                      label="Réponse du ménage"
                      variant="light"
                      dialog={(close) => <AnswerDialog proposal={p} onClose={close} />}
                    />
                  ),
              },
            ]}
          />
        )}
      </QueryState>
    </Section>
  );
}
