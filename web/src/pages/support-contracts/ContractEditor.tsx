import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import type { QueryKey } from '@tanstack/react-query';
import {
  VISIT_PLACE_LABELS,
  type TContractEdit,
  type TContractVersion,
  type TSupportContract,
} from '@shared/contracts/support-contracts.ts';
import { REFERENTIEL_ROUTES } from '@shared/routes/referentiel.ts';
import { SUPPORT_CONTRACT_ROUTES } from '@shared/routes/support-contracts.ts';
import { useRouteMutation, useRouteQuery } from '../../api/routes.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { DateField } from '../../components/DateField.tsx';
import { Section } from '../../components/Section.tsx';
import { optionsOf } from '../households/organisations.ts';

type Values = Omit<TContractEdit, 'rowVersion' | 'objectives'> & {
  objectives: { title: string; indicator: string; targetDate: string | null; briques: string[] }[];
};
type Form = UseFormReturnType<Values>;

const valuesOf = (v: TContractVersion): Values => ({
  objectives: (v.objectives ?? []).map((o) => ({ ...o, briques: o.briques.map((b) => b.code) })),
  commitments: {
    household: v.commitments.household ?? [],
    landlord: v.commitments.landlord,
    association: v.commitments.association,
  },
  modalities: v.modalities,
  clauses: v.clauses,
});

/** An editable list of sentences (commitments of one party, clauses), one field each. */
function SentenceList({
  form,
  path,
  legend,
  itemLabel,
  addLabel,
  description,
}: {
  form: Form;
  path: string;
  legend: string;
  itemLabel: string;
  addLabel: string;
  description?: string;
}) {
  const items = path
    .split('.')
    .reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], form.values) as string[];
  return (
    <Fieldset legend={legend}>
      <Stack gap="xs">
        {description && (
          <Text size="sm" c="dimmed">
            {description}
          </Text>
        )}
        {items.map((_, i) => (
          <Group key={i} align="flex-end" wrap="nowrap">
            <Textarea
              style={{ flex: 1 }}
              autosize
              minRows={1}
              label={`${itemLabel} ${i + 1}`}
              {...form.getInputProps(`${path}.${i}`)}
            />
            <Button
              variant="subtle"
              color="red"
              mb={2}
              aria-label={`Retirer : ${itemLabel.toLowerCase()} ${i + 1}`}
              onClick={() => form.removeListItem(path, i)}
            >
              Retirer
            </Button>
          </Group>
        ))}
        <Group>
          <Button variant="light" onClick={() => form.insertListItem(path, '')}>
            {addLabel}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}

/**
 * The draft's editor: objectives (each with its indicator, target date and briques of the
 * measure's référentiel version), each party's commitments, the modalities and free clauses.
 */
export function ContractEditor({
  householdId,
  contract,
  version,
  invalidate,
}: {
  householdId: string;
  contract: TSupportContract;
  version: TContractVersion;
  invalidate: QueryKey[];
}) {
  const form = useForm<Values>({ initialValues: valuesOf(version) });
  const referentiel = useRouteQuery(REFERENTIEL_ROUTES.get, {
    params: { version: version.terms.referentielVersion },
  });
  const briques = (referentiel.data?.groups ?? []).map((g) => ({
    group: `${g.code}. ${g.title}`,
    items: g.briques.map((b) => ({ value: b.code, label: `${b.code} — ${b.title}` })),
  }));
  const save = useRouteMutation(SUPPORT_CONTRACT_ROUTES.edit, {
    form,
    invalidate,
    successMessage: 'Brouillon du contrat enregistré.',
  });
  const landlordNamed = version.requiredSignatories.includes('landlord');
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) =>
        save.mutate({
          params: { id: householdId, measureId: contract.measureId },
          body: { ...values, rowVersion: contract.rowVersion },
        }),
      )}
    >
      <Stack>
        <Section title="Objectifs">
          <Stack>
            <Text size="sm" c="dimmed">
              Les objectifs et les engagements du ménage ne sont pas communiqués au bailleur.
            </Text>
            {form.values.objectives.map((_, i) => (
              <Paper key={i} withBorder p="sm" radius="md">
                <Fieldset legend={`Objectif ${i + 1}`} variant="unstyled">
                  <Stack gap="xs">
                    <TextInput label="Intitulé" required {...form.getInputProps(`objectives.${i}.title`)} />
                    <TextInput
                      label="Indicateur"
                      description="Comment saura-t-on que l’objectif est atteint ?"
                      {...form.getInputProps(`objectives.${i}.indicator`)}
                    />
                    <Group grow align="flex-start">
                      <DateField label="Date visée" {...form.getInputProps(`objectives.${i}.targetDate`)} />
                      <MultiSelect
                        label="Briques du référentiel"
                        data={briques}
                        searchable
                        nothingFoundMessage="Aucune brique"
                        {...form.getInputProps(`objectives.${i}.briques`)}
                      />
                    </Group>
                    <Group justify="flex-end">
                      <Button
                        variant="subtle"
                        color="red"
                        onClick={() => form.removeListItem('objectives', i)}
                      >
                        Retirer l’objectif {i + 1}
                      </Button>
                    </Group>
                  </Stack>
                </Fieldset>
              </Paper>
            ))}
            {typeof form.errors.objectives === 'string' && (
              <Text c="red.8" size="sm" role="alert">
                {form.errors.objectives}
              </Text>
            )}
            <Group>
              <Button
                variant="light"
                onClick={() =>
                  form.insertListItem('objectives', {
                    title: '',
                    indicator: '',
                    targetDate: null,
                    briques: [],
                  })
                }
              >
                Ajouter un objectif
              </Button>
            </Group>
          </Stack>
        </Section>
        <Section title="Engagements">
          <Stack>
            <SentenceList
              form={form}
              path="commitments.household"
              legend="Engagements du ménage"
              itemLabel="Engagement du ménage"
              addLabel="Ajouter un engagement du ménage"
            />
            {landlordNamed && (
              <SentenceList
                form={form}
                path="commitments.landlord"
                legend="Engagements du bailleur"
                itemLabel="Engagement du bailleur"
                addLabel="Ajouter un engagement du bailleur"
              />
            )}
            <SentenceList
              form={form}
              path="commitments.association"
              legend="Engagements de l’association"
              itemLabel="Engagement de l’association"
              addLabel="Ajouter un engagement de l’association"
            />
          </Stack>
        </Section>
        <Section title="Modalités et clauses">
          <Stack>
            <Group grow align="flex-start">
              <NumberInput
                label="Rencontres par mois"
                min={1}
                max={31}
                allowDecimal={false}
                required
                {...form.getInputProps('modalities.visitsPerMonth')}
              />
              <Select
                label="Lieu des rencontres"
                data={optionsOf(VISIT_PLACE_LABELS)}
                allowDeselect={false}
                required
                {...form.getInputProps('modalities.place')}
              />
            </Group>
            <Checkbox
              label="Un point mensuel sur le contrat avec le ménage"
              {...form.getInputProps('modalities.monthlyReview', { type: 'checkbox' })}
            />
            <SentenceList
              form={form}
              path="clauses"
              legend="Clauses particulières"
              itemLabel="Clause"
              addLabel="Ajouter une clause"
              description="Visibles par toutes les parties signataires, bailleur compris."
            />
          </Stack>
        </Section>
        <ApiErrorAlert error={save.error} />
        <Group justify="flex-end">
          <Button type="submit" size="md" loading={save.isPending}>
            Enregistrer le brouillon
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
