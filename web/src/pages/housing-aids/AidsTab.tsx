import { Group, NumberInput, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import {
  AID_FORM_LABELS,
  AID_KIND_LABELS,
  AID_PAYEE_LABELS,
  AID_STATUS_LABELS,
  ZAidCreate,
  ZAidDecision,
  ZAidPayment,
  ZAidRepayment,
  type AidForm,
  type AidKind,
  type AidPayee,
  type AidStatus,
  type TAid,
  type TAidList,
} from '@shared/contracts/housing-aids.ts';
import type { THouseholdDetail } from '@shared/contracts/households.ts';
import { AID_KIND_FORMS } from '@shared/housing-aids/rules.ts';
import { formatCents, formatDate } from '@shared/format.ts';
import { parisToday } from '@shared/time.ts';
import { HOUSING_AID_ROUTES } from '@shared/routes/housing-aids.ts';
import { routeKey, useRouteMutation, useRouteQuery } from '../../api/routes.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { DateField } from '../../components/DateField.tsx';
import { DialogButton, FormDialog, useBodyForm } from '../../components/FormDialog.tsx';
import { MoneyInput } from '../../components/MoneyInput.tsx';
import { OrganisationSelect } from '../../components/OrganisationSelect.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { Section } from '../../components/Section.tsx';
import { StatusBadge, type Tone } from '../../components/StatusBadge.tsx';
import { optionsOf } from '../households/organisations.ts';

const STATUS_TONES: Record<AidStatus, Tone> = {
  requested: 'info',
  granted: 'warning',
  refused: 'danger',
  paid: 'success',
};

/** The household's financial aids: what was asked, decided and paid; the social workers record each step. */
export function AidsTab({ file }: { file: THouseholdDetail }) {
  const query = useRouteQuery(HOUSING_AID_ROUTES.list, { params: { id: file.id } });
  return (
    <QueryState query={query} loadingLabel="Chargement des aides…">
      {(list) => <AidsSection householdId={file.id} list={list} />}
    </QueryState>
  );
}

function AidsSection({ householdId, list }: { householdId: string; list: TAidList }) {
  const amounts = (a: TAid) =>
    [
      `demandé ${formatCents(a.amountRequestedCents)}`,
      a.amountGrantedCents !== null && `accordé ${formatCents(a.amountGrantedCents)}`,
      a.amountPaidCents > 0 && `versé ${formatCents(a.amountPaidCents)}`,
      a.form === 'loan' && a.status === 'paid' && `remboursé ${formatCents(a.repaidCents)}`,
    ]
      .filter(Boolean)
      .join(' · ');
  return (
    <Section
      title="Aides financières et garanties"
      action={
        list.canManage && (
          <DialogButton
            label="Demander une aide"
            dialog={(close) => <RequestAidDialog householdId={householdId} list={list} onClose={close} />}
          />
        )
      }
    >
      <DataTable
        caption="Aides financières et garanties du ménage"
        rows={list.items}
        rowKey={(a) => a.id}
        emptyTitle="Aucune aide"
        emptyDescription="Aucune aide financière n’a été demandée pour ce ménage (ou aucune ne vous est versée)."
        columns={[
          {
            key: 'kind',
            header: 'Aide',
            render: (a) => (
              <Stack gap={0}>
                <Text size="sm" fw={600}>
                  {AID_KIND_LABELS[a.kind]}
                  {a.months !== null && ` — ${a.months} mois`}
                  {a.renewsAidId && ' (renouvellement)'}
                </Text>
                <Text size="xs" c="dimmed">
                  {AID_FORM_LABELS[a.form]} · {a.funderName}
                </Text>
              </Stack>
            ),
          },
          {
            key: 'payee',
            header: 'Versée à',
            hideOnSmall: true,
            render: (a) => a.contractLabel ?? a.payeeName ?? AID_PAYEE_LABELS[a.payee],
          },
          {
            key: 'status',
            header: 'Où en est-elle',
            render: (a) => (
              <Stack gap={2}>
                <StatusBadge value={a.status} labels={AID_STATUS_LABELS} tones={STATUS_TONES} />
                <Text size="xs">{amounts(a)}</Text>
                <Text size="xs" c="dimmed">
                  demandée le {formatDate(a.requestedOn)}
                  {a.decidedOn && `, décidée le ${formatDate(a.decidedOn)}`}
                  {a.lastPaidOn && `, versée le ${formatDate(a.lastPaidOn)}`}
                </Text>
                {a.refusalReason && <Text size="xs">Motif : {a.refusalReason}</Text>}
                <LoanState aid={a} />
              </Stack>
            ),
          },
          {
            key: 'actions',
            header: 'Actions',
            render: (a) =>
              list.canManage && (
                <Group gap="xs">
                  {a.status === 'requested' && (
                    <DialogButton
                      label="Décision"
                      variant="light"
                      dialog={(close) => <DecisionDialog aid={a} onClose={close} />}
                    />
                  )}
                  {(a.status === 'granted' || a.status === 'paid') &&
                    (a.amountGrantedCents ?? 0) > a.amountPaidCents && (
                      <DialogButton
                        label="Versement"
                        variant="light"
                        dialog={(close) => <PaymentDialog aid={a} onClose={close} />}
                      />
                    )}
                  {a.form === 'loan' && a.status === 'paid' && a.repaidCents < a.amountPaidCents && (
                    <DialogButton
                      label="Remboursement"
                      variant="light"
                      dialog={(close) => <RepaymentDialog aid={a} onClose={close} />}
                    />
                  )}
                </Group>
              ),
          },
        ]}
      />
    </Section>
  );
}

/** A loan's instalments in words: the first one missed, else the next one due. */
function LoanState({ aid }: { aid: TAid }) {
  const missed = aid.instalments.filter((i) => i.status === 'missed');
  const next = aid.instalments.find((i) => i.status === 'upcoming');
  if (missed.length > 0)
    return (
      <Text size="xs" c="red.9">
        Échéance du {formatDate(missed[0]!.dueOn)} non remboursée (
        {formatCents(missed.reduce((s, i) => s + i.shortfallCents, 0))} en retard)
      </Text>
    );
  if (next)
    return (
      <Text size="xs" c="dimmed">
        Prochaine échéance le {formatDate(next.dueOn)} : {formatCents(next.shortfallCents)}
      </Text>
    );
  return null;
}

const aidsKey = (householdId: string) => routeKey(HOUSING_AID_ROUTES.list, { params: { id: householdId } });

type RequestValues = {
  kind: AidKind | null;
  form: AidForm | null;
  funderName: string;
  payee: AidPayee | null;
  payeeOrganisationId: string | null;
  contractId: string | null;
  requestedOn: string | null;
  amountRequestedCents: number | null;
  months: number | string;
  renewsAidId: string | null;
  note: string;
};
const requestBody = (v: RequestValues) => ({
  kind: v.kind ?? undefined,
  form: v.form ?? undefined,
  funderName: v.funderName,
  payee: v.payee ?? undefined,
  payeeOrganisationId: v.payee === 'landlord' || v.payee === 'association' ? v.payeeOrganisationId : null,
  contractId: v.payee === 'rent_account' ? v.contractId : null,
  requestedOn: v.requestedOn ?? '',
  amountRequestedCents: v.amountRequestedCents ?? 0,
  months: v.kind === 'aide_sur_quittance' && v.months !== '' ? Number(v.months) : null,
  renewsAidId: v.kind === 'aide_sur_quittance' ? v.renewsAidId : null,
  note: v.note,
});

function RequestAidDialog({
  householdId,
  list,
  onClose,
}: {
  householdId: string;
  list: TAidList;
  onClose: () => void;
}) {
  const form = useBodyForm<RequestValues>(
    {
      kind: null,
      form: null,
      funderName: '',
      payee: null,
      payeeOrganisationId: null,
      contractId: null,
      requestedOn: parisToday(),
      amountRequestedCents: null,
      months: '',
      renewsAidId: null,
      note: '',
    },
    ZAidCreate,
    requestBody,
    {
      kind: 'Choisissez le type d’aide.',
      form: 'Choisissez la forme de l’aide.',
      payee: 'Indiquez à qui l’aide est versée.',
      amountRequestedCents: 'Indiquez le montant demandé.',
    },
  );
  const request = useRouteMutation(HOUSING_AID_ROUTES.request, {
    form,
    invalidate: [aidsKey(householdId)],
    successMessage: 'Demande d’aide enregistrée.',
    onSuccess: onClose,
  });
  const { kind, payee } = form.values;
  const renewable = list.items.filter(
    (a) => a.kind === 'aide_sur_quittance' && (a.status === 'granted' || a.status === 'paid'),
  );
  return (
    <FormDialog
      title="Demander une aide"
      form={form}
      mutation={request}
      onClose={onClose}
      // The form's check ensured kind, form and payee are chosen.
      onSubmit={(v) =>
        request.mutate({
          params: { id: householdId },
          body: { ...requestBody(v), kind: v.kind!, form: v.form!, payee: v.payee! },
        })
      }
      submitLabel="Enregistrer la demande"
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label="Type d’aide"
          required
          data={optionsOf(AID_KIND_LABELS)}
          {...form.getInputProps('kind')}
          onChange={(value) => {
            const next = value as AidKind | null;
            form.setFieldValue('kind', next);
            const forms = next ? AID_KIND_FORMS[next] : [];
            form.setFieldValue('form', forms.length === 1 ? forms[0]! : null);
          }}
        />
        <Select
          label="Forme"
          required
          data={optionsOf(AID_FORM_LABELS).filter((o) => !kind || AID_KIND_FORMS[kind].includes(o.value))}
          {...form.getInputProps('form')}
        />
        <TextInput label="Financeur" required {...form.getInputProps('funderName')} />
        <DateField label="Demandée le" required {...form.getInputProps('requestedOn')} />
        <MoneyInput label="Montant demandé" required {...form.getInputProps('amountRequestedCents')} />
        <Select
          label="Versée à"
          required
          data={optionsOf(AID_PAYEE_LABELS).filter(
            (o) => o.value !== 'rent_account' || list.contracts.length > 0,
          )}
          {...form.getInputProps('payee')}
        />
        {(payee === 'landlord' || payee === 'association') && (
          <OrganisationSelect
            label={payee === 'landlord' ? 'Bailleur' : 'Association'}
            type={payee}
            {...form.getInputProps('payeeOrganisationId')}
          />
        )}
        {payee === 'rent_account' && (
          <Select
            label="Compte locatif du contrat"
            required
            data={list.contracts.map((c) => ({ value: c.id, label: c.label }))}
            {...form.getInputProps('contractId')}
          />
        )}
        {kind === 'aide_sur_quittance' && (
          <>
            <NumberInput
              label="Mois de loyer couverts"
              description="De 1 à 3 mois."
              min={1}
              max={3}
              allowDecimal={false}
              required
              {...form.getInputProps('months')}
            />
            {renewable.length > 0 && (
              <Select
                label="Renouvelle l’aide"
                description="Une aide sur quittance se renouvelle une fois."
                clearable
                data={renewable.map((a) => ({
                  value: a.id,
                  label: `Aide du ${formatDate(a.requestedOn)} (${a.months ?? ''} mois)`,
                }))}
                {...form.getInputProps('renewsAidId')}
              />
            )}
          </>
        )}
      </SimpleGrid>
      <Textarea label="Remarque" autosize minRows={2} {...form.getInputProps('note')} />
    </FormDialog>
  );
}

type DecisionValues = {
  outcome: 'granted' | 'refused' | null;
  decidedOn: string | null;
  amountGrantedCents: number | null;
  reason: string;
  firstInstalmentOn: string | null;
  monthlyCents: number | null;
  months: number | string;
};

function DecisionDialog({ aid, onClose }: { aid: TAid; onClose: () => void }) {
  const body = (v: DecisionValues) =>
    v.outcome === 'refused'
      ? {
          outcome: 'refused' as const,
          decidedOn: v.decidedOn ?? '',
          reason: v.reason,
          rowVersion: aid.rowVersion,
        }
      : {
          outcome: 'granted' as const,
          decidedOn: v.decidedOn ?? '',
          amountGrantedCents: v.amountGrantedCents ?? 0,
          repaymentSchedule:
            aid.form === 'loan'
              ? {
                  firstInstalmentOn: v.firstInstalmentOn ?? '',
                  monthlyCents: v.monthlyCents ?? 0,
                  months: Number(v.months),
                }
              : null,
          rowVersion: aid.rowVersion,
        };
  const form = useBodyForm<DecisionValues>(
    {
      outcome: null,
      decidedOn: parisToday(),
      amountGrantedCents: aid.amountRequestedCents,
      reason: '',
      firstInstalmentOn: null,
      monthlyCents: null,
      months: 12,
    },
    ZAidDecision,
    body,
    { outcome: 'Indiquez si l’aide est accordée ou refusée.' },
  );
  const decide = useRouteMutation(HOUSING_AID_ROUTES.decide, {
    form,
    invalidate: [aidsKey(aid.householdId)],
    successMessage: 'Décision enregistrée.',
    onSuccess: onClose,
  });
  return (
    <FormDialog
      title={`Décision : ${AID_KIND_LABELS[aid.kind]}`}
      intro={`Demandée le ${formatDate(aid.requestedOn)} à ${aid.funderName}, pour ${formatCents(aid.amountRequestedCents)}.`}
      form={form}
      mutation={decide}
      onClose={onClose}
      onSubmit={(v) => decide.mutate({ params: { id: aid.householdId, aidId: aid.id }, body: body(v) })}
      submitLabel="Enregistrer la décision"
    >
      <Select
        label="Décision"
        required
        data={[
          { value: 'granted', label: 'Accordée' },
          { value: 'refused', label: 'Refusée' },
        ]}
        {...form.getInputProps('outcome')}
      />
      <DateField label="Décidée le" required {...form.getInputProps('decidedOn')} />
      {form.values.outcome === 'granted' && (
        <MoneyInput label="Montant accordé" required {...form.getInputProps('amountGrantedCents')} />
      )}
      {form.values.outcome === 'granted' && aid.form === 'loan' && (
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <DateField label="Première échéance" required {...form.getInputProps('firstInstalmentOn')} />
          <MoneyInput label="Mensualité" required {...form.getInputProps('monthlyCents')} />
          <NumberInput label="Nombre de mois" required min={1} max={120} {...form.getInputProps('months')} />
        </SimpleGrid>
      )}
      {form.values.outcome === 'refused' && (
        <Textarea label="Motif du refus" required autosize minRows={2} {...form.getInputProps('reason')} />
      )}
    </FormDialog>
  );
}

function PaymentDialog({ aid, onClose }: { aid: TAid; onClose: () => void }) {
  const left = (aid.amountGrantedCents ?? 0) - aid.amountPaidCents;
  const body = (v: { paidOn: string | null; amountCents: number | null }) => ({
    paidOn: v.paidOn ?? '',
    amountCents: v.amountCents ?? 0,
    rowVersion: aid.rowVersion,
  });
  const form = useBodyForm(
    { paidOn: parisToday() as string | null, amountCents: left as number | null },
    ZAidPayment,
    body,
  );
  const pay = useRouteMutation(HOUSING_AID_ROUTES.pay, {
    form,
    invalidate: [aidsKey(aid.householdId)],
    successMessage: 'Versement enregistré.',
    onSuccess: onClose,
  });
  return (
    <FormDialog
      title={`Versement : ${AID_KIND_LABELS[aid.kind]}`}
      intro={`Reste à verser : ${formatCents(left)}${aid.payee === 'rent_account' ? ' ; le versement est passé au compte locatif.' : '.'}`}
      form={form}
      mutation={pay}
      onClose={onClose}
      onSubmit={(v) => pay.mutate({ params: { id: aid.householdId, aidId: aid.id }, body: body(v) })}
      submitLabel="Enregistrer le versement"
    >
      <DateField label="Versée le" required {...form.getInputProps('paidOn')} />
      <MoneyInput label="Montant versé" required {...form.getInputProps('amountCents')} />
    </FormDialog>
  );
}

function RepaymentDialog({ aid, onClose }: { aid: TAid; onClose: () => void }) {
  const left = aid.amountPaidCents - aid.repaidCents;
  const due = aid.instalments.find((i) => i.status !== 'repaid');
  const body = (v: { paidOn: string | null; amountCents: number | null }) => ({
    paidOn: v.paidOn ?? '',
    amountCents: v.amountCents ?? 0,
  });
  const form = useBodyForm(
    { paidOn: parisToday() as string | null, amountCents: (due?.shortfallCents ?? left) as number | null },
    ZAidRepayment,
    body,
  );
  const repay = useRouteMutation(HOUSING_AID_ROUTES.repay, {
    form,
    invalidate: [aidsKey(aid.householdId)],
    successMessage: 'Remboursement enregistré.',
    onSuccess: onClose,
  });
  return (
    <FormDialog
      title={`Remboursement : ${AID_KIND_LABELS[aid.kind]}`}
      intro={`Prêté : ${formatCents(aid.amountPaidCents)} ; reste à rembourser : ${formatCents(left)}.`}
      form={form}
      mutation={repay}
      onClose={onClose}
      onSubmit={(v) => repay.mutate({ params: { id: aid.householdId, aidId: aid.id }, body: body(v) })}
      submitLabel="Enregistrer le remboursement"
    >
      <DateField label="Remboursé le" required {...form.getInputProps('paidOn')} />
      <MoneyInput label="Montant remboursé" required {...form.getInputProps('amountCents')} />
    </FormDialog>
  );
}
