import { useState, type ReactNode } from 'react';
import { Select, TextInput } from '@mantine/core';
import { useNavigate } from 'react-router-dom';
import { hasRoleIn } from '@shared/access/role-groups.ts';
import {
  LESSOR_KIND_LABELS,
  LESSOR_KINDS,
  OCCUPANCY_KIND_LABELS,
  OCCUPANCY_KINDS,
  type LessorKind,
  type OccupancyKind,
} from '@shared/contracts/housing-stock.ts';
import type { TMe } from '@shared/contracts/identity.ts';
import { ZContractCreate } from '@shared/contracts/leases.ts';
import { defaultSlidingReview, isSlidingKind } from '@shared/leases/contract-rules.ts';
import { DWELLING_ROUTES } from '@shared/routes/dwellings.ts';
import { LEASE_ROUTES } from '@shared/routes/leases.ts';
import { PARTNERSHIP_ROUTES } from '@shared/routes/partnerships.ts';
import { formatDate } from '@shared/format.ts';
import { parisToday } from '@shared/time.ts';
import { useRouteMutation, useRouteQuery } from '../../api/routes.ts';
import { DateField } from '../../components/DateField.tsx';
import { FormDialog, useBodyForm } from '../../components/FormDialog.tsx';
import { HouseholdSelect } from '../../components/HouseholdSelect.tsx';
import { OrganisationSelect } from '../../components/OrganisationSelect.tsx';
import { RemoteSelect } from '../../components/RemoteSelect.tsx';
import { PATHS } from '../../paths.ts';
import { contractChangedKeys } from './lease-ui.tsx';

/**
 * Who may create a contract from the list, as the lease policy lets them manage one: a landlord's
 * staff (or admin) for its dwellings, an association's social workers (or admin) for what it holds.
 */
export function canCreateContract(me: TMe): boolean {
  const admin = me.roles.includes('admin');
  if (me.organisation?.type === 'landlord') return admin || hasRoleIn(me.roles, 'landlordStaff');
  if (me.organisation?.type === 'association') return admin || hasRoleIn(me.roles, 'socialWork');
  return false;
}

const needsAssociation = (kind: OccupancyKind | null) => kind !== null && kind !== 'direct_lease';

type Values = {
  dwellingId: string | null;
  kind: OccupancyKind | null;
  householdId: string | null;
  tenantName: string;
  lessorOrganisationId: string | null;
  lessorName: string;
  lessorKind: LessorKind | null;
  intermediaryOrganisationId: string | null;
  signedOn: string | null;
  startOn: string | null;
  endOn: string | null;
  slidingReviewOn: string | null;
};

/**
 * « Nouveau contrat »: a landlord's staff picks one of its dwellings (it is the lessor); an
 * association's social worker picks a dwelling a convention made available to it, which brings the
 * landlord and the occupancy kind agreed. The contract is created in preparation, then its page
 * offers to put it in force.
 */
