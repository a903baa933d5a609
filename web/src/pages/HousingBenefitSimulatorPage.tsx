import { useMemo, useState } from 'react';
import {
  Alert,
  Badge,
  Card,
  Group,
  Loader,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { estimateHousingBenefit, FIRST_PERIOD } from '@shared/calculators/housing-benefit.ts';
import { formatMonth } from '@shared/format.ts';
import {
  buildScaleSet,
  SCALE_FAMILY_LABELS,
  ZHousingBenefitScale,
  type ScaleSet,
  type THousingBenefitScale,
} from '@shared/calculators/housing-benefit-scales.ts';
import {
  AID_KIND_LABELS,
  HOUSING_TYPE_LABELS,
  HOUSING_TYPES,
  MAX_DEPENDANTS,
  type THousingBenefitInput,
  type THousingBenefitResult,
} from '@shared/contracts/calculators.ts';
import { CALCULATOR_ROUTES } from '@shared/routes/calculators.ts';
import { useRouteQuery } from '../api/routes.ts';
import { oneOf } from '../api/url-params.ts';
import { useDocumentTitle } from '../components/PageHeader.tsx';
import { CalculatorLayout } from '../components/CalculatorLayout.tsx';

/**
 * Public APL / AL simulator. It computes in the browser with the same pure function as the API
 * (src/shared/calculators), on the scales the server knows (versioned files + scales added by an
 * administrator), fetched once with their values. Nothing is sent or stored while the user types.
 * Public: open without signing in.
 */

const euro = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });
const percent = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 3 });
const formatEuro = (value: number) => euro.format(value);

type Scales = { set: ScaleSet; coverage: { from: string | null; to: string | null } };

function useScales(): { scales: Scales | null; error: string | null } {
  const list = useRouteQuery(CALCULATOR_ROUTES.scales, { query: { full: 'true' } });
  return useMemo(() => {
    const unavailable = (reason: string) => ({
      scales: null,
      error: `Les barèmes n’ont pas pu être chargés (${reason}). Réessayez plus tard.`,
    });
    if (list.error) return unavailable(list.error.message);
    if (!list.data) return { scales: null, error: null };
    // A listed scale carries its values untyped: each is read by its family's schema.
    const known: THousingBenefitScale[] = [];
    for (const s of list.data.scales) {
      const parsed = ZHousingBenefitScale.safeParse({
        family: s.family,
        effectiveFrom: s.effectiveFrom,
        ...(s.effectiveTo ? { effectiveTo: s.effectiveTo } : {}),
        source: s.source,
        values: s.values,
      });
      if (!parsed.success) return unavailable(parsed.error.message);
      known.push(parsed.data);
    }
    const set = buildScaleSet(known);
    return { scales: { set, coverage: list.data.coverage }, error: null };
  }, [list.data, list.error]);
}

function currentPeriod(coverage: Scales['coverage']): string {
  const now = new Date();
  const month = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
  return coverage.to && month > coverage.to ? coverage.to : month;
}

const ZONES = [1, 2, 3] as const;
const ZONE_OPTIONS = [
  { value: '1', label: 'Zone 1 — Paris et petite couronne (dont zone 1 bis)' },
  { value: '2', label: 'Zone 2 — grandes agglomérations, Île-de-France hors zone 1' },
  { value: '3', label: 'Zone 3 — reste du territoire' },
];

const INITIAL: Omit<THousingBenefitInput, 'period'> = {
  zone: 2,
  monthlyRent: 450,
  couple: false,
  dependants: 0,
  annualResources: 12000,
  conventioned: false,
  socialLandlord: true,
  furnished: false,
  flatShare: false,
  room: false,
  disabledMember: false,
  overseas: false,
  housingType: 'ordinary',
};

