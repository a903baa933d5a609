import { Select, Textarea } from '@mantine/core';
import { useNavigate } from 'react-router-dom';
import {
  ZContractActivate,
  ZContractDocumentAttach,
  ZContractEnd,
  ZContractEventCreate,
  ZContractHouseholdLink,
  ZContractHouseholdUnlink,
  ZContractRenew,
  type TContract,
} from '@shared/contracts/leases.ts';
import {
  CONTRACT_EVENT_LABELS,
  END_OUTCOME_LABELS,
  LEASE_PARTIES,
  LEASE_PARTY_LABELS,
  endOutcomesFor,
  isSlidingKind,
  recordableEvents,
  type ContractEvent,
  type EndOutcome,
  type LeaseParty,
} from '@shared/leases/contract-rules.ts';
import { HOUSEHOLD_ROUTES } from '@shared/routes/households.ts';
import { LEASE_ROUTES } from '@shared/routes/leases.ts';
import { parisToday } from '@shared/time.ts';
import { useRouteMutation, useRouteQuery } from '../../api/routes.ts';
import { DateField } from '../../components/DateField.tsx';
import { FormDialog, useBodyForm } from '../../components/FormDialog.tsx';
import { HouseholdSelect } from '../../components/HouseholdSelect.tsx';
import { PATHS } from '../../paths.ts';
import { contractChangedKeys } from './lease-ui.tsx';

export interface ContractDialogProps {
  contract: TContract;
  onClose: () => void;
  reload: () => void;
}

/** What every action does once done: refresh the lists (the page shows the answer), confirm, close. */
export const doneWith = ({ contract, onClose }: ContractDialogProps, successMessage: string) => ({
  invalidate: contractChangedKeys(contract.household?.id ?? null),
  successMessage,
  onSuccess: onClose,
});

export function ActivateDialog(props: ContractDialogProps) {
  const { contract } = props;
  const body = (v: { on: string | null }) => ({ rowVersion: contract.rowVersion, on: v.on ?? '' });
  const form = useBodyForm<{ on: string | null }>({ on: contract.startOn }, ZContractActivate, body);
  const activate = useRouteMutation(LEASE_ROUTES.activate, {
    form,
    ...doneWith(props, 'Contrat en vigueur.'),
  });
  return (
    <FormDialog
      title="Mettre le contrat en vigueur"
      intro="Le contrat passe « En cours ». Pour un bail glissant, l’examen du glissement devient une tâche du référent."
      form={form}
      mutation={activate}
      onSubmit={(v) => activate.mutate({ params: { id: contract.id }, body: body(v) })}
      onReload={props.reload}
      onClose={props.onClose}
      submitLabel="Mettre en vigueur"
    >
      <DateField label="Entrée en vigueur le" required {...form.getInputProps('on')} />
    </FormDialog>
  );
}

type EventValues = { event: ContractEvent | null; occurredOn: string | null; note: string };

export function EventDialog(props: ContractDialogProps) {
  const { contract } = props;
  // A missing choice goes as null: the form's check names the field before anything is sent.
  const body = (v: EventValues) => ({
    event: v.event as ContractEvent,
    occurredOn: v.occurredOn ?? '',
    note: v.note,
  });
  const form = useBodyForm<EventValues>(
    { event: null, occurredOn: parisToday(), note: '' },
    ZContractEventCreate,
    body,
    { event: 'Choisissez l’événement.' },
  );
  const record = useRouteMutation(LEASE_ROUTES.recordEvent, { form, ...doneWith(props, 'Événement noté.') });
  return (
    <FormDialog
      title="Noter un événement"
      form={form}
      mutation={record}
      onSubmit={(v) => record.mutate({ params: { id: contract.id }, body: body(v) })}
      onClose={props.onClose}
      submitLabel="Noter"
    >
      <Select
        label="Événement"
        required
        data={recordableEvents(contract.kind).map((e) => ({ value: e, label: CONTRACT_EVENT_LABELS[e] }))}
        {...form.getInputProps('event')}
      />
      <DateField label="Date" required {...form.getInputProps('occurredOn')} />
      <Textarea label="Note" autosize minRows={2} {...form.getInputProps('note')} />
    </FormDialog>
  );
}

