import { useState } from 'react';
import { Alert, Badge, Button, Group, List, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { atLeast, canEditHousehold } from '@shared/access/household-access.ts';
import {
  BENEFIT_PAYEE_LABELS,
  INSTRUMENT_STATUS_LABELS,
  PREVENTION_INSTRUMENT_LABELS,
  ZInstrumentChange,
  ZInstrumentCreate,
  ZProcedureBalanceCreate,
  ZProcedureFactsInput,
  type BenefitPayee,
  type InstrumentStatus,
  type PreventionInstrument,
  type TEvictionPrevention,
} from '@shared/contracts/eviction-prevention.ts';
import type { THouseholdDetail } from '@shared/contracts/households.ts';
import { LESSOR_KIND_LABELS, type LessorKind } from '@shared/contracts/housing-stock.ts';
import { formatCents, formatDate, formatLongDate } from '@shared/format.ts';
import { EVICTION_PREVENTION_ROUTES as R } from '@shared/routes/eviction-prevention.ts';
import { parisToday } from '@shared/time.ts';
import { routeKey, useRouteMutation, useRouteQuery } from '../../api/routes.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { DateField } from '../../components/DateField.tsx';
import { FormDialog, useBodyForm } from '../../components/FormDialog.tsx';
import { MoneyInput } from '../../components/MoneyInput.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { Facts } from './Facts.tsx';
import { optionsOf } from './organisations.ts';

type Dialog =
  | { kind: 'facts' }
  | { kind: 'balance' }
  | { kind: 'instrument' }
  | { kind: 'instrumentState'; id: string; label: string };

/**
 * The legal deadlines of the household's eviction procedure, computed by the public calculator from
 * the record, each stage with what the support worker can do, the debt's balances and the instruments
 * used. Shown to who reads the file at a party's level, once a procedure exists.
 */
export function EvictionPreventionPanel({ file }: { file: THouseholdDetail }) {
  if (!file.evictionProcedure || !atLeast(file.accessLevel, 'party')) return null;
  return <Prevention file={file} />;
}

function Prevention({ file }: { file: THouseholdDetail }) {
  const target = { params: { id: file.id } };
  const query = useRouteQuery(R.get, target);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const editable = canEditHousehold(file.accessLevel) && file.evictionProcedure?.closedOn === null;
  const close = () => setDialog(null);
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        Délais légaux et prévention de l’expulsion
      </Title>
      <QueryState query={query} loadingLabel="Calcul des délais…">
        {(p) =>
          p && (
            <Stack gap="md">
              <Deadlines prevention={p} />
              <Title order={3} size="h5">
                Bail et loyer retenus pour le calcul
              </Title>
              <Facts
                items={[
                  {
                    label: 'Bail signé le',
                    value: p.facts.leaseSignedOn && formatDate(p.facts.leaseSignedOn),
                  },
                  { label: 'Bailleur', value: p.facts.lessorKind && LESSOR_KIND_LABELS[p.facts.lessorKind] },
                  {
                    label: 'Loyer mensuel',
                    value: p.facts.monthlyRentCents !== null ? formatCents(p.facts.monthlyRentCents) : null,
                  },
                  {
                    label: 'Charges mensuelles',
                    value:
                      p.facts.monthlyChargesCents !== null ? formatCents(p.facts.monthlyChargesCents) : null,
                  },
                  {
                    label: 'Aide au logement',
                    value:
                      p.facts.benefitPaidTo === 'none'
                        ? BENEFIT_PAYEE_LABELS.none
                        : `${formatCents(p.facts.monthlyBenefitCents ?? 0)}, ${BENEFIT_PAYEE_LABELS[p.facts.benefitPaidTo].toLowerCase()}`,
                  },
                  {
                    label: 'Audience prévue le',
                    value: p.facts.hearingScheduledOn && formatDate(p.facts.hearingScheduledOn),
                  },
                ]}
              />
              {editable && (
                <Group>
                  <Button variant="light" onClick={() => setDialog({ kind: 'facts' })}>
                    Modifier le bail, le loyer ou l’audience
                  </Button>
                </Group>
              )}
              <Balances
                prevention={p}
                householdId={file.id}
                editable={editable}
                onAdd={() => setDialog({ kind: 'balance' })}
              />
              <Stages prevention={p} />
              <Instruments prevention={p} editable={editable} open={setDialog} />
              {dialog?.kind === 'facts' && (
                <FactsDialog prevention={p} householdId={file.id} onClose={close} />
              )}
              {dialog?.kind === 'balance' && <BalanceDialog householdId={file.id} onClose={close} />}
              {dialog?.kind === 'instrument' && <InstrumentDialog householdId={file.id} onClose={close} />}
              {dialog?.kind === 'instrumentState' && (
                <InstrumentStateDialog
                  householdId={file.id}
                  instrumentId={dialog.id}
                  label={dialog.label}
                  onClose={close}
                />
              )}
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}

function Deadlines({ prevention }: { prevention: TEvictionPrevention }) {
  return (
    <>
      {prevention.timelineProblem && (
        <Alert color="yellow" title="Délais non calculés">
          {prevention.timelineProblem}
        </Alert>
      )}
      <DataTable
        caption="Délais légaux de la procédure"
        rows={prevention.deadlines}
        rowKey={(d) => d.code}
        columns={[
          { key: 'label', header: 'Délai', render: (d) => d.label },
          {
            key: 'date',
            header: 'Date',
            render: (d) => (d.date ? formatLongDate(d.date) : 'Non applicable pour l’instant'),
          },
          { key: 'rule', header: 'Référence', render: (d) => d.rule ?? '—', hideOnSmall: true },
        ]}
      />
    </>
  );
}

function Balances({
  prevention,
  householdId,
  editable,
  onAdd,
}: {
  prevention: TEvictionPrevention;
  householdId: string;
  editable: boolean;
  onAdd: () => void;
}) {
  const remove = useRouteMutation(R.removeBalance, {
    invalidate: [routeKey(R.get, { params: { id: householdId } })],
    successMessage: 'Solde retiré.',
  });
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        Dette locative
      </Title>
      {prevention.debtSource === 'rent_account' && (
        <>
          <Text size="sm">
            Selon le compte locatif tenu dans Relais (noter un solde à la main le remplace pour le calcul) :
          </Text>
          <DataTable
            caption="Dette selon le compte locatif"
            rows={prevention.accountBalances}
            rowKey={(b) => b.on}
            columns={[
              { key: 'on', header: 'À partir du', render: (b) => formatDate(b.on) },
              { key: 'amount', header: 'Dette', render: (b) => formatCents(b.amountCents) },
            ]}
          />
        </>
      )}
      {prevention.debtSource === 'landlord_file' && prevention.landlordFile && (
        <>
          <Text size="sm">
            Selon le fichier d’impayés du bailleur du {formatDate(prevention.landlordFile.asOf)}
            {prevention.landlordFile.landlordName && ` (${prevention.landlordFile.landlordName})`}, importé
            dans Relais (noter un solde à la main le remplace pour le calcul) :
          </Text>
          <DataTable
            caption="Dette selon les fichiers d’impayés du bailleur"
            rows={prevention.landlordFile.balances}
            rowKey={(b) => b.on}
            columns={[
              { key: 'on', header: 'Au', render: (b) => formatDate(b.on) },
              { key: 'amount', header: 'Dette', render: (b) => formatCents(b.amountCents) },
              {
                key: 'months',
                header: 'Mois de loyer',
                render: (b) => (b.months === null ? '—' : b.months.toLocaleString('fr-FR')),
              },
            ]}
          />
        </>
      )}
      <DataTable
        caption="Dette locative par date"
        rows={prevention.balances}
        rowKey={(b) => b.id}
        emptyTitle="Aucun solde noté"
        emptyDescription="Notez la dette que le compte du bailleur indique, à chaque date où elle change."
        columns={[
          { key: 'on', header: 'À partir du', render: (b) => formatDate(b.on) },
          { key: 'amount', header: 'Dette', render: (b) => formatCents(b.amountCents) },
          ...(editable
            ? [
                {
                  key: 'remove',
                  header: 'Action',
                  render: (b: TEvictionPrevention['balances'][number]) => (
                    <ConfirmButton
                      size="xs"
                      variant="default"
                      danger
                      aria-label={`Retirer le solde du ${formatDate(b.on)}`}
                      title={`Retirer le solde du ${formatDate(b.on)} noté par erreur ?`}
                      confirmLabel="Retirer"
                      onConfirm={() => remove.mutateAsync({ params: { id: householdId, balanceId: b.id } })}
                    >
                      Retirer
                    </ConfirmButton>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editable && (
        <Group>
          <Button variant="light" onClick={onAdd}>
            Noter la dette à une date
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function Stages({ prevention }: { prevention: TEvictionPrevention }) {
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        Étapes de la procédure et ce que l’intervenant peut faire
      </Title>
      <List spacing="sm" aria-label="Étapes de la procédure">
        {prevention.stages.map((s) => (
          <List.Item key={s.label}>
            <Group gap="xs">
              <Text fw={600}>{s.label}</Text>
              {s.current ? (
                <Badge color="orange">Étape actuelle</Badge>
              ) : (
                s.reached && <Badge variant="light">Atteinte</Badge>
              )}
            </Group>
            <Text size="sm">{s.actions}</Text>
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}

function Instruments({
  prevention,
  editable,
  open,
}: {
  prevention: TEvictionPrevention;
  editable: boolean;
  open: (d: Dialog) => void;
}) {
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        Outils de prévention mobilisés
      </Title>
      <DataTable
        caption="Outils de prévention mobilisés"
        rows={prevention.instruments}
        rowKey={(i) => i.id}
        emptyTitle="Aucun outil noté"
        columns={[
          { key: 'instrument', header: 'Outil', render: (i) => PREVENTION_INSTRUMENT_LABELS[i.instrument] },
          {
            key: 'status',
            header: 'État',
            render: (i) => `${INSTRUMENT_STATUS_LABELS[i.status]} le ${formatDate(i.on)}`,
          },
          {
            key: 'history',
            header: 'Historique',
            hideOnSmall: true,
            render: (i) =>
              i.history.map((h) => `${INSTRUMENT_STATUS_LABELS[h.status]} (${formatDate(h.on)})`).join(', '),
          },
          ...(editable
            ? [
                {
                  key: 'change',
                  header: 'Action',
                  render: (i: TEvictionPrevention['instruments'][number]) => (
                    <Button
                      size="xs"
                      variant="default"
                      aria-label={`Changer l’état : ${PREVENTION_INSTRUMENT_LABELS[i.instrument]}`}
                      onClick={() =>
                        open({
                          kind: 'instrumentState',
                          id: i.id,
                          label: PREVENTION_INSTRUMENT_LABELS[i.instrument],
                        })
                      }
                    >
                      Changer l’état
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editable && (
        <Group>
          <Button variant="light" onClick={() => open({ kind: 'instrument' })}>
            Noter un outil de prévention
          </Button>
        </Group>
      )}
    </Stack>
  );
}

interface FactsValues extends Record<string, unknown> {
  leaseSignedOn: string | null;
  lessorKind: LessorKind | null;
  monthlyRentCents: number | null;
  monthlyChargesCents: number | null;
  monthlyBenefitCents: number | null;
  benefitPaidTo: BenefitPayee;
  hearingScheduledOn: string | null;
}

const refresh = (householdId: string) => [routeKey(R.get, { params: { id: householdId } })];

function FactsDialog({
  prevention,
  householdId,
  onClose,
}: {
  prevention: TEvictionPrevention;
  householdId: string;
  onClose: () => void;
}) {
  const { version, ...facts } = prevention.facts;
  const body = (v: FactsValues) => ({ ...v, version });
  const form = useBodyForm<FactsValues>(facts, ZProcedureFactsInput, body);
  const save = useRouteMutation(R.saveFacts, {
    form,
    invalidate: refresh(householdId),
    successMessage: 'Bail et loyer enregistrés : les délais sont recalculés.',
    onSuccess: onClose,
  });
  return (
    <FormDialog
      title="Bail, loyer et audience"
      intro="Les délais légaux sont calculés à partir de ces éléments et des étapes notées de la procédure."
      form={form}
      mutation={save}
      onSubmit={(v) => save.mutate({ params: { id: householdId }, body: body(v) })}
      onClose={onClose}
      submitLabel="Enregistrer"
    >
      <DateField label="Date de signature du bail" {...form.getInputProps('leaseSignedOn')} />
      <Select label="Bailleur" data={optionsOf(LESSOR_KIND_LABELS)} {...form.getInputProps('lessorKind')} />
      <MoneyInput label="Loyer mensuel (hors charges)" {...form.getInputProps('monthlyRentCents')} />
      <MoneyInput label="Charges mensuelles" {...form.getInputProps('monthlyChargesCents')} />
      <Select
        label="Aide au logement"
        data={optionsOf(BENEFIT_PAYEE_LABELS)}
        allowDeselect={false}
        {...form.getInputProps('benefitPaidTo')}
      />
      {form.values.benefitPaidTo !== 'none' && (
        <MoneyInput label="Montant mensuel de l’aide" {...form.getInputProps('monthlyBenefitCents')} />
      )}
      <DateField label="Date de l’audience prévue" {...form.getInputProps('hearingScheduledOn')} />
    </FormDialog>
  );
}

function BalanceDialog({ householdId, onClose }: { householdId: string; onClose: () => void }) {
  type V = { on: string | null; amountCents: number | null };
  const form = useBodyForm<V>({ on: parisToday(), amountCents: null }, ZProcedureBalanceCreate, (v) => v, {
    amountCents: 'Indiquez le montant de la dette.',
  });
  const add = useRouteMutation(R.recordBalance, {
    form,
    invalidate: refresh(householdId),
    successMessage: 'Dette notée : les délais sont recalculés.',
    onSuccess: onClose,
  });
  return (
    <FormDialog
      title="Noter la dette à une date"
      intro="La dette vaut à partir de cette date, jusqu’au solde suivant."
      form={form}
      mutation={add}
      onSubmit={(v) => add.mutate({ params: { id: householdId }, body: ZProcedureBalanceCreate.parse(v) })}
      onClose={onClose}
      submitLabel="Noter"
    >
      <DateField label="À partir du" required {...form.getInputProps('on')} />
      <MoneyInput label="Dette" required {...form.getInputProps('amountCents')} />
    </FormDialog>
  );
}

function InstrumentDialog({ householdId, onClose }: { householdId: string; onClose: () => void }) {
  type V = {
    instrument: PreventionInstrument | null;
    status: InstrumentStatus;
    on: string | null;
    note: string;
  };
  const form = useBodyForm<V>(
    { instrument: null, status: 'considered', on: parisToday(), note: '' },
    ZInstrumentCreate,
    (v) => v,
    {
      instrument: 'Choisissez l’outil.',
    },
  );
  const add = useRouteMutation(R.addInstrument, {
    form,
    invalidate: refresh(householdId),
    successMessage: 'Outil de prévention noté.',
    onSuccess: onClose,
  });
  return (
    <FormDialog
      title="Noter un outil de prévention"
      form={form}
      mutation={add}
      onSubmit={(v) => add.mutate({ params: { id: householdId }, body: ZInstrumentCreate.parse(v) })}
      onClose={onClose}
      submitLabel="Noter"
    >
      <Select
        label="Outil"
        required
        data={optionsOf(PREVENTION_INSTRUMENT_LABELS)}
        {...form.getInputProps('instrument')}
      />
      <StateFields inputProps={(key) => form.getInputProps(key)} />
    </FormDialog>
  );
}

function InstrumentStateDialog({
  householdId,
  instrumentId,
  label,
  onClose,
}: {
  householdId: string;
  instrumentId: string;
  label: string;
  onClose: () => void;
}) {
  type V = { status: InstrumentStatus; on: string | null; note: string };
  const form = useBodyForm<V>({ status: 'granted', on: parisToday(), note: '' }, ZInstrumentChange, (v) => v);
  const change = useRouteMutation(R.changeInstrument, {
    form,
    invalidate: refresh(householdId),
    successMessage: 'État de l’outil enregistré.',
    onSuccess: onClose,
  });
  return (
    <FormDialog
      title={`Changer l’état : ${label}`}
      form={form}
      mutation={change}
      onSubmit={(v) =>
        change.mutate({ params: { id: householdId, instrumentId }, body: ZInstrumentChange.parse(v) })
      }
      onClose={onClose}
      submitLabel="Enregistrer"
    >
      <StateFields inputProps={(key) => form.getInputProps(key)} />
    </FormDialog>
  );
}

/** An instrument's state, its date and a note: what both instrument dialogs ask. */
function StateFields({
  inputProps,
}: {
  inputProps: (key: 'status' | 'on' | 'note') => ReturnType<UseFormReturnType<object>['getInputProps']>;
}) {
  return (
    <>
      <Select
        label="État"
        allowDeselect={false}
        data={optionsOf(INSTRUMENT_STATUS_LABELS)}
        {...inputProps('status')}
      />
      <DateField label="Date" required {...inputProps('on')} />
      <TextInput label="Précision" {...inputProps('note')} />
    </>
  );
}
