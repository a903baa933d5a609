import { useMemo, useState } from 'react';
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import {
  DEADLINE_LABELS,
  DEADLINE_STAGE,
  evictionTimeline,
  STAGE_GUIDANCE,
  STEP_LABELS,
} from '@shared/calculators/eviction-timeline.ts';
import {
  BENEFIT_PAYEE_LABELS,
  BENEFIT_PAYEES,
  DEADLINE_CODES,
  LANDLORD_KIND_LABELS,
  LANDLORD_KINDS,
  PROCEDURE_STEPS,
  ZEvictionTimelineInput,
  type BenefitPayee,
  type DeadlineCode,
  type LandlordKind,
  type ProcedureStep,
  type TEvictionTimelineResult,
} from '@shared/contracts/calculators.ts';
import { formatLongDate } from '@shared/format.ts';
import { oneOf } from '../../api/url-params.ts';
import { useDocumentTitle } from '../../components/PageHeader.tsx';
import { CalculatorLayout } from '../../components/CalculatorLayout.tsx';

/**
 * Public eviction-timeline calculator: the legal deadlines of a rent-arrears and eviction procedure,
 * computed in the browser by the same pure function as the API (src/shared/calculators), checked
 * by the same schema, so the field errors are the API's. Nothing is sent or stored.
 */

interface BalanceRow {
  key: number;
  on: string;
  amount: number | '';
}

interface Form {
  signedOn: string;
  landlord: LandlordKind;
  monthlyRent: number | '';
  monthlyCharges: number | '';
  monthlyHousingBenefit: number | '';
  benefitPaidTo: BenefitPayee;
  balances: BalanceRow[];
  steps: Record<ProcedureStep, string>;
}

const INITIAL: Form = {
  signedOn: '',
  landlord: 'legal_person',
  monthlyRent: '',
  monthlyCharges: '',
  monthlyHousingBenefit: 0,
  benefitPaidTo: 'none',
  balances: [],
  steps: Object.fromEntries(PROCEDURE_STEPS.map((s) => [s, ''])) as Record<ProcedureStep, string>,
};

/** Why a deadline is not computed, in words: what to give, or that it never comes. */
const MISSING: Record<DeadlineCode, string> = {
  impayeConstitutedOn: 'Pas d’impayé constitué d’après les soldes indiqués.',
  signallingDueBy: 'Pas d’impayé constitué d’après les soldes indiqués.',
  commandementDelayEndsOn: 'Indiquez la date du commandement de payer.',
  earliestAssignationOn:
    'Indiquez la date du commandement de payer et, pour un bailleur personne morale, la saisine de la CCAPEX ou le signalement à la CAF.',
  prefetNoticeLatestOn: 'Indiquez la date de l’audience.',
  earliestExpulsionOn: 'Indiquez la date du commandement de quitter les lieux.',
  cfpImplicitRefusalOn: 'Indiquez la date de la demande de concours de la force publique.',
};

const money = {
  suffix: ' €',
  decimalSeparator: ',',
  thousandSeparator: ' ',
  decimalScale: 2,
} as const;

/** The form as the API's body: empty amounts left out so that the schema names them. */
function body(form: Form) {
  const amount = (v: number | '') => (v === '' ? undefined : v);
  return {
    lease: { signedOn: form.signedOn, landlord: form.landlord },
    rent: {
      monthlyRent: amount(form.monthlyRent),
      monthlyCharges: amount(form.monthlyCharges),
      monthlyHousingBenefit: amount(form.monthlyHousingBenefit),
      benefitPaidTo: form.benefitPaidTo,
    },
    balances: form.balances.map((b) => ({ on: b.on, amount: amount(b.amount) })),
    steps: Object.fromEntries(PROCEDURE_STEPS.map((s) => [s, form.steps[s] || null])),
  };
}

type Computed = { result: TEvictionTimelineResult | null; fields: Record<string, string> };

function compute(form: Form): Computed {
  const parsed = ZEvictionTimelineInput.safeParse(body(form));
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) fields[issue.path.join('.') || '_'] ??= issue.message;
    return { result: null, fields };
  }
  const outcome = evictionTimeline(parsed.data);
  return outcome.ok ? { result: outcome.result, fields: {} } : { result: null, fields: outcome.fields };
}

