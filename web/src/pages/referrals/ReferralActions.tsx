import { useState, type ReactNode } from 'react';
import { Button, Group, Modal, Paper, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import type { z } from 'zod';
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
  type TReferralCaseworkerList,
  type TReferralDetail,
} from '@shared/contracts/referrals.ts';
import { api } from '../../api/client.ts';
import { useApiMutation, useApiQuery } from '../../api/hooks.ts';
import { useSession } from '../../api/session.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { zodErrors } from '../households/household-form.ts';
import { optionsOf, useOrganisations } from '../households/organisations.ts';
import {
  REFERRAL_CASEWORKERS_PATH,
  REFERRAL_INBOX_PATH,
  REFERRALS_SENT_PATH,
  referralPath,
} from './referral-ui.ts';

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

interface ActionFormProps<V extends Record<string, unknown>> {
  referral: TReferralDetail;
  title: string;
  intro?: ReactNode;
  initialValues: V;
  /** The request body, checked against the same contract as the server. */
  body: (values: V) => Record<string, unknown>;
  schema: z.ZodType;
  /** Sub-path of the action under the referral (accept, decline…). */
  endpoint: string;
  submitLabel: string;
  danger?: boolean;
  successMessage: string;
  fields: (form: UseFormReturnType<V>) => ReactNode;
  onClose: () => void;
}

/** One action on the referral in a dialog: fields, client check, request, refresh, close. */
function ActionForm<V extends Record<string, unknown>>(props: ActionFormProps<V>) {
  const { referral, body, schema } = props;
  const detailPath = referralPath(referral.id);
  const form = useForm<V>({
    initialValues: props.initialValues,
    validate: (values) => zodErrors(schema.safeParse(body(values)).error),
  });
  const mutation = useApiMutation((values: V) => api.post(`${detailPath}/${props.endpoint}`, body(values)), {
    form,
    invalidate: [detailPath, REFERRAL_INBOX_PATH, REFERRALS_SENT_PATH],
    successMessage: props.successMessage,
    onSuccess: props.onClose,
  });
  const detail = useApiQuery<TReferralDetail>(detailPath, undefined, { enabled: false });
  return (
    <Modal
      opened
      onClose={props.onClose}
      title={props.title}
      size="lg"
      closeButtonProps={{ 'aria-label': 'Fermer' }}
    >
      <form noValidate onSubmit={form.onSubmit((values) => mutation.mutate(values))}>
        <Stack>
          {props.intro && <Text size="sm">{props.intro}</Text>}
          {props.fields(form)}
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

function AcceptForm({ referral, onClose }: { referral: TReferralDetail; onClose: () => void }) {
  const caseworkers = useApiQuery<TReferralCaseworkerList>(REFERRAL_CASEWORKERS_PATH);
  return (
    <ActionForm
      referral={referral}
      title="Accepter la saisine"
      intro="Le référent désigné prendra contact avec le ménage. Votre organisation devient partie au dossier."
      initialValues={{ caseworkerUserId: null as string | null }}
      body={(v) => ({ caseworkerUserId: v.caseworkerUserId ?? '', version: referral.version })}
      schema={ZReferralAccept}
      endpoint="accept"
      submitLabel="Accepter"
      successMessage="Saisine acceptée."
      onClose={onClose}
      fields={(form) => (
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
      )}
    />
  );
}

function DeclineForm({ referral, onClose }: { referral: TReferralDetail; onClose: () => void }) {
  return (
    <ActionForm
      referral={referral}
      title="Refuser la saisine"
      intro="L'organisation qui a fait la saisine verra le motif."
      initialValues={{ reason: '' }}
      body={(v) => ({ reason: v.reason, version: referral.version })}
      schema={ZReferralDecline}
      endpoint="decline"
      submitLabel="Refuser"
      danger
      successMessage="Saisine refusée."
      onClose={onClose}
      fields={(form) => (
        <Textarea label="Motif du refus" required autosize minRows={3} {...form.getInputProps('reason')} />
      )}
    />
  );
}

function RedirectForm({ referral, onClose }: { referral: TReferralDetail; onClose: () => void }) {
  const me = useSession();
  const associations = useOrganisations('association');
  return (
    <ActionForm
      referral={referral}
      title="Réorienter la saisine"
      intro="Une nouvelle saisine est adressée à l'association choisie ; celle-ci est close comme réorientée."
      initialValues={{ toOrganisationId: null as string | null, reason: '' }}
      body={(v) => ({
        toOrganisationId: v.toOrganisationId ?? '',
        reason: v.reason,
        version: referral.version,
      })}
      schema={ZReferralRedirect}
      endpoint="redirect"
      submitLabel="Réorienter"
      successMessage="Saisine réorientée."
      onClose={onClose}
      fields={(form) => (
        <>
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
        </>
      )}
    />
  );
}

function ContactAttemptForm({ referral, onClose }: { referral: TReferralDetail; onClose: () => void }) {
  return (
    <ActionForm
      referral={referral}
      title="Noter une tentative de contact"
      initialValues={{
        method: 'phone' as ContactMethod,
        outcome: 'no_answer' as ContactOutcome,
        attemptedAt: localNow(),
        note: '',
      }}
      body={(v) => ({
        method: v.method,
        outcome: v.outcome,
        attemptedAt: toInstant(v.attemptedAt),
        note: v.note.trim() || undefined,
      })}
      schema={ZContactAttemptCreate}
      endpoint="contact-attempts"
      submitLabel="Enregistrer"
      successMessage="Tentative de contact enregistrée."
      onClose={onClose}
      fields={(form) => (
        <>
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
        </>
      )}
    />
  );
}

function FirstInterviewForm({ referral, onClose }: { referral: TReferralDetail; onClose: () => void }) {
  return (
    <ActionForm
      referral={referral}
      title="Premier entretien réalisé"
      intro="L'accompagnement du ménage est ouvert à la date du premier entretien."
      initialValues={{ at: localNow() }}
      body={(v) => ({ at: toInstant(v.at), version: referral.version })}
      schema={ZFirstInterview}
      endpoint="first-interview"
      submitLabel="Ouvrir l'accompagnement"
      successMessage="Premier entretien enregistré : accompagnement ouvert."
      onClose={onClose}
      fields={(form) => (
        <TextInput
          label="Date et heure de l'entretien"
          type="datetime-local"
          required
          max={localNow()}
          {...form.getInputProps('at')}
        />
      )}
    />
  );
}

const FORMS: Record<ReferralAction, (p: { referral: TReferralDetail; onClose: () => void }) => ReactNode> = {
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
