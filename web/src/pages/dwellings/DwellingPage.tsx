import { useState } from 'react';
import { Button, Group, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useParams } from 'react-router-dom';
import { TYPOLOGY_LABELS } from '@shared/contracts/household-enums.ts';
import {
  DWELLING_ACCESSIBILITY_LABELS,
  DWELLING_FINANCING_LABELS,
  DWELLING_STATUS_LABELS,
  type DwellingStatus,
} from '@shared/contracts/housing-stock.ts';
import { ZRentInput, type TDwelling } from '@shared/contracts/dwellings.ts';
import { DWELLING_ROUTES } from '@shared/routes/dwellings.ts';
import { formatCents, formatDate } from '@shared/format.ts';
import { routeKey, useRouteMutation, useRouteQuery } from '../../api/routes.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { DateField } from '../../components/DateField.tsx';
import { FormDialog, useBodyForm } from '../../components/FormDialog.tsx';
import { MoneyInput } from '../../components/MoneyInput.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { Section } from '../../components/Section.tsx';
import { DwellingDialog } from './DwellingDialog.tsx';
import { STATUS_OPTIONS, formatSurface } from './dwelling-labels.ts';

/** A dwelling of the stock: what and where it is, its status, its rent and charges with their history. */
export function DwellingPage() {
  const { dwellingId = '' } = useParams();
  const query = useRouteQuery(DWELLING_ROUTES.get, { params: { dwellingId } });
  return (
    <QueryState query={query} loadingLabel="Chargement du logement…">
      {(d) => <DwellingView dwelling={d} />}
    </QueryState>
  );
}

function DwellingView({ dwelling: d }: { dwelling: TDwelling }) {
  const [editing, setEditing] = useState(false);
  const [addingRent, setAddingRent] = useState(false);
  const yesNo = (v: boolean | null) => (v === null ? '—' : v ? 'Oui' : 'Non');
  const facts: [string, string][] = [
    ['Référence', d.reference ?? '—'],
    ['Adresse', d.address],
    [
      'Commune',
      d.communeName ? `${d.communeName}${d.communePostcode ? ` (${d.communePostcode})` : ''}` : '—',
    ],
    ['EPCI', d.epciName ?? '—'],
    ['Typologie', d.typology ? TYPOLOGY_LABELS[d.typology] : '—'],
    ['Surface', formatSurface(d.surfaceM2)],
    ['Étage', d.floor === null ? '—' : d.floor === 0 ? 'Rez-de-chaussée' : String(d.floor)],
    ['Ascenseur', yesNo(d.lift)],
    ['Accessibilité', d.accessibility ? DWELLING_ACCESSIBILITY_LABELS[d.accessibility] : '—'],
    ['Financement', d.financing ? DWELLING_FINANCING_LABELS[d.financing] : '—'],
  ];
  return (
    <>
      <PageHeader
        title={d.reference ? `Logement ${d.reference}` : d.address}
        description={`${d.address}${d.communeName ? `, ${d.communeName}` : ''} — ${DWELLING_STATUS_LABELS[d.status]}`}
        actions={<Button onClick={() => setEditing(true)}>Modifier</Button>}
      />
      {editing && <DwellingDialog dwelling={d} onClose={() => setEditing(false)} />}
      {addingRent && <RentDialog dwellingId={d.id} onClose={() => setAddingRent(false)} />}
      <Stack gap="lg">
        <Section title="Le logement">
          <SimpleGrid cols={{ base: 1, sm: 2 }} component="dl">
            {facts.map(([label, value]) => (
              <div key={label}>
                <Text component="dt" size="sm" c="dimmed">
                  {label}
                </Text>
                <Text component="dd" m={0}>
                  {value}
                </Text>
              </div>
            ))}
          </SimpleGrid>
        </Section>
        <StatusSection dwelling={d} />
        <Section title="Loyer et charges">
          <Group mb="sm">
            <Text>
              {d.rent
                ? `En vigueur : loyer ${formatCents(d.rent.monthlyRentCents)}, charges ${formatCents(d.rent.monthlyChargesCents)} par mois, depuis le ${formatDate(d.rent.effectiveFrom)}.`
                : 'Aucun loyer en vigueur.'}
            </Text>
            <Button variant="default" onClick={() => setAddingRent(true)}>
              Nouveau loyer
            </Button>
          </Group>
          <DataTable
            caption="Historique du loyer"
            rows={d.rents}
            rowKey={(r) => r.effectiveFrom}
            emptyTitle="Aucun loyer enregistré"
            columns={[
              { key: 'from', header: 'À partir du', render: (r) => formatDate(r.effectiveFrom) },
              { key: 'rent', header: 'Loyer', render: (r) => formatCents(r.monthlyRentCents) },
              { key: 'charges', header: 'Charges', render: (r) => formatCents(r.monthlyChargesCents) },
            ]}
          />
        </Section>
      </Stack>
    </>
  );
}

