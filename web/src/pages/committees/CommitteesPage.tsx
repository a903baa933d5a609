import { useState } from 'react';
import {
  Anchor,
  Badge,
  Button,
  Group,
  List,
  NumberInput,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { Link } from 'react-router-dom';
import { canConvene } from '@shared/access/committee-policy.ts';
import {
  CADENCE_LABELS,
  COMMITTEE_KIND_LABELS,
  ZCommitteeCreate,
  ZMeetingCreate,
  type TCommitteeSummary,
} from '@shared/contracts/committees.ts';
import { COMMITTEE_ROUTES } from '@shared/routes/committees.ts';
import { formatDateTime } from '@shared/format.ts';
import { useRouteMutation, useRouteQuery } from '../../api/routes.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { OrganisationMultiSelect } from '../../components/OrganisationSelect.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ParisDateTimeInput, parisInstant } from '../../components/ParisDateTimeInput.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { Section } from '../../components/Section.tsx';
import { FormDialog, useBodyForm } from '../../components/FormDialog.tsx';
import { optionsOf } from '../households/organisations.ts';
import { PATHS } from '../../paths.ts';
import { COMMITTEES_KEY, useCommitteeActor } from './committee-ui.ts';
import { CommitteeComposition } from './CommitteeComposition.tsx';

/** The committees the user's organisation convenes or sits on, with their meetings. */
export function CommitteesPage() {
  const actor = useCommitteeActor();
  const query = useRouteQuery(COMMITTEE_ROUTES.list, {});
  const [creating, setCreating] = useState(false);
  const newCommittee = canConvene(actor) && <Button onClick={() => setCreating(true)}>Nouveau comité</Button>;
  return (
    <>
      <PageHeader
        title="Comités"
        description="Les comités que votre organisation réunit ou dont elle est membre, et leurs réunions."
        actions={newCommittee}
      />
      {creating && <NewCommitteeDialog onClose={() => setCreating(false)} />}
      <QueryState query={query} loadingLabel="Chargement des comités…">
        {({ items }) =>
          items.length === 0 ? (
            <EmptyState
              title="Aucun comité"
              description="Votre organisation ne réunit aucun comité et n’est membre d’aucun."
              action={newCommittee}
            />
          ) : (
            <Stack gap="lg">
              {items.map((c) => (
                <CommitteeCard key={c.id} committee={c} />
              ))}
            </Stack>
          )
        }
      </QueryState>
    </>
  );
}

const itemCount = (n: number) =>
  n === 0 ? 'ordre du jour vide' : `${n} point${n > 1 ? 's' : ''} à l’ordre du jour`;

function MeetingList({ title, meetings }: { title: string; meetings: TCommitteeSummary['meetings'] }) {
  return (
    <div>
      <Title order={3} size="h5" mb={4}>
        {title}
      </Title>
      {meetings.length === 0 ? (
        <Text size="sm" c="dimmed">
          Aucune
        </Text>
      ) : (
        <List spacing={4} size="sm">
          {meetings.map((m) => (
            <List.Item key={m.id}>
              <Anchor component={Link} to={PATHS.meeting(m.id)} fw={600}>
                Réunion du {formatDateTime(m.startsAt)}
              </Anchor>
              {m.location && ` — ${m.location}`} — {itemCount(m.items)}
            </List.Item>
          ))}
        </List>
      )}
    </div>
  );
}

function CommitteeCard({ committee: c }: { committee: TCommitteeSummary }) {
  const [planning, setPlanning] = useState(false);
  const now = Date.now();
  const upcoming = c.meetings
    .filter((m) => Date.parse(m.startsAt) >= now)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const past = c.meetings
    .filter((m) => Date.parse(m.startsAt) < now)
    .sort((a, b) => b.startsAt.localeCompare(a.startsAt));
  return (
    <Section
      title={c.name}
      action={
        c.convenes && (
          <Button variant="light" onClick={() => setPlanning(true)}>
            Planifier une réunion
          </Button>
        )
      }
    >
      {planning && <PlanMeetingDialog committee={c} onClose={() => setPlanning(false)} />}
      <Stack gap="sm">
        <Group gap="xs">
          <Badge variant="light" radius="sm" tt="none">
            {COMMITTEE_KIND_LABELS[c.kind]}
          </Badge>
          <Badge variant="outline" color="gray" radius="sm" tt="none">
            {CADENCE_LABELS[c.cadence]}
          </Badge>
        </Group>
        <Text size="sm">
          Réuni par <strong>{c.conveningOrganisationName}</strong>
          {c.territoryName && ` pour le territoire ${c.territoryName}`}
        </Text>
        <CommitteeComposition committee={c} />
        <MeetingList title="Prochaines réunions" meetings={upcoming} />
        {past.length > 0 && <MeetingList title="Réunions passées" meetings={past} />}
      </Stack>
    </Section>
  );
}

