import type { ReactNode } from 'react';
import { Stack, Table, Text, Title } from '@mantine/core';
import {
  DEBT_KIND_LABELS,
  EXPENSE_CATEGORY_LABELS,
  HOUSING_SITUATION_LABELS,
  RELATIONSHIP_LABELS,
  RESOURCE_TYPE_LABELS,
} from '@shared/contracts/household-enums.ts';
import type { THouseholdDetail, TTenancy } from '@shared/contracts/households.ts';
import {
  FIELD_GROUPS,
  HOUSEHOLD_FIELDS,
  TENANCY,
  TENANCY_FIELDS,
  type FieldGroup,
} from '@shared/households/registry.ts';
import { NO_NAMES, formatFieldValue, type ReferenceNames } from '@shared/households/display.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { formatCents, formatDate } from '@shared/format.ts';
import { Facts, shown } from './Facts.tsx';
import { EvictionProcedureBlock } from './EvictionProcedureBlock.tsx';
import { EvictionPreventionPanel } from './EvictionPreventionPanel.tsx';

interface TabProps {
  file: THouseholdDetail;
}

const yesNo = (v: boolean) => (v ? 'Oui' : 'Non');

function Block({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

/** The household's own fields, block by block, as the registry names and formats them. */
function FieldBlocks({ file }: TabProps) {
  const values = file as Record<string, unknown>;
  return (
    <>
      {(Object.keys(FIELD_GROUPS) as FieldGroup[]).map((group) => {
        const fields = Object.entries(HOUSEHOLD_FIELDS).filter(
          ([key, spec]) => spec.group === group && values[key] !== undefined,
        );
        if (fields.length === 0) return null;
        return (
          <Block key={group} title={FIELD_GROUPS[group]}>
            {group === 'caseworker' && (
              <Text size="sm" c="dimmed">
                Ces informations ne sont jamais communiquées au bailleur ni aux autres parties.
              </Text>
            )}
            <Facts
              items={fields.map(([key, spec]) => ({
                label: spec.label,
                value: formatFieldValue(spec, values[key]),
              }))}
            />
          </Block>
        );
      })}
    </>
  );
}

/** The names the tenancy's ids designate, as the server sent them with it. */
const tenancyNames = (t: TTenancy): ReferenceNames => ({
  ...NO_NAMES,
  organisation: new Map(
    t.landlordOrganisationId && t.landlordOrganisationName
      ? [[t.landlordOrganisationId, t.landlordOrganisationName]]
      : [],
  ),
  managementUnit: new Map(
    t.managementUnitId && t.managementUnitName ? [[t.managementUnitId, t.managementUnitName]] : [],
  ),
  territory: new Map(
    t.commune
      ? [[t.commune.id, t.commune.postcode ? `${t.commune.name} (${t.commune.postcode})` : t.commune.name]]
      : [],
  ),
});

function TenancyBlock({ file }: TabProps) {
  if (file.tenancy === undefined) return null;
  const t = file.tenancy;
  return (
    <Block title={TENANCY.label}>
      {t === null ? (
        <Text c="dimmed">Le ménage n’occupe pas de logement en propre (ou il n’est pas renseigné).</Text>
      ) : (
        <Facts
          items={[
            ...Object.entries(TENANCY_FIELDS).map(([key, spec]) => ({
              label: spec.label,
              value: formatFieldValue(spec, (t as Record<string, unknown>)[key], tenancyNames(t)),
            })),
            ...(t.rentSince ? [{ label: 'Loyer en vigueur depuis le', value: formatDate(t.rentSince) }] : []),
            { label: 'Dette de loyer', value: shown(file.rentArrears, formatCents) },
          ]}
        />
      )}
    </Block>
  );
}

export function SituationTab({ file }: TabProps) {
  return (
    <Stack gap="xl">
      <FieldBlocks file={file} />
      <TenancyBlock file={file} />
      <EvictionProcedureBlock file={file} />
      <EvictionPreventionPanel file={file} />
    </Stack>
  );
}

export function MembersTab({ file }: TabProps) {
  return (
    <Block title="Composition du ménage">
      <DataTable
        caption="Membres du ménage"
        rows={file.members ?? []}
        rowKey={(m) => m.id}
        emptyTitle="Aucun membre renseigné"
        columns={[
          { key: 'lastName', header: 'Nom', render: (m) => m.lastName },
          { key: 'firstName', header: 'Prénom', render: (m) => m.firstName },
          { key: 'birthDate', header: 'Date de naissance', render: (m) => formatDate(m.birthDate) },
          { key: 'relationship', header: 'Lien', render: (m) => RELATIONSHIP_LABELS[m.relationship] },
          {
            key: 'reference',
            header: 'Personne de référence',
            render: (m) => (m.isReferencePerson ? 'Oui' : 'Non'),
          },
        ]}
      />
    </Block>
  );
}

/** A money table with a total row (tfoot), amounts right-aligned in euros. */
function MoneyTable<T extends { id: string }>({
  caption,
  rows,
  columns,
  amount,
  totalLabel,
}: {
  caption: string;
  rows: T[];
  columns: { header: string; render: (row: T) => ReactNode }[];
  amount: (row: T) => number;
  totalLabel: string;
}) {
  if (rows.length === 0) return <Text c="dimmed">Rien de renseigné.</Text>;
  const total = rows.reduce((sum, r) => sum + amount(r), 0);
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table striped verticalSpacing="sm">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {columns.map((c) => (
              <Table.Th key={c.header} scope="col">
                {c.header}
              </Table.Th>
            ))}
            <Table.Th scope="col" ta="right">
              Montant
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.id}>
              {columns.map((c) => (
                <Table.Td key={c.header}>{c.render(r)}</Table.Td>
              ))}
              <Table.Td ta="right">{formatCents(amount(r))}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th scope="row" colSpan={columns.length}>
              {totalLabel}
            </Table.Th>
            <Table.Td ta="right" fw={700}>
              {formatCents(total)}
            </Table.Td>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}

export function ResourcesTab({ file }: TabProps) {
  const memberName = (index: number | null) => {
    if (index === null) return 'Le ménage';
    const m = file.members?.[index];
    return m ? `${m.firstName} ${m.lastName}` : `Personne ${index + 1}`;
  };
  return (
    <Stack gap="xl">
      {file.resources && (
        <Block title="Ressources mensuelles">
          <MoneyTable
            caption="Ressources mensuelles par personne et par type"
            rows={file.resources}
            totalLabel="Total des ressources mensuelles"
            amount={(r) => r.monthlyAmountCents}
            columns={[
              { header: 'Bénéficiaire', render: (r) => memberName(r.memberIndex) },
              { header: 'Type', render: (r) => RESOURCE_TYPE_LABELS[r.type] },
              { header: 'Précision', render: (r) => r.note ?? '—' },
            ]}
          />
        </Block>
      )}
      {file.expenses && (
        <Block title="Charges mensuelles">
          <MoneyTable
            caption="Charges mensuelles par catégorie"
            rows={file.expenses}
            totalLabel="Total des charges mensuelles"
            amount={(e) => e.monthlyAmountCents}
            columns={[
              { header: 'Catégorie', render: (e) => EXPENSE_CATEGORY_LABELS[e.category] },
              { header: 'Précision', render: (e) => e.note ?? '—' },
            ]}
          />
        </Block>
      )}
      {file.debts && (
        <Block title="Dettes">
          <MoneyTable
            caption="Dettes du ménage"
            rows={file.debts}
            totalLabel="Total des dettes"
            amount={(d) => d.amountCents}
            columns={[
              { header: 'Nature', render: (d) => DEBT_KIND_LABELS[d.kind] },
              { header: 'Créancier', render: (d) => d.creditor ?? '—' },
              { header: 'Depuis le', render: (d) => formatDate(d.startDate) },
              { header: "Plan d'apurement", render: (d) => yesNo(d.repaymentPlan) },
            ]}
          />
        </Block>
      )}
    </Stack>
  );
}

export function HousingTab({ file }: TabProps) {
  return (
    <Block title="Parcours logement">
      <DataTable
        caption="Étapes du parcours logement"
        rows={file.housingHistory ?? []}
        rowKey={(h) => h.id}
        emptyTitle="Aucune étape renseignée"
        columns={[
          { key: 'situation', header: 'Situation', render: (h) => HOUSING_SITUATION_LABELS[h.situation] },
          { key: 'from', header: 'Du', render: (h) => formatDate(h.fromDate) },
          { key: 'to', header: 'Au', render: (h) => formatDate(h.toDate) },
          { key: 'address', header: 'Adresse', render: (h) => h.address ?? '—' },
          { key: 'endReason', header: 'Motif de fin', render: (h) => h.endReason ?? '—' },
        ]}
      />
    </Block>
  );
}
