import { NumberInput, SegmentedControl, Select, Stack, TextInput } from '@mantine/core';
import {
  ZAccountClose,
  ZAccountOpen,
  ZCounterEntry,
  ZManualPosting,
  ZMonthlyCalls,
  ZPaymentInput,
  ZPlanInput,
  type TPlan,
  type TPosting,
} from '@shared/contracts/rent-accounts.ts';
import {
  MANUAL_KINDS,
  PAYMENT_METHOD_LABELS,
  POSTING_KIND_LABELS,
  SIGN_OF,
  type ManualKind,
  type PaymentMethod,
} from '@shared/rent-accounts/postings.ts';
import { RENT_ACCOUNT_ROUTES as R } from '@shared/routes/rent-accounts.ts';
import { formatCents, formatDate, formatMonth } from '@shared/format.ts';
import { parisToday } from '@shared/time.ts';
import { routeKey, useRouteMutation } from '../../api/routes.ts';
import { DateField } from '../../components/DateField.tsx';
import { FormDialog, useBodyForm } from '../../components/FormDialog.tsx';
import { MoneyInput } from '../../components/MoneyInput.tsx';

interface DialogProps {
  contractId: string;
  onClose: () => void;
}

/** Every key under the account (its answer, its lines), refreshed after a change. */
const accountKeys = (contractId: string) => [routeKey(R.account, { params: { contractId } })];
const done = (p: DialogProps, successMessage: string) => ({
  invalidate: accountKeys(p.contractId),
  successMessage,
  onSuccess: p.onClose,
});
const params = (p: DialogProps) => ({ contractId: p.contractId });
const MONTH = /^\d{4}-\d{2}$/;
const thisMonth = () => parisToday().slice(0, 7);

/** Opening or closing the account: one dated act, each through its own route. */
const DAY_ACTS = {
  open: {
    route: R.open,
    schema: ZAccountOpen,
    title: 'Ouvrir le compte locatif',
    intro: undefined,
    label: 'Date d’ouverture',
    submitLabel: 'Ouvrir le compte',
    success: 'Compte locatif ouvert.',
  },
  close: {
    route: R.close,
    schema: ZAccountClose,
    title: 'Clore le compte locatif',
    intro: 'Un compte clos ne reçoit plus ni paiement ni écriture.',
    label: 'Date de clôture',
    submitLabel: 'Clore le compte',
    success: 'Compte locatif clos.',
  },
} as const;

function AccountDayDialog(p: DialogProps & { act: keyof typeof DAY_ACTS }) {
  const act = DAY_ACTS[p.act];
  const body = (v: { on: string | null }) => ({ on: v.on ?? '' });
  const form = useBodyForm({ on: parisToday() as string | null }, act.schema, body, {
    on: 'Indiquez la date.',
  });
  const mutation = useRouteMutation(act.route, { form, ...done(p, act.success) });
  return (
    <FormDialog
      title={act.title}
      intro={act.intro}
      form={form}
      mutation={mutation}
      onSubmit={(v) => mutation.mutate({ params: params(p), body: body(v) })}
      onClose={p.onClose}
      submitLabel={act.submitLabel}
      danger={p.act === 'close'}
    >
      <DateField label={act.label} required {...form.getInputProps('on')} />
    </FormDialog>
  );
}

export const OpenAccountDialog = (p: DialogProps) => <AccountDayDialog {...p} act="open" />;
export const CloseAccountDialog = (p: DialogProps) => <AccountDayDialog {...p} act="close" />;

type CallValues = { month: string; rlsCents: number | null; housingBenefitCents: number | null };

