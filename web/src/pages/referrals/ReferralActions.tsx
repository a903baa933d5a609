import { useState, type ReactNode } from 'react';
import { Button, Group, Modal, Paper, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import {
  CONTACT_METHOD_LABELS,
  CONTACT_OUTCOME_LABELS,
  type ContactMethod,
  type ContactOutcome,
} from '@shared/contracts/referral-enums.ts';
import {
  REFERRAL_ACTION_LABELS,
  ZContactAttemptCreate,
  ZFirstInterview,
  ZReferralAccept,
  ZReferralDecline,
  ZReferralRedirect,
  type ReferralAction,
  type TReferralDetail,
} from '@shared/contracts/referrals.ts';
import { REFERRAL_ROUTES } from '@shared/routes/referrals.ts';
import type { ApiError } from '../../api/client.ts';
import { useRouteMutation, useRouteQuery } from '../../api/routes.ts';
import { useSession } from '../../api/session.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { useBodyForm } from '../households/household-form.ts';
import { optionsOf, useOrganisations } from '../households/organisations.ts';
import { referralChangedKeys } from './referral-ui.ts';

/** `YYYY-MM-DDTHH:mm` of now in the browser's time zone, for a datetime-local input. */
function localNow(): string {
  const d = new Date();
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}
/** A datetime-local value as an ISO instant; '' stays '' so the schema reports it on the field. */
const toInstant = (local: string) => {
  const d = new Date(local);
  return local && !Number.isNaN(d.getTime()) ? d.toISOString() : '';
};

interface ActionProps {
  referral: TReferralDetail;
  onClose: () => void;
}

/** What every action does once done: refresh the referral and both lists, confirm, close. */
const done = ({ referral, onClose }: ActionProps, successMessage: string) => ({
  invalidate: referralChangedKeys(referral.id),
  successMessage,
  onSuccess: onClose,
});

interface ActionDialogProps<V> extends ActionProps {
  title: string;
  intro?: ReactNode;
  form: UseFormReturnType<V>;
  mutation: { error: ApiError | null; isPending: boolean; reset: () => void };
  /** Sends the action's request (each action calls its own route). */
  onSubmit: (values: V) => void;
  submitLabel: string;
  danger?: boolean;
  children: ReactNode;
}

/** One action on the referral in a dialog: its fields, the failure (a conflict offers a reload), submit. */
function ActionDialog<V>(props: ActionDialogProps<V>) {
  const { form, mutation } = props;
  const detail = useRouteQuery(
    REFERRAL_ROUTES.get,
    { params: { id: props.referral.id } },
    { enabled: false },
  );
  return (
    <Modal
      opened
      onClose={props.onClose}
      title={props.title}
      size="lg"
      closeButtonProps={{ 'aria-label': 'Fermer' }}
    >
      <form noValidate onSubmit={form.onSubmit((values) => props.onSubmit(values))}>
        <Stack>
          {props.intro && <Text size="sm">{props.intro}</Text>}
          {props.children}
          {/* A conflict means someone acted first: reload the referral, the dialog keeps what was typed. */}
          <ApiErrorAlert
            error={mutation.error}
            onReload={() => {
              mutation.reset();
              void detail.refetch();
            }}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              Annuler
            </Button>
            <Button type="submit" color={props.danger ? 'red' : undefined} loading={mutation.isPending}>
              {props.submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

type AcceptValues = { caseworkerUserId: string | null };

function AcceptForm(props: ActionProps) {
  const { referral } = props;
  const caseworkers = useRouteQuery(REFERRAL_ROUTES.caseworkers, {});
  const body = (v: AcceptValues) => ({
    caseworkerUserId: v.caseworkerUserId ?? '',
    version: referral.version,
  });
  const form = useBodyForm<AcceptValues>({ caseworkerUserId: null }, ZReferralAccept, body);
  const accept = useRouteMutation(REFERRAL_ROUTES.accept, { form, ...done(props, 'Saisine acceptée.') });
  return (
    <ActionDialog
      {...props}
      title="Accepter la saisine"
      intro="Le référent désigné prendra contact avec le ménage. Votre organisation devient partie au dossier."
      form={form}
      mutation={accept}
      onSubmit={(v) => accept.mutate({ params: { id: referral.id }, body: body(v) })}
      submitLabel="Accepter"
    >
      <Select
        label="Référent désigné"
        required
        searchable
        placeholder={caseworkers.isPending ? 'Chargement…' : 'Choisir un travailleur social'}
        nothingFoundMessage="Aucun travailleur social"
        data={(caseworkers.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))}
        error={caseworkers.error?.message}
        {...form.getInputProps('caseworkerUserId')}
      />
    </ActionDialog>
  );
}

function DeclineForm(props: ActionProps) {
  const { referral } = props;
  const body = (v: { reason: string }) => ({ reason: v.reason, version: referral.version });
  const form = useBodyForm({ reason: '' }, ZReferralDecline, body);
  const decline = useRouteMutation(REFERRAL_ROUTES.decline, { form, ...done(props, 'Saisine refusée.') });
  return (
    <ActionDialog
      {...props}
      title="Refuser la saisine"
      intro="L'organisation qui a fait la saisine verra le motif."
      form={form}
      mutation={decline}
      onSubmit={(v) => decline.mutate({ params: { id: referral.id }, body: body(v) })}
      submitLabel="Refuser"
      danger
    >
      <Textarea label="Motif du refus" required autosize minRows={3} {...form.getInputProps('reason')} />
    </ActionDialog>
  );
}

type RedirectValues = { toOrganisationId: string | null; reason: string };

function RedirectForm(props: ActionProps) {
  const { referral } = props;
  const me = useSession();
  const associations = useOrganisations('association');
  const body = (v: RedirectValues) => ({
    toOrganisationId: v.toOrganisationId ?? '',
    reason: v.reason,
    version: referral.version,
  });
  const form = useBodyForm<RedirectValues>({ toOrganisationId: null, reason: '' }, ZReferralRedirect, body);
  const redirect = useRouteMutation(REFERRAL_ROUTES.redirect, {
    form,
    ...done(props, 'Saisine réorientée.'),
  });
  return (
    <ActionDialog
      {...props}
      title="Réorienter la saisine"
      intro="Une nouvelle saisine est adressée à l'association choisie ; celle-ci est close comme réorientée."
      form={form}
      mutation={redirect}
      onSubmit={(v) => redirect.mutate({ params: { id: referral.id }, body: body(v) })}
      submitLabel="Réorienter"
    >
      <Select
        label="Association vers laquelle réorienter"
        required
        searchable
        nothingFoundMessage="Aucune association trouvée"
        data={(associations.data?.items ?? [])
          .filter((o) => o.id !== me.organisation?.id)
          .map((o) => ({ value: o.id, label: o.name }))}
        {...form.getInputProps('toOrganisationId')}
      />
      <Textarea
        label="Motif de la réorientation"
        required
        autosize
        minRows={3}
        {...form.getInputProps('reason')}
      />
    </ActionDialog>
  );
}

type ContactAttemptValues = {
  method: ContactMethod;
  outcome: ContactOutcome;
  attemptedAt: string;
  note: string;
};

function ContactAttemptForm(props: ActionProps) {
  const { referral } = props;
  const body = (v: ContactAttemptValues) => ({
    method: v.method,
    outcome: v.outcome,
    attemptedAt: toInstant(v.attemptedAt),
    note: v.note.trim() || undefined,
  });
  const form = useBodyForm<ContactAttemptValues>(
    { method: 'phone', outcome: 'no_answer', attemptedAt: localNow(), note: '' },
    ZContactAttemptCreate,
    body,
  );
  const log = useRouteMutation(REFERRAL_ROUTES.logContactAttempt, {
    form,
    ...done(props, 'Tentative de contact enregistrée.'),
  });
  return (
    <ActionDialog
      {...props}
      title="Noter une tentative de contact"
      form={form}
      mutation={log}
      onSubmit={(v) => log.mutate({ params: { id: referral.id }, body: body(v) })}
      submitLabel="Enregistrer"
    >
      <Group grow align="flex-start" wrap="wrap">
        <Select
          label="Moyen de contact"
          required
          allowDeselect={false}
          data={optionsOf(CONTACT_METHOD_LABELS)}
          {...form.getInputProps('method')}
        />
        <Select
          label="Résultat"
          required
          allowDeselect={false}
          data={optionsOf(CONTACT_OUTCOME_LABELS)}
          {...form.getInputProps('outcome')}
        />
      </Group>
      <TextInput
        label="Date et heure"
        type="datetime-local"
        required
        max={localNow()}
        {...form.getInputProps('attemptedAt')}
      />
      <Textarea
        label="Note"
        description="Visible uniquement par votre organisation."
        autosize
        minRows={2}
        {...form.getInputProps('note')}
      />
    </ActionDialog>
  );
}

function FirstInterviewForm(props: ActionProps) {
  const { referral } = props;
  const body = (v: { at: string }) => ({ at: toInstant(v.at), version: referral.version });
  const form = useBodyForm({ at: localNow() }, ZFirstInterview, body);
  const record = useRouteMutation(REFERRAL_ROUTES.recordFirstInterview, {
    form,
    ...done(props, 'Premier entretien enregistré : accompagnement ouvert.'),
  });
  return (
    <ActionDialog
      {...props}
      title="Premier entretien réalisé"
      intro="L'accompagnement du ménage est ouvert à la date du premier entretien."
      form={form}
      mutation={record}
      onSubmit={(v) => record.mutate({ params: { id: referral.id }, body: body(v) })}
      submitLabel="Ouvrir l'accompagnement"
    >
      <TextInput
        label="Date et heure de l'entretien"
        type="datetime-local"
        required
        max={localNow()}
        {...form.getInputProps('at')}
      />
    </ActionDialog>
  );
}

const FORMS: Record<ReferralAction, (p: ActionProps) => ReactNode> = {
  accept: AcceptForm,
  decline: DeclineForm,
  redirect: RedirectForm,
  log_contact: ContactAttemptForm,
  record_first_interview: FirstInterviewForm,
};

/** The receiving side's buttons: only those the policy allows for this status and this user. */
export function ReferralActions({ referral }: { referral: TReferralDetail }) {
  const [open, setOpen] = useState<ReferralAction | null>(null);
  if (referral.allowedActions.length === 0) return null;
  const OpenForm = open ? FORMS[open] : null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="referral-actions-title">
      <Title order={2} size="h4" id="referral-actions-title" mb="sm">
        Suite à donner
      </Title>
      <Group gap="sm">
        {referral.allowedActions.map((action) => (
          <Button
            key={action}
            variant={action === 'accept' || action === 'record_first_interview' ? 'filled' : 'light'}
            color={action === 'decline' ? 'red' : undefined}
            onClick={() => setOpen(action)}
          >
            {REFERRAL_ACTION_LABELS[action]}
          </Button>
        ))}
      </Group>
      {OpenForm && <OpenForm referral={referral} onClose={() => setOpen(null)} />}
    </Paper>
  );
}
