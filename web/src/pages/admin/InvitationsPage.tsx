import { Button, Grid, Select, Stack, TextInput } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import {
  INVITATION_STATUS_LABELS,
  ZInvitationCreate,
  type TInvitation,
  type TInvitationList,
} from '@shared/contracts/identity.ts';
import { ROLE_LABELS, type Role } from '@shared/contracts/roles.ts';
import { api } from '../../api/client.ts';
import { useApiMutation, useApiQuery } from '../../api/hooks.ts';
import { useSession } from '../../api/session.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { Section } from '../../components/Section.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { formatDateTime } from '@shared/format.ts';
import { ADMIN_INVITATIONS, roleOptions, useOwnOrganisation } from './admin-api.ts';

export function InvitationsPage() {
  const invitations = useApiQuery<TInvitationList>(ADMIN_INVITATIONS);
  const revoke = useApiMutation((id: string) => api.delete(`${ADMIN_INVITATIONS}/${id}`), {
    invalidate: [ADMIN_INVITATIONS],
    successMessage: 'Invitation révoquée.',
  });

  return (
    <>
      <PageHeader
        title="Invitations"
        description="Invitez une personne : elle reçoit par e-mail un lien, valable 7 jours, pour choisir son mot de passe."
      />
      <Stack gap="xl">
        <InviteForm />
        <Section title="Invitations envoyées">
          <QueryState query={invitations}>
            {({ items }) => (
              <DataTable<TInvitation>
                caption="Invitations envoyées"
                rows={items}
                rowKey={(i) => i.id}
                emptyTitle="Aucune invitation"
                columns={[
                  { key: 'name', header: 'Personne', render: (i) => `${i.fullName} (${i.email})` },
                  { key: 'role', header: 'Rôle', render: (i) => ROLE_LABELS[i.role] },
                  {
                    key: 'status',
                    header: 'État',
                    render: (i) => (
                      <StatusBadge
                        value={i.status}
                        labels={INVITATION_STATUS_LABELS}
                        tones={{ pending: 'info', accepted: 'success', revoked: 'danger' }}
                      />
                    ),
                  },
                  {
                    key: 'by',
                    header: 'Invitée par',
                    render: (i) => i.invitedByName ?? '—',
                    hideOnSmall: true,
                  },
                  {
                    key: 'created',
                    header: 'Envoyée le',
                    render: (i) => formatDateTime(i.createdAt),
                    hideOnSmall: true,
                  },
                  {
                    key: 'expires',
                    header: 'Expire le',
                    render: (i) => formatDateTime(i.expiresAt),
                    hideOnSmall: true,
                  },
                  {
                    key: 'actions',
                    header: 'Actions',
                    render: (i) =>
                      i.status === 'pending' ? (
                        <ConfirmButton
                          size="xs"
                          variant="outline"
                          danger
                          aria-label={`Révoquer l’invitation de ${i.fullName}`}
                          title={`Révoquer l’invitation de ${i.fullName} ?`}
                          message="Le lien envoyé ne fonctionnera plus."
                          confirmLabel="Révoquer"
                          onConfirm={() => revoke.mutateAsync(i.id)}
                        >
                          Révoquer
                        </ConfirmButton>
                      ) : null,
                  },
                ]}
              />
            )}
          </QueryState>
        </Section>
      </Stack>
    </>
  );
}

interface InviteValues {
  email: string;
  fullName: string;
  role: Role | null;
  managementUnitId: string | null;
}

function InviteForm() {
  const me = useSession();
  const isLandlord = me.organisation?.type === 'landlord';
  const organisation = useOwnOrganisation();
  const form = useForm<InviteValues>({
    initialValues: { email: '', fullName: '', role: null, managementUnitId: null },
    validate: schemaResolver(ZInvitationCreate, { sync: true }),
  });
  const invite = useApiMutation((body: InviteValues) => api.post<TInvitation>(ADMIN_INVITATIONS, body), {
    form,
    invalidate: [ADMIN_INVITATIONS, '/api/admin/outbox'],
    onSuccess: () => form.reset(),
    successMessage: 'Invitation envoyée.',
  });
  const units = organisation.data?.managementUnits ?? [];

  return (
    <Section title="Inviter une personne">
      <form onSubmit={form.onSubmit((v) => invite.mutate(v))} noValidate>
        <Stack>
          <ApiErrorAlert error={invite.error} />
          <Grid>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput
                label="Nom complet"
                autoComplete="off"
                required
                {...form.getInputProps('fullName')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput
                label="Adresse e-mail"
                type="email"
                autoComplete="off"
                required
                {...form.getInputProps('email')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <Select
                label="Rôle"
                placeholder="Choisir un rôle"
                required
                data={me.organisation ? roleOptions(me.organisation.type) : []}
                {...form.getInputProps('role')}
              />
            </Grid.Col>
            {isLandlord && units.length > 0 && (
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <Select
                  label="Unité de gestion (agence)"
                  placeholder="Toute l’organisation"
                  clearable
                  data={units.map((u) => ({ value: u.id, label: `${u.name} (${u.code})` }))}
                  {...form.getInputProps('managementUnitId')}
                />
              </Grid.Col>
            )}
          </Grid>
          <div>
            <Button type="submit" loading={invite.isPending}>
              Envoyer l’invitation
            </Button>
          </div>
        </Stack>
      </form>
    </Section>
  );
}