function StatusSection({ dwelling }: { dwelling: TDwelling }) {
  const [status, setStatus] = useState<DwellingStatus>(dwelling.status);
  const change = useRouteMutation(DWELLING_ROUTES.changeStatus, {
    invalidate: [
      routeKey(DWELLING_ROUTES.get, { params: { dwellingId: dwelling.id } }),
      routeKey(DWELLING_ROUTES.list, {}),
    ],
    successMessage: 'Statut changé.',
  });
  return (
    <Section title="Statut">
      <ApiErrorAlert error={change.error} />
      <Group align="flex-end">
        <Select
          label="Statut du logement"
          data={STATUS_OPTIONS}
          value={status}
          onChange={(v) => v && setStatus(v as DwellingStatus)}
          allowDeselect={false}
        />
        <Button
          disabled={status === dwelling.status}
          loading={change.isPending}
          onClick={() => change.mutate({ params: { dwellingId: dwelling.id }, body: { status } })}
        >
          Changer le statut
        </Button>
      </Group>
    </Section>
  );
}

type RentValues = {
  effectiveFrom: string | null;
  monthlyRentCents: number | null;
  monthlyChargesCents: number | null;
};
const rentBody = (v: RentValues) => ({
  effectiveFrom: v.effectiveFrom ?? '',
  monthlyRentCents: v.monthlyRentCents ?? -1,
  monthlyChargesCents: v.monthlyChargesCents ?? 0,
});

function RentDialog({ dwellingId, onClose }: { dwellingId: string; onClose: () => void }) {
  const form = useBodyForm<RentValues>(
    { effectiveFrom: null, monthlyRentCents: null, monthlyChargesCents: 0 },
    ZRentInput,
    rentBody,
    { effectiveFrom: 'Date obligatoire.', monthlyRentCents: 'Loyer obligatoire.' },
  );
  const add = useRouteMutation(DWELLING_ROUTES.addRent, {
    form,
    invalidate: [
      routeKey(DWELLING_ROUTES.get, { params: { dwellingId } }),
      routeKey(DWELLING_ROUTES.list, {}),
    ],
    successMessage: 'Loyer enregistré.',
    onSuccess: onClose,
  });
  return (
    <FormDialog
      title="Nouveau loyer"
      intro="Le loyer et les charges s’appliquent à partir de la date choisie ; les précédents restent dans l’historique."
      form={form}
      mutation={add}
      onSubmit={(v) => add.mutate({ params: { dwellingId }, body: ZRentInput.parse(rentBody(v)) })}
      onClose={onClose}
      submitLabel="Enregistrer"
    >
      <DateField label="À partir du" required {...form.getInputProps('effectiveFrom')} />
      <MoneyInput label="Loyer mensuel" required {...form.getInputProps('monthlyRentCents')} />
      <MoneyInput label="Charges mensuelles" {...form.getInputProps('monthlyChargesCents')} />
    </FormDialog>
  );
}
