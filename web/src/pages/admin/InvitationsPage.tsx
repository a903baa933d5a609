import { Button, Grid, Select, Stack, TextInput } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { INVITATION_STATUS_LABELS, ZInvitationCreate, type TInvitation } from '@shared/contracts/identity.ts';
import { ROLE_LABELS, type Role } from '@shared/contracts/roles.ts';
import { USER_ROUTES } from '@shared/routes/identity.ts';
import { NOTIFICATION_ROUTES } from '@shared/routes/notifications.ts';
import { routeKey, useRouteMutation, useRouteQuery } from '../../api/routes.ts';
import { useSession } from '../../api/session.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { Section } from '../../components/Section.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { formatDateTime } from '@shared/format.ts';
import { roleOptions, useOwnOrganisation } from './admin-api.ts';

const INVITATIONS_KEY = routeKey(USER_ROUTES.invitations, {});

export function InvitationsPage() {
  const invitations = useRouteQuery(USER_ROUTES.invitations, {});
  const revoke = useRouteMutation(USER_ROUTES.revokeInvitation, {
    invalidate: [INVITATIONS_KEY],
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
                          onConfirm={() => revoke.mutateAsync({ params: { id: i.id } })}
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
  const invite = useRouteMutation(USER_ROUTES.invite, {
    form,
    invalidate: [INVITATIONS_KEY, routeKey(NOTIFICATION_ROUTES.outbox, {})],
    onSuccess: () => form.reset(),
    successMessage: 'Invitation envoyée.',
  });
  const units = organisation.data?.managementUnits ?? [];

  return (
    <Section title="Inviter une personne">
      <form
        onSubmit={form.onSubmit(({ role, ...v }) => {
          // Checked by the form's validation; narrowed here for the call's type.
          if (role) invite.mutate({ body: { ...v, role } });
        })}
        noValidate
      >
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
