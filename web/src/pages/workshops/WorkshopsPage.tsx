import { useState } from 'react';
import { Anchor, Button, MultiSelect, NumberInput, TextInput } from '@mantine/core';
import { Link } from 'react-router-dom';
import { WORKSHOP_STATUS_LABELS, ZWorkshopInput, type TWorkshop } from '@shared/contracts/workshops.ts';
import { WORKSHOP_ROUTES } from '@shared/routes/workshops.ts';
import { formatDateTime } from '@shared/format.ts';
import { routeKey, useRouteMutation, useRouteQuery } from '../../api/routes.ts';
import { BriquesMultiSelect } from '../../components/BriquesMultiSelect.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { FormDialog, useBodyForm } from '../../components/FormDialog.tsx';
import { OrganisationMultiSelect } from '../../components/OrganisationSelect.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ParisDateTimeInput, parisInstant, parisLocal } from '../../components/ParisDateTimeInput.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useSession } from '../../api/session.ts';
import { PATHS } from '../../paths.ts';

export const WORKSHOPS_KEY = routeKey(WORKSHOP_ROUTES.list, {});

/** The organisation's collective workshops: the next ones and those held, each with its page. */
export function WorkshopsPage() {
  const query = useRouteQuery(WORKSHOP_ROUTES.list, {});
  const [creating, setCreating] = useState(false);
  const create = <Button onClick={() => setCreating(true)}>Programmer un atelier</Button>;
  return (
    <>
      <PageHeader
        title="Ateliers collectifs"
        description="Les ateliers de votre organisation : thème, ménages invités et présences. Chaque ménage présent retrouve l’atelier dans son journal, sans les autres participants."
        actions={create}
      />
      {creating && <WorkshopDialog onClose={() => setCreating(false)} />}
      <QueryState query={query} loadingLabel="Chargement des ateliers…">
        {({ items }) => (
          <DataTable
            caption="Ateliers collectifs"
            rows={items}
            rowKey={(w) => w.id}
            emptyTitle="Aucun atelier"
            emptyDescription="Votre organisation n’a programmé aucun atelier collectif."
            columns={[
              {
                key: 'theme',
                header: 'Atelier',
                render: (w) => (
                  <Anchor component={Link} to={PATHS.workshop(w.id)} fw={600}>
                    {w.theme}
                  </Anchor>
                ),
              },
              { key: 'when', header: 'Date', render: (w) => formatDateTime(w.startsAt) },
              { key: 'place', header: 'Lieu', render: (w) => w.place, hideOnSmall: true },
              {
                key: 'households',
                header: 'Ménages',
                render: (w) =>
                  `${w.invitedCount} invité${w.invitedCount > 1 ? 's' : ''}, ${w.presentCount} présent${w.presentCount > 1 ? 's' : ''}`,
              },
              { key: 'status', header: 'Statut', render: (w) => WORKSHOP_STATUS_LABELS[w.status] },
            ]}
          />
        )}
      </QueryState>
    </>
  );
}

type WorkshopValues = {
  theme: string;
  briques: string[];
  startsAt: string;
  durationMinutes: number | string;
  place: string;
  facilitatorUserIds: string[];
  partnerOrganisationIds: string[];
};
const workshopBody = (v: WorkshopValues) => ({
  ...v,
  startsAt: v.startsAt ? parisInstant(v.startsAt) : '',
  durationMinutes: v.durationMinutes === '' ? undefined : Number(v.durationMinutes),
});

/** Programs a workshop, or changes one at the version read. */
export function WorkshopDialog({ workshop, onClose }: { workshop?: TWorkshop; onClose: () => void }) {
  const me = useSession();
  const options = useRouteQuery(WORKSHOP_ROUTES.options, {});
  const form = useBodyForm<WorkshopValues>(
    {
      theme: workshop?.theme ?? '',
      briques: workshop?.briques.map((b) => b.code) ?? [],
      startsAt: workshop ? parisLocal(workshop.startsAt) : '',
      durationMinutes: workshop?.durationMinutes ?? 120,
      place: workshop?.place ?? '',
      facilitatorUserIds: workshop?.facilitators.map((f) => f.id) ?? [],
      partnerOrganisationIds: workshop?.partners.map((p) => p.id) ?? [],
    },
    ZWorkshopInput,
    workshopBody,
    { startsAt: 'Date et heure obligatoires.' },
  );
  const invalidate = workshop
    ? [WORKSHOPS_KEY, routeKey(WORKSHOP_ROUTES.get, { params: { workshopId: workshop.id } })]
    : [WORKSHOPS_KEY];
  const create = useRouteMutation(WORKSHOP_ROUTES.create, {
    form,
    invalidate,
    successMessage: 'Atelier programmé.',
    onSuccess: onClose,
  });
  const update = useRouteMutation(WORKSHOP_ROUTES.update, {
    form,
    invalidate,
    successMessage: 'Atelier modifié.',
    onSuccess: onClose,
  });
  return (
    <FormDialog
      title={workshop ? 'Modifier l’atelier' : 'Programmer un atelier'}
      intro="Par défaut, vous l’animez ; ajoutez des collègues ou des organisations partenaires."
      form={form}
      mutation={workshop ? update : create}
      onSubmit={(v) => {
        const body = ZWorkshopInput.parse(workshopBody(v));
        if (workshop)
          update.mutate({
            params: { workshopId: workshop.id },
            body: { ...body, rowVersion: workshop.rowVersion },
          });
        else create.mutate({ body });
      }}
      onClose={onClose}
      submitLabel={workshop ? 'Enregistrer' : 'Programmer'}
    >
      <TextInput label="Thème" required {...form.getInputProps('theme')} />
      <BriquesMultiSelect
        label="Briques travaillées"
        description="Par exemple 2.2 « Recherche collective » ou 3.5 « Vie sociale »"
        {...form.getInputProps('briques')}
      />
      <ParisDateTimeInput label="Date et heure" required {...form.getInputProps('startsAt')} />
      <NumberInput
        label="Durée (minutes)"
        min={15}
        max={720}
        step={15}
        allowDecimal={false}
        {...form.getInputProps('durationMinutes')}
      />
      <TextInput label="Lieu" required {...form.getInputProps('place')} />
      <MultiSelect
        label="Animateurs"
        description="Travailleurs sociaux de votre organisation"
        data={(options.data?.facilitators ?? []).map((f) => ({ value: f.id, label: f.name }))}
        searchable
        {...form.getInputProps('facilitatorUserIds')}
      />
      <OrganisationMultiSelect
        label="Organisations partenaires qui animent"
        excludeIds={me.organisation ? [me.organisation.id] : []}
        {...form.getInputProps('partnerOrganisationIds')}
      />
    </FormDialog>
  );
}
