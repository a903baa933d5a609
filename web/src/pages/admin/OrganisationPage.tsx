import { useState } from 'react';
import { Button, Grid, Group, Modal, Stack, TextInput, Textarea } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import {
  ZManagementUnitCreate,
  ZOrganisationUpdate,
  type TManagementUnit,
  type TOrganisationDetail,
} from '@shared/contracts/organisations.ts';
import { ORGANISATION_TYPE_LABELS } from '@shared/contracts/roles.ts';
import { ORGANISATION_ROUTES } from '@shared/routes/organisations.ts';
import { useApiMutation } from '../../api/hooks.ts';
import { callRoute, routeKey, useRouteMutation } from '../../api/routes.ts';
import { ME_KEY } from '../../api/session.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { Section } from '../../components/Section.tsx';
import { TerritorySelect, territoryLabel } from '../../components/TerritorySelect.tsx';
import { AlertSettingsSection } from '../alerts/AlertSettingsSection.tsx';
import { useOwnOrganisation } from './admin-api.ts';

const organisationKey = (id: string) => routeKey(ORGANISATION_ROUTES.get, { params: { id } });

export function OrganisationPage() {
  const organisation = useOwnOrganisation();
  return (
    <>
      <PageHeader
        title="Organisation"
        description="Le nom et les coordonnées générales visibles des partenaires."
      />
      <QueryState query={organisation}>
        {(org) => (
          <Stack gap="xl">
            <OrganisationForm organisation={org} />
            {org.type === 'landlord' && <ManagementUnits organisation={org} />}
            {(org.type === 'association' || org.type === 'other') && <AlertSettingsSection />}
          </Stack>
        )}
      </QueryState>
    </>
  );
}

interface ContactValues {
  name: string;
  shortName: string;
  email: string;
  phone: string;
  address: string;
  territoryId: string | null;
}

/** Empty optional fields are sent as null, which clears them. */
const toUpdate = (v: ContactValues) => ({
  name: v.name,
  shortName: v.shortName.trim() || null,
  email: v.email.trim() || null,
  phone: v.phone.trim() || null,
  address: v.address.trim() || null,
  territoryId: v.territoryId,
});

/** The select option of a territory the server sent with the record. */
const territoryOption = (t: TManagementUnit['territory']) =>
  t ? { value: t.id, label: territoryLabel(t) } : null;

const TERRITORY_HELP = 'Département, intercommunalité (EPCI) ou commune : tapez un nom ou un code';

function OrganisationForm({ organisation }: { organisation: TOrganisationDetail }) {
  const form = useForm<ContactValues>({
    initialValues: {
      name: organisation.name,
      shortName: organisation.shortName ?? '',
      email: organisation.email ?? '',
      phone: organisation.phone ?? '',
      address: organisation.address ?? '',
      territoryId: organisation.territory?.id ?? null,
    },
    validate: (v) => schemaResolver(ZOrganisationUpdate, { sync: true })(toUpdate(v)),
  });
  const save = useRouteMutation(ORGANISATION_ROUTES.updateOwn, {
    form,
    invalidate: [organisationKey(organisation.id), ME_KEY],
    successMessage: 'Organisation enregistrée.',
  });

  return (
    <Section title={`${ORGANISATION_TYPE_LABELS[organisation.type]} — coordonnées`}>
      <form onSubmit={form.onSubmit((v) => save.mutate({ body: toUpdate(v) }))} noValidate>
        <Stack>
          <ApiErrorAlert error={save.error} />
          <Grid>
            <Grid.Col span={{ base: 12, sm: 8 }}>
              <TextInput label="Nom" required {...form.getInputProps('name')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <TextInput label="Sigle ou nom court" {...form.getInputProps('shortName')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput
                label="E-mail générique"
                description="Boîte partagée, pas une adresse personnelle"
                type="email"
                {...form.getInputProps('email')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput label="Téléphone (standard)" type="tel" {...form.getInputProps('phone')} />
            </Grid.Col>
            <Grid.Col span={12}>
              <Textarea label="Adresse" autosize minRows={2} {...form.getInputProps('address')} />
            </Grid.Col>
          </Grid>
          <TerritorySelect
            label="Territoire d’intervention"
            description={TERRITORY_HELP}
            currentOption={territoryOption(organisation.territory)}
            {...form.getInputProps('territoryId')}
          />
          <div>
            <Button type="submit" loading={save.isPending}>
              Enregistrer
            </Button>
          </div>
        </Stack>
      </form>
    </Section>
  );
}

function ManagementUnits({ organisation }: { organisation: TOrganisationDetail }) {
  const [editing, setEditing] = useState<TManagementUnit | 'new' | null>(null);
  return (
    <Section
      title="Unités de gestion (agences)"
      action={
        <Button size="sm" onClick={() => setEditing('new')}>
          Ajouter une unité
        </Button>
      }
    >
      <DataTable
        caption="Unités de gestion de l’organisation"
        rows={organisation.managementUnits}
        rowKey={(u) => u.id}
        emptyTitle="Aucune unité de gestion"
        emptyDescription="Les unités de gestion permettent de rattacher les gestionnaires et les logements à une agence."
        columns={[
          { key: 'name', header: 'Nom', render: (u) => u.name },
          { key: 'code', header: 'Code', render: (u) => u.code },
          { key: 'territory', header: 'Territoire', render: (u) => u.territory?.name ?? '—' },
          {
            key: 'actions',
            header: 'Actions',
            render: (u) => (
              <Button
                size="xs"
                variant="default"
                onClick={() => setEditing(u)}
                aria-label={`Modifier ${u.name}`}
              >
                Modifier
              </Button>
            ),
          },
        ]}
      />
      {editing && (
        <ManagementUnitModal
          unit={editing === 'new' ? null : editing}
          organisationId={organisation.id}
          onClose={() => setEditing(null)}
        />
      )}
    </Section>
  );
}

interface UnitValues {
  name: string;
  code: string;
  territoryId: string | null;
}

function ManagementUnitModal({
  unit,
  organisationId,
  onClose,
}: {
  unit: TManagementUnit | null;
  organisationId: string;
  onClose: () => void;
}) {
  const form = useForm<UnitValues>({
    initialValues: {
      name: unit?.name ?? '',
      code: unit?.code ?? '',
      territoryId: unit?.territory?.id ?? null,
    },
    validate: schemaResolver(ZManagementUnitCreate, { sync: true }),
  });
  const save = useApiMutation(
    (body: UnitValues) =>
      unit
        ? callRoute(ORGANISATION_ROUTES.updateManagementUnit, { params: { id: unit.id }, body })
        : callRoute(ORGANISATION_ROUTES.createManagementUnit, { body }),
    {
      form,
      invalidate: [organisationKey(organisationId)],
      successMessage: unit ? 'Unité de gestion modifiée.' : 'Unité de gestion créée.',
      onSuccess: onClose,
    },
  );
  return (
    <Modal opened onClose={onClose} title={unit ? `Modifier ${unit.name}` : 'Nouvelle unité de gestion'}>
      <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
        <Stack>
          <ApiErrorAlert error={save.error} />
          <TextInput label="Nom" required data-autofocus {...form.getInputProps('name')} />
          <TextInput
            label="Code"
            description="Code interne de l’agence"
            required
            {...form.getInputProps('code')}
          />
          <TerritorySelect
            label="Territoire"
            description={TERRITORY_HELP}
            currentOption={territoryOption(unit?.territory ?? null)}
            {...form.getInputProps('territoryId')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Annuler
            </Button>
            <Button type="submit" loading={save.isPending}>
              Enregistrer
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
