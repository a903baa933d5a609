import { Group, Radio, Select, Stack, Table, Text, Textarea } from '@mantine/core';
import { useNavigate } from 'react-router-dom';
import {
  ZSlidingDecision,
  ZSlidingEvaluationInput,
  ZSlidingRequest,
  type TContract,
} from '@shared/contracts/leases.ts';
import { LEASE_PARTIES, LEASE_PARTY_LABELS, type LeaseParty } from '@shared/leases/contract-rules.ts';
import {
  SLIDING_CRITERIA,
  SLIDING_CRITERION_LABELS,
  SLIDING_DECISIONS,
  SLIDING_DECISION_LABELS,
  SLIDING_RATINGS,
  SLIDING_RATING_LABELS,
  decisionRefusal,
  type SlidingCriterion,
  type SlidingDecision,
  type SlidingRating,
} from '@shared/leases/sliding.ts';
import { formatDate } from '@shared/format.ts';
import { LEASE_ROUTES } from '@shared/routes/leases.ts';
import { addDays, parisToday } from '@shared/time.ts';
import { useRouteMutation } from '../../api/routes.ts';
import { DateField } from '../../components/DateField.tsx';
import { DialogButton, FormDialog, useBodyForm } from '../../components/FormDialog.tsx';
import { Section } from '../../components/Section.tsx';
import { PATHS } from '../../paths.ts';
import { doneWith, type ContractDialogProps } from './ContractActions.tsx';

const PARTY_TITLES: Record<LeaseParty, string> = {
  association: 'Association',
  landlord: 'Bailleur',
  household: 'Ménage',
};

/**
 * The sliding of a sublease: the three parties' evaluations of the round side by side, the request,
 * the joint decision (slide, renew, end and rehouse).
 */
