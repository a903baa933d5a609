import { useMemo, useState } from 'react';
import { Alert, Card, NumberInput, Select, SimpleGrid, Stack, Switch, Text, Title } from '@mantine/core';
import {
  CEILING_TABLES,
  CEILING_ZONE_LABELS,
  CEILING_ZONES,
  HOUSING_FINANCING_LABELS,
  HOUSING_FINANCINGS,
  type CeilingZone,
  type HousingFinancing,
} from '@shared/calculators/social-housing-ceilings.ts';
import {
  categoryExplanation,
  ceilingExplanation,
  householdCategory,
  incomeExplanation,
  INCOME_SOURCE_LABELS,
  readEligibilityBody,
  socialHousingEligibility,
} from '@shared/calculators/social-housing-eligibility.ts';
import type {
  TSocialHousingEligibilityRequest,
  TSocialHousingEligibilityResult,
} from '@shared/contracts/calculators.ts';
import { formatCents } from '@shared/format.ts';
import { parisToday } from '@shared/time.ts';
import { oneOf } from '../../api/url-params.ts';
import { useDocumentTitle } from '../../components/PageHeader.tsx';
import { CalculatorLayout } from '../../components/CalculatorLayout.tsx';

/**
 * Public social-housing eligibility calculator: the household category, the ceiling of the
 * dwelling's financing and zone, and the income retained, computed in the browser by the same pure
 * function as the API (src/shared/calculators), checked by the same schema, so the field errors
 * are the API's. Nothing is sent or stored.
 */

type Amount = number | '';

interface Form {
  year: number;
  financing: HousingFinancing;
  zone: CeilingZone;
  persons: Amount;
  dependants: Amount;
  couple: boolean;
  coupleAgeSum: Amount;
  disabledMember: boolean;
  incomeN2: Amount;
  incomeN1: Amount;
  incomeLast12Months: Amount;
}

const YEARS = CEILING_TABLES.map((t) => t.year);
const thisYear = Number(parisToday().slice(0, 4));

const INITIAL: Form = {
  year: YEARS.includes(thisYear) ? thisYear : YEARS[YEARS.length - 1]!,
  financing: 'PLAI',
  zone: 'autres_regions',
  persons: 1,
  dependants: 0,
  couple: false,
  coupleAgeSum: '',
  disabledMember: false,
  incomeN2: '',
  incomeN1: '',
  incomeLast12Months: '',
};

const money = {
  suffix: ' €',
  decimalSeparator: ',',
  thousandSeparator: ' ',
  decimalScale: 2,
  min: 0,
} as const;

/** The form as the API's body: a required number left empty is left out, so the schema names it. */
function body(form: Form) {
  const required = (v: Amount) => (v === '' ? undefined : v);
  const optional = (v: Amount) => (v === '' ? null : v);
  return {
    ...form,
    persons: required(form.persons),
    dependants: required(form.dependants),
    coupleAgeSum: optional(form.coupleAgeSum),
    incomeN2: required(form.incomeN2),
    incomeN1: optional(form.incomeN1),
    incomeLast12Months: optional(form.incomeLast12Months),
  };
}

type Computed =
  | { request: TSocialHousingEligibilityRequest; result: TSocialHousingEligibilityResult; fields: null }
  | { request: null; result: null; fields: Record<string, string> };

function compute(form: Form): Computed {
  const read = readEligibilityBody(body(form));
  if (!read.ok) return { request: null, result: null, fields: read.error.fields ?? {} };
  const outcome = socialHousingEligibility(read.request);
  return outcome.ok
    ? { request: read.request, result: outcome.result, fields: null }
    : { request: null, result: null, fields: outcome.error.fields };
}