export function EvictionTimelinePage() {
  useDocumentTitle('Délais de la procédure d’expulsion');
  const [form, setForm] = useState<Form>(INITIAL);
  const [nextKey, setNextKey] = useState(1);
  const update = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));
  const setBalance = (key: number, change: Partial<BalanceRow>) =>
    update(
      'balances',
      form.balances.map((b) => (b.key === key ? { ...b, ...change } : b)),
    );

  const { result, fields } = useMemo(() => compute(form), [form]);
  // The lease date is asked first: until it is given, the page waits instead of showing an error.
  const waiting = form.signedOn === '';
  const error = (path: string) => (waiting ? undefined : fields[path]);

  return (
    <CalculatorLayout
      title="Délais de la procédure d’expulsion"
      intro="Les délais légaux d’une procédure pour impayé de loyer, du premier impayé à l’expulsion, selon les règles en vigueur à chaque date. Ce sont des dates au plus tôt ou au plus tard fixées par la loi, jours calendaires, sans report aux jours ouvrés : les procédures réelles durent bien plus longtemps. Ce calcul n’est pas un conseil juridique."
      formLabel="Situation du bail et de la procédure"
      form={
        <>
          <Title order={2} size="h4">
            Bail et loyer
          </Title>
          <TextInput
            type="date"
            label="Date de signature du bail"
            description="Un bail signé à partir du 29 juillet 2023 a un délai de commandement de 6 semaines."
            value={form.signedOn}
            onChange={(e) => update('signedOn', e.currentTarget.value)}
            error={error('lease.signedOn')}
            required
          />
          <Select
            label="Bailleur"
            data={LANDLORD_KINDS.map((value) => ({ value, label: LANDLORD_KIND_LABELS[value] }))}
            value={form.landlord}
            onChange={(v) => {
              const kind = oneOf(LANDLORD_KINDS, v);
              if (kind) update('landlord', kind);
            }}
            allowDeselect={false}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput
              {...money}
              label="Loyer mensuel"
              min={0}
              value={form.monthlyRent}
              onChange={(v) => update('monthlyRent', typeof v === 'number' ? v : '')}
              error={error('rent.monthlyRent')}
              required
            />
            <NumberInput
              {...money}
              label="Charges mensuelles"
              min={0}
              value={form.monthlyCharges}
              onChange={(v) => update('monthlyCharges', typeof v === 'number' ? v : '')}
              error={error('rent.monthlyCharges')}
              required
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Aide au logement"
              data={BENEFIT_PAYEES.map((value) => ({ value, label: BENEFIT_PAYEE_LABELS[value] }))}
              value={form.benefitPaidTo}
              onChange={(v) => {
                const payee = oneOf(BENEFIT_PAYEES, v);
                if (payee) update('benefitPaidTo', payee);
              }}
              allowDeselect={false}
            />
            {form.benefitPaidTo !== 'none' && (
              <NumberInput
                {...money}
                label="Montant mensuel de l’aide"
                description="Déduit du loyer pour le seuil d’impayé quand il est versé au bailleur."
                min={0}
                value={form.monthlyHousingBenefit}
                onChange={(v) => update('monthlyHousingBenefit', typeof v === 'number' ? v : '')}
                error={error('rent.monthlyHousingBenefit')}
              />
            )}
          </SimpleGrid>

          <Title order={2} size="h4" mt="sm">
            Dette locative
          </Title>
          <Text size="sm" c="dimmed">
            Le solde dû par le locataire à partir de chaque date, jusqu’à la suivante ; le dernier vaut
            ensuite. Dates dans l’ordre.
          </Text>
          {form.balances.map((b, i) => (
            <Group key={b.key} align="flex-start" wrap="nowrap" gap="xs">
              <TextInput
                type="date"
                label={`Date du solde ${i + 1}`}
                value={b.on}
                onChange={(e) => setBalance(b.key, { on: e.currentTarget.value })}
                error={error(`balances.${i}.on`)}
                style={{ flex: 1 }}
              />
              <NumberInput
                {...money}
                label={`Montant du solde ${i + 1}`}
                value={b.amount}
                onChange={(v) => setBalance(b.key, { amount: typeof v === 'number' ? v : '' })}
                error={error(`balances.${i}.amount`)}
                style={{ flex: 1 }}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                size="lg"
                mt={28}
                aria-label={`Retirer le solde ${i + 1}`}
                onClick={() =>
                  update(
                    'balances',
                    form.balances.filter((x) => x.key !== b.key),
                  )
                }
              >
                ×
              </ActionIcon>
            </Group>
          ))}
          <Button
            variant="default"
            onClick={() => {
              update('balances', [...form.balances, { key: nextKey, on: '', amount: '' }]);
              setNextKey((k) => k + 1);
            }}
          >
            Ajouter un solde
          </Button>

          <Title order={2} size="h4" mt="sm">
            Étapes de la procédure
          </Title>
          <Text size="sm" c="dimmed">
            Toutes facultatives : indiquez celles qui ont eu lieu, ou une date envisagée.
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {PROCEDURE_STEPS.map((step) => (
              <TextInput
                key={step}
                type="date"
                label={STEP_LABELS[step]}
                value={form.steps[step]}
                onChange={(e) => update('steps', { ...form.steps, [step]: e.currentTarget.value })}
                error={error(`steps.${step}`)}
              />
            ))}
          </SimpleGrid>
        </>
      }
      result={
        <>
          <section aria-live="polite" aria-label="Délais calculés">
            {waiting && <Text>Indiquez la date de signature du bail pour calculer les délais.</Text>}
            {!waiting && !result && (
              <Alert color="orange" title="Calcul impossible">
                Corrigez les champs signalés dans le formulaire.
              </Alert>
            )}
            {result && <Deadlines result={result} />}
          </section>
        </>
      }
    />
  );
}

function Deadlines({ result }: { result: TEvictionTimelineResult }) {
  return (
    <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {DEADLINE_CODES.map((code) => {
        const deadline = result.deadlines[code];
        const stage = STAGE_GUIDANCE[DEADLINE_STAGE[code]];
        return (
          <Card key={code} withBorder padding="sm" component="li" aria-label={DEADLINE_LABELS[code]}>
            <Stack gap={4}>
              <Text fw={600}>{DEADLINE_LABELS[code]}</Text>
              {deadline ? (
                <Group gap="xs" justify="space-between" wrap="wrap">
                  <Text fz="lg" fw={700}>
                    {formatLongDate(deadline.date)}
                  </Text>
                  <Badge variant="light" tt="none">
                    {deadline.rule}
                  </Badge>
                </Group>
              ) : (
                <Text c="dimmed">{MISSING[code]}</Text>
              )}
              {deadline && (
                <Text size="sm" c="dimmed">
                  {stage.actions}
                </Text>
              )}
            </Stack>
          </Card>
        );
      })}
    </Stack>
  );
}
