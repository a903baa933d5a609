import { useEffect, useState } from 'react';
import {
  Button,
  Checkbox,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm, schemaResolver } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import {
  TYPOLOGIES,
  ZScenarioCreate,
  ZTargetDwelling,
  type TBudget,
  type TBudgetCalculatorResult,
  type TScenario,
  type TScenarioCreateInput,
} from '@shared/contracts/budget.ts';
import { BUDGET_ROUTES } from '@shared/routes/budget.ts';
import { callRoute, useRouteMutation } from '../../api/routes.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { MoneyInput } from '../../components/MoneyInput.tsx';
import { budgetKey } from './budget-api.ts';
import { EvaluationView } from './EvaluationView.tsx';

/** What the live calculation needs of the household (from its budget). */
export type HouseholdBasis = TBudget['calculatorBasis'];

const ZONES = [1, 2, 3] as const;

const EMPTY: TScenarioCreateInput = {
  label: '',
  typology: 'T2',
  surfaceM2: 45,
  monthlyRentCents: 0,
  monthlyChargesCents: null,
  zone: 2,
  conventioned: true,
  socialLandlord: true,
  furnished: false,
  annualResourcesOverrideCents: null,
};

/**
 * A target dwelling: figures recomputed live through the public calculator (nothing stored),
 * then saved as a scenario of the household (or updated, with its rowVersion).
 */
export function TargetDwellingForm({
  householdId,
  basis,
  scenario,
  onDone,
}: {
  householdId: string;
  basis: HouseholdBasis;
  scenario?: TScenario;
  onDone: () => void;
}) {
  const form = useForm<TScenarioCreateInput>({
    initialValues: scenario ? { ...scenario } : EMPTY,
    validate: schemaResolver(ZScenarioCreate, { sync: true }),
  });
  const [estimateCharges, setEstimateCharges] = useState(
    scenario ? scenario.monthlyChargesCents === null : true,
  );
  const [debounced] = useDebouncedValue(form.values, 400);
  const [live, setLive] = useState<{ result: TBudgetCalculatorResult | null; error: unknown }>({
    result: null,
    error: null,
  });

  useEffect(() => {
    const dwelling = ZTargetDwelling.safeParse(debounced);
    if (!dwelling.success) return;
    const controller = new AbortController();
    callRoute(BUDGET_ROUTES.calculate, { body: { ...basis, dwelling: dwelling.data } }, controller.signal)
      .then((result) => setLive({ result, error: null }))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setLive({ result: null, error });
      });
    return () => controller.abort();
  }, [debounced, basis]);

  const saved = {
    form,
    invalidate: [budgetKey(householdId)],
    successMessage: 'Logement cible enregistré.',
    onSuccess: onDone,
  };
  const create = useRouteMutation(BUDGET_ROUTES.createScenario, saved);
  const update = useRouteMutation(BUDGET_ROUTES.updateScenario, saved);
  const save = scenario ? update : create;
  const submit = (values: TScenarioCreateInput) =>
    scenario
      ? update.mutate({
          params: { id: householdId, scenarioId: scenario.id },
          body: { ...values, rowVersion: scenario.rowVersion },
        })
      : create.mutate({ params: { id: householdId }, body: values });

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate aria-label="Logement cible">
      <Stack>
        <ApiErrorAlert error={save.error} onReload={onDone} />
        <TextInput label="Libellé" required {...form.getInputProps('label')} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label="Typologie"
            required
            data={TYPOLOGIES.map((t) => ({ value: t, label: t }))}
            {...form.getInputProps('typology')}
          />
          <NumberInput
            label="Surface (m²)"
            required
            decimalScale={1}
            decimalSeparator=","
            min={1}
            {...form.getInputProps('surfaceM2')}
          />
          <Select
            label="Zone de l’aide au logement"
            required
            data={['1', '2', '3'].map((z) => ({ value: z, label: `Zone ${z}` }))}
            value={String(form.values.zone)}
            onChange={(v) => form.setFieldValue('zone', ZONES.find((z) => String(z) === v) ?? 2)}
            error={form.errors.zone}
          />
          <MoneyInput
            label="Loyer mensuel hors charges"
            required
            {...form.getInputProps('monthlyRentCents')}
          />
          <Stack gap={4}>
            <Checkbox
              label="Estimer les charges (règle FSL du territoire)"
              checked={estimateCharges}
              onChange={(e) => {
                setEstimateCharges(e.currentTarget.checked);
                form.setFieldValue('monthlyChargesCents', e.currentTarget.checked ? null : 0);
              }}
            />
            {!estimateCharges && (
              <MoneyInput
                label="Charges mensuelles"
                required
                {...form.getInputProps('monthlyChargesCents')}
              />
            )}
          </Stack>
          <MoneyInput
            label="Ressources annuelles retenues par la CAF (facultatif)"
            description="Sinon : 12 fois les ressources mensuelles hors aide au logement"
            {...form.getInputProps('annualResourcesOverrideCents')}
          />
        </SimpleGrid>
        <Group>
          <Switch
            label="Logement conventionné (APL)"
            {...form.getInputProps('conventioned', { type: 'checkbox' })}
          />
          <Switch label="Bailleur social" {...form.getInputProps('socialLandlord', { type: 'checkbox' })} />
          <Switch label="Meublé" {...form.getInputProps('furnished', { type: 'checkbox' })} />
        </Group>
        <section aria-live="polite" aria-label="Calcul en direct">
          <ApiErrorAlert error={live.error} title="Calcul impossible" />
          {live.result ? (
            <EvaluationView
              evaluation={live.result.evaluation}
              convention={live.result.convention}
              title="Calcul en direct"
            />
          ) : (
            <Text c="dimmed">Renseignez le logement pour voir le calcul.</Text>
          )}
        </section>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Annuler
          </Button>
          <Button type="submit" loading={save.isPending}>
            Enregistrer le logement cible
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
