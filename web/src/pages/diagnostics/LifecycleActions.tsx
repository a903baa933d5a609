import { useState } from 'react';
import { Button, Group, List, Modal, Select, Stack, Tabs, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { PRESENTATION_METHOD_LABELS, type TDiagnosticDetail } from '@shared/contracts/diagnostics.ts';
import { diagnosticFieldLabel } from '@shared/diagnostics/field-labels.ts';
import { api, isApiError } from '../../api/client.ts';
import { useApiMutation } from '../../api/hooks.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { DateField } from '../../components/DateField.tsx';
import { optionsOf } from '../households/organisations.ts';
import { diagnosticPaths, today } from './diagnostic-api.ts';
import { SignaturePad } from './SignaturePad.tsx';

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

const invalidationKeys = (householdId: string, diagId: string) => {
  const paths = diagnosticPaths(householdId);
  return [paths.list, paths.detail(diagId)];
};

/** Brique 1.2: the diagnostic is explained to the household (date, how, what was said). */
export function PresentAction({ householdId, detail, rowVersion, flush, onFieldErrors }: ActionProps) {
  const [open, setOpen] = useState(false);
  const form = useForm({
    initialValues: {
      presentedOn: today() as string | null,
      method: 'home_visit' as string | null,
      explanation: '',
    },
  });
  const present = useApiMutation(
    (v: typeof form.values) =>
      api.post(diagnosticPaths(householdId).step(detail.id, 'present'), { ...v, rowVersion }),
    {
      form,
      invalidate: invalidationKeys(householdId, detail.id),
      successMessage: 'Diagnostic présenté au ménage.',
      onSuccess: () => setOpen(false),
    },
  );
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
            present.mutate(v, {
              onError: (e) => {
                if (e.hasFieldErrors) onFieldErrors?.(e.fields);
              },
            });
          })}
        >
          <Stack>
            <ApiErrorAlert error={present.error} />
            <MissingFields fields={missing} />
            <DateField label="Date de la présentation" required {...form.getInputProps('presentedOn')} />
            <Select
              label="Modalité"
              required
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
  const [method, setMethod] = useState<string | null>('signature');
  const form = useForm({
    initialValues: { signedOn: today() as string | null, typedName: '', signaturePng: null as string | null },
  });
  const approve = useApiMutation(
    (v: typeof form.values) =>
      api.post(
        diagnosticPaths(householdId).step(detail.id, 'approve'),
        method === 'signature'
          ? { rowVersion, method, signedOn: v.signedOn, signaturePng: v.signaturePng ?? '' }
          : { rowVersion, method, signedOn: v.signedOn, typedName: v.typedName },
      ),
    {
      form,
      invalidate: invalidationKeys(householdId, detail.id),
      successMessage: 'Approbation du ménage enregistrée.',
      onSuccess: () => setOpen(false),
    },
  );
  return (
    <>
      <Button size="md" color="green" onClick={() => setOpen(true)}>
        Faire approuver
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title="Approbation par le ménage" size="xl">
        <form noValidate onSubmit={form.onSubmit((v) => approve.mutate(v))}>
          <Stack>
            <ApiErrorAlert error={approve.error} />
            <DateField label="Date" required {...form.getInputProps('signedOn')} />
            <Tabs value={method} onChange={setMethod}>
              <Tabs.List aria-label="Mode d’approbation" grow>
                <Tabs.Tab value="signature">Signature sur la tablette</Tabs.Tab>
                <Tabs.Tab value="typed_name">Nom saisi devant témoin</Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="signature" pt="md">
                <SignaturePad onChange={(png) => form.setFieldValue('signaturePng', png)} />
                {typeof form.errors.signaturePng === 'string' && (
                  <Text c="red.8" size="sm" role="alert">
                    {form.errors.signaturePng}
                  </Text>
                )}
              </Tabs.Panel>
              <Tabs.Panel value="typed_name" pt="md">
                <TextInput
                  label="Nom et prénom saisis par le ménage"
                  description="Le ménage saisit son nom devant vous ; vous en êtes témoin."
                  required
                  {...form.getInputProps('typedName')}
                />
              </Tabs.Panel>
            </Tabs>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpen(false)}>
                Annuler
              </Button>
              <Button
                type="submit"
                color="green"
                loading={approve.isPending}
                disabled={method === 'signature' && !form.values.signaturePng}
              >
                Enregistrer l’approbation
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

/** The household does not agree: noted in its own words; the version is then closed. */
export function DisagreeAction({ householdId, detail, rowVersion }: ActionProps) {
  const [open, setOpen] = useState(false);
  const form = useForm({ initialValues: { notedOn: today() as string | null, inHouseholdWords: '' } });
  const disagree = useApiMutation(
    (v: typeof form.values) =>
      api.post(diagnosticPaths(householdId).step(detail.id, 'disagree'), { ...v, rowVersion }),
    {
      form,
      invalidate: invalidationKeys(householdId, detail.id),
      successMessage: 'Désaccord du ménage enregistré.',
      onSuccess: () => setOpen(false),
    },
  );
  return (
    <>
      <Button size="md" variant="outline" color="red" onClick={() => setOpen(true)}>
        Désaccord du ménage
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title="Désaccord du ménage" size="lg">
        <form noValidate onSubmit={form.onSubmit((v) => disagree.mutate(v))}>
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