export function NewContractDialog({ me, onClose }: { me: TMe; onClose: () => void }) {
  const navigate = useNavigate();
  const landlord = me.organisation?.type === 'landlord';
  const ownId = me.organisation?.id ?? null;
  // A choice left empty goes as null: the contract's check names the field before anything is sent.
  const body = (v: Values) => ({
    dwellingId: v.dwellingId as string,
    kind: v.kind as OccupancyKind,
    householdId: v.householdId,
    tenantName: v.tenantName,
    lessorOrganisationId: v.lessorOrganisationId,
    lessorName: v.lessorName,
    lessorKind: v.lessorKind as LessorKind,
    intermediaryOrganisationId: needsAssociation(v.kind) ? v.intermediaryOrganisationId : null,
    signedOn: v.signedOn,
    startOn: v.startOn ?? '',
    endOn: v.endOn,
    slidingReviewOn: v.kind && isSlidingKind(v.kind) ? v.slidingReviewOn : null,
  });
  const form = useBodyForm<Values>(
    {
      dwellingId: null,
      kind: landlord ? 'direct_lease' : null,
      householdId: null,
      tenantName: '',
      lessorOrganisationId: landlord ? ownId : null,
      lessorName: '',
      lessorKind: 'legal_person',
      intermediaryOrganisationId: landlord ? null : ownId,
      signedOn: null,
      startOn: parisToday(),
      endOn: null,
      slidingReviewOn: null,
    },
    ZContractCreate,
    body,
    {
      dwellingId: 'Choisissez le logement.',
      kind: 'Choisissez le type de contrat.',
      startOn: 'Indiquez le premier jour du contrat.',
    },
  );
  const create = useRouteMutation(LEASE_ROUTES.create, {
    form,
    invalidate: contractChangedKeys(null),
    successMessage: 'Contrat enregistré, en préparation.',
    onSuccess: (c) => navigate(PATHS.lease(c.id)),
  });
  const { kind, startOn } = form.values;
  return (
    <FormDialog
      title="Nouveau contrat d’occupation"
      intro="Le contrat est enregistré en préparation ; vous le mettrez en vigueur depuis sa page."
      form={form}
      mutation={create}
      onSubmit={(v) => create.mutate({ body: body(v) })}
      onClose={onClose}
      submitLabel="Enregistrer le contrat"
    >
      {landlord ? (
        <RemoteSelect
          label="Logement"
          required
          description="Tapez une partie de l’adresse ou la référence"
          placeholder="Rechercher un logement"
          route={DWELLING_ROUTES.list}
          queryOf={(q) => ({ ...(q ? { q } : {}), pageSize: 20 })}
          optionOf={(d) => ({
            value: d.id,
            label: d.reference ? `${d.address} (${d.reference})` : d.address,
          })}
          emptyMessage={(q) => (q ? `Aucun logement ne correspond à « ${q} »` : 'Aucun logement')}
          {...form.getInputProps('dwellingId')}
        />
      ) : (
        <ConventionDwellingSelect
          associationId={ownId}
          value={form.values.dwellingId}
          error={form.errors.dwellingId}
          onChange={(dwelling) => {
            form.setFieldValue('dwellingId', dwelling?.dwellingId ?? null);
            if (dwelling) {
              form.setFieldValue('kind', dwelling.occupancyKind);
              form.setFieldValue('lessorOrganisationId', dwelling.landlordOrganisationId);
            }
          }}
        />
      )}
      <Select
        label="Type de contrat"
        required
        data={OCCUPANCY_KINDS.map((k) => ({ value: k, label: OCCUPANCY_KIND_LABELS[k] }))}
        {...form.getInputProps('kind')}
      />
      <HouseholdSelect
        description={
          landlord
            ? 'Le dossier du ménage s’il est suivi dans Relais ; sinon, le nom du locataire ci-dessous'
            : undefined
        }
        clearable
        {...form.getInputProps('householdId')}
      />
      {landlord && <TextInput label="Nom du locataire" {...form.getInputProps('tenantName')} />}
      <OrganisationSelect label="Bailleur" type="landlord" {...form.getInputProps('lessorOrganisationId')} />
      {!landlord && (
        <TextInput
          label="Nom du propriétaire"
          description="Pour un propriétaire qui n’est pas dans Relais"
          {...form.getInputProps('lessorName')}
        />
      )}
      <Select
        label="Nature du bailleur"
        required
        data={LESSOR_KINDS.map((k) => ({ value: k, label: LESSOR_KIND_LABELS[k] }))}
        {...form.getInputProps('lessorKind')}
      />
      {needsAssociation(kind) && (
        <OrganisationSelect
          label="Association"
          description="Celle qui porte le bail principal ou le mandat"
          type="association"
          {...form.getInputProps('intermediaryOrganisationId')}
        />
      )}
      <DateField label="Signé le" {...form.getInputProps('signedOn')} />
      <DateField label="Premier jour" required {...form.getInputProps('startOn')} />
      <DateField
        label="Dernier jour"
        description="Vide : sans date de fin"
        {...form.getInputProps('endOn')}
      />
      {kind && isSlidingKind(kind) && (
        <DateField
          label="Examen du glissement le"
          description={
            startOn
              ? `Vide : 12 mois après le début, le ${formatDate(defaultSlidingReview(startOn))}`
              : 'Vide : 12 mois après le début'
          }
          {...form.getInputProps('slidingReviewOn')}
        />
      )}
    </FormDialog>
  );
}

interface ConventionDwelling {
  dwellingId: string;
  occupancyKind: OccupancyKind;
  landlordOrganisationId: string;
}

/** An association's dwellings: first the convention, then one of the dwellings it made available. */
function ConventionDwellingSelect(props: {
  associationId: string | null;
  value: string | null;
  error: ReactNode;
  onChange: (dwelling: ConventionDwelling | null) => void;
}) {
  const conventions = useRouteQuery(PARTNERSHIP_ROUTES.list, {});
  const mine = (conventions.data?.items ?? []).filter(
    (c) => c.associationOrganisationId === props.associationId,
  );
  const [conventionId, setConventionId] = useState<string | null>(null);
  const convention = useRouteQuery(
    PARTNERSHIP_ROUTES.get,
    { params: { conventionId: conventionId ?? '' } },
    { enabled: conventionId !== null },
  );
  const dwellings = convention.data?.dwellings ?? [];
  return (
    <>
      <Select
        label="Convention"
        description="Les logements qu’un bailleur a mis à disposition de votre association"
        placeholder={conventions.isPending ? 'Chargement…' : 'Choisir une convention'}
        data={mine.map((c) => ({ value: c.id, label: `${c.title} — ${c.landlordName}` }))}
        value={conventionId}
        onChange={(id) => {
          setConventionId(id);
          props.onChange(null);
        }}
      />
      <Select
        label="Logement"
        required
        placeholder={conventionId ? 'Choisir un logement' : 'Choisissez d’abord la convention'}
        disabled={!conventionId}
        data={dwellings.map((d) => ({
          value: d.dwellingId,
          label: `${d.address} — ${OCCUPANCY_KIND_LABELS[d.occupancyKind]}`,
        }))}
        value={props.value}
        error={props.error}
        onChange={(id) => {
          const d = dwellings.find((x) => x.dwellingId === id);
          props.onChange(
            d && convention.data
              ? {
                  dwellingId: d.dwellingId,
                  occupancyKind: d.occupancyKind,
                  landlordOrganisationId: convention.data.landlordOrganisationId,
                }
              : null,
          );
        }}
      />
    </>
  );
}
