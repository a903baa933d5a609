import {
  Alert,
  Button,
  Grid,
  Group,
  List,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import {
  ALWAYS_HOUSING_COST,
  CONSUMPTION_UNIT_SCALE_LABELS,
  CONSUMPTION_UNIT_SCALES,
  DAYS_PER_MONTH,
  DAYS_PER_MONTH_LABELS,
  ZBudgetConventionCreate,
  type TBudgetConvention,
  type TBudgetConventionCreate,
  type TFslChargesParameters,
} from '@shared/contracts/budget.ts';
import { EXPENSE_CATEGORIES, EXPENSE_CATEGORY_LABELS } from '@shared/contracts/household-enums.ts';
import { BUDGET_ROUTES } from '@shared/routes/budget.ts';
import { routeKey, useRouteMutation, useRouteQuery } from '../../api/routes.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { DateField } from '../../components/DateField.tsx';
import { MoneyInput } from '../../components/MoneyInput.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { Section } from '../../components/Section.tsx';
import { formatCents, formatDate } from '@shared/format.ts';

/** Rent and charges always count as housing cost: only the other categories are a choice. */
const CATEGORY_OPTIONS = EXPENSE_CATEGORIES.filter((c) => !ALWAYS_HOUSING_COST.includes(c)).map((c) => ({
  value: c,
  label: EXPENSE_CATEGORY_LABELS[c],
}));
const categoryList = (categories: readonly (keyof typeof EXPENSE_CATEGORY_LABELS)[]) =>
  categories.length === 0 ? 'aucune' : categories.map((c) => EXPENSE_CATEGORY_LABELS[c]).join(', ');

type SizeList = 'electricityCentsBySize' | 'insuranceCentsBySize' | 'phoneCentsBySize';
const SIZE_LISTS: { key: SizeList; label: string }[] = [
  { key: 'electricityCentsBySize', label: 'Électricité' },
  { key: 'insuranceCentsBySize', label: 'Assurance habitation' },
  { key: 'phoneCentsBySize', label: 'Téléphone et internet' },
];
const MAX_SIZES = 12;

/** "1 personne", …, and "N personnes ou plus" for the last amount, which applies beyond. */
const sizeLabel = (index: number, count: number) => {
  const persons = index + 1;
  const unit = persons === 1 ? 'personne' : 'personnes';
  return index === count - 1 && count > 1 ? `${persons} ${unit} ou plus` : `${persons} ${unit}`;
};
const sizeAmounts = (amounts: readonly number[]) =>
  amounts.map((cents, i) => `${sizeLabel(i, amounts.length)} : ${formatCents(cents)}`).join(' ; ');

export function BudgetConventionsPage() {
  const list = useRouteQuery(BUDGET_ROUTES.conventions, {});
  return (
    <>
      <PageHeader
        title="Conventions budgétaires"
        description="Les règles de calcul du taux d’effort, du reste à vivre et des charges estimées (règle FSL) propres à votre département, datées. Sans convention en vigueur, la convention par défaut s’applique."
      />
      <QueryState query={list}>
        {(data) => (
          <Stack gap="xl">
            {data.departement ? (
              <>
                <Section title={`Conventions de ${data.departement.name} (${data.departement.code})`}>
                  <ConventionTable items={data.items} />
                </Section>
                <AddConventionForm
                  departementId={data.departement.id}
                  template={data.items.at(-1) ?? data.default}
                />
              </>
            ) : (
              <Alert color="orange" title="Aucun département">
                Votre organisation n’est rattachée à aucun territoire : renseignez-le avant de définir une
                convention départementale.
              </Alert>
            )}
            <Section title="Convention par défaut (référence)">
              <ConventionDetails convention={data.default} />
            </Section>
          </Stack>
        )}
      </QueryState>
    </>
  );
}

function ConventionTable({ items }: { items: TBudgetConvention[] }) {
  return (
    <DataTable
      caption="Conventions du département, les plus récentes d’abord"
      rows={[...items].reverse()}
      rowKey={(c) => c.id ?? c.effectiveFrom}
      emptyTitle="Aucune convention départementale"
      emptyDescription="La convention par défaut s’applique."
      columns={[
        { key: 'from', header: 'Du', render: (c) => formatDate(c.effectiveFrom), width: 110 },
        {
          key: 'to',
          header: 'Au',
          render: (c) => (c.effectiveTo ? formatDate(c.effectiveTo) : 'Sans date de fin'),
          width: 130,
        },
        { key: 'name', header: 'Nom', render: (c) => c.values.name },
        {
          key: 'thresholds',
          header: 'Seuils',
          render: (c) =>
            `Taux d’effort ${c.values.effortRateThresholdPercent} % ; reste à vivre ${formatCents(c.values.resteAVivreThresholdCents)} par UC et par jour`,
        },
        {
          key: 'fsl',
          header: 'Charges (règle FSL)',
          hideOnSmall: true,
          render: (c) =>
            `Chauffage ${formatCents(c.values.fslCharges.heatingCentsPerM2)}/m² ; eau ${formatCents(c.values.fslCharges.waterCentsPerPerson)} par personne`,
        },
        {
          key: 'source',
          header: 'Source',
          hideOnSmall: true,
          render: (c) => (
            <Text span size="sm" style={{ overflowWrap: 'anywhere' }}>
              {c.values.source}
            </Text>
          ),
        },
      ]}
    />
  );
}

function ConventionDetails({ convention }: { convention: TBudgetConvention }) {
  const v = convention.values;
  const fsl: TFslChargesParameters = v.fslCharges;
  return (
    <Stack gap="xs">
      <Text fw={600}>{v.name}</Text>
      <List size="sm" spacing={4}>
        <List.Item>En vigueur depuis le {formatDate(convention.effectiveFrom)}</List.Item>
        <List.Item>
          Unités de consommation : {CONSUMPTION_UNIT_SCALE_LABELS[v.consumptionUnitScale]}
        </List.Item>
        <List.Item>Jours par mois : {DAYS_PER_MONTH_LABELS[v.daysPerMonth]}</List.Item>
        <List.Item>Coût du logement : loyer, charges et {categoryList(v.housingCostCategories)}</List.Item>
        <List.Item>Dépenses contraintes : {categoryList(v.fixedExpenseCategories)}</List.Item>
        <List.Item>Seuil de taux d’effort : {v.effortRateThresholdPercent} %</List.Item>
        <List.Item>
          Seuil de reste à vivre : {formatCents(v.resteAVivreThresholdCents)} par UC et par jour
        </List.Item>
        <List.Item>
          Chauffage {formatCents(fsl.heatingCentsPerM2)}/m² ; eau {formatCents(fsl.waterCentsPerPerson)} par
          personne
        </List.Item>
        {SIZE_LISTS.map(({ key, label }) => (
          <List.Item key={key}>
            {label} : {sizeAmounts(fsl[key])}
          </List.Item>
        ))}
      </List>
      <Text size="sm" c="dimmed">
        Source : {v.source}
      </Text>
    </Stack>
  );
}

type ConventionFormValues = Omit<TBudgetConventionCreate, 'effectiveFrom'> & { effectiveFrom: string | null };

function AddConventionForm({
  departementId,
  template,
}: {
  departementId: string;
  template: TBudgetConvention;
}) {
  const form = useForm<ConventionFormValues>({
    initialValues: {
      territoryId: departementId,
      effectiveFrom: null,
      effectiveTo: null,
      values: structuredClone(template.values),
    },
    validate: schemaResolver(ZBudgetConventionCreate, { sync: true }),
  });
  const save = useRouteMutation(BUDGET_ROUTES.addConvention, {
    form,
    invalidate: [routeKey(BUDGET_ROUTES.conventions, {})],
    successMessage: 'Convention ajoutée.',
    onSuccess: () => form.reset(),
  });
  // The resolver has checked the date when onSubmit calls this.
  const submit = (v: ConventionFormValues) =>
    save.mutate({ body: { ...v, effectiveFrom: v.effectiveFrom ?? '' } });
  const fsl = form.values.values.fslCharges;

  return (
    <Section title="Ajouter une convention">
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">
            Pré-remplie avec la convention la plus récente : modifiez ce qui change et ses dates.
          </Text>
          <ApiErrorAlert error={save.error} />
          <Grid>
            <Grid.Col span={{ base: 12, md: 6 }}>
              <TextInput label="Nom" required {...form.getInputProps('values.name')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
              <DateField label="En vigueur à partir du" required {...form.getInputProps('effectiveFrom')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
              <DateField
                label="Jusqu’au (facultatif)"
                description="Vide : jusqu’à la convention suivante"
                {...form.getInputProps('effectiveTo')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 8 }}>
              <Select
                label="Échelle d’unités de consommation"
                required
                allowDeselect={false}
                data={CONSUMPTION_UNIT_SCALES.map((value) => ({
                  value,
                  label: CONSUMPTION_UNIT_SCALE_LABELS[value],
                }))}
                {...form.getInputProps('values.consumptionUnitScale')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 4 }}>
              <Select
                label="Jours par mois"
                required
                allowDeselect={false}
                data={DAYS_PER_MONTH.map((value) => ({ value, label: DAYS_PER_MONTH_LABELS[value] }))}
                {...form.getInputProps('values.daysPerMonth')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 6 }}>
              <MultiSelect
                label="Ajouté au coût du logement"
                description="Le loyer et les charges y comptent toujours"
                data={CATEGORY_OPTIONS}
                {...form.getInputProps('values.housingCostCategories')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 6 }}>
              <MultiSelect
                label="Dépenses contraintes déduites du reste à vivre"
                data={CATEGORY_OPTIONS}
                {...form.getInputProps('values.fixedExpenseCategories')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <NumberInput
                label="Seuil de taux d’effort"
                required
                suffix=" %"
                decimalSeparator=","
                min={0}
                max={100}
                hideControls
                inputMode="decimal"
                {...form.getInputProps('values.effortRateThresholdPercent')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <MoneyInput
                label="Seuil de reste à vivre par UC et par jour"
                required
                {...form.getInputProps('values.resteAVivreThresholdCents')}
              />
            </Grid.Col>
          </Grid>

          <Title order={3} size="h5">
            Estimation des charges (règle FSL)
          </Title>
          <Grid>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <MoneyInput
                label="Chauffage par m² et par mois"
                required
                {...form.getInputProps('values.fslCharges.heatingCentsPerM2')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <MoneyInput
                label="Eau par personne et par mois"
                required
                {...form.getInputProps('values.fslCharges.waterCentsPerPerson')}
              />
            </Grid.Col>
          </Grid>
          {SIZE_LISTS.map(({ key, label }) => {
            const path = `values.fslCharges.${key}`;
            const amounts = fsl[key];
            return (
              <fieldset key={key} style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }}>
                <Text component="legend" fw={500} size="sm" mb={4}>
                  {label} par mois, selon la taille du ménage
                </Text>
                <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }}>
                  {amounts.map((_, i) => (
                    <MoneyInput
                      key={i}
                      label={`${label} — ${sizeLabel(i, amounts.length)}`}
                      required
                      {...form.getInputProps(`${path}.${i}`)}
                    />
                  ))}
                </SimpleGrid>
                {typeof form.errors[path] === 'string' && (
                  <Text size="sm" c="red.8" mt={4}>
                    {form.errors[path]}
                  </Text>
                )}
                <Group gap="xs" mt="xs">
                  <Button
                    size="xs"
                    variant="default"
                    disabled={amounts.length >= MAX_SIZES}
                    onClick={() => form.insertListItem(path, amounts.at(-1) ?? 0)}
                  >
                    Ajouter une taille ({label.toLowerCase()})
                  </Button>
                  <Button
                    size="xs"
                    variant="default"
                    disabled={amounts.length <= 1}
                    onClick={() => form.removeListItem(path, amounts.length - 1)}
                  >
                    Retirer la dernière taille ({label.toLowerCase()})
                  </Button>
                </Group>
              </fieldset>
            );
          })}
          <Textarea
            label="Source"
            description="Délibération, règlement intérieur du FSL, date d’adoption…"
            required
            autosize
            minRows={2}
            {...form.getInputProps('values.source')}
          />
          <Group>
            <Button type="submit" loading={save.isPending}>
              Ajouter la convention
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}