export function SocialHousingEligibilityPage() {
  useDocumentTitle('Éligibilité au logement social');
  const [form, setForm] = useState<Form>(INITIAL);
  const update = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));
  const amount =
    (key: 'persons' | 'dependants' | 'coupleAgeSum' | 'incomeN2' | 'incomeN1' | 'incomeLast12Months') =>
    (v: number | string) =>
      update(key, typeof v === 'number' ? v : '');

  const computed = useMemo(() => compute(form), [form]);
  // The N-2 income is asked last among the required fields: until it is given, the page waits.
  const waiting = form.incomeN2 === '';
  const error = (path: string) => (waiting ? undefined : computed.fields?.[path]);
  const askAgeSum = form.couple && (form.dependants === 0 || form.dependants === '');

  return (
    <CalculatorLayout
      title="Éligibilité au logement social"
      intro="Les ressources d’un ménage comparées au plafond du logement proposé : catégorie de ménage, plafond selon le financement du logement (PLAI, PLUS, PLS), sa zone et l’année de la commission d’attribution, revenu retenu. Le calcul se fait dans votre navigateur : rien n’est envoyé ni enregistré. Il ne remplace pas l’instruction du dossier par le bailleur."
      formLabel="Ménage et logement"
      form={
        <>
          <Title order={2} size="h4">
            Logement
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Année de la commission"
              description="Les plafonds sont ceux du 1er janvier de cette année."
              data={YEARS.map((y) => ({ value: String(y), label: String(y) }))}
              value={String(form.year)}
              onChange={(v) => v && update('year', Number(v))}
              allowDeselect={false}
            />
            <Select
              label="Financement du logement"
              data={HOUSING_FINANCINGS.map((value) => ({
                value,
                label: HOUSING_FINANCING_LABELS[value],
              }))}
              value={form.financing}
              onChange={(v) => {
                const financing = oneOf(HOUSING_FINANCINGS, v);
                if (financing) update('financing', financing);
              }}
              allowDeselect={false}
            />
          </SimpleGrid>
          <Select
            label="Zone du logement"
            data={CEILING_ZONES.map((value) => ({ value, label: CEILING_ZONE_LABELS[value] }))}
            value={form.zone}
            onChange={(v) => {
              const zone = oneOf(CEILING_ZONES, v);
              if (zone) update('zone', zone);
            }}
            allowDeselect={false}
          />

          <Title order={2} size="h4" mt="sm">
            Ménage
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput
              label="Personnes qui vivront dans le logement"
              min={1}
              allowDecimal={false}
              value={form.persons}
              onChange={amount('persons')}
              error={error('persons')}
              required
            />
            <NumberInput
              label="Dont personnes à charge"
              description="Enfants et autres personnes à charge au sens fiscal."
              min={0}
              allowDecimal={false}
              value={form.dependants}
              onChange={amount('dependants')}
              error={error('dependants')}
              required
            />
          </SimpleGrid>
          <Switch
            size="md"
            label="En couple (mariés, pacsés ou concubins)"
            checked={form.couple}
            onChange={(e) => update('couple', e.currentTarget.checked)}
          />
          {askAgeSum && (
            <NumberInput
              label="Somme des âges des deux conjoints"
              description="55 ans ou moins : jeune ménage, compté comme 3 personnes."
              suffix=" ans"
              min={0}
              allowDecimal={false}
              value={form.coupleAgeSum}
              onChange={amount('coupleAgeSum')}
              error={error('coupleAgeSum')}
              required
            />
          )}
          <Switch
            size="md"
            label="Une personne du foyer est en situation de handicap"
            description="Titulaire de la carte mobilité inclusion mention « invalidité »."
            checked={form.disabledMember}
            onChange={(e) => update('disabledMember', e.currentTarget.checked)}
          />

          <Title order={2} size="h4" mt="sm">
            Ressources annuelles du foyer
          </Title>
          <Text size="sm" c="dimmed">
            La somme des revenus fiscaux de référence de toutes les personnes qui vivront dans le logement. Un
            revenu plus récent inférieur d’au moins 10 % peut être retenu à la place.
          </Text>
          <NumberInput
            {...money}
            label={`Revenu fiscal de référence ${form.year - 2} (N-2)`}
            description={`Avis d’impôt ${form.year - 1}.`}
            value={form.incomeN2}
            onChange={amount('incomeN2')}
            error={error('incomeN2')}
            required
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput
              {...money}
              label={`Revenu fiscal de référence ${form.year - 1} (N-1)`}
              description="Facultatif."
              value={form.incomeN1}
              onChange={amount('incomeN1')}
              error={error('incomeN1')}
            />
            <NumberInput
              {...money}
              label="Revenus des 12 derniers mois"
              description="Facultatif."
              value={form.incomeLast12Months}
              onChange={amount('incomeLast12Months')}
              error={error('incomeLast12Months')}
            />
          </SimpleGrid>
        </>
      }
      result={
        <>
          <section aria-live="polite" aria-label="Résultat">
            {waiting && (
              <Text>Indiquez le revenu fiscal de référence N-2 du foyer pour vérifier l’éligibilité.</Text>
            )}
            {!waiting && !computed.result && (
              <Alert color="orange" title="Vérification impossible">
                Corrigez les champs signalés dans le formulaire.
              </Alert>
            )}
            {!waiting && computed.result && <Answer request={computed.request} result={computed.result} />}
          </section>
        </>
      }
    />
  );
}

function Answer({
  request,
  result,
}: {
  request: TSocialHousingEligibilityRequest;
  result: TSocialHousingEligibilityResult;
}) {
  const category = householdCategory(request);
  const extra =
    result.extraPersons > 0
      ? ` + ${result.extraPersons} personne${result.extraPersons > 1 ? 's' : ''} supplémentaire${result.extraPersons > 1 ? 's' : ''}`
      : '';
  return (
    <Stack gap="sm">
      <Alert
        color={result.eligible ? 'green' : 'red'}
        title={result.eligible ? 'Ressources sous le plafond' : 'Ressources au-dessus du plafond'}
      >
        {result.eligible
          ? `Le ménage peut se voir attribuer un logement ${request.financing} de cette zone, au regard de ses ressources.`
          : `Le ménage ne peut pas se voir attribuer un logement ${request.financing} de cette zone : ses ressources dépassent le plafond.`}
      </Alert>
      <Card withBorder padding="sm" component="article" aria-label="Catégorie de ménage">
        <Title order={2} size="h5">
          Catégorie de ménage
        </Title>
        <Text fz="lg" fw={700}>
          Catégorie {result.category}
          {extra}
        </Text>
        <Text size="sm">{categoryExplanation(request, category)}</Text>
      </Card>
      <Card withBorder padding="sm" component="article" aria-label="Plafond de ressources">
        <Title order={2} size="h5">
          Plafond de ressources
        </Title>
        <Text fz="lg" fw={700}>
          {formatCents(result.ceiling * 100)} par an
        </Text>
        <Text size="sm">{ceilingExplanation(request, result)}</Text>
      </Card>
      <Card withBorder padding="sm" component="article" aria-label="Revenu retenu">
        <Title order={2} size="h5">
          Revenu retenu
        </Title>
        <Text fz="lg" fw={700}>
          {INCOME_SOURCE_LABELS[result.incomeUsed]}
        </Text>
        <Text size="sm">{incomeExplanation(request, result)}</Text>
      </Card>
      <Text size="xs" c="dimmed">
        Les autres conditions (séjour régulier, propriété d’un logement adapté) et la décision restent celles
        de la commission d’attribution du bailleur.
      </Text>
    </Stack>
  );
}
