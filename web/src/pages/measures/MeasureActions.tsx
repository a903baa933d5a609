import { useState, type ReactNode } from 'react';
import { Alert, Button, Checkbox, Group, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import {
  ZMeasureAssign,
  ZMeasureEnd,
  ZMeasurePrescribe,
  ZMeasureRenew,
  ZMeasureStart,
  type MeasureEndReason,
  type MeasureOrientation,
  type MeasureStatus,
  type TMeasure,
  type TMeasureEnd,
  type TSchemeRules,
} from '@shared/contracts/measures.ts';
import { durationText } from '@shared/measures/rules-text.ts';
import { MEASURE_ROUTES } from '@shared/routes/measures.ts';
import { REFERRAL_ROUTES } from '@shared/routes/referrals.ts';
import { parisToday } from '@shared/time.ts';
import { DEFAULT_WATCH_MONTHS } from '@shared/watch/rules.ts';
import { isApiError } from '../../api/client.ts';
import { useRouteMutation, useRouteQuery } from '../../api/routes.ts';
import { DateField } from '../../components/DateField.tsx';
import { FormDialog, useBodyForm } from '../../components/FormDialog.tsx';
import { householdKey } from '../households/household-api.ts';
import { MeasureEndFields, RenewalFields } from './measure-fields.tsx';
import { useOrganisations } from '../households/organisations.ts';

type Action = 'prescribe' | 'start' | 'renew' | 'end' | 'assign';

/** What the operator's social workers may do at each status (the server checks it again). */
const ACTIONS_BY_STATUS: Record<MeasureStatus, Action[]> = {
  proposed: ['prescribe', 'assign'],
  prescribed: ['assign'],
  validated: ['start', 'end', 'assign'],
  refused: [],
  active: ['renew', 'end', 'assign'],
  ended: [],
};
const ACTION_LABELS: Record<Action, string> = {
  prescribe: 'Prescrire',
  start: 'Commencer',
  renew: 'Renouveler',
  end: 'Terminer',
  assign: 'Changer de référent',
};

interface ActionProps {
  householdId: string;
  measure: TMeasure;
  /** The rules of the scheme version the measure follows, when the reader's département lists it. */
  rules: TSchemeRules | undefined;
  /** Reloads the measures after a version conflict. */
  onReload: () => void;
  onClose: () => void;
}

/** The buttons of the actions the measure's status allows, each opening its dialog. */
export function MeasureActions(props: Omit<ActionProps, 'onClose'>) {
  const [open, setOpen] = useState<Action | null>(null);
  const actions = ACTIONS_BY_STATUS[props.measure.status];
  if (!props.measure.canAct || actions.length === 0) return null;
  const Dialog = open && DIALOGS[open];
  return (
    <Group gap="sm">
      {actions.map((a) => (
        <Button key={a} size="sm" variant={a === 'assign' ? 'default' : 'light'} onClick={() => setOpen(a)}>
          {ACTION_LABELS[a]}
        </Button>
      ))}
      {Dialog && <Dialog {...props} onClose={() => setOpen(null)} />}
    </Group>
  );
}

/** Refresh the household file and all under it (its measures, its tasks), confirm, close. */
const done = ({ householdId, onClose }: ActionProps, successMessage: string) => ({
  invalidate: [householdKey(householdId)],
  successMessage,
  onSuccess: onClose,
});
const params = ({ householdId, measure }: ActionProps) => ({ id: householdId, measureId: measure.id });
const orNull = (n: number | string) => (typeof n === 'number' ? n : null);

/**
 * The server's warning that the référent would go over capacity, with the way to go on anyway
 * (resending with the confirmation); nothing for any other failure.
 */
export function overCapacityAlert(
  mutation: { error: unknown; isPending: boolean },
  onConfirm: () => void,
): ReactNode {
  const { error } = mutation;
  if (!isApiError(error) || error.code !== 'OVER_CAPACITY') return undefined;
  return (
    <Alert color="orange" role="alert" title="Capacité du référent dépassée">
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{error.message}</Text>
        <Button size="xs" color="orange" loading={mutation.isPending} onClick={onConfirm}>
          Confirmer quand même
        </Button>
      </Stack>
    </Alert>
  );
}

/** The criteria of the scheme, as checkboxes (at least `min` of them are required). */
export function CriteriaField({
  criteria,
  inputProps,
}: {
  criteria: NonNullable<TSchemeRules['criteria']>;
  inputProps: object;
}) {
  return (
    <Checkbox.Group
      label="Critères d’éligibilité retenus"
      description={`Le dispositif demande au moins ${criteria.min} critères parmi cette liste.`}
      {...inputProps}
    >
      <Stack gap={6} mt="xs">
        {criteria.among.map((c) => (
          <Checkbox key={c} value={c} label={c} />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}

export const STATE_VALIDATION_LABEL = 'Référence de la validation de l’État';
export const STATE_VALIDATION_HELP =
  'Nécessaire quand la mesure suit de près une mesure d’un dispositif désigné par la règle d’enchaînement (courriel, décision…).';

function PrescribeDialog(props: ActionProps) {
  const { measure, rules } = props;
  type V = { prescribedOn: string | null; criteriaMet: string[]; stateValidationReference: string };
  const body = (v: V) => ({
    rowVersion: measure.rowVersion,
    prescribedOn: v.prescribedOn ?? '',
    ...(rules?.criteria ? { criteriaMet: v.criteriaMet } : {}),
    ...(rules?.validationAfter
      ? { stateValidationReference: v.stateValidationReference.trim() || null }
      : {}),
  });
  const form = useBodyForm<V>(
    {
      prescribedOn: parisToday(),
      criteriaMet: measure.criteriaMet ?? [],
      stateValidationReference: measure.stateValidationReference ?? '',
    },
    ZMeasurePrescribe,
    body,
    { prescribedOn: 'Indiquez la date de prescription.' },
  );
  const prescribe = useRouteMutation(MEASURE_ROUTES.prescribe, {
    form,
    ...done(props, 'Mesure prescrite et transmise au financeur.'),
  });
  return (
    <FormDialog
      {...props}
      title={`Prescrire : ${measure.schemeName}`}
      intro={`Les règles du dispositif sont vérifiées, puis la mesure est transmise à ${measure.funderName} pour décision.`}
      form={form}
      mutation={prescribe}
      onSubmit={(v) => prescribe.mutate({ params: params(props), body: body(v) })}
      submitLabel="Prescrire"
    >
      <DateField label="Date de prescription" required {...form.getInputProps('prescribedOn')} />
      {rules?.criteria && (
        <CriteriaField criteria={rules.criteria} inputProps={form.getInputProps('criteriaMet')} />
      )}
      {rules?.validationAfter && (
        <TextInput
          label={STATE_VALIDATION_LABEL}
          description={STATE_VALIDATION_HELP}
          {...form.getInputProps('stateValidationReference')}
        />
      )}
    </FormDialog>
  );
}

function StartDialog(props: ActionProps) {
  const { measure } = props;
  const body = (v: { startOn: string | null }) => ({
    rowVersion: measure.rowVersion,
    startOn: v.startOn ?? '',
  });
  const form = useBodyForm({ startOn: parisToday() as string | null }, ZMeasureStart, body, {
    startOn: 'Indiquez la date de début.',
  });
  const start = useRouteMutation(MEASURE_ROUTES.start, { form, ...done(props, 'Accompagnement commencé.') });
  return (
    <FormDialog
      {...props}
      title={`Commencer : ${measure.schemeName}`}
      intro={`La fin prévue est calculée à partir de cette date : ${measure.initialMonths} mois d’accompagnement.`}
      form={form}
      mutation={start}
      onSubmit={(v) => start.mutate({ params: params(props), body: body(v) })}
      submitLabel="Commencer"
    >
      <DateField label="Début de l’accompagnement" required {...form.getInputProps('startOn')} />
    </FormDialog>
  );
}

function RenewDialog(props: ActionProps) {
  const { measure, rules } = props;
  type V = { months: number | string; evaluation: string };
  const body = (v: V) => ({
    rowVersion: measure.rowVersion,
    months: orNull(v.months),
    evaluation: v.evaluation,
  });
  const form = useBodyForm<V>({ months: rules?.renewalMonths ?? '', evaluation: '' }, ZMeasureRenew, body);
  const renew = useRouteMutation(MEASURE_ROUTES.renew, { form, ...done(props, 'Mesure renouvelée.') });
  return (
    <FormDialog
      {...props}
      title={`Renouveler : ${measure.schemeName}`}
      intro={rules && `Règle du dispositif : ${durationText(rules)}.`}
      form={form}
      mutation={renew}
      onSubmit={(v) => renew.mutate({ params: params(props), body: body(v) })}
      submitLabel="Renouveler"
    >
      <RenewalFields
        months={form.getInputProps('months')}
        reason={form.getInputProps('evaluation')}
        maxMonths={120}
      />
    </FormDialog>
  );
}

function EndDialog(props: ActionProps) {
  const { measure } = props;
  const organisations = useOrganisations();
  type V = {
    endedOn: string | null;
    endReason: MeasureEndReason | null;
    orientation: MeasureOrientation | null;
    watchMonths: number | string;
    relayOrganisationId: string | null;
    note: string;
  };
  const body = (v: V) => ({
    rowVersion: measure.rowVersion,
    endedOn: v.endedOn ?? '',
    endReason: v.endReason ?? undefined,
    orientation: v.orientation ?? undefined,
    watchMonths: v.orientation === 'watch' ? orNull(v.watchMonths) : null,
    relayOrganisationId: v.orientation === 'relay' ? v.relayOrganisationId : null,
    note: v.note.trim() || null,
  });
  const form = useBodyForm<V>(
    {
      endedOn: parisToday(),
      endReason: null,
      orientation: null,
      watchMonths: DEFAULT_WATCH_MONTHS,
      relayOrganisationId: null,
      note: '',
    },
    ZMeasureEnd,
    body,
    { endedOn: 'Indiquez la date de fin.' },
  );
  const end = useRouteMutation(MEASURE_ROUTES.end, { form, ...done(props, 'Mesure terminée.') });
  const orientation = form.values.orientation;
  return (
    <FormDialog
      {...props}
      title={`Terminer : ${measure.schemeName}`}
      intro="Une mesure ne se clôt pas sans la suite prévue pour le ménage."
      form={form}
      mutation={end}
      // The form's check has required the reason and the orientation when this runs.
      onSubmit={(v) => end.mutate({ params: params(props), body: body(v) as TMeasureEnd })}
      submitLabel="Terminer la mesure"
      danger
    >
      <DateField label="Date de fin" required {...form.getInputProps('endedOn')} />
      <MeasureEndFields
        endReason={form.getInputProps('endReason')}
        orientation={form.getInputProps('orientation')}
        watchMonths={form.getInputProps('watchMonths')}
        chosen={orientation}
        maxWatchMonths={120}
        relay={
          <Select
            label="Organisation qui prend le relais"
            required
            searchable
            nothingFoundMessage="Aucune organisation"
            placeholder={organisations.isPending ? 'Chargement…' : 'Choisir une organisation'}
            data={(organisations.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
            {...form.getInputProps('relayOrganisationId')}
          />
        }
      />
      <Textarea
        label="Note"
        description="Obligatoire pour le motif « Autre motif »."
        autosize
        minRows={2}
        {...form.getInputProps('note')}
      />
    </FormDialog>
  );
}

/** The social workers of the reader's organisation, for a référent (the operator is the reader's). */
export function useCaseworkerOptions(exceptUserId?: string | null) {
  const caseworkers = useRouteQuery(REFERRAL_ROUTES.caseworkers, {}, { staleTime: 60_000 });
  return {
    placeholder: caseworkers.isPending ? 'Chargement…' : 'Choisir un travailleur social',
    data: (caseworkers.data?.items ?? [])
      .filter((u) => u.id !== exceptUserId)
      .map((u) => ({ value: u.id, label: u.name })),
    error: caseworkers.error?.message,
  };
}

function AssignDialog(props: ActionProps) {
  const { measure } = props;
  const options = useCaseworkerOptions(measure.caseworkerUserId);
  type V = { caseworkerUserId: string | null; relayNote: string };
  const body = (v: V) => ({
    rowVersion: measure.rowVersion,
    caseworkerUserId: v.caseworkerUserId ?? '',
    relayNote: v.relayNote,
  });
  const form = useBodyForm<V>({ caseworkerUserId: null, relayNote: '' }, ZMeasureAssign, body, {
    caseworkerUserId: 'Choisissez le nouveau référent.',
  });
  const assign = useRouteMutation(MEASURE_ROUTES.assign, { form, ...done(props, 'Référent changé.') });
  const send = (v: V, confirmOverCapacity = false) =>
    assign.mutate({ params: params(props), body: { ...body(v), confirmOverCapacity } });
  return (
    <FormDialog
      {...props}
      title={`Changer de référent : ${measure.schemeName}`}
      intro={
        measure.caseworkerName ? `Référent actuel : ${measure.caseworkerName}.` : 'Aucun référent désigné.'
      }
      form={form}
      mutation={assign}
      onSubmit={(v) => send(v)}
      submitLabel="Changer de référent"
      errorOverride={overCapacityAlert(assign, () => send(form.values, true))}
    >
      <Select
        label="Nouveau référent"
        required
        searchable
        nothingFoundMessage="Aucun travailleur social"
        {...options}
        {...form.getInputProps('caseworkerUserId')}
      />
      <Textarea
        label="Note de relais"
        description="Ce que le nouveau référent doit savoir pour reprendre l’accompagnement."
        required
        autosize
        minRows={3}
        {...form.getInputProps('relayNote')}
      />
    </FormDialog>
  );
}

const DIALOGS: Record<Action, (p: ActionProps) => ReactNode> = {
  prescribe: PrescribeDialog,
  start: StartDialog,
  renew: RenewDialog,
  end: EndDialog,
  assign: AssignDialog,
};
