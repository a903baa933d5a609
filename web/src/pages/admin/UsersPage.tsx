import { useState } from 'react';
import { Badge, Button, Checkbox, Group, Modal, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { USER_STATUS_LABELS, type TAdminUser, type TUserRolesUpdate } from '@shared/contracts/identity.ts';
import { ROLE_LABELS } from '@shared/contracts/roles.ts';
import { USER_ROUTES } from '@shared/routes/identity.ts';
import { useApiMutation } from '../../api/hooks.ts';
import { callRoute, routeKey, useRouteMutation, useRouteQuery } from '../../api/routes.ts';
import { useSession } from '../../api/session.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { formatDateTime, formatTime } from '@shared/format.ts';
import { roleOptions } from './admin-api.ts';

const USERS_KEY = routeKey(USER_ROUTES.list, {});

export function UsersPage() {
  const me = useSession();
  const users = useRouteQuery(USER_ROUTES.list, {});
  const [editing, setEditing] = useState<TAdminUser | null>(null);
  const setStatus = useApiMutation(
    ({ id, active }: { id: string; active: boolean }) =>
      callRoute(active ? USER_ROUTES.reactivate : USER_ROUTES.deactivate, { params: { id } }),
    { invalidate: [USERS_KEY] },
  );
  const now = Date.now();

  return (
    <>
      <PageHeader
        title="Utilisateurs"
        description="Les membres de votre organisation, leurs rôles et la sécurité de leur compte."
      />
      <QueryState query={users}>
        {({ items }) => (
          <DataTable
            caption="Membres de l’organisation"
            rows={items}
            rowKey={(u) => u.id}
            emptyTitle="Aucun membre"
            columns={[
              {
                key: 'name',
                header: 'Nom',
                render: (u) => (
                  <>
                    <Text fw={600}>{u.fullName}</Text>
                    <Text size="sm" c="dimmed">
                      {u.email}
                    </Text>
                  </>
                ),
              },
              {
                key: 'roles',
                header: 'Rôles',
                render: (u) => (
                  <Group gap={4}>
                    {u.roles.map((r) => (
                      <Badge key={r} variant="light" color="gray" tt="none" radius="sm">
                        {ROLE_LABELS[r]}
                      </Badge>
                    ))}
                  </Group>
                ),
              },
              {
                key: 'status',
                header: 'État',
                render: (u) => (
                  <Stack gap={4} align="flex-start">
                    <StatusBadge
                      value={u.status}
                      labels={USER_STATUS_LABELS}
                      tones={{ active: 'success', invited: 'info', deactivated: 'danger' }}
                    />
                    {u.lockedUntil && Date.parse(u.lockedUntil) > now && (
                      <Text size="xs" c="red.9">
                        Verrouillé jusqu’à {formatTime(u.lockedUntil)}
                      </Text>
                    )}
                  </Stack>
                ),
              },
              {
                key: 'totp',
                header: 'Second facteur',
                render: (u) => (u.totpEnabled ? 'Activé' : 'Non activé'),
                hideOnSmall: true,
              },
              {
                key: 'lastLogin',
                header: 'Dernière connexion',
                render: (u) => formatDateTime(u.lastLoginAt),
                hideOnSmall: true,
              },
              {
                key: 'actions',
                header: 'Actions',
                render: (u) => (
                  <Group gap="xs" wrap="nowrap">
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => setEditing(u)}
                      aria-label={`Modifier les rôles de ${u.fullName}`}
                    >
                      Rôles
                    </Button>
                    {u.id !== me.user.id &&
                      (u.status === 'deactivated' ? (
                        <ConfirmButton
                          size="xs"
                          variant="default"
                          aria-label={`Réactiver ${u.fullName}`}
                          title={`Réactiver ${u.fullName} ?`}
                          message="La personne pourra de nouveau se connecter avec ses rôles actuels."
                          confirmLabel="Réactiver"
                          onConfirm={() => setStatus.mutateAsync({ id: u.id, active: true })}
                        >
                          Réactiver
                        </ConfirmButton>
                      ) : (
                        <ConfirmButton
                          size="xs"
                          variant="outline"
                          danger
                          aria-label={`Désactiver ${u.fullName}`}
                          title={`Désactiver ${u.fullName} ?`}
                          message="Ses sessions sont fermées immédiatement et la personne ne peut plus se connecter. Ses écrits et son historique sont conservés."
                          confirmLabel="Désactiver"
                          onConfirm={() => setStatus.mutateAsync({ id: u.id, active: false })}
                        >
                          Désactiver
                        </ConfirmButton>
                      ))}
                  </Group>
                ),
              },
            ]}
          />
        )}
      </QueryState>
      {editing && <RolesModal user={editing} onClose={() => setEditing(null)} />}
    </>
  );
}

function RolesModal({ user, onClose }: { user: TAdminUser; onClose: () => void }) {
  const me = useSession();
  const form = useForm<TUserRolesUpdate>({
    initialValues: { roles: user.roles },
    validate: { roles: (r) => (r.length === 0 ? 'Au moins un rôle est nécessaire.' : null) },
  });
  const save = useRouteMutation(USER_ROUTES.changeRoles, {
    form,
    invalidate: [USERS_KEY],
    successMessage: `Rôles de ${user.fullName} enregistrés.`,
    onSuccess: onClose,
  });
  const options = me.organisation ? roleOptions(me.organisation.type) : [];

  return (
    <Modal opened onClose={onClose} title={`Rôles de ${user.fullName}`}>
      <form onSubmit={form.onSubmit((body) => save.mutate({ params: { id: user.id }, body }))} noValidate>
        <Stack>
          <ApiErrorAlert error={save.error} />
          <Checkbox.Group label="Rôles dans l’organisation" required {...form.getInputProps('roles')}>
            <Stack gap="xs" mt="xs">
              {options.map((o) => (
                <Checkbox key={o.value} value={o.value} label={o.label} />
              ))}
            </Stack>
          </Checkbox.Group>
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
