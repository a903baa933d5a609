import { MultiSelect, NumberInput, Select, TextInput } from '@mantine/core';
import { WEEKDAY_LABELS, ZSlotInput, type TSlot } from '@shared/contracts/permanences.ts';
import { PERMANENCE_ROUTES } from '@shared/routes/permanences.ts';
import { parisToday } from '@shared/time.ts';
import { useRouteMutation, useRouteQuery } from '../../api/routes.ts';
import { DateField } from '../../components/DateField.tsx';
import { FormDialog, useBodyForm } from '../../components/FormDialog.tsx';
import { SLOTS_KEY, WEEK_KEY } from './keys.ts';

type SlotValues = {
  place: string;
  weekday: string | null;
  startTime: string;
  endTime: string;
  everyWeeks: number | string;
  fromDate: string | null;
  untilDate: string | null;
  staffUserIds: string[];
};
const slotBody = (v: SlotValues) => ({
  ...v,
  weekday: v.weekday ? Number(v.weekday) : undefined,
  everyWeeks: v.everyWeeks === '' ? undefined : Number(v.everyWeeks),
  fromDate: v.fromDate ?? '',
  untilDate: v.untilDate || null,
});

/** Opens a slot, or changes one at the version read. */
export function SlotDialog({ slot, onClose }: { slot?: TSlot; onClose: () => void }) {
  const options = useRouteQuery(PERMANENCE_ROUTES.options, {});
  const form = useBodyForm<SlotValues>(
    {
      place: slot?.place ?? '',
      weekday: slot ? String(slot.weekday) : null,
      startTime: slot?.startTime ?? '09:00',
      endTime: slot?.endTime ?? '12:00',
      everyWeeks: slot?.everyWeeks ?? 1,
      fromDate: slot?.fromDate ?? parisToday(),
      untilDate: slot?.untilDate ?? null,
      staffUserIds: slot?.staff.map((s) => s.id) ?? [],
    },
    ZSlotInput,
    slotBody,
    { weekday: 'Jour de la semaine obligatoire.', fromDate: 'Date de début obligatoire.' },
  );
  const invalidate = [SLOTS_KEY, WEEK_KEY];
  const create = useRouteMutation(PERMANENCE_ROUTES.createSlot, {
    form,
    invalidate,
    successMessage: 'Permanence ouverte.',
    onSuccess: onClose,
  });
  const update = useRouteMutation(PERMANENCE_ROUTES.updateSlot, {
    form,
    invalidate,
    successMessage: 'Permanence modifiée.',
    onSuccess: onClose,
  });
  return (
    <FormDialog
      title={slot ? 'Modifier la permanence' : 'Ouvrir une permanence'}
      intro="Les heures sont celles de Paris, y compris après les changements d’heure."
      form={form}
      mutation={slot ? update : create}
      onSubmit={(v) => {
        const body = ZSlotInput.parse(slotBody(v));
        if (slot)
          update.mutate({ params: { slotId: slot.id }, body: { ...body, rowVersion: slot.rowVersion } });
        else create.mutate({ body });
      }}
      onClose={onClose}
      submitLabel={slot ? 'Enregistrer' : 'Ouvrir'}
    >
      <TextInput label="Lieu" required {...form.getInputProps('place')} />
      <Select
        label="Jour de la semaine"
        required
        data={Object.entries(WEEKDAY_LABELS).map(([value, label]) => ({ value, label }))}
        {...form.getInputProps('weekday')}
      />
      <TextInput
        label="Début"
        description="HH:MM, heure de Paris"
        required
        {...form.getInputProps('startTime')}
      />
      <TextInput
        label="Fin"
        description="HH:MM, heure de Paris"
        required
        {...form.getInputProps('endTime')}
      />
      <NumberInput
        label="Toutes les … semaines"
        description="1 : chaque semaine ; 2 : une semaine sur deux"
        min={1}
        max={8}
        allowDecimal={false}
        {...form.getInputProps('everyWeeks')}
      />
      <DateField label="Première date" required {...form.getInputProps('fromDate')} />
      <DateField label="Dernière date (facultatif)" {...form.getInputProps('untilDate')} />
      <MultiSelect
        label="Intervenants"
        description="Travailleurs sociaux de votre organisation"
        required
        data={(options.data?.staff ?? []).map((s) => ({ value: s.id, label: s.name }))}
        searchable
        {...form.getInputProps('staffUserIds')}
      />
    </FormDialog>
  );
}
