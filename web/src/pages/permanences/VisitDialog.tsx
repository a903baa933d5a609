import { Button, Group, NumberInput, Radio, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import {
  AGE_BANDS,
  AGE_BAND_LABELS,
  VISIT_CONSENT_LABELS,
  ZVisitInput,
  type TSlot,
  type TVisit,
} from '@shared/contracts/permanences.ts';
import { PERMANENCE_ROUTES } from '@shared/routes/permanences.ts';
import { parisLocal } from '@shared/time.ts';
import { useRouteMutation } from '../../api/routes.ts';
import { BriquesMultiSelect } from '../../components/BriquesMultiSelect.tsx';
import { DateField } from '../../components/DateField.tsx';
import { FormDialog, useBodyForm } from '../../components/FormDialog.tsx';
import { ParisDateTimeInput, parisInstant } from '../../components/ParisDateTimeInput.tsx';
import { WEEK_KEY } from './keys.ts';

type VisitValues = {
  occurredAt: string;
  durationMinutes: number | string;
  consent: 'given' | 'refused' | '';
  firstName: string;
  ageBand: string | null;
  commune: string;
  phone: string;
  briques: string[];
  advice: string;
  steps: { text: string; dueOn: string | null }[];
};
const visitBody = (slotId: string) => (v: VisitValues) => ({
  ...v,
  slotId,
  occurredAt: v.occurredAt ? parisInstant(v.occurredAt) : '',
  durationMinutes: v.durationMinutes === '' ? undefined : Number(v.durationMinutes),
  consent: v.consent || undefined,
  // Without consent nothing names the person: the fields are greyed out and not sent.
  firstName: v.consent === 'refused' ? '' : v.firstName,
  phone: v.consent === 'refused' ? '' : v.phone,
  advice: v.consent === 'refused' ? '' : v.advice,
  steps: v.consent === 'refused' ? [] : v.steps,
  ageBand: v.ageBand || null,
});

/** The time a visit is noted at by default: now, or the occurrence's opening when it is over. */
function defaultTime(slot: TSlot, date: string): string {
  const now = parisLocal(new Date());
  return now.slice(0, 10) === date ? now : `${date}T${slot.startTime}`;
}

/**
 * Records a walk-in at an occurrence (or corrects one at the version read): minimal data; without
 * the person's consent, no name and no contact are kept.
 */
export function VisitDialog({
  slot,
  date,
  visit,
  onClose,
}: {
  slot: TSlot;
  date: string;
  visit?: TVisit;
  onClose: () => void;
}) {
  const body = visitBody(slot.id);
  const form = useBodyForm<VisitValues>(
    {
      occurredAt: visit ? parisLocal(visit.occurredAt) : defaultTime(slot, date),
      durationMinutes: visit?.durationMinutes ?? 30,
      consent: visit?.consent ?? '',
      firstName: visit?.firstName ?? '',
      ageBand: visit?.ageBand ?? null,
      commune: visit?.commune ?? '',
      phone: visit?.phone ?? '',
      briques: visit?.briques.map((b) => b.code) ?? [],
      advice: visit?.advice ?? '',
      steps: visit?.steps ?? [],
    },
    ZVisitInput,
    body,
    { occurredAt: 'Date et heure obligatoires.', consent: 'Indiquez si la personne donne son accord.' },
  );
  const invalidate = [WEEK_KEY];
  const create = useRouteMutation(PERMANENCE_ROUTES.recordVisit, {
    form,
    invalidate,
    successMessage: 'Passage noté.',
    onSuccess: onClose,
  });
  const update = useRouteMutation(PERMANENCE_ROUTES.updateVisit, {
    form,
    invalidate,
    successMessage: 'Passage corrigé.',
    onSuccess: onClose,
  });
  const anonymous = form.values.consent === 'refused';
  return (
    <FormDialog
      title={visit ? 'Corriger le passage' : 'Noter un passage'}
      intro={`${slot.place}. Demandez d’abord à la personne si elle accepte que son prénom et son contact soient gardés.`}
      form={form}
      mutation={visit ? update : create}
      onSubmit={(v) => {
        const { slotId: _slotId, ...parsed } = ZVisitInput.parse(body(v));
        if (visit)
          update.mutate({ params: { visitId: visit.id }, body: { ...parsed, rowVersion: visit.rowVersion } });
        else create.mutate({ body: { ...parsed, slotId: slot.id } });
      }}
      onClose={onClose}
      submitLabel={visit ? 'Enregistrer' : 'Noter le passage'}
    >
      <Radio.Group label="Accord de la personne" required {...form.getInputProps('consent')}>
        <Group mt="xs">
          <Radio value="given" label={VISIT_CONSENT_LABELS.given} />
          <Radio value="refused" label={VISIT_CONSENT_LABELS.refused} />
        </Group>
      </Radio.Group>
      <Group grow align="flex-start">
        <ParisDateTimeInput label="Arrivée" required {...form.getInputProps('occurredAt')} />
        <NumberInput
          label="Durée (minutes)"
          min={5}
          max={720}
          step={5}
          allowDecimal={false}
          {...form.getInputProps('durationMinutes')}
        />
      </Group>
      <Group grow align="flex-start">
        <TextInput
          label="Prénom ou initiales"
          disabled={anonymous}
          description={anonymous ? 'Non gardé sans accord' : undefined}
          {...form.getInputProps('firstName')}
        />
        <TextInput
          label="Téléphone (facultatif)"
          disabled={anonymous}
          description={anonymous ? 'Non gardé sans accord' : undefined}
          {...form.getInputProps('phone')}
        />
      </Group>
      <Group grow align="flex-start">
        <Select
          label="Tranche d’âge (facultatif)"
          clearable
          data={AGE_BANDS.map((value) => ({ value, label: AGE_BAND_LABELS[value] }))}
          {...form.getInputProps('ageBand')}
        />
        <TextInput label="Commune (facultatif)" {...form.getInputProps('commune')} />
      </Group>
      <BriquesMultiSelect label="Sujets abordés" {...form.getInputProps('briques')} />
      {anonymous ? (
        <Text size="sm" c="dimmed">
          Sans accord, le passage est seulement compté : ni conseils ni démarches ne sont gardés.
        </Text>
      ) : (
        <>
          <Textarea label="Conseils donnés" autosize minRows={2} {...form.getInputProps('advice')} />
          <Stack gap="xs">
            <Text size="sm" fw={500}>
              Démarches que la personne garde à sa charge
            </Text>
            {form.values.steps.map((_, i) => (
              <Group key={i} align="flex-end" wrap="nowrap">
                <TextInput
                  style={{ flex: 1 }}
                  label={`Démarche ${i + 1}`}
                  {...form.getInputProps(`steps.${i}.text`)}
                />
                <DateField
                  label={`Échéance de la démarche ${i + 1}`}
                  {...form.getInputProps(`steps.${i}.dueOn`)}
                />
                <Button variant="subtle" color="red" onClick={() => form.removeListItem('steps', i)}>
                  Retirer
                </Button>
              </Group>
            ))}
            <Group>
              <Button
                variant="light"
                size="xs"
                onClick={() => form.insertListItem('steps', { text: '', dueOn: null })}
              >
                Ajouter une démarche
              </Button>
            </Group>
          </Stack>
        </>
      )}
    </FormDialog>
  );
}