export function CallsDialog(p: DialogProps) {
  const body = (v: CallValues) => ({
    month: v.month,
    rlsCents: v.rlsCents ?? 0,
    housingBenefitCents: v.housingBenefitCents ?? 0,
  });
  const form = useBodyForm<CallValues>(
    { month: thisMonth(), rlsCents: null, housingBenefitCents: null },
    ZMonthlyCalls,
    body,
  );
  const calls = useRouteMutation(R.calls, { form, ...done(p, 'Appels du mois passés.') });
  return (
    <FormDialog
      title="Appeler le loyer d’un mois"
      intro="Le loyer et les charges en vigueur au premier jour du mois sont appelés ; la RLS et l’aide au logement versée au bailleur viennent en déduction. Un mois ne s’appelle qu’une fois."
      form={form}
      mutation={calls}
      onSubmit={(v) => calls.mutate({ params: params(p), body: body(v) })}
      onClose={p.onClose}
      submitLabel="Passer les appels"
    >
      <TextInput
        label="Mois"
        description={
          MONTH.test(form.values.month) ? formatMonth(form.values.month) : 'Année et mois : 2026-03'
        }
        required
        {...form.getInputProps('month')}
      />
      <MoneyInput label="Réduction de loyer de solidarité (RLS)" {...form.getInputProps('rlsCents')} />
      <MoneyInput
        label="Aide au logement versée au bailleur"
        {...form.getInputProps('housingBenefitCents')}
      />
    </FormDialog>
  );
}

type PaymentValues = {
  on: string | null;
  amountCents: number | null;
  method: string | null;
  reference: string;
};

export function PaymentDialog(p: DialogProps) {
  const body = (v: PaymentValues) => ({
    on: v.on ?? '',
    amountCents: v.amountCents ?? 0,
    // An empty choice fails the contract's check, with its French message.
    method: (v.method ?? '') as PaymentMethod,
    reference: v.reference || null,
  });
  const form = useBodyForm<PaymentValues>(
    { on: parisToday(), amountCents: null, method: null, reference: '' },
    ZPaymentInput,
    body,
    {
      on: 'Indiquez la date.',
      amountCents: 'Indiquez le montant.',
      method: 'Choisissez le moyen de paiement.',
    },
  );
  const pay = useRouteMutation(R.payment, { form, ...done(p, 'Paiement enregistré.') });
  return (
    <FormDialog
      title="Enregistrer un paiement"
      form={form}
      mutation={pay}
      onSubmit={(v) => pay.mutate({ params: params(p), body: body(v) })}
      onClose={p.onClose}
      submitLabel="Enregistrer le paiement"
    >
      <DateField label="Date du paiement" required {...form.getInputProps('on')} />
      <MoneyInput label="Montant" required {...form.getInputProps('amountCents')} />
      <Select
        label="Moyen de paiement"
        required
        data={Object.entries(PAYMENT_METHOD_LABELS).map(([value, label]) => ({ value, label }))}
        {...form.getInputProps('method')}
      />
      <TextInput label="Référence (facultatif)" {...form.getInputProps('reference')} />
    </FormDialog>
  );
}

type EntryValues = {
  on: string | null;
  kind: ManualKind;
  direction: 'owed' | 'refund';
  amountCents: number | null;
  label: string;
};

export function EntryDialog(p: DialogProps) {
  const signed = (v: EntryValues) => {
    const cents = v.amountCents ?? 0;
    const sign = SIGN_OF[v.kind];
    return sign === 0 ? (v.direction === 'refund' ? -cents : cents) : sign * cents;
  };
  const body = (v: EntryValues) => ({
    on: v.on ?? '',
    kind: v.kind,
    amountCents: signed(v),
    label: v.label || null,
  });
  const form = useBodyForm<EntryValues>(
    { on: parisToday(), kind: 'charges_regularisation', direction: 'owed', amountCents: null, label: '' },
    ZManualPosting,
    body,
    { on: 'Indiquez la date.', amountCents: 'Indiquez le montant.' },
  );
  const post = useRouteMutation(R.entry, { form, ...done(p, 'Écriture passée.') });
  return (
    <FormDialog
      title="Passer une écriture"
      intro="Régularisation de charges, indemnité d’occupation, frais de procédure, aide versée au compte ou abandon de créance."
      form={form}
      mutation={post}
      onSubmit={(v) => post.mutate({ params: params(p), body: body(v) })}
      onClose={p.onClose}
      submitLabel="Passer l’écriture"
    >
      <Select
        label="Type d’écriture"
        required
        allowDeselect={false}
        data={MANUAL_KINDS.map((value) => ({ value, label: POSTING_KIND_LABELS[value] }))}
        {...form.getInputProps('kind')}
      />
      {SIGN_OF[form.values.kind] === 0 && (
        <Stack gap={4}>
          <SegmentedControl
            aria-label="Sens de la régularisation"
            data={[
              { value: 'owed', label: 'Dû par l’occupant' },
              { value: 'refund', label: 'Remboursé à l’occupant' },
            ]}
            {...form.getInputProps('direction')}
          />
        </Stack>
      )}
      <DateField label="Date" required {...form.getInputProps('on')} />
      <MoneyInput label="Montant" required {...form.getInputProps('amountCents')} />
      <TextInput label="Libellé (facultatif)" {...form.getInputProps('label')} />
    </FormDialog>
  );
}

