import { Button, Card, Group, NumberInput, Stack, Text } from '@mantine/core';
import { Link } from 'react-router-dom';
import { ZArrearsThreshold, type TArrearsThreshold } from '@shared/contracts/dwellings.ts';
import { STOCK_IMPORT_ROUTES } from '@shared/routes/dwellings.ts';
import { formatCents, formatDate } from '@shared/format.ts';
import { routeKey, useRouteMutation, useRouteQuery } from '../../api/routes.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { useBodyForm } from '../../components/FormDialog.tsx';
import { MoneyInput } from '../../components/MoneyInput.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { Section } from '../../components/Section.tsx';
import { PATHS } from '../../paths.ts';

const FLAGGED_KEY = routeKey(STOCK_IMPORT_ROUTES.flagged, {});

/** The tenants whose last imported balance crosses the threshold, to refer early to an association. */
export function ArrearsPage() {
  const query = useRouteQuery(STOCK_IMPORT_ROUTES.flagged, {});
  return (
    <>
      <PageHeader
        title="Locataires à signaler tôt"
        description="D’après le dernier fichier d’impayés importé : les locataires dont la dette atteint le seuil. Une saisine « maintien dans le logement » permet à une association de les accompagner avant la procédure."
        actions={
          <Button variant="default" component={Link} to={PATHS.stockImport}>
            Importer les impayés du mois
          </Button>
        }
      />
      <QueryState query={query} loadingLabel="Chargement…">
        {(data) => (
          <Stack gap="lg">
            <ThresholdForm threshold={data.threshold} />
            <DataTable
              caption="Locataires à signaler"
              rows={data.items}
              rowKey={(f) => `${f.dwellingId}-${f.tenantReference}`}
              emptyTitle="Aucun locataire à signaler"
              emptyDescription="Aucun solde importé n’atteint le seuil."
              columns={[
                {
                  key: 'tenant',
                  header: 'Locataire',
                  render: (f) => `${f.tenantName ?? 'Sans nom'} (réf. ${f.tenantReference})`,
                },
                { key: 'address', header: 'Logement', render: (f) => f.address },
                {
                  key: 'balance',
                  header: 'Dette',
                  render: (f) => `${formatCents(f.balanceCents)} au ${formatDate(f.asOf)}`,
                },
                {
                  key: 'due',
                  header: 'Loyer + charges',
                  render: (f) => (f.monthlyDueCents === null ? '—' : formatCents(f.monthlyDueCents)),
                  hideOnSmall: true,
                },
                {
                  key: 'refer',
                  header: 'Action',
                  // The referral form opens filled from the tenant's contract and this file.
                  render: (f) => (
                    <Button
                      size="xs"
                      component={Link}
                      to={PATHS.referralFromContract(f.contractId)}
                      aria-label={`Faire une saisine pour ${f.tenantName ?? `le locataire ${f.tenantReference}`}`}
                    >
                      Faire une saisine
                    </Button>
                  ),
                },
              ]}
            />
          </Stack>
        )}
      </QueryState>
    </>
  );
}

function ThresholdForm({ threshold }: { threshold: TArrearsThreshold }) {
  const form = useBodyForm<TArrearsThreshold>(threshold, ZArrearsThreshold, (v) => v);
  const save = useRouteMutation(STOCK_IMPORT_ROUTES.setThreshold, {
    form,
    invalidate: [FLAGGED_KEY],
    successMessage: 'Seuil enregistré.',
  });
  return (
    <Section title="Seuil de signalement">
      <Card withBorder component="form" noValidate onSubmit={form.onSubmit((body) => save.mutate({ body }))}>
        <ApiErrorAlert error={save.error} />
        <Text size="sm" mb="sm">
          Un locataire est signalé quand sa dette atteint ce nombre de mois de loyer et charges, ou le montant
          s’il est donné.
        </Text>
        <Group align="flex-end">
          <NumberInput
            label="Mois de loyer et charges"
            min={0.5}
            max={24}
            step={0.5}
            decimalScale={1}
            decimalSeparator=","
            {...form.getInputProps('months')}
          />
          <MoneyInput label="Ou un montant" {...form.getInputProps('amountCents')} />
          <Button type="submit" loading={save.isPending}>
            Enregistrer le seuil
          </Button>
        </Group>
      </Card>
    </Section>
  );
}
