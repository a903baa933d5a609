import { useState } from 'react';
import { Badge, Button, Group, List, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import {
  ZCommitteeMemberInput,
  ZCommitteePersonInput,
  type TCommitteePerson,
  type TCommitteeSummary,
} from '@shared/contracts/committees.ts';
import { COMMITTEE_ROUTES } from '@shared/routes/committees.ts';
import { useRouteMutation } from '../../api/routes.ts';
import { useSession } from '../../api/session.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { FormDialog, useBodyForm } from '../../components/FormDialog.tsx';
import { OrganisationSelect } from '../../components/OrganisationSelect.tsx';
import { COMMITTEES_KEY } from './committee-ui.ts';

const personLabel = (p: TCommitteePerson) => `${p.fullName}${p.function ? ` — ${p.function}` : ''}`;

/**
 * Who sits on the committee, organisation by organisation. Its coordinators add and remove
 * organisations and name people; a member's user names or withdraws themself.
 */
export function CommitteeComposition({ committee: c }: { committee: TCommitteeSummary }) {
  const me = useSession();
  const [dialog, setDialog] = useState<'member' | 'person' | 'self' | null>(null);
  const mutation = { invalidate: [COMMITTEES_KEY] };
  const removeMember = useRouteMutation(COMMITTEE_ROUTES.removeMember, {
    ...mutation,
    successMessage: 'Organisation retirée du comité.',
  });
  const removePerson = useRouteMutation(COMMITTEE_ROUTES.removePerson, {
    ...mutation,
    successMessage: 'Personne retirée du comité.',
  });
  const organisations = [
    { organisationId: c.conveningOrganisationId, name: c.conveningOrganisationName, convener: true },
    ...c.members.map((m) => ({ ...m, convener: false })),
  ];
  const sitting = c.people.some((p) => p.isReader);
  return (
    <div>
      <Group justify="space-between" mb={4}>
        <Title order={3} size="h5">
          Composition
        </Title>
        <Group gap="xs">
          {c.convenes && (
            <>
              <Button size="xs" variant="default" onClick={() => setDialog('member')}>
                Ajouter une organisation
              </Button>
              <Button size="xs" variant="default" onClick={() => setDialog('person')}>
                Nommer une personne
              </Button>
            </>
          )}
          {!c.convenes && !sitting && (
            <Button size="xs" variant="default" onClick={() => setDialog('self')}>
              Je siège pour mon organisation
            </Button>
          )}
        </Group>
      </Group>
      <List spacing={6} size="sm">
        {organisations.map((o) => {
          const people = c.people.filter((p) => p.organisationId === o.organisationId);
          return (
            <List.Item key={o.organisationId}>
              <Group gap="xs" wrap="wrap">
                <Text size="sm" fw={600}>
                  {o.name}
                </Text>
                {o.convener && (
                  <Badge variant="light" radius="sm" tt="none">
                    Réunit le comité
                  </Badge>
                )}
                {c.convenes && !o.convener && (
                  <ConfirmButton
                    size="compact-xs"
                    variant="subtle"
                    danger
                    aria-label={`Retirer ${o.name} du comité`}
                    title={`Retirer ${o.name} du comité ?`}
                    message="L’organisation ne verra plus les réunions ; les personnes qui siégeaient pour elle sont retirées."
                    confirmLabel="Retirer"
                    onConfirm={() =>
                      removeMember.mutateAsync({
                        params: { committeeId: c.id, organisationId: o.organisationId },
                      })
                    }
                  >
                    Retirer
                  </ConfirmButton>
                )}
              </Group>
              {people.length === 0 ? (
                <Text size="xs" c="dimmed">
                  Aucune personne nommée : toute l’équipe est invitée.
                </Text>
              ) : (
                <Stack gap={2}>
                  {people.map((p) => (
                    <Group key={p.id} gap="xs" wrap="wrap">
                      <Text size="sm">{personLabel(p)}</Text>
                      {(c.convenes || p.isReader) && (
                        <ConfirmButton
                          size="compact-xs"
                          variant="subtle"
                          danger
                          aria-label={`Retirer ${p.fullName} du comité`}
                          title={`Retirer ${p.fullName} du comité ?`}
                          confirmLabel="Retirer"
                          onConfirm={() =>
                            removePerson.mutateAsync({ params: { committeeId: c.id, personId: p.id } })
                          }
                        >
                          Retirer
                        </ConfirmButton>
                      )}
                    </Group>
                  ))}
                </Stack>
              )}
            </List.Item>
          );
        })}
      </List>
      {dialog === 'member' && (
        <AddMemberDialog
          committee={c}
          excludeIds={organisations.map((o) => o.organisationId)}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog && dialog !== 'member' && (
        <AddPersonDialog
          committee={c}
          self={dialog === 'self' ? { userId: me.user.id, organisationId: me.organisation?.id ?? '' } : null}
          organisations={organisations}
          onClose={() => setDialog(null)}
        />
      )}
    </div>
  );
}

function AddMemberDialog({
  committee,
  excludeIds,
  onClose,
}: {
  committee: TCommitteeSummary;
  excludeIds: string[];
  onClose: () => void;
}) {
  const form = useBodyForm<{ organisationId: string | null }>(
    { organisationId: null },
    ZCommitteeMemberInput,
    (v) => ({ organisationId: v.organisationId ?? undefined }),
  );
  const add = useRouteMutation(COMMITTEE_ROUTES.addMember, {
    form,
    invalidate: [COMMITTEES_KEY],
    successMessage: 'Organisation ajoutée au comité.',
    onSuccess: onClose,
  });
  return (
    <FormDialog
      title={`Ajouter une organisation — ${committee.name}`}
      form={form}
      mutation={add}
      onSubmit={(v) =>
        add.mutate({
          params: { committeeId: committee.id },
          body: { organisationId: v.organisationId ?? '' },
        })
      }
      onClose={onClose}
      submitLabel="Ajouter"
    >
      <OrganisationSelect
        label="Organisation"
        required
        excludeIds={excludeIds}
        {...form.getInputProps('organisationId')}
      />
    </FormDialog>
  );
}

type PersonValues = { organisationId: string | null; fullName: string; function: string };

function AddPersonDialog({
  committee,
  self,
  organisations,
  onClose,
}: {
  committee: TCommitteeSummary;
  /** The reader naming themself: their organisation, their account. */
  self: { userId: string; organisationId: string } | null;
  organisations: { organisationId: string; name: string }[];
  onClose: () => void;
}) {
  const body = (v: PersonValues) => ({
    organisationId: v.organisationId ?? undefined,
    userId: self?.userId,
    fullName: self ? undefined : v.fullName.trim() || undefined,
    function: v.function.trim() || undefined,
  });
  const form = useBodyForm<PersonValues>(
    { organisationId: self?.organisationId ?? null, fullName: '', function: '' },
    ZCommitteePersonInput,
    body,
  );
  const add = useRouteMutation(COMMITTEE_ROUTES.addPerson, {
    form,
    invalidate: [COMMITTEES_KEY],
    successMessage: self ? 'Vous siégez au comité.' : 'Personne nommée.',
    onSuccess: onClose,
  });
  return (
    <FormDialog
      title={self ? `Siéger au ${committee.name}` : `Nommer une personne — ${committee.name}`}
      intro={
        self
          ? 'Vous recevrez les invitations aux réunions ; votre organisation n’est plus invitée tout entière.'
          : 'Une personne sans compte Relais est nommée avec sa fonction ; elle figure sur les invitations et les relevés.'
      }
      form={form}
      mutation={add}
      onSubmit={(v) =>
        add.mutate({ params: { committeeId: committee.id }, body: ZCommitteePersonInput.parse(body(v)) })
      }
      onClose={onClose}
      submitLabel={self ? 'Je siège' : 'Nommer'}
    >
      {!self && (
        <>
          <Select
            label="Organisation"
            required
            data={organisations.map((o) => ({ value: o.organisationId, label: o.name }))}
            {...form.getInputProps('organisationId')}
          />
          <TextInput label="Nom et prénom" required autoComplete="off" {...form.getInputProps('fullName')} />
        </>
      )}
      <TextInput
        label="Fonction"
        description="Par exemple : présidente de séance, chargé de mission FSL"
        {...form.getInputProps('function')}
      />
    </FormDialog>
  );
}
