import { useState } from 'react';
import { Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import type { TBudget, TScenario } from '@shared/contracts/budget.ts';
import { BUDGET_ROUTES } from '@shared/routes/budget.ts';
import { useRouteMutation, useRouteQuery } from '../../api/routes.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { formatCents } from '@shared/format.ts';
import { ConventionNote, EvaluationView } from './EvaluationView.tsx';
import { budgetKey } from './budget-api.ts';
import { TargetDwellingForm } from './TargetDwellingForm.tsx';

/** The household's budget tab: income, expenses, debts, current ratios and target dwellings. */
export function BudgetPanel({ householdId }: { householdId: string }) {
  const budget = useRouteQuery(BUDGET_ROUTES.get, { params: { id: householdId } });
  return (
    <QueryState query={budget} loadingLabel="Chargement du budget…">
      {(data) => <BudgetView householdId={householdId} budget={data} />}
    </QueryState>
  );
}

function BudgetView({ householdId, budget }: { householdId: string; budget: TBudget }) {
  const [editing, setEditing] = useState<TScenario | 'new' | null>(null);
  const remove = useRouteMutation(BUDGET_ROUTES.deleteScenario, {
    invalidate: [budgetKey(householdId)],
    successMessage: 'Logement cible supprimé.',
  });
  return (
    <Stack gap="lg">
      <ConventionNote convention={budget.convention} />

      <Stack gap="xs">
        <Title order={3}>Ressources mensuelles</Title>
        <Table withTableBorder>
          <Table.Caption>Ressources mensuelles par personne et par type</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Personne</Table.Th>
              <Table.Th scope="col">Type</Table.Th>
              <Table.Th scope="col">Montant</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {budget.income.items.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={3}>
                  Aucune ressource renseignée : ajoutez-les dans le dossier pour calculer le taux d’effort et
                  le reste à vivre.
                </Table.Td>
              </Table.Tr>
            )}
            {budget.income.items.map((r, i) => (
              <Table.Tr key={i}>
                <Table.Td>{r.memberName ?? 'Ménage'}</Table.Td>
                <Table.Td>{r.typeLabel}</Table.Td>
                <Table.Td>{formatCents(r.monthlyAmountCents)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th scope="row" colSpan={2}>
                Total hors aide au logement
              </Table.Th>
              <Table.Td>{formatCents(budget.income.totalExcludingHousingBenefitCents)}</Table.Td>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </Stack>

      <Group align="flex-start" grow>
        <Stack gap="xs">
          <Title order={3}>Dépenses mensuelles</Title>
          <Table withTableBorder>
            <Table.Caption>Dépenses mensuelles par catégorie</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Catégorie</Table.Th>
                <Table.Th scope="col">Montant</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {budget.expenses.items.map((e, i) => (
                <Table.Tr key={i}>
                  <Table.Td>{e.label}</Table.Td>
                  <Table.Td>{formatCents(e.monthlyAmountCents)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
        <Stack gap="xs">
          <Title order={3}>Dettes</Title>
          <Table withTableBorder>
            <Table.Caption>Dettes du ménage</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Nature</Table.Th>
                <Table.Th scope="col">Montant</Table.Th>
                <Table.Th scope="col">Plan d’apurement</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {budget.debts.items.map((d, i) => (
                <Table.Tr key={i}>
                  <Table.Td>{d.label}</Table.Td>
                  <Table.Td>{formatCents(d.amountCents)}</Table.Td>
                  <Table.Td>{d.repaymentPlan ? 'Oui' : 'Non'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      </Group>

      <Stack gap="xs">
        <Title order={3}>Situation actuelle</Title>
        {budget.currentNote && <Text size="sm">{budget.currentNote}</Text>}
        {budget.current && (
          <EvaluationView
            evaluation={budget.current}
            convention={budget.convention}
            title="Logement actuel"
          />
        )}
      </Stack>

      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={3}>Logements cibles</Title>
          {editing === null && <Button onClick={() => setEditing('new')}>Ajouter un logement cible</Button>}
        </Group>
        {editing !== null && (
          <TargetDwellingForm
            key={editing === 'new' ? 'new' : editing.id}
            householdId={householdId}
            basis={budget.calculatorBasis}
            scenario={editing === 'new' ? undefined : editing}
            onDone={() => setEditing(null)}
          />
        )}
        {budget.scenarios.length === 0 && editing === null && (
          <Text c="dimmed">Aucun logement cible étudié pour ce ménage.</Text>
        )}
        {budget.scenarios.map(({ scenario, evaluation }) => (
          <Stack key={scenario.id} gap="xs">
            <Group justify="space-between">
              <Title order={4}>
                {scenario.label} — {scenario.typology}, {scenario.surfaceM2.toLocaleString('fr-FR')} m², zone{' '}
                {scenario.zone}
              </Title>
              <Group gap="xs">
                <Button variant="default" size="xs" onClick={() => setEditing(scenario)}>
                  Modifier
                </Button>
                <ConfirmButton
                  size="xs"
                  danger
                  title={`Supprimer le logement cible « ${scenario.label} » ?`}
                  onConfirm={() =>
                    remove.mutateAsync({ params: { id: householdId, scenarioId: scenario.id } })
                  }
                >
                  Supprimer
                </ConfirmButton>
              </Group>
            </Group>
            <EvaluationView evaluation={evaluation} convention={budget.convention} title={scenario.label} />
          </Stack>
        ))}
      </Stack>
    </Stack>
  );
}
