import { useState } from 'react';
import { Button, NumberInput, SimpleGrid, Text } from '@mantine/core';
import { ZCapacityInput, type TCaseload } from '@shared/contracts/measures.ts';
import { MEASURE_ROUTES } from '@shared/routes/measures.ts';
import { routeKey, useRouteMutation, useRouteQuery } from '../../api/routes.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { FormDialog, useBodyForm } from '../../components/FormDialog.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';

const CASELOADS_KEY = routeKey(MEASURE_ROUTES.caseloads, {});

/** « 12 / 15 », flagged in words (and colour) once the capacity is reached. */
function Load({ households, capacity }: { households: number; capacity: number }) {
  const full = households >= capacity;
  return (
    <Text span c={full ? 'orange.9' : undefined} fw={full ? 700 : undefined}>
      {households} / {capacity}
      {full && ' — capacité atteinte'}
    </Text>
  );
}

/** Each social worker's households on access and maintenance measures, against their capacity. */
export function CaseloadsPage() {
  const list = useRouteQuery(MEASURE_ROUTES.caseloads, {});
  const [editing, setEditing] = useState<TCaseload | null>(null);
  return (
    <>
      <PageHeader
        title="Charge des référents"
        description="Les ménages que suit chaque travailleur social sur des mesures d’accès et de maintien, et le nombre qu’il peut suivre. Au-delà, la désignation d’un référent demande une confirmation."
      />
      <QueryState query={list}>
        {({ items }) => (
          <DataTable
            caption="Charge et capacité de chaque référent"
            rows={items}
            rowKey={(c) => c.userId}
            emptyTitle="Aucun travailleur social dans votre organisation"
            columns={[
              { key: 'name', header: 'Référent', render: (c) => c.name },
              {
                key: 'access',
                header: 'Ménages en accès / capacité',
                render: (c) => <Load households={c.accessHouseholds} capacity={c.accessCapacity} />,
              },
              {
                key: 'maintenance',
                header: 'Ménages en maintien / capacité',
                render: (c) => <Load households={c.maintenanceHouseholds} capacity={c.maintenanceCapacity} />,
              },
              {
                key: 'edit',
                header: 'Capacité',
                render: (c) => (
                  <Button
                    size="xs"
                    variant="default"
                    aria-label={`Modifier la capacité de ${c.name}`}
                    onClick={() => setEditing(c)}
                  >
                    Modifier la capacité
                  </Button>
                ),
              },
            ]}
          />
        )}
      </QueryState>
      {editing && (
        <CapacityDialog
          caseload={editing}
          onClose={() => setEditing(null)}
          onReload={() => void list.refetch()}
        />
      )}
    </>
  );
}

function CapacityDialog({
  caseload,
  onClose,
  onReload,
}: {
  caseload: TCaseload;
  onClose: () => void;
  onReload: () => void;
}) {
  type V = { accessCapacity: number | string; maintenanceCapacity: number | string };
  const form = useBodyForm<V>(
    { accessCapacity: caseload.accessCapacity, maintenanceCapacity: caseload.maintenanceCapacity },
    ZCapacityInput,
    (v) => v,
    {
      accessCapacity: 'Indiquez un nombre de ménages.',
      maintenanceCapacity: 'Indiquez un nombre de ménages.',
    },
  );
  const save = useRouteMutation(MEASURE_ROUTES.setCapacity, {
    form,
    invalidate: [CASELOADS_KEY],
    successMessage: 'Capacité enregistrée.',
    onSuccess: onClose,
  });
  return (
    <FormDialog
      title={`Capacité de ${caseload.name}`}
      form={form}
      mutation={save}
      // The form's check has required both numbers when this runs.
      onSubmit={(v) =>
        save.mutate({
          params: { userId: caseload.userId },
          body: {
            accessCapacity: Number(v.accessCapacity),
            maintenanceCapacity: Number(v.maintenanceCapacity),
          },
        })
      }
      onReload={onReload}
      onClose={onClose}
      submitLabel="Enregistrer"
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NumberInput
          label="Ménages en accès au plus"
          required
          min={0}
          max={200}
          allowDecimal={false}
          {...form.getInputProps('accessCapacity')}
        />
        <NumberInput
          label="Ménages en maintien au plus"
          required
          min={0}
          max={200}
          allowDecimal={false}
          {...form.getInputProps('maintenanceCapacity')}
        />
      </SimpleGrid>
    </FormDialog>
  );
}
