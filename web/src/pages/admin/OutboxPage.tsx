import { Fragment, useState } from 'react';
import { Anchor, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { EMAIL_STATUS_LABELS, type TOutboxEmail } from '@shared/contracts/notifications.ts';
import { NOTIFICATION_ROUTES } from '@shared/routes/notifications.ts';
import { useRouteQuery } from '../../api/routes.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { formatDateTime } from '@shared/format.ts';

const PAGE_SIZE = 25;
const URL_PATTERN = /(https?:\/\/[^\s<>"]+)/g;

/** The plain-text body with its links clickable (invitation and reset links). */
function EmailBody({ text }: { text: string }) {
  return (
    <Text component="div" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      {text.split(URL_PATTERN).map((part, i) =>
        i % 2 === 1 ? (
          <Anchor key={i} href={part}>
            {part}
          </Anchor>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </Text>
  );
}

export function OutboxPage() {
  const [page, setPage] = useState(1);
  const [reading, setReading] = useState<TOutboxEmail | null>(null);
  const outbox = useRouteQuery(NOTIFICATION_ROUTES.outbox, { query: { page, pageSize: PAGE_SIZE } });

  return (
    <>
      <PageHeader
        title="Boîte d’envoi"
        description="Les e-mails adressés aux membres et aux invités de votre organisation. Sans serveur d’envoi configuré, ils sont conservés ici."
      />
      <QueryState query={outbox}>
        {(data) => (
          <DataTable
            caption="E-mails, les plus récents d’abord"
            rows={data.items}
            rowKey={(e) => e.id}
            paging={{ page: data.page, pageSize: data.pageSize, total: data.total, onPageChange: setPage }}
            emptyTitle="Aucun e-mail"
            columns={[
              { key: 'date', header: 'Date', render: (e) => formatDateTime(e.createdAt) },
              { key: 'to', header: 'Destinataire', render: (e) => e.to },
              { key: 'subject', header: 'Objet', render: (e) => e.subject },
              {
                key: 'status',
                header: 'État',
                render: (e) => (
                  <StatusBadge
                    value={e.status}
                    labels={EMAIL_STATUS_LABELS}
                    tones={{ sent: 'success', failed: 'danger', pending: 'info' }}
                  />
                ),
                hideOnSmall: true,
              },
              {
                key: 'read',
                header: 'Contenu',
                render: (e) => (
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => setReading(e)}
                    aria-label={`Lire : ${e.subject}`}
                  >
                    Lire
                  </Button>
                ),
              },
            ]}
          />
        )}
      </QueryState>
      <Modal opened={reading !== null} onClose={() => setReading(null)} title={reading?.subject} size="lg">
        {reading && (
          <Stack>
            <Group gap="xs">
              <Text size="sm">
                À : {reading.to} — {formatDateTime(reading.createdAt)}
              </Text>
              <StatusBadge value={reading.status} labels={EMAIL_STATUS_LABELS} />
            </Group>
            {reading.error && (
              <Text size="sm" c="red.9">
                Erreur d’envoi : {reading.error}
              </Text>
            )}
            <EmailBody text={reading.textBody} />
          </Stack>
        )}
      </Modal>
    </>
  );
}
