import { useState } from 'react';
import { Button, Card, Group, List, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { QueryKey } from '@tanstack/react-query';
import type { z } from 'zod';
import { EVICTION_STEP_LABELS, type EvictionStep } from '@shared/contracts/household-enums.ts';
import {
  ZEvictionProcedureClose,
  ZEvictionStepCreate,
  type TEvictionProcedure,
  type THouseholdDetail,
} from '@shared/contracts/households.ts';
import { canEditHousehold } from '@shared/access/household-access.ts';
import { formatDate } from '@shared/format.ts';
import { HOUSEHOLD_ROUTES } from '@shared/routes/households.ts';
import { parisToday } from '@shared/time.ts';
import { useApiMutation } from '../../api/hooks.ts';
import { callRoute, useRouteMutation } from '../../api/routes.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { DateField } from '../../components/DateField.tsx';
import { householdKey } from './household-api.ts';
import { zodErrors } from './household-form.ts';
import { optionsOf } from './organisations.ts';

/**
 * The household's eviction procedure, step by step (one record, which referrals and diagnostics
 * write too): who reads the file sees it; who edits it adds a dated step or closes it.
 */
export function EvictionProcedureBlock({ file }: { file: THouseholdDetail }) {
  const [adding, setAdding] = useState(false);
  if (file.evictionProcedure === undefined) return null;
  const procedure = file.evictionProcedure;
  const open = procedure !== null && procedure.closedOn === null;
  const editable = canEditHousehold(file.accessLevel);
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        Procédure d’expulsion
      </Title>
      <EvictionProcedureView procedure={procedure} />
      {editable &&
        (adding ? (
          <EvictionStepForm
            save={(body) => callRoute(HOUSEHOLD_ROUTES.recordEvictionStep, { params: { id: file.id }, body })}
            invalidate={[householdKey(file.id)]}
            onDone={() => setAdding(false)}
          />
        ) : (
          <Group>
            <Button variant="light" onClick={() => setAdding(true)}>
              Noter une étape de la procédure
            </Button>
            {open && <CloseProcedure file={file} />}
          </Group>
        ))}
    </Stack>
  );
}

/** The procedure's state and its steps (none known: said so). */
export function EvictionProcedureView({ procedure }: { procedure: TEvictionProcedure | null }) {
  if (procedure === null) return <Text c="dimmed">Aucune procédure d’expulsion connue.</Text>;
  return (
    <>
      <Text size="sm" c="dimmed">
        {procedure.closedOn === null
          ? `En cours depuis le ${formatDate(procedure.openedOn)}.`
          : `Close le ${formatDate(procedure.closedOn)}.`}
      </Text>
      <EvictionStepList steps={procedure.steps} />
    </>
  );
}

/** Dated steps, oldest first, with their note when the reader has it. */
export function EvictionStepList({
  steps,
}: {
  steps: readonly { step: EvictionStep; occurredOn: string; note?: string | null }[];
}) {
  return (
    <List aria-label="Étapes de la procédure d’expulsion">
      {steps.map((s) => (
        <List.Item key={`${s.step}-${s.occurredOn}`}>
          {formatDate(s.occurredOn)} — {EVICTION_STEP_LABELS[s.step]}
          {s.note && ` (${s.note})`}
        </List.Item>
      ))}
    </List>
  );
}

type StepBody = z.output<typeof ZEvictionStepCreate>;

/**
 * A dated step to record: `save` sends it where the page records it (the file, or the diagnostic
 * it was learnt in), then `invalidate` is refreshed.
 */
export function EvictionStepForm({
  save,
  invalidate,
  onDone,
}: {
  save: (body: StepBody) => Promise<unknown>;
  invalidate: QueryKey[];
  onDone: () => void;
}) {
  const form = useForm<{ step: EvictionStep | null; occurredOn: string | null; note: string }>({
    initialValues: { step: null, occurredOn: parisToday(), note: '' },
    validate: (v) => zodErrors(ZEvictionStepCreate.safeParse(v).error),
  });
  const record = useApiMutation(save, {
    form,
    invalidate,
    successMessage: 'Étape enregistrée.',
    onSuccess: onDone,
  });
  return (
    <Card
      withBorder
      component="form"
      noValidate
      aria-label="Noter une étape de la procédure"
      // Validated above: the values parse.
      onSubmit={form.onSubmit((v) => record.mutate(ZEvictionStepCreate.parse(v)))}
    >
      <Stack gap="sm">
        <Select
          label="Étape"
          required
          data={optionsOf(EVICTION_STEP_LABELS)}
          {...form.getInputProps('step')}
        />
        <DateField label="Date" required {...form.getInputProps('occurredOn')} />
        <TextInput label="Précision" {...form.getInputProps('note')} />
        <ApiErrorAlert error={record.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Annuler
          </Button>
          <Button type="submit" loading={record.isPending}>
            Enregistrer l’étape
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function CloseProcedure({ file }: { file: THouseholdDetail }) {
  const [closing, setClosing] = useState(false);
  const form = useForm({
    initialValues: { reason: '' },
    validate: (v) => zodErrors(ZEvictionProcedureClose.safeParse(v).error),
  });
  const close = useRouteMutation(HOUSEHOLD_ROUTES.closeEvictionProcedure, {
    form,
    invalidate: [householdKey(file.id)],
    successMessage: 'Procédure close.',
  });
  if (!closing) {
    return (
      <Button variant="subtle" onClick={() => setClosing(true)}>
        Clore la procédure
      </Button>
    );
  }
  return (
    <form
      noValidate
      aria-label="Clore la procédure"
      onSubmit={form.onSubmit((body) => close.mutate({ params: { id: file.id }, body }))}
    >
      <Group align="flex-end">
        <TextInput
          label="Motif de clôture"
          description="Dette soldée, protocole signé, relogement…"
          required
          {...form.getInputProps('reason')}
        />
        <Button type="submit" loading={close.isPending}>
          Clore
        </Button>
        <ApiErrorAlert error={close.error} />
      </Group>
    </form>
  );
}