export function HousingBenefitSimulatorPage() {
  useDocumentTitle('Simulateur d’aide au logement');
  const { scales, error } = useScales();
  const [form, setForm] = useState(INITIAL);
  const [period, setPeriod] = useState<string | null>(null);
  const update = <K extends keyof typeof INITIAL>(key: K, value: (typeof INITIAL)[K]) =>
    setForm((f) => ({ ...f, [key]: value }));

  const effectivePeriod = period ?? (scales ? currentPeriod(scales.coverage) : '');
  const outcome = useMemo(() => {
    if (!scales || !/^\d{4}-(0[1-9]|1[0-2])$/.test(effectivePeriod)) return null;
    return estimateHousingBenefit({ ...form, period: effectivePeriod }, scales.set);
  }, [scales, form, effectivePeriod]);

  return (
    <CalculatorLayout
      title="Simulateur d’aide au logement (APL, ALF, ALS)"
      intro="Estimation pour un ménage locataire en France métropolitaine, selon le barème de la CAF. Le résultat est indicatif : seule la CAF ou la MSA fixe le droit."
      notice={
        <>
          {error && (
            <Alert color="red" title="Simulateur indisponible" role="alert">
              {error}
            </Alert>
          )}
        </>
      }
      formLabel="Situation du ménage"
      form={
        <>
          <TextInput
            type="month"
            label="Mois calculé"
            description={
              scales?.coverage.from
                ? `Barèmes connus de ${formatMonth(scales.coverage.from)} à ${scales.coverage.to ? formatMonth(scales.coverage.to) : 'aujourd’hui'}.`
                : `À partir de ${formatMonth(FIRST_PERIOD)}.`
            }
            value={effectivePeriod}
            onChange={(e) => setPeriod(e.currentTarget.value)}
            required
          />
          <Select
            label="Zone géographique"
            description="Selon la commune du logement (code INSEE), pas le code postal."
            data={ZONE_OPTIONS}
            value={String(form.zone)}
            onChange={(v) => {
              const zone = ZONES.find((z) => String(z) === v);
              if (zone) update('zone', zone);
            }}
            allowDeselect={false}
          />
          <NumberInput
            label="Loyer mensuel hors charges"
            description="Les charges réelles ne comptent pas : un forfait charges est appliqué."
            suffix=" €"
            decimalSeparator=","
            thousandSeparator=" "
            min={0}
            max={20000}
            decimalScale={2}
            value={form.monthlyRent}
            onChange={(v) => update('monthlyRent', typeof v === 'number' ? v : 0)}
          />
          <NumberInput
            label="Ressources annuelles retenues par la CAF"
            description="Base ressources sur douze mois glissants (revenus déclarés après abattements), avant arrondi : elle figure sur la notification CAF. Ce n’est pas le revenu mensuel × 12."
            suffix=" €"
            decimalSeparator=","
            thousandSeparator=" "
            min={0}
            max={2000000}
            decimalScale={2}
            value={form.annualResources}
            onChange={(v) => update('annualResources', typeof v === 'number' ? v : 0)}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Switch
              size="md"
              label="En couple"
              description="Une femme enceinte seule compte comme un couple."
              checked={form.couple}
              onChange={(e) => update('couple', e.currentTarget.checked)}
            />
            <NumberInput
              label="Personnes à charge"
              description="Enfants de moins de 21 ans, adultes handicapés ou ascendants à charge."
              min={0}
              max={MAX_DEPENDANTS}
              allowDecimal={false}
              value={form.dependants}
              onChange={(v) => update('dependants', typeof v === 'number' ? v : 0)}
            />
          </SimpleGrid>
          <Switch
            size="md"
            label="Logement conventionné (APL)"
            description="Le bail mentionne une convention APL : logement HLM ou logement privé conventionné (Anah)."
            checked={form.conventioned}
            onChange={(e) => update('conventioned', e.currentTarget.checked)}
          />
          {form.conventioned && (
            <Switch
              size="md"
              label="Bailleur social (HLM)"
              description="La réduction de loyer de solidarité (RLS) ne s’applique que chez un bailleur social."
              checked={form.socialLandlord ?? true}
              onChange={(e) => update('socialLandlord', e.currentTarget.checked)}
            />
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Switch
              size="md"
              label="Meublé"
              description="Le loyer est compté pour 2/3 (allocation de logement, ou chambre en APL)."
              checked={form.furnished}
              onChange={(e) => update('furnished', e.currentTarget.checked)}
            />
            <Switch
              size="md"
              label="Colocation"
              description="Plafond de loyer × 0,75 et forfait charges de colocataire."
              checked={form.flatShare}
              onChange={(e) => update('flatShare', e.currentTarget.checked)}
            />
            <Switch
              size="md"
              label="Chambre"
              description="Plafond d’une personne seule × 0,9, quel que soit le ménage."
              checked={form.room}
              onChange={(e) => update('room', e.currentTarget.checked)}
            />
            <Switch
              size="md"
              label="Personne handicapée au foyer"
              description="Pas de dégressivité pour un loyer élevé."
              checked={form.disabledMember}
              onChange={(e) => update('disabledMember', e.currentTarget.checked)}
            />
          </SimpleGrid>
          <Select
            label="Type de logement"
            description="Foyers, résidences CROUS et accession relèvent d’autres barèmes."
            data={HOUSING_TYPES.map((value) => ({ value, label: HOUSING_TYPE_LABELS[value] }))}
            value={form.housingType}
            onChange={(v) => {
              const type = oneOf(HOUSING_TYPES, v);
              if (type) update('housingType', type);
            }}
            allowDeselect={false}
          />
          <Switch
            size="md"
            label="Logement en outre-mer"
            checked={form.overseas ?? false}
            onChange={(e) => update('overseas', e.currentTarget.checked)}
          />
        </>
      }
      result={
        <>
          <section aria-live="polite" aria-label="Résultat de la simulation">
            {!scales && !error && (
              <Group gap="xs">
                <Loader size="sm" />
                <Text>Chargement des barèmes…</Text>
              </Group>
            )}
            {outcome && !outcome.ok && (
              <Alert color="orange" title="Cas non couvert par le simulateur">
                {outcome.reason}
              </Alert>
            )}
            {outcome?.ok && <ResultCard result={outcome.result} period={effectivePeriod} />}
          </section>
        </>
      }
    />
  );
}

function ResultCard({ result, period }: { result: THousingBenefitResult; period: string }) {
  const b = result.breakdown;
  const rows: [string, string, string?][] = [
    ['Ressources retenues (arrondies à la centaine supérieure)', formatEuro(b.roundedResources)],
    [
      'Loyer réel retenu',
      formatEuro(b.actualRent),
      b.furnishedCoefficientApplied ? 'meublé : 2/3 du loyer, arrondi à l’euro' : 'arrondi à l’euro',
    ],
    ['Loyer plafond', formatEuro(b.rentCeiling)],
    ['Loyer pris en compte (L)', formatEuro(b.retainedRent), 'le plus petit du loyer et du plafond'],
    ['Forfait charges (C)', formatEuro(b.flatCharges)],
    ['Abattement forfaitaire R0 (annuel)', formatEuro(b.r0)],
    ['Taux famille (TF)', percent.format(b.familyRate)],
    [
      'Taux loyer (TL)',
      percent.format(b.rentRate),
      `loyer / loyer de référence ${formatEuro(b.referenceCeiling)}`,
    ],
    ['Participation minimale (P0)', formatEuro(b.minimumContribution)],
    ['Participation personnelle (Pp)', formatEuro(b.personalContribution), 'P0 + (TF + TL) × (R − R0)'],
    ['Aide avant seuil (L + C − Pp)', formatEuro(b.aidBeforeThreshold)],
    [
      'Seuil de versement',
      formatEuro(b.paymentThreshold),
      b.belowPaymentThreshold ? 'aide inférieure au seuil : non versée' : undefined,
    ],
    [
      'Dégressivité',
      b.degressivityCoefficient === 1
        ? 'aucune'
        : `coefficient ${b.degressivityCoefficient.toFixed(4).replace('.', ',')}`,
      `entre ${formatEuro(b.degressivityThreshold)} et ${formatEuro(b.suppressionThreshold)} de loyer`,
    ],
    ['Aide après dégressivité', formatEuro(b.aidAfterDegressivity)],
    ['Minoration forfaitaire', `− ${formatEuro(b.flatDeduction)}`],
    [
      'Réduction de loyer de solidarité',
      result.rlsMonthly > 0 ? `− ${formatEuro(b.rlsDeduction)}` : 'non applicable',
      result.rlsMonthly > 0
        ? `98 % de la RLS de ${formatEuro(result.rlsMonthly)} déduite du loyer par le bailleur`
        : undefined,
    ],
    ['CRDS (0,5 %)', `− ${formatEuro(b.crds)}`],
  ];
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Text size="sm" c="dimmed">
              Aide estimée pour {formatMonth(period)}
            </Text>
            <Text fz={36} fw={700} lh={1.2}>
              {formatEuro(result.monthlyAmount)}{' '}
              <Text span fz="md">
                par mois
              </Text>
            </Text>
          </div>
          <Badge size="lg" variant="light">
            {b.aidKind}
          </Badge>
        </Group>
        <Text size="sm">{AID_KIND_LABELS[b.aidKind]}</Text>
        {result.rlsMonthly > 0 && (
          <Text size="sm">
            Le bailleur déduit aussi {formatEuro(result.rlsMonthly)} de RLS du loyer chaque mois.
          </Text>
        )}
        <Table.ScrollContainer minWidth={420}>
          <Table striped withTableBorder aria-label="Détail du calcul">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Étape</Table.Th>
                <Table.Th scope="col" ta="right">
                  Montant
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map(([label, value, note]) => (
                <Table.Tr key={label}>
                  <Table.Th scope="row" fw={400}>
                    {label}
                    {note && (
                      <Text size="xs" c="dimmed">
                        {note}
                      </Text>
                    )}
                  </Table.Th>
                  <Table.Td ta="right">{value}</Table.Td>
                </Table.Tr>
              ))}
              <Table.Tr>
                <Table.Th scope="row">Aide versée</Table.Th>
                <Table.Td ta="right" fw={700}>
                  {formatEuro(result.monthlyAmount)}
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Text size="xs" c="dimmed">
          Barèmes utilisés :{' '}
          {b.scalesUsed
            .map(
              (s) => `${SCALE_FAMILY_LABELS[s.family]} (${s.effectiveFrom.split('-').reverse().join('/')})`,
            )
            .join(' ; ')}
          .
        </Text>
      </Stack>
    </Card>
  );
}
