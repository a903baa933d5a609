import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import {
  ActionIcon,
  Button,
  Divider,
  Group,
  Indicator,
  Popover,
  ScrollArea,
  Stack,
  Text,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import type { TNotification } from '@shared/contracts/notifications.ts';
import { NOTIFICATION_ROUTES } from '@shared/routes/notifications.ts';
import { routeKey, useRouteMutation, useRouteQuery } from '../api/routes.ts';
import { ApiErrorAlert } from '../components/ApiErrorAlert.tsx';
import { BellIcon } from '../components/icons.tsx';
import { formatDateTime } from '@shared/format.ts';

const NOTIFICATIONS_KEY = routeKey(NOTIFICATION_ROUTES.list, {});

/** The bell in the header: unread count, the latest notifications, mark as read. */
export function NotificationsBell() {
  const [opened, setOpened] = useState(false);
  const navigate = useNavigate();
  const list = useRouteQuery(
    NOTIFICATION_ROUTES.list,
    { query: { pageSize: 15 } },
    { refetchInterval: 60_000 },
  );
  const markRead = useRouteMutation(NOTIFICATION_ROUTES.markRead, { invalidate: [NOTIFICATIONS_KEY] });
  const markAll = useRouteMutation(NOTIFICATION_ROUTES.markAllRead, { invalidate: [NOTIFICATIONS_KEY] });

  const unread = list.data?.unreadCount ?? 0;
  const label = unread > 0 ? `Notifications : ${unread} non lue${unread > 1 ? 's' : ''}` : 'Notifications';

  const open = (n: TNotification) => {
    if (!n.readAt) markRead.mutate({ params: { id: n.id } });
    if (n.link) {
      setOpened(false);
      navigate(n.link);
    }
  };

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={360} shadow="md" trapFocus>
      <Indicator
        label={unread > 99 ? '99+' : unread}
        size={18}
        disabled={unread === 0}
        color="red"
        offset={4}
      >
        <Popover.Target>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            aria-label={label}
            onClick={() => setOpened((o) => !o)}
          >
            <BellIcon />
          </ActionIcon>
        </Popover.Target>
      </Indicator>
      <Popover.Dropdown p={0} aria-label="Notifications" role="dialog">
        <Group justify="space-between" p="sm">
          <Text fw={700} component="h2" size="md">
            Notifications
          </Text>
          {unread > 0 && (
            <Button
              size="compact-sm"
              variant="subtle"
              loading={markAll.isPending}
              onClick={() => markAll.mutate({})}
            >
              Tout marquer comme lu
            </Button>
          )}
        </Group>
        <Divider />
        <ApiErrorAlert error={list.error ?? markRead.error ?? markAll.error} />
        <ScrollArea.Autosize mah={420}>
          {list.data && list.data.items.length === 0 && (
            <Text p="md" c="dimmed">
              Aucune notification.
            </Text>
          )}
          <Stack gap={0} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {list.data?.items.map((n) => (
              <li key={n.id}>
                <Group
                  gap="xs"
                  p="sm"
                  wrap="nowrap"
                  align="flex-start"
                  bg={n.readAt ? undefined : 'blue.0'}
                  style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
                >
                  <UnstyledButton
                    onClick={() => open(n)}
                    style={{ flex: 1 }}
                    disabled={!n.link && !!n.readAt}
                  >
                    <Text size="sm" fw={n.readAt ? 400 : 700}>
                      {!n.readAt && <VisuallyHidden>Non lue : </VisuallyHidden>}
                      {n.title}
                    </Text>
                    {n.body && (
                      <Text size="sm" c="dimmed" lineClamp={2}>
                        {n.body}
                      </Text>
                    )}
                    <Text size="xs" c="dimmed">
                      {formatDateTime(n.createdAt)}
                    </Text>
                  </UnstyledButton>
                  {!n.readAt && (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      onClick={() => markRead.mutate({ params: { id: n.id } })}
                      aria-label={`Marquer comme lue : ${n.title}`}
                    >
                      Lue
                    </Button>
                  )}
                </Group>
              </li>
            ))}
          </Stack>
        </ScrollArea.Autosize>
      </Popover.Dropdown>
    </Popover>
  );
}
