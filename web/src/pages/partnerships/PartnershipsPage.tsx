import { Anchor, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { Link } from 'react-router-dom';
import { ZConventionCreate } from '@shared/contracts/partnerships.ts';
import { formatDate } from '@shared/format.ts';
import { parisToday } from '@shared/time.ts';
import { PARTNERSHIP_ROUTES } from '@shared/routes/partnerships.ts';
import { routeKey, useRouteMutation, useRouteQuery } from '../../api/routes.ts';
import { BriquesMultiSelect } from '../../components/BriquesMultiSelect.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { DateField } from '../../components/DateField.tsx';
import { DialogButton, FormDialog, useBodyForm } from '../../components/FormDialog.tsx';
import { OrganisationSelect } from '../../components/OrganisationSelect.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import {
  CommitmentsField,
  commitmentsOfValues,
  FeeFields,
  feeOfValues,
  termsValuesOf,
  type TermsValues,
} from './terms-fields.tsx';
import { PATHS } from '../../paths.ts';

/** The partnership conventions of my organisation (a landlord's or an association's). */
export function PartnershipsPage() {
  const query = useRouteQuery(PARTNERSHIP_ROUTES.list, {});
  return (
    <>
      <PageHeader
        title="Conventions de partenariat"
        description="Les logements qu’un bailleur met à disposition d’une association, la participation aux frais de gestion, les engagements d’accompagnement et leur bilan annuel."
        actions={
          query.data?.canCreateAs && (
            <DialogButton
              label="Nouvelle convention"
              dialog={(close) => <NewConventionDialog side={query.data!.canCreateAs!} onClose={close} />}
            />
          )
        }
      />
      <QueryState query={query} loadingLabel="Chargement des conventions…">
        {(list) => (
          <DataTable
            caption="Conventions de partenariat"
            rows={list.items}
            rowKey={(c) => c.id}
            emptyTitle="Aucune convention"
            emptyDescription="Votre organisation n’a encore conclu aucune convention de partenariat."
            columns={[
              {
                key: 'title',
                header: 'Convention',
                render: (c) => (
                  <Anchor component={Link} to={PATHS.partnership(c.id)}>
                    {c.title}
                  </Anchor>
                ),
              },
              { key: 'landlord', header: 'Bailleur', render: (c) => c.landlordName },
              { key: 'association', header: 'Association', render: (c) => c.associationName },
              {
                key: 'period',
                header: 'Période',
                hideOnSmall: true,
                render: (c) => `du ${formatDate(c.startOn)}${c.endOn ? ` au ${formatDate(c.endOn)}` : ''}`,
              },
              { key: 'count', header: 'Logements', render: (c) => c.dwellingCount },
            ]}
          />
        )}
      </QueryState>
    </>
  );
}

type ConventionValues = {
  partnerOrganisationId: string | null;
  title: string;
  startOn: string | null;
  endOn: string | null;
  briques: string[];
} & TermsValues;
const conventionBody = (v: ConventionValues) => ({
  partnerOrganisationId: v.partnerOrganisationId ?? '',
  title: v.title,
  startOn: v.startOn ?? '',
  endOn: v.endOn,
  fee: feeOfValues(v),
  commitments: commitmentsOfValues(v),
  briques: v.briques,
});

function NewConventionDialog({ side, onClose }: { side: 'landlord' | 'association'; onClose: () => void }) {
  const form = useBodyForm<ConventionValues>(
    {
      partnerOrganisationId: null,
      title: '',
      startOn: parisToday(),
      endOn: null,
      ...termsValuesOf({ fee: { mode: 'per_dwelling_year', perDwellingYearCents: 30_000 }, commitments: [] }),
      briques: [],
    },
    ZConventionCreate,
    conventionBody,
    { partnerOrganisationId: 'Choisissez le partenaire.' },
  );
  const create = useRouteMutation(PARTNERSHIP_ROUTES.create, {
    form,
    invalidate: [routeKey(PARTNERSHIP_ROUTES.list, {})],
    successMessage: 'Convention enregistrée.',
    onSuccess: onClose,
  });
  return (
    <FormDialog
      title="Nouvelle convention de partenariat"
      form={form}
      mutation={create}
      onClose={onClose}
      onSubmit={(v) => create.mutate({ body: conventionBody(v) })}
      submitLabel="Enregistrer la convention"
    >
      <OrganisationSelect
        label={side === 'landlord' ? 'Association partenaire' : 'Bailleur partenaire'}
        type={side === 'landlord' ? 'association' : 'landlord'}
        required
        {...form.getInputProps('partnerOrganisationId')}
      />
      <TextInput label="Intitulé" required {...form.getInputProps('title')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <DateField label="Début" required {...form.getInputProps('startOn')} />
        <DateField label="Fin" {...form.getInputProps('endOn')} />
        <FeeFields form={form} />
      </SimpleGrid>
      <Stack gap="xs">
        <CommitmentsField form={form} />
        <BriquesMultiSelect label="Briques du référentiel engagées" {...form.getInputProps('briques')} />
      </Stack>
    </FormDialog>
  );
}