type CommitteeValues = {
  name: string;
  kind: string | null;
  cadence: string | null;
  memberOrganisationIds: string[];
};
const committeeBody = (v: CommitteeValues) => ({
  ...v,
  kind: v.kind ?? undefined,
  cadence: v.cadence ?? undefined,
});

function NewCommitteeDialog({ onClose }: { onClose: () => void }) {
  const actor = useCommitteeActor();
  const form = useBodyForm<CommitteeValues>(
    { name: '', kind: null, cadence: null, memberOrganisationIds: [] },
    ZCommitteeCreate,
    committeeBody,
  );
  const create = useRouteMutation(COMMITTEE_ROUTES.create, {
    form,
    invalidate: [COMMITTEES_KEY],
    successMessage: 'Comité créé.',
    onSuccess: onClose,
  });
  return (
    <FormDialog
      title="Nouveau comité"
      intro="Votre organisation réunit le comité ; les organisations membres voient ses réunions et y présentent les ménages qu’elles suivent."
      form={form}
      mutation={create}
      onSubmit={(v) => create.mutate({ body: ZCommitteeCreate.parse(committeeBody(v)) })}
      onClose={onClose}
      submitLabel="Créer le comité"
    >
      <TextInput label="Nom du comité" required {...form.getInputProps('name')} />
      <Select
        label="Type de comité"
        required
        data={optionsOf(COMMITTEE_KIND_LABELS)}
        {...form.getInputProps('kind')}
      />
      <Select
        label="Fréquence des réunions"
        required
        data={optionsOf(CADENCE_LABELS)}
        {...form.getInputProps('cadence')}
      />
      <OrganisationMultiSelect
        label="Organisations membres"
        excludeIds={[actor.organisationId]}
        {...form.getInputProps('memberOrganisationIds')}
      />
    </FormDialog>
  );
}

type MeetingValues = { startsAt: string; durationMinutes: number | string; location: string };
const meetingBody = (v: MeetingValues) => ({
  startsAt: parisInstant(v.startsAt),
  durationMinutes: v.durationMinutes === '' ? undefined : Number(v.durationMinutes),
  location: v.location.trim() || null,
});

function PlanMeetingDialog({ committee, onClose }: { committee: TCommitteeSummary; onClose: () => void }) {
  const form = useBodyForm<MeetingValues>(
    { startsAt: '', durationMinutes: 120, location: '' },
    ZMeetingCreate,
    meetingBody,
  );
  const plan = useRouteMutation(COMMITTEE_ROUTES.planMeeting, {
    form,
    invalidate: [COMMITTEES_KEY],
    successMessage: 'Réunion planifiée : les membres sont prévenus.',
    onSuccess: onClose,
  });
  return (
    <FormDialog
      title={`Planifier une réunion — ${committee.name}`}
      form={form}
      mutation={plan}
      onSubmit={(v) => plan.mutate({ params: { committeeId: committee.id }, body: meetingBody(v) })}
      onClose={onClose}
      submitLabel="Planifier"
    >
      <ParisDateTimeInput label="Date et heure" required {...form.getInputProps('startsAt')} />
      <NumberInput
        label="Durée (minutes)"
        min={15}
        max={600}
        step={15}
        allowDecimal={false}
        {...form.getInputProps('durationMinutes')}
      />
      <TextInput
        label="Lieu"
        description="Salle, adresse ou lien de visioconférence"
        {...form.getInputProps('location')}
      />
    </FormDialog>
  );
}
