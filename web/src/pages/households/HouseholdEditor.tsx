import { useState, type ReactNode } from 'react';
import { Alert, Anchor, Button, Group, List, Paper, Stack, Tabs } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { THouseholdDetail } from '@shared/contracts/households.ts';
import { HOUSEHOLD_ROUTES } from '@shared/routes/households.ts';
import { useRouteMutation } from '../../api/routes.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import {
  CaseworkerFields,
  ContactFields,
  DwellingFields,
  HousingHistoryFields,
  MembersFields,
  PriorityFields,
  ResourcesFields,
  SituationFields,
  type HouseholdForm,
} from './HouseholdFields.tsx';
import { HOUSEHOLDS_KEY } from './household-api.ts';
import {
  bodyFromValues,
  fieldLabelOfPath,
  sectionOfPath,
  validateHouseholdValues,
  valuesFromDetail,
  type FileSection,
  type HouseholdFormValues,
} from './household-form.ts';

const SECTIONS: { value: FileSection; label: string; render: (form: HouseholdForm) => ReactNode }[] = [
  {
    value: 'situation',
    label: 'Situation',
    render: (form) => (
      <Stack gap="xl">
        <SituationFields form={form} withStatus />
        <ContactFields form={form} />
        <DwellingFields form={form} />
        <PriorityFields form={form} />
        <CaseworkerFields form={form} />
      </Stack>
    ),
  },
  {
    value: 'membres',
    label: 'Membres',
    render: (form) => <MembersFields form={form} members={form.values.members} />,
  },
  { value: 'ressources', label: 'Ressources', render: (form) => <ResourcesFields form={form} /> },
  { value: 'logement', label: 'Logement', render: (form) => <HousingHistoryFields form={form} /> },
];

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Three-way merge by part of the file after a conflict: the parts the user did not touch take the
 * other person's version, the parts both changed keep the user's typing and are reported.
 */
function mergeAfterConflict(
  base: HouseholdFormValues,
  theirs: HouseholdFormValues,
  mine: HouseholdFormValues,
) {
  const merged = { ...mine };
  const taken: string[] = [];
  const clashing: string[] = [];
  for (const key of Object.keys(theirs) as (keyof HouseholdFormValues)[]) {
    if (same(base[key], theirs[key])) continue;
    if (same(base[key], mine[key])) {
      Object.assign(merged, { [key]: theirs[key] });
      taken.push(fieldLabelOfPath(key));
    } else {
      clashing.push(fieldLabelOfPath(key));
    }
  }
  return { merged, taken, clashing };
}

interface HouseholdEditorProps {
  file: THouseholdDetail;
  /** Fetches the file again (after a version conflict). */
  reload: () => Promise<THouseholdDetail | undefined>;
  initialTab: string;
  onDone: () => void;
}

/**
 * The whole file in one form, saved with the version it was read at. On a version conflict the
 * typed values stay in the form: reloading takes the other person's version of the parts the user did
 * not touch, keeps the user's typing elsewhere, and the user saves again on top of that version.
 */
export function HouseholdEditor({ file, reload, initialTab, onDone }: HouseholdEditorProps) {
  const [tab, setTab] = useState<FileSection>(
    SECTIONS.some((s) => s.value === initialTab) ? (initialTab as FileSection) : 'situation',
  );
  const [base, setBase] = useState(file);
  const [merge, setMerge] = useState<{ taken: string[]; clashing: string[] } | null>(null);
  const form = useForm<HouseholdFormValues>({
    initialValues: valuesFromDetail(file),
    validate: validateHouseholdValues,
  });
  const save = useRouteMutation(HOUSEHOLD_ROUTES.update, {
    form,
    invalidate: [HOUSEHOLDS_KEY],
    successMessage: 'Dossier enregistré.',
    onSuccess: onDone,
  });
  const submit = (values: HouseholdFormValues) =>
    save.mutate({ params: { id: file.id }, body: { ...bodyFromValues(values), version: base.version } });

  const reloadAfterConflict = async () => {
    const fresh = await reload();
    if (!fresh) return;
    const { merged, taken, clashing } = mergeAfterConflict(
      valuesFromDetail(base),
      valuesFromDetail(fresh),
      form.getValues(),
    );
    form.setValues(merged);
    setMerge({ taken, clashing });
    setBase(fresh);
    save.reset();
  };

  const errorPaths = Object.keys(form.errors);
  const errorCount = (section: FileSection) => errorPaths.filter((p) => sectionOfPath(p) === section).length;

  return (
    <form noValidate onSubmit={form.onSubmit(submit)}>
      <Stack gap="md">
        {merge && (
          <Alert color="blue" role="status" title="Version la plus récente chargée">
            Vos saisies sont conservées.{' '}
            {merge.taken.length > 0 &&
              `Modifications de l'autre personne reprises : ${merge.taken.join(', ')}. `}
            {merge.clashing.length > 0 &&
              `Modifiées par vous deux (votre saisie est gardée, vérifiez-la) : ${merge.clashing.join(', ')}. `}
            Enregistrez à nouveau pour appliquer vos modifications.
          </Alert>
        )}
        <ApiErrorAlert error={save.error} onReload={() => void reloadAfterConflict()} />
        {errorPaths.length > 0 && (
          <Alert color="red" title="Le dossier n'a pas été enregistré" aria-live="polite">
            <List size="sm" spacing={4}>
              {errorPaths.map((path) => (
                <List.Item key={path}>
                  {fieldLabelOfPath(path)} : {String(form.errors[path])}{' '}
                  {sectionOfPath(path) !== tab && (
                    <Anchor
                      component="button"
                      type="button"
                      size="sm"
                      onClick={() => setTab(sectionOfPath(path))}
                    >
                      (aller à l'onglet {SECTIONS.find((s) => s.value === sectionOfPath(path))?.label})
                    </Anchor>
                  )}
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
        <Tabs value={tab} onChange={(v) => v && setTab(v as FileSection)} keepMounted={false}>
          <Tabs.List aria-label="Parties du dossier à modifier" mb="md">
            {SECTIONS.map((s) => {
              const count = errorCount(s.value);
              return (
                <Tabs.Tab key={s.value} value={s.value} color={count ? 'red' : undefined}>
                  {s.label}
                  {count > 0 && ` (${count} erreur${count > 1 ? 's' : ''})`}
                </Tabs.Tab>
              );
            })}
          </Tabs.List>
          {SECTIONS.map((s) => (
            <Tabs.Panel key={s.value} value={s.value}>
              {s.render(form)}
            </Tabs.Panel>
          ))}
        </Tabs>
        <Paper withBorder p="sm" pos="sticky" bottom={0} style={{ zIndex: 2 }} shadow="sm">
          <Group justify="flex-end">
            <Button variant="default" onClick={onDone}>
              Annuler les modifications
            </Button>
            <Button type="submit" loading={save.isPending}>
              Enregistrer le dossier
            </Button>
          </Group>
        </Paper>
      </Stack>
    </form>
  );
}