export function SlidingSection({ contract, reload }: { contract: TContract; reload: () => void }) {
  const byParty = new Map(contract.evaluations.map((e) => [e.party, e]));
  const open = contract.status === 'active';
  const refusal = decisionRefusal(contract.evaluations.map((e) => e.party));
  return (
    <Section
      title={`Glissement — examen prévu le ${formatDate(contract.slidingReviewOn)}`}
      action={
        open && (
          <Group gap="xs">
            {contract.evaluatesFor.map((party) => (
              <DialogButton
                key={party}
                variant="light"
                label={`Évaluation : ${PARTY_TITLES[party].toLowerCase()}`}
                dialog={(close) => (
                  <EvaluationDialog contract={contract} party={party} onClose={close} reload={reload} />
                )}
              />
            ))}
            {contract.evaluatesFor.length > 0 && (
              <DialogButton
                variant="light"
                label="Demander le glissement"
                dialog={(close) => <RequestDialog contract={contract} onClose={close} reload={reload} />}
              />
            )}
            {contract.canManage && (
              <DialogButton
                label="Décision commune"
                dialog={(close) => <DecisionDialog contract={contract} onClose={close} reload={reload} />}
              />
            )}
          </Group>
        )
      }
    >
      <Stack>
        {contract.objectives && <Text>Objectifs : {contract.objectives}</Text>}
        <Table.ScrollContainer minWidth={560} scrollAreaProps={{ viewportProps: { tabIndex: 0 } }}>
          <Table withTableBorder withColumnBorders verticalSpacing="sm">
            <Table.Caption>Évaluations des trois parties pour cet examen</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Critère</Table.Th>
                {LEASE_PARTIES.map((p) => (
                  <Table.Th scope="col" key={p}>
                    {PARTY_TITLES[p]}
                    {byParty.get(p) && (
                      <Text size="xs" c="dimmed" fw={400}>
                        le {formatDate(byParty.get(p)!.evaluatedOn)}
                      </Text>
                    )}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {SLIDING_CRITERIA.map((c) => (
                <Table.Tr key={c}>
                  <Table.Th scope="row" fw={500}>
                    {SLIDING_CRITERION_LABELS[c]}
                  </Table.Th>
                  {LEASE_PARTIES.map((p) => {
                    const r = byParty.get(p)?.ratings[c];
                    return (
                      <Table.Td key={p}>
                        {r ? SLIDING_RATING_LABELS[r.rating] : 'Pas encore évalué'}
                        {r?.comment && (
                          <Text size="sm" c="dimmed">
                            {r.comment}
                          </Text>
                        )}
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
              <Table.Tr>
                <Table.Th scope="row" fw={500}>
                  Commentaire
                </Table.Th>
                {LEASE_PARTIES.map((p) => (
                  <Table.Td key={p}>{byParty.get(p)?.comment ?? '—'}</Table.Td>
                ))}
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {open && refusal && <Text c="dimmed">{refusal}</Text>}
      </Stack>
    </Section>
  );
}

type EvaluationValues = {
  evaluatedOn: string | null;
  comment: string;
} & Record<SlidingCriterion, SlidingRating | null> &
  Record<`${SlidingCriterion}Comment`, string>;

function EvaluationDialog(props: ContractDialogProps & { party: LeaseParty }) {
  const { contract, party } = props;
  const existing = contract.evaluations.find((e) => e.party === party);
  const initial = Object.fromEntries([
    ['evaluatedOn', parisToday()],
    ['comment', existing?.comment ?? ''],
    ...SLIDING_CRITERIA.flatMap((c) => [
      [c, existing?.ratings[c].rating ?? null],
      [`${c}Comment`, existing?.ratings[c].comment ?? ''],
    ]),
  ]) as EvaluationValues;
  const body = (v: EvaluationValues) => ({
    rowVersion: existing?.rowVersion ?? null,
    evaluatedOn: v.evaluatedOn ?? '',
    comment: v.comment,
    // An unrated criterion goes as null: the form's check names it before anything is sent.
    ratings: Object.fromEntries(
      SLIDING_CRITERIA.map((c) => [c, { rating: v[c] as SlidingRating, comment: v[`${c}Comment`] }]),
    ) as Record<SlidingCriterion, { rating: SlidingRating; comment: string }>,
  });
  const form = useBodyForm<EvaluationValues>(initial, ZSlidingEvaluationInput, body);
  const save = useRouteMutation(LEASE_ROUTES.evaluateSliding, {
    form,
    ...doneWith(props, 'Évaluation enregistrée.'),
  });
  return (
    <FormDialog
      title={`Évaluation en vue du glissement : ${LEASE_PARTY_LABELS[party].toLowerCase()}`}
      intro={
        party === 'household'
          ? 'À remplir avec le ménage : c’est son appréciation, notée par le travailleur social.'
          : undefined
      }
      form={form}
      mutation={save}
      onSubmit={(v) => save.mutate({ params: { id: contract.id, party }, body: body(v) })}
      onReload={props.reload}
      onClose={props.onClose}
      submitLabel="Enregistrer l’évaluation"
    >
      <DateField label="Évaluation faite le" required {...form.getInputProps('evaluatedOn')} />
      {SLIDING_CRITERIA.map((c) => (
        <Stack key={c} gap={4}>
          <Select
            label={SLIDING_CRITERION_LABELS[c]}
            required
            data={SLIDING_RATINGS.map((r) => ({ value: r, label: SLIDING_RATING_LABELS[r] }))}
            {...form.getInputProps(`ratings.${c}.rating`)}
            value={form.values[c]}
            onChange={(v) => form.setFieldValue(c, v as SlidingRating | null)}
          />
          <Textarea
            label={`Commentaire : ${SLIDING_CRITERION_LABELS[c].toLowerCase()}`}
            autosize
            minRows={1}
            {...form.getInputProps(`ratings.${c}.comment`)}
            value={form.values[`${c}Comment`]}
            onChange={(e) => form.setFieldValue(`${c}Comment`, e.currentTarget.value)}
          />
        </Stack>
      ))}
      <Textarea label="Commentaire général" autosize minRows={2} {...form.getInputProps('comment')} />
    </FormDialog>
  );
}

type RequestValues = { party: LeaseParty | null; on: string | null; note: string };

function RequestDialog(props: ContractDialogProps) {
  const { contract } = props;
  const body = (v: RequestValues) => ({ party: v.party as LeaseParty, on: v.on ?? '', note: v.note });
  const form = useBodyForm<RequestValues>(
    { party: contract.evaluatesFor[0] ?? null, on: parisToday(), note: '' },
    ZSlidingRequest,
    body,
  );
  const request = useRouteMutation(LEASE_ROUTES.requestSliding, {
    form,
    ...doneWith(props, 'Demande de glissement notée.'),
  });
  return (
    <FormDialog
      title="Demander le glissement du bail"
      form={form}
      mutation={request}
      onSubmit={(v) => request.mutate({ params: { id: contract.id }, body: body(v) })}
      onClose={props.onClose}
      submitLabel="Noter la demande"
    >
      <Select
        label="Demandée par"
        required
        data={contract.evaluatesFor.map((p) => ({ value: p, label: LEASE_PARTY_LABELS[p] }))}
        {...form.getInputProps('party')}
      />
      <DateField label="Le" required {...form.getInputProps('on')} />
      <Textarea label="Note" autosize minRows={2} {...form.getInputProps('note')} />
    </FormDialog>
  );
}

type DecisionValues = {
  decision: SlidingDecision;
  on: string | null;
  slidingReviewOn: string | null;
  objectives: string;
  note: string;
};

function DecisionDialog(props: ContractDialogProps) {
  const { contract } = props;
  const navigate = useNavigate();
  const body = (v: DecisionValues) => ({
    rowVersion: contract.rowVersion,
    decision: v.decision,
    on: v.on ?? '',
    slidingReviewOn: v.decision === 'renew' ? v.slidingReviewOn : null,
    objectives: v.decision === 'renew' ? v.objectives : '',
    note: v.note,
  });
  const form = useBodyForm<DecisionValues>(
    { decision: 'slide', on: parisToday(), slidingReviewOn: null, objectives: '', note: '' },
    ZSlidingDecision,
    body,
  );
  const decide = useRouteMutation(LEASE_ROUTES.decideSliding, {
    form,
    ...doneWith(props, 'Décision enregistrée.'),
    onSuccess: (result) => {
      props.onClose();
      if (result.id !== contract.id) navigate(PATHS.lease(result.id));
    },
  });
  const { decision, on } = form.values;
  return (
    <FormDialog
      title="Décision commune sur le glissement"
      intro="Prise ensemble par l’association, le bailleur et le ménage, après leurs trois évaluations."
      form={form}
      mutation={decide}
      onSubmit={(v) => decide.mutate({ params: { id: contract.id }, body: body(v) })}
      onReload={props.reload}
      onClose={props.onClose}
      submitLabel="Enregistrer la décision"
    >
      <Radio.Group label="Décision" required {...form.getInputProps('decision')}>
        <Stack gap="xs" mt="xs">
          {SLIDING_DECISIONS.map((d) => (
            <Radio key={d} value={d} label={SLIDING_DECISION_LABELS[d]} />
          ))}
        </Stack>
      </Radio.Group>
      <DateField
        label={
          decision === 'slide'
            ? 'Dernier jour de la sous-location'
            : decision === 'renew'
              ? 'Renouvelée le'
              : 'Dernier jour de la sous-location'
        }
        required
        {...form.getInputProps('on')}
      />
      {decision === 'slide' && on && (
        <Text size="sm">Le bail direct du ménage commencera le {formatDate(addDays(on, 1))}.</Text>
      )}
      {decision === 'renew' && (
        <>
          <DateField
            label="Nouvel examen du glissement"
            description="Laissé vide : 12 mois après l’examen prévu. Format : JJ/MM/AAAA"
            {...form.getInputProps('slidingReviewOn')}
          />
          <Textarea label="Nouveaux objectifs" autosize minRows={2} {...form.getInputProps('objectives')} />
        </>
      )}
      <Textarea label="Note" autosize minRows={2} {...form.getInputProps('note')} />
    </FormDialog>
  );
}
