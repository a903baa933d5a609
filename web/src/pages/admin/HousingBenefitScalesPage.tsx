import { Alert, Button, Grid, Group, NumberInput, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm, type FormErrors } from '@mantine/form';
import {
  SCALE_FAMILIES,
  SCALE_FAMILY_LABELS,
  type ScaleFamily,
  type THousingBenefitScale,
} from '@shared/calculators/housing-benefit-scales.ts';
import { ZCreateScale, type TScaleList, type TScaleSummary } from '@shared/contracts/calculators.ts';
import { CALCULATOR_ROUTES } from '@shared/routes/calculators.ts';
import { routeKey, useRouteMutation, useRouteQuery } from '../../api/routes.ts';
import { oneOf } from '../../api/url-params.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { DateField } from '../../components/DateField.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { Section } from '../../components/Section.tsx';
import { formatDate } from '@shared/format.ts';

const monthFormat = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' });
/** `2026-09` → `septembre 2026`. */
const frenchMonth = (month: string) => monthFormat.format(new Date(`${month}-01T00:00:00Z`));

/** The current month (YYYY-MM) in France. */
const currentMonth = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit' })
    .format(new Date())
    .slice(0, 7);

const dayAfter = (isoDay: string) => {
  const date = new Date(`${isoDay}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
};

type Coverage = TScaleList['coverage'];
const covers = (coverage: Coverage, month: string) =>
  coverage.from !== null && coverage.from <= month && (coverage.to === null || month <= coverage.to);

/**
 * Families whose values are a flat list of numbers get one field each; the others (by zone, by
 * number of dependants) are edited as JSON. Rates are fractions, as in the published tables.
 */
const SIMPLE_FIELDS: Partial<Record<ScaleFamily, { key: string; label: string; euros?: boolean }[]>> = {
  minimum_contribution: [
    { key: 'flatAmount', label: 'Montant forfaitaire', euros: true },
    { key: 'rate', label: 'Taux appliqué au loyer et aux charges' },
  ],
  rent_rates: [
    { key: 'lowerThreshold', label: 'Seuil bas du rapport loyer / loyer de référence' },
    { key: 'upperThreshold', label: 'Seuil haut du rapport loyer / loyer de référence' },
    { key: 'middleRate', label: 'Taux de la tranche intermédiaire' },
    { key: 'upperRate', label: 'Taux de la tranche haute' },
  ],
  ceiling_coefficients: [
    { key: 'flatShare', label: 'Coefficient de colocation' },
    { key: 'room', label: 'Coefficient de chambre' },
  ],
  deductions: [
    { key: 'flatDeduction', label: 'Minoration forfaitaire', euros: true },
    { key: 'paymentThresholdAl', label: 'Seuil de versement des AL', euros: true },
    { key: 'paymentThresholdApl', label: 'Seuil de versement de l’APL', euros: true },
    { key: 'rlsShareOfAid', label: 'Part de la RLS imputée sur l’aide' },
    { key: 'crdsRate', label: 'Taux de CRDS' },
  ],
};

const ORIGIN_LABELS: Record<TScaleSummary['origin'], string> = {
  file: 'Fichier versionné',
  admin: 'Ajout administrateur',
};

export function HousingBenefitScalesPage() {
  const scales = useRouteQuery(CALCULATOR_ROUTES.scales, { query: { full: 'true' } });
  return (
    <>
      <PageHeader
        title="Barèmes d’aide au logement"
        description="Les paramètres de l’estimation de l’APL, de l’ALF et de l’ALS, famille par famille, avec leurs dates d’effet. Ajoutez ici un barème dès sa publication au Journal officiel."
      />
      <QueryState query={scales}>
        {(data) => (
          <Stack gap="xl">
            <CoverageSection coverage={data.coverage} />
            <AddScaleForm scales={data.scales} />
            <Section title="Périodes par famille de paramètres">
              <Stack gap="lg">
                {SCALE_FAMILIES.map((family) => (
                  <FamilyPeriods
                    key={family}
                    family={family}
                    periods={data.scales.filter((s) => s.family === family)}
                  />
                ))}
              </Stack>
            </Section>
          </Stack>
        )}
      </QueryState>
    </>
  );
}

function CoverageSection({ coverage }: { coverage: Coverage }) {
  const month = currentMonth();
  return (
    <Section title="Mois couverts">
      <Stack gap="sm">
        <Text>
          {coverage.from === null
            ? 'Aucun mois n’est couvert : une famille de paramètres n’a aucun barème.'
            : coverage.to === null
              ? `L’estimation est possible à partir de ${frenchMonth(coverage.from)}, sans date de fin.`
              : `L’estimation est possible de ${frenchMonth(coverage.from)} à ${frenchMonth(coverage.to)}.`}
        </Text>
        {covers(coverage, month) ? (
          <Text size="sm" c="dimmed">
            Le mois en cours ({frenchMonth(month)}) est couvert.
          </Text>
        ) : (
          <Alert color="orange" title={`Mois en cours : ${frenchMonth(month)}`}>
            Le mois en cours n’est pas couvert : ajoutez le barème publié.
          </Alert>
        )}
      </Stack>
    </Section>
  );
}

function FamilyPeriods({ family, periods }: { family: ScaleFamily; periods: TScaleSummary[] }) {
  const latest = periods.at(-1);
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {SCALE_FAMILY_LABELS[family]}
      </Title>
      {latest && (
        <Text size="sm" c="dimmed">
          {latest.effectiveTo
            ? `Couvert jusqu’au ${formatDate(latest.effectiveTo)}.`
            : 'Le dernier barème vaut sans date de fin.'}
        </Text>
      )}
      <DataTable
        caption={`Périodes du barème « ${SCALE_FAMILY_LABELS[family]} », les plus récentes d’abord`}
        rows={[...periods].reverse()}
        rowKey={(s) => s.effectiveFrom}
        emptyTitle="Aucun barème"
        emptyDescription="L’estimation est impossible tant que cette famille n’a pas de barème."
        columns={[
          { key: 'from', header: 'Du', render: (s) => formatDate(s.effectiveFrom), width: 110 },
          {
            key: 'to',
            header: 'Au',
            render: (s) => (s.effectiveTo ? formatDate(s.effectiveTo) : 'Sans date de fin'),
            width: 130,
          },
          {
            key: 'source',
            header: 'Source',
            // Sources quote file paths and URLs: let them wrap rather than widen the table.
            render: (s) => (
              <Text span size="sm" style={{ overflowWrap: 'anywhere' }}>
                {s.source}
              </Text>
            ),
          },
          {
            key: 'origin',
            header: 'Origine',
            render: (s) => ORIGIN_LABELS[s.origin],
            hideOnSmall: true,
          },
        ]}
      />
    </Stack>
  );
}

interface ScaleFormValues {
  family: ScaleFamily | null;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  source: string;
  /** Fields of a simple family, by key. */
  values: Record<string, number | string>;
  /** Values of any other family, as JSON text. */
  valuesJson: string;
}

const EMPTY_FORM: ScaleFormValues = {
  family: null,
  effectiveFrom: null,
  effectiveTo: null,
  source: '',
  values: {},
  valuesJson: '',
};

/** The request body as the contract's schema reads it, or the form errors that stop it. */
function toRequest(v: ScaleFormValues): { body: THousingBenefitScale } | { errors: FormErrors } {
  if (!v.family) return { errors: { family: 'Choisissez la famille de paramètres.' } };
  const values = readValues(v);
  if ('jsonError' in values) return { errors: { valuesJson: values.jsonError } };
  const result = ZCreateScale.safeParse({
    family: v.family,
    effectiveFrom: v.effectiveFrom ?? '',
    ...(v.effectiveTo ? { effectiveTo: v.effectiveTo } : {}),
    source: v.source,
    values: values.values,
  });
  if (result.success) return { body: result.data };
  // Zod issues (client) as form errors, on the same dot paths as the server's.
  const errors: FormErrors = {};
  for (const issue of result.error.issues) {
    const path = issue.path.join('.') || 'family';
    errors[path] ??= issue.message;
  }
  return { errors };
}

/** The values of a simple family from its fields, of any other from the JSON text. */
function readValues(v: ScaleFormValues): { values: unknown } | { jsonError: string } {
  if (v.family && SIMPLE_FIELDS[v.family]) {
    return {
      values: Object.fromEntries(
        Object.entries(v.values).map(([key, value]) => [key, value === '' ? undefined : Number(value)]),
      ),
    };
  }
  try {
    return { values: JSON.parse(v.valuesJson) as unknown };
  } catch (e) {
    return { jsonError: `JSON illisible : ${e instanceof Error ? e.message : String(e)}` };
  }
}

function validateScale(v: ScaleFormValues): FormErrors {
  const request = toRequest(v);
  return 'errors' in request ? request.errors : {};
}

function AddScaleForm({ scales }: { scales: TScaleSummary[] }) {
  const form = useForm<ScaleFormValues>({ initialValues: EMPTY_FORM, validate: validateScale });
  const save = useRouteMutation(CALCULATOR_ROUTES.addScale, {
    form,
    invalidate: [routeKey(CALCULATOR_ROUTES.scales, {})],
    successMessage: 'Barème ajouté.',
    onSuccess: () => form.reset(),
  });
  // validateScale has already checked the request when onSubmit calls this.
  const submit = (v: ScaleFormValues) => {
    const request = toRequest(v);
    if ('body' in request) save.mutate({ body: request.body });
  };

  const family = form.values.family;
  const simpleFields = family ? SIMPLE_FIELDS[family] : undefined;

  /** A new family: its latest period's values as the template, starting the day after its end. */
  function chooseFamily(value: string | null) {
    const chosen = oneOf(SCALE_FAMILIES, value) ?? null;
    const latest = scales.filter((s) => s.family === chosen).at(-1);
    const template = latest?.values ?? {};
    form.setValues({
      family: chosen,
      effectiveFrom: latest?.effectiveTo ? dayAfter(latest.effectiveTo) : form.values.effectiveFrom,
      values: Object.fromEntries(
        Object.entries(template).map(([key, v]) => [key, typeof v === 'number' ? v : '']),
      ),
      valuesJson: JSON.stringify(template, null, 2),
    });
    form.clearErrors();
  }

  // Errors inside the JSON carry their path (values.2.single) so the administrator can find them.
  const jsonErrors = Object.entries(form.errors)
    .filter(([path]) => path === 'values' || path.startsWith('values.'))
    .map(([path, message]) => `${path} : ${String(message)}`);
  const jsonError = [form.errors.valuesJson, ...jsonErrors].filter(Boolean).join(' — ');

  return (
    <Section title="Ajouter un barème">
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack>
          <ApiErrorAlert error={save.error} />
          <Grid>
            <Grid.Col span={{ base: 12, md: 6 }}>
              <Select
                label="Famille de paramètres"
                required
                allowDeselect={false}
                data={SCALE_FAMILIES.map((f) => ({ value: f, label: SCALE_FAMILY_LABELS[f] }))}
                {...form.getInputProps('family')}
                onChange={chooseFamily}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
              <DateField
                label="En vigueur à partir du"
                required
                description="Le premier jour d’un mois (JJ/MM/AAAA)"
                {...form.getInputProps('effectiveFrom')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
              <DateField
                label="Jusqu’au (facultatif)"
                description="Vide : jusqu’au barème suivant"
                {...form.getInputProps('effectiveTo')}
              />
            </Grid.Col>
            <Grid.Col span={12}>
              <Textarea
                label="Source"
                description="Texte et date de publication (arrêté, Journal officiel…)"
                required
                autosize
                minRows={2}
                {...form.getInputProps('source')}
              />
            </Grid.Col>
          </Grid>
          {family && simpleFields && (
            <Grid>
              {simpleFields.map((field) => (
                <Grid.Col key={field.key} span={{ base: 12, sm: 6 }}>
                  <NumberInput
                    label={field.euros ? `${field.label} (€)` : field.label}
                    description={field.euros ? 'Montant en euros' : 'Fraction : 0,05 pour 5 %'}
                    required
                    decimalSeparator=","
                    decimalScale={field.euros ? 2 : 6}
                    hideControls
                    inputMode="decimal"
                    {...form.getInputProps(`values.${field.key}`)}
                  />
                </Grid.Col>
              ))}
            </Grid>
          )}
          {family && !simpleFields && (
            <Textarea
              label="Valeurs (JSON)"
              description="Pré-rempli avec les valeurs du dernier barème de cette famille : modifiez les montants publiés."
              required
              autosize
              minRows={8}
              maxRows={30}
              spellCheck={false}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
              {...form.getInputProps('valuesJson')}
              error={jsonError || undefined}
            />
          )}
          <Group>
            <Button type="submit" loading={save.isPending}>
              Ajouter le barème
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}