type RenewValues = {
  on: string | null;
  slidingReviewOn: string | null;
  endOn: string | null;
  objectives: string;
};

export function RenewDialog(props: ContractDialogProps) {
  const { contract } = props;
  const sliding = isSlidingKind(contract.kind);
  const body = (v: RenewValues) => ({
    rowVersion: contract.rowVersion,
    on: v.on ?? '',
    slidingReviewOn: v.slidingReviewOn,
    endOn: v.endOn,
    objectives: v.objectives,
  });
  const form = useBodyForm<RenewValues>(
    { on: parisToday(), slidingReviewOn: null, endOn: null, objectives: '' },
    ZContractRenew,
    body,
  );
  const renew = useRouteMutation(LEASE_ROUTES.renew, { form, ...doneWith(props, 'Contrat renouvelé.') });
  return (
    <FormDialog
      title="Renouveler le contrat"
      form={form}
      mutation={renew}
      onSubmit={(v) => renew.mutate({ params: { id: contract.id }, body: body(v) })}
      onReload={props.reload}
      onClose={props.onClose}
      submitLabel="Renouveler"
    >
      <DateField label="Renouvelé le" required {...form.getInputProps('on')} />
      {sliding && (
        <DateField
          label="Nouvel examen du glissement"
          description="Laissé vide : 12 mois après l’examen prévu. Format : JJ/MM/AAAA"
          {...form.getInputProps('slidingReviewOn')}
        />
      )}
      {contract.endOn && <DateField label="Nouveau dernier jour" {...form.getInputProps('endOn')} />}
      <Textarea label="Objectifs" autosize minRows={2} {...form.getInputProps('objectives')} />
    </FormDialog>
  );
}

type EndValues = {
  endOn: string | null;
  outcome: EndOutcome | null;
  reason: string;
  party: LeaseParty | null;
};

export function EndDialog(props: ContractDialogProps) {
  const { contract } = props;
  const body = (v: EndValues) => ({
    rowVersion: contract.rowVersion,
    endOn: v.endOn ?? '',
    outcome: v.outcome as EndOutcome,
    reason: v.reason,
    party: v.party,
  });
  const form = useBodyForm<EndValues>(
    { endOn: parisToday(), outcome: null, reason: '', party: null },
    ZContractEnd,
    body,
    { outcome: 'Choisissez l’issue du contrat.' },
  );
  const end = useRouteMutation(LEASE_ROUTES.end, { form, ...doneWith(props, 'Fin du contrat enregistrée.') });
  return (
    <FormDialog
      title="Mettre fin au contrat"
      form={form}
      mutation={end}
      onSubmit={(v) => end.mutate({ params: { id: contract.id }, body: body(v) })}
      onReload={props.reload}
      onClose={props.onClose}
      submitLabel="Mettre fin"
      danger
    >
      <DateField label="Dernier jour du contrat" required {...form.getInputProps('endOn')} />
      <Select
        label="Issue"
        required
        data={endOutcomesFor(contract.kind).map((o) => ({ value: o, label: END_OUTCOME_LABELS[o] }))}
        {...form.getInputProps('outcome')}
      />
      {form.values.outcome === 'denounced' && (
        <Select
          label="Partie qui dénonce"
          required
          data={LEASE_PARTIES.map((p) => ({ value: p, label: LEASE_PARTY_LABELS[p] }))}
          {...form.getInputProps('party')}
        />
      )}
      <Textarea
        label="Motif"
        required={form.values.outcome === 'denounced'}
        autosize
        minRows={2}
        {...form.getInputProps('reason')}
      />
    </FormDialog>
  );
}

type AttachValues = { householdDocumentId: string | null; label: string };

