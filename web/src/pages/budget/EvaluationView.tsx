import { Alert, Stack, Table, Text, Title } from '@mantine/core';
import type { TBudgetEvaluation, TBudgetWarning, TConventionUsed } from '@shared/contracts/budget.ts';
import { formatCents } from '@shared/format.ts';

const NOT_COMPUTABLE = 'non calculable';
const percent = (value: number | null) =>
  value === null ? NOT_COMPUTABLE : `${value.toLocaleString('fr-FR', { maximumFractionDigits: 1 })} %`;
const amount = (cents: number | null) => (cents === null ? NOT_COMPUTABLE : formatCents(cents));

/** Missing data or an aid not estimated: a figure left out, not an alarm about the household. */
const INFORMATIVE: ReadonlySet<TBudgetWarning['code']> = new Set([
  'BENEFIT_NOT_ESTIMATED',
  'EFFORT_NOT_COMPUTABLE',
  'RAV_NOT_COMPUTABLE',
]);

/** Figures of one dwelling, each with the rule that produced it; warnings in words. */
export function EvaluationView({
  evaluation,
  convention,
  title,
}: {
  evaluation: TBudgetEvaluation;
  convention: TConventionUsed;
  title: string;
}) {
  const { effortRate, resteAVivre, charges, housingBenefit } = evaluation;
  return (
    <Stack gap="sm">
      {evaluation.warnings.map((w) => (
        <Alert key={w.code} color={INFORMATIVE.has(w.code) ? 'yellow' : 'red'} title="Attention">
          {w.message}
        </Alert>
      ))}
      <Table withTableBorder striped>
        <Table.Caption>{title} : chiffres et règle de calcul retenue</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Élément</Table.Th>
            <Table.Th scope="col">Montant</Table.Th>
            <Table.Th scope="col">Règle</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          <Table.Tr>
            <Table.Th scope="row">Loyer</Table.Th>
            <Table.Td>{formatCents(evaluation.rentCents)}</Table.Td>
            <Table.Td>Hors charges</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">Charges</Table.Th>
            <Table.Td>{formatCents(charges.monthlyCents)}</Table.Td>
            <Table.Td>
              {charges.source === 'estimated' ? 'Estimées (règle FSL) : ' : ''}
              {charges.lines.map((l) => `${l.label} ${formatCents(l.cents)} (${l.basis})`).join(' ; ')}
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">Aide au logement</Table.Th>
            <Table.Td>
              {formatCents(housingBenefit.monthlyCents)}
              {housingBenefit.aidKind ? ` (${housingBenefit.aidKind})` : ''}
            </Table.Td>
            <Table.Td>{housingBenefit.note}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">Taux d’effort</Table.Th>
            <Table.Td>{percent(effortRate.percent)}</Table.Td>
            <Table.Td>
              {effortRate.reason ??
                `${convention.housingCost}, divisé par les ressources mensuelles hors aide au logement`}{' '}
              (seuil {convention.effortRateThresholdPercent} %)
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">Reste à vivre mensuel</Table.Th>
            <Table.Td>{amount(resteAVivre.monthlyCents)}</Table.Td>
            <Table.Td>{resteAVivre.reason ?? convention.fixedExpenses}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">Par personne et par jour</Table.Th>
            <Table.Td>{amount(resteAVivre.perPersonPerDayCents)}</Table.Td>
            <Table.Td>
              {resteAVivre.persons} personne{resteAVivre.persons > 1 ? 's' : ''}, {convention.daysPerMonth}
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">Par unité de consommation et par jour</Table.Th>
            <Table.Td>{amount(resteAVivre.perUnitPerDayCents)}</Table.Td>
            <Table.Td>
              {resteAVivre.consumptionUnits.toLocaleString('fr-FR')} UC — {convention.consumptionUnits} (seuil{' '}
              {formatCents(convention.resteAVivreThresholdCents)})
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

export function ConventionNote({ convention }: { convention: TConventionUsed }) {
  return (
    <Stack gap={2}>
      <Title order={3}>Convention appliquée : {convention.name}</Title>
      <Text size="sm">{convention.origin}</Text>
    </Stack>
  );
}