export function CounterEntryDialog(p: DialogProps & { posting: TPosting }) {
  const body = (v: { on: string | null; label: string }) => ({
    on: v.on ?? '',
    reversesPostingId: p.posting.id,
    label: v.label || null,
  });
  const form = useBodyForm({ on: parisToday() as string | null, label: '' }, ZCounterEntry, body, {
    on: 'Indiquez la date.',
  });
  const reverse = useRouteMutation(R.counterEntry, { form, ...done(p, 'Écriture contre-passée.') });
  return (
    <FormDialog
      title="Corriger une écriture"
      intro={`L’écriture « ${POSTING_KIND_LABELS[p.posting.kind]} » du ${formatDate(p.posting.postedOn)} (${formatCents(p.posting.amountCents)}) est annulée par une écriture exactement opposée ; elle reste visible.`}
      form={form}
      mutation={reverse}
      onSubmit={(v) => reverse.mutate({ params: params(p), body: body(v) })}
      onClose={p.onClose}
      submitLabel="Contre-passer"
      danger
    >
      <DateField label="Date de la correction" required {...form.getInputProps('on')} />
      <TextInput label="Motif (facultatif)" {...form.getInputProps('label')} />
    </FormDialog>
  );
}

type PlanValues = {
  debtCents: number | null;
  instalmentCount: number | string;
  startMonth: string;
  note: string;
};

export function PlanDialog(p: DialogProps & { renegotiates?: TPlan; balanceCents: number }) {
  const body = (v: PlanValues) => ({
    debtCents: v.debtCents ?? 0,
    instalmentCount: Number(v.instalmentCount),
    startMonth: v.startMonth,
    note: v.note || null,
  });
  const form = useBodyForm<PlanValues>(
    {
      debtCents: p.balanceCents > 0 ? p.balanceCents : null,
      instalmentCount: 12,
      startMonth: thisMonth(),
      note: '',
    },
    ZPlanInput,
    body,
    { debtCents: 'Indiquez la dette à apurer.' },
  );
  const create = useRouteMutation(R.createPlan, { form, ...done(p, 'Plan d’apurement établi.') });
  const renegotiate = useRouteMutation(R.renegotiatePlan, {
    form,
    ...done(p, 'Plan d’apurement renégocié.'),
  });
  const mutation = p.renegotiates ? renegotiate : create;
  return (
    <FormDialog
      title={p.renegotiates ? 'Renégocier le plan d’apurement' : 'Établir un plan d’apurement'}
      intro={
        p.renegotiates
          ? 'Le plan en cours est conservé, remplacé par cette nouvelle version.'
          : 'Chaque mois, l’occupant paie son loyer et sa mensualité ; la dernière mensualité arrondit au centime près.'
      }
      form={form}
      mutation={mutation}
      onSubmit={(v) =>
        p.renegotiates
          ? renegotiate.mutate({ params: { ...params(p), planId: p.renegotiates.id }, body: body(v) })
          : create.mutate({ params: params(p), body: body(v) })
      }
      onClose={p.onClose}
      submitLabel={p.renegotiates ? 'Renégocier' : 'Établir le plan'}
    >
      <MoneyInput label="Dette à apurer" required {...form.getInputProps('debtCents')} />
      <NumberInput
        label="Nombre de mensualités"
        required
        min={1}
        max={120}
        {...form.getInputProps('instalmentCount')}
      />
      <TextInput
        label="Premier mois"
        description={
          MONTH.test(form.values.startMonth) ? formatMonth(form.values.startMonth) : 'Année et mois : 2026-03'
        }
        required
        {...form.getInputProps('startMonth')}
      />
      <TextInput label="Note (facultatif)" {...form.getInputProps('note')} />
    </FormDialog>
  );
}