export function AttachDialog(props: ContractDialogProps & { householdId: string }) {
  const { contract } = props;
  const documents = useRouteQuery(HOUSEHOLD_ROUTES.documents, { params: { id: props.householdId } });
  const body = (v: AttachValues) => ({ householdDocumentId: v.householdDocumentId ?? '', label: v.label });
  const form = useBodyForm<AttachValues>(
    { householdDocumentId: null, label: '' },
    ZContractDocumentAttach,
    body,
    {
      householdDocumentId: 'Choisissez un document du dossier.',
    },
  );
  const attach = useRouteMutation(LEASE_ROUTES.attachDocument, {
    form,
    ...doneWith(props, 'Document joint.'),
  });
  return (
    <FormDialog
      title="Joindre un document du dossier"
      intro="Déposez d’abord le document dans l’onglet « Notes & documents » du dossier du ménage."
      form={form}
      mutation={attach}
      onSubmit={(v) => attach.mutate({ params: { id: contract.id }, body: body(v) })}
      onClose={props.onClose}
      submitLabel="Joindre"
    >
      <Select
        label="Document"
        required
        data={(documents.data?.items ?? []).map((d) => ({ value: d.id, label: d.fileName }))}
        {...form.getInputProps('householdDocumentId')}
      />
      <Select
        label="Nature du document"
        required
        data={['Bail', 'Convention tripartite', 'Décision de la CCAPEX', 'État des lieux', 'Avenant']}
        searchable
        {...form.getInputProps('label')}
      />
    </FormDialog>
  );
}

/** « Rattacher au dossier du ménage »: one of the files the reader's organisation may open. */
export function LinkHouseholdDialog(props: ContractDialogProps) {
  const { contract } = props;
  const body = (v: { householdId: string | null }) => ({
    householdId: v.householdId ?? '',
    rowVersion: contract.rowVersion,
  });
  const form = useBodyForm<{ householdId: string | null }>(
    { householdId: null },
    ZContractHouseholdLink,
    body,
    { householdId: 'Choisissez le dossier du ménage.' },
  );
  const link = useRouteMutation(LEASE_ROUTES.linkHousehold, {
    form,
    ...doneWith(props, 'Contrat rattaché au dossier du ménage.'),
  });
  return (
    <FormDialog
      title="Rattacher au dossier du ménage"
      intro="Le contrat apparaîtra dans l’onglet « Logement » du dossier ; ses documents pourront y être joints et les soldes des fichiers d’impayés du bailleur serviront au suivi de la procédure d’expulsion."
      form={form}
      mutation={link}
      onSubmit={(v) => link.mutate({ params: { id: contract.id }, body: body(v) })}
      onReload={props.reload}
      onClose={props.onClose}
      submitLabel="Rattacher"
    >
      <HouseholdSelect required {...form.getInputProps('householdId')} />
    </FormDialog>
  );
}

/**
 * « Détacher »: the contract leaves the file it was attached to by mistake, with the reason. A party
 * to the contract stays on its page; a social worker who read it through that file no longer may, and
 * goes back to the file.
 */
export function UnlinkHouseholdDialog(props: ContractDialogProps) {
  const { contract } = props;
  const navigate = useNavigate();
  const body = (v: { reason: string }) => ({ reason: v.reason, rowVersion: contract.rowVersion });
  const form = useBodyForm<{ reason: string }>({ reason: '' }, ZContractHouseholdUnlink, body);
  const done = doneWith(props, 'Contrat détaché du dossier du ménage.');
  const unlink = useRouteMutation(LEASE_ROUTES.unlinkHousehold, {
    form,
    ...done,
    onSuccess: (detached) => {
      done.onSuccess();
      if (!detached.canLinkHousehold && contract.household) navigate(PATHS.household(contract.household.id));
    },
  });
  return (
    <FormDialog
      title="Détacher du dossier du ménage"
      intro="Le contrat garde le nom de l’occupant ; le motif est conservé dans son historique."
      form={form}
      mutation={unlink}
      onSubmit={(v) => unlink.mutate({ params: { id: contract.id }, body: body(v) })}
      onReload={props.reload}
      onClose={props.onClose}
      submitLabel="Détacher"
    >
      <Textarea label="Motif" required autosize minRows={2} {...form.getInputProps('reason')} />
    </FormDialog>
  );
}
