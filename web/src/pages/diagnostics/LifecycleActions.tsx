import { useState } from 'react';
import { Button, Group, List, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import {
  PRESENTATION_METHOD_LABELS,
  type PresentationMethod,
  type TDiagnosticDetail,
} from '@shared/contracts/diagnostics.ts';
import { diagnosticFieldLabel } from '@shared/diagnostics/field-labels.ts';
import { DIAGNOSTIC_ROUTES } from '@shared/routes/diagnostics.ts';
import { parisToday } from '@shared/time.ts';
import { isApiError } from '../../api/client.ts';
import { useRouteMutation } from '../../api/routes.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { DateField } from '../../components/DateField.tsx';
import { optionsOf } from '../households/organisations.ts';
import { diagnosticsKey } from './diagnostic-api.ts';
import { DatedSignatureModal, useDatedSignatureForm } from './HouseholdSignatureFields.tsx';

interface ActionProps {
  householdId: string;
  detail: TDiagnosticDetail;
  /** The current rowVersion (the editor's autosave moves it on). */
  rowVersion: number;
  /** Sends any pending autosave first. */
  flush?: () => Promise<void>;
  /** Shows the server's missing-field errors next to the editor's fields. */
  onFieldErrors?: (fields: Record<string, string>) => void;
}

const fieldLabel = (path: string) =>
  diagnosticFieldLabel(path.replace(/^content\./, '').replace(/\.\d+\./g, '[].'));

/** "Missing before presentation": each field named with its French label. */
export function MissingFields({ fields }: { fields: Record<string, string> }) {
  const entries = Object.entries(fields);
  if (entries.length === 0) return null;
  return (
    <Stack gap={4}>
      <Text fw={600} size="sm">
        À compléter avant de présenter le diagnostic :
      </Text>
      <List size="sm" spacing={2}>
        {entries.map(([path, message]) => (
          <List.Item key={path}>
            <strong>{fieldLabel(path)}</strong> : {message}
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}

/** Brique 1.2: the diagnostic is explained to the household (date, how, what was said). */
export function PresentAction({ householdId, detail, rowVersion, flush, onFieldErrors }: ActionProps) {
  const [open, setOpen] = useState(false);
  const form = useForm<{ presentedOn: string | null; method: PresentationMethod; explanation: string }>({
    initialValues: { presentedOn: parisToday(), method: 'home_visit', explanation: '' },
  });
  const present = useRouteMutation(DIAGNOSTIC_ROUTES.present, {
    form,
    invalidate: [diagnosticsKey(householdId)],
    successMessage: 'Diagnostic présenté au ménage.',
    onSuccess: () => setOpen(false),
  });
  const serverMissing =
    isApiError(present.error) && present.error.hasFieldErrors
      ? Object.fromEntries(Object.entries(present.error.fields).filter(([k]) => k.startsWith('content.')))
      : {};
  const missing = Object.keys(serverMissing).length > 0 ? serverMissing : detail.missingForPresentation;
  return (
    <>
      <Button size="md" onClick={() => setOpen(true)}>
        Présenter au ménage
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title="Présenter le diagnostic au ménage" size="lg">
        <form
          noValidate
          onSubmit={form.onSubmit(async (v) => {
            await flush?.();
            present.mutate(
              {
                params: { id: householdId, diagId: detail.id },
                body: { ...v, presentedOn: v.presentedOn ?? '', rowVersion },
              },
              {
                onError: (e) => {
                  if (e.hasFieldErrors) onFieldErrors?.(e.fields);
                },
              },
            );
          })}
        >
          <Stack>
            <ApiErrorAlert error={present.error} />
            <MissingFields fields={missing} />
            <DateField label="Date de la présentation" required {...form.getInputProps('presentedOn')} />
            <Select
              label="Modalité"
              required
              allowDeselect={false}
              data={optionsOf(PRESENTATION_METHOD_LABELS)}
              {...form.getInputProps('method')}
            />
            <Textarea
              label="Ce qui a été expliqué au ménage"
              required
              autosize
              minRows={4}
              {...form.getInputProps('explanation')}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpen(false)}>
                Annuler
              </Button>
              <Button type="submit" loading={present.isPending}>
                Enregistrer la présentation
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

/** Brique 1.3: the household approves, by signing on the tablet or typing its name before a witness. */
export function ApproveAction({ householdId, detail, rowVersion }: ActionProps) {
  const [open, setOpen] = useState(false);
  const signature = useDatedSignatureForm();
  const approve = useRouteMutation(DIAGNOSTIC_ROUTES.approve, {
    form: signature.form,
    invalidate: [diagnosticsKey(householdId)],
    successMessage: 'Approbation du ménage enregistrée.',
    onSuccess: () => setOpen(false),
  });
  return (
    <>
      <Button size="md" color="green" onClick={() => setOpen(true)}>
        Faire approuver
      </Button>
      {open && (
        <DatedSignatureModal
          signature={signature}
          title="Approbation par le ménage"
          methodLabel="Mode d’approbation"
          submitLabel="Enregistrer l’approbation"
          error={approve.error}
          pending={approve.isPending}
          onSubmit={(body) =>
            approve.mutate({ params: { id: householdId, diagId: detail.id }, body: { rowVersion, ...body } })
          }
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}

/** The household does not agree: noted in its own words; the version is then closed. */
export function DisagreeAction({ householdId, detail, rowVersion }: ActionProps) {
  const [open, setOpen] = useState(false);
  const form = useForm<{ notedOn: string | null; inHouseholdWords: string }>({
    initialValues: { notedOn: parisToday(), inHouseholdWords: '' },
  });
  const disagree = useRouteMutation(DIAGNOSTIC_ROUTES.disagree, {
    form,
    invalidate: [diagnosticsKey(householdId)],
    successMessage: 'Désaccord du ménage enregistré.',
    onSuccess: () => setOpen(false),
  });
  return (
    <>
      <Button size="md" variant="outline" color="red" onClick={() => setOpen(true)}>
        Désaccord du ménage
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title="Désaccord du ménage" size="lg">
        <form
          noValidate
          onSubmit={form.onSubmit((v) =>
            disagree.mutate({
              params: { id: householdId, diagId: detail.id },
              body: { ...v, notedOn: v.notedOn ?? '', rowVersion },
            }),
          )}
        >
          <Stack>
            <ApiErrorAlert error={disagree.error} />
            <DateField label="Date" required {...form.getInputProps('notedOn')} />
            <Textarea
              label="Le désaccord, avec les mots du ménage"
              required
              autosize
              minRows={4}
              {...form.getInputProps('inHouseholdWords')}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpen(false)}>
                Annuler
              </Button>
              <Button type="submit" color="red" loading={disagree.isPending}>
                Enregistrer le désaccord
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
