import { useEffect } from 'react';
import { MultiSelect, NumberInput, Select, SimpleGrid, TagsInput, Textarea, TextInput } from '@mantine/core';
import {
  JOURNAL_KIND_LABELS,
  JOURNAL_SENSITIVITY_LABELS,
  ZJournalEntryInput,
  type JournalKind,
  type JournalSensitivity,
  type TJournalOptions,
} from '@shared/contracts/journal.ts';
import { futureActivityBreak } from '@shared/journal/rules.ts';
import { BriquesMultiSelect } from '../../components/BriquesMultiSelect.tsx';
import { FormDialog, useBodyForm } from '../../components/FormDialog.tsx';
import { ParisDateTimeInput, parisInstant, parisLocal } from '../../components/ParisDateTimeInput.tsx';
import type { ApiError } from '../../api/client.ts';
import type { JournalBody } from './journal-outbox.ts';

export interface ActivityValues extends Record<string, unknown> {
  kind: JournalKind;
  occurredAt: string;
  durationMinutes: number | string;
  place: string;
  memberIds: string[];
  partnerOrganisationIds: string[];
  otherParticipants: string[];
  briques: string[];
  objectives: string[];
  measureId: string | null;
  note: string;
  sensitivity: JournalSensitivity;
}

export type ActivityBody = Omit<JournalBody, 'idempotencyKey'>;

const objectiveValue = (o: { versionId: string; index: number }) => `${o.versionId}:${o.index}`;

/** What the form sends, as the contract reads it (the date typed on a Paris clock made an instant). */
export const activityBody = (v: ActivityValues): ActivityBody => ({
  kind: v.kind,
  occurredAt: parisInstant(v.occurredAt),
  durationMinutes: typeof v.durationMinutes === 'number' ? v.durationMinutes : Number.NaN,
  place: v.place,
  memberIds: v.memberIds,
  partnerOrganisationIds: v.partnerOrganisationIds,
  otherParticipants: v.otherParticipants,
  briques: v.briques,
  objectives: v.objectives.map((value) => {
    const [versionId = '', index = '0'] = value.split(':');
    return { versionId, index: Number(index) };
  }),
  measureId: v.measureId,
  note: v.note,
  sensitivity: v.sensitivity,
});

/** The form's values: a new home visit now, or an activity kept on the device, to correct. */
export function activityValues(body?: ActivityBody): ActivityValues {
  return {
    kind: body?.kind ?? 'home_visit',
    occurredAt: parisLocal(body ? new Date(body.occurredAt) : new Date()),
    durationMinutes: body?.durationMinutes ?? 60,
    place: body?.place ?? '',
    memberIds: body?.memberIds ?? [],
    partnerOrganisationIds: body?.partnerOrganisationIds ?? [],
    otherParticipants: body?.otherParticipants ?? [],
    briques: body?.briques ?? [],
    objectives: (body?.objectives ?? []).map(objectiveValue),
    measureId: body?.measureId ?? null,
    note: body?.note ?? '',
    sensitivity: body?.sensitivity ?? 'ordinary',
  };
}

const choices = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

/** The activity form's state, checked as the contract checks the body (a refused one shows its reasons). */
export function useActivityForm(initial?: ActivityBody, initialErrors?: Record<string, string>) {
  const form = useBodyForm(activityValues(initial), ZJournalEntryInput, activityBody, {
    occurredAt: 'Indiquez la date et l’heure de l’activité.',
  });
  const { setErrors } = form;
  useEffect(() => {
    if (initialErrors) setErrors(initialErrors);
  }, [initialErrors, setErrors]);
  return form;
}

/**
 * An activity's form: what happened, when, with whom, what it served. `onSave` receives the body
 * once the form and the rule on future dates pass (in the browser too: the tablet's clock).
 */
export function ActivityDialog({
  title,
  intro,
  options,
  form,
  mutation,
  onSave,
  onReload,
  onClose,
  submitLabel,
  measureKept,
}: {
  title: string;
  intro?: string;
  options: TJournalOptions;
  form: ReturnType<typeof useActivityForm>;
  mutation: { error: ApiError | null; isPending: boolean; reset: () => void };
  onSave: (body: ActivityBody) => void;
  onReload?: () => void;
  onClose: () => void;
  submitLabel: string;
  /** The measure the activity already has, offered even if it no longer takes new ones. */
  measureKept?: string | null;
}) {
  const submit = (values: ActivityValues) => {
    const body = activityBody(values);
    const future = futureActivityBreak(new Date(body.occurredAt), new Date());
    if (future) form.setFieldError('occurredAt', future);
    else onSave(body);
  };
  return (
    <FormDialog
      title={title}
      intro={intro}
      form={form}
      mutation={mutation}
      onSubmit={submit}
      onReload={onReload}
      onClose={onClose}
      submitLabel={submitLabel}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label="Type d’activité"
          required
          allowDeselect={false}
          data={choices(JOURNAL_KIND_LABELS)}
          {...form.getInputProps('kind')}
        />
        <ParisDateTimeInput label="Date et heure" required {...form.getInputProps('occurredAt')} />
        <NumberInput
          label="Durée (minutes)"
          required
          min={1}
          allowDecimal={false}
          {...form.getInputProps('durationMinutes')}
        />
        <TextInput label="Lieu" {...form.getInputProps('place')} />
      </SimpleGrid>
      <MultiSelect
        label="Membres du ménage présents"
        data={options.members.map((m) => ({ value: m.id, label: m.name }))}
        {...form.getInputProps('memberIds')}
      />
      <MultiSelect
        label="Partenaires du dossier"
        data={options.partners.map((p) => ({ value: p.id, label: p.name }))}
        {...form.getInputProps('partnerOrganisationIds')}
      />
      <TagsInput
        label="Autres participants"
        description="Tapez un nom puis Entrée"
        {...form.getInputProps('otherParticipants')}
      />
      <BriquesMultiSelect label="Briques servies" {...form.getInputProps('briques')} />
      <Select
        label="Mesure"
        clearable
        placeholder="Aucune"
        data={options.measures
          .filter((m) => m.open || m.id === measureKept)
          .map((m) => ({ value: m.id, label: m.name }))}
        {...form.getInputProps('measureId')}
      />
      {options.objectives.length > 0 && (
        <MultiSelect
          label="Objectifs du contrat servis"
          data={options.objectives.map((o) => ({ value: objectiveValue(o), label: o.title }))}
          {...form.getInputProps('objectives')}
        />
      )}
      <Textarea label="Note" autosize minRows={3} {...form.getInputProps('note')} />
      <Select
        label="Confidentialité"
        allowDeselect={false}
        data={choices(JOURNAL_SENSITIVITY_LABELS)}
        {...form.getInputProps('sensitivity')}
      />
    </FormDialog>
  );
}
