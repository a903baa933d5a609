import { useState } from 'react';
import { Alert, Button, Checkbox, CopyButton, Group, List, Stack, Text, TextInput } from '@mantine/core';
import { formatDateTime } from '@shared/format.ts';
import { AGENDA_ROUTES } from '@shared/routes/agenda.ts';
import { routeKey, useRouteMutation, useRouteQuery } from '../../api/routes.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { Section } from '../../components/Section.tsx';
import { DigestPreferenceSwitch } from '../alerts/DigestPreferenceSwitch.tsx';

const FEED_KEY = routeKey(AGENDA_ROUTES.feedStatus, {});

/** The user's own settings: the secret address of their agenda for a calendar app, the alerts' email. */
export function SettingsPage() {
  return (
    <>
      <PageHeader title="Mes paramètres" description="Réglages personnels de votre compte." />
      <FeedSection />
      <Section title="Courriel des alertes">
        <DigestPreferenceSwitch />
      </Section>
    </>
  );
}

function FeedSection() {
  const status = useRouteQuery(AGENDA_ROUTES.feedStatus, {});
  const [includeFamilyName, setIncludeFamilyName] = useState(false);
  const [url, setUrl] = useState<string | null>(null);
  const create = useRouteMutation(AGENDA_ROUTES.feedCreate, {
    invalidate: [FEED_KEY],
    onSuccess: (created) => setUrl(created.url),
  });
  const revoke = useRouteMutation(AGENDA_ROUTES.feedRevoke, {
    invalidate: [FEED_KEY],
    successMessage: 'Adresse révoquée : votre calendrier ne reçoit plus vos rendez-vous.',
    onSuccess: () => setUrl(null),
  });
  return (
    <Section title="Mon agenda dans mon calendrier">
      <Stack gap="sm">
        <Text size="sm">
          Une adresse secrète permet à votre application de calendrier (téléphone, messagerie) d’afficher vos
          rendez-vous Relais des six derniers mois et des douze prochains. Elle ne montre que le type de
          rendez-vous, l’heure et le lieu saisi — ni note, ni numéro de dossier.
        </Text>
        <QueryState query={status} loadingLabel="Chargement…">
          {(s) =>
            s.active ? (
              <Text size="sm">
                Une adresse est active depuis le {formatDateTime(s.createdAt)}
                {s.includeFamilyName ? ', avec le nom de famille des ménages' : ''}.
              </Text>
            ) : (
              <Text size="sm">Vous n’avez pas d’adresse active.</Text>
            )
          }
        </QueryState>
        {url && (
          <Alert color="green" title="Votre adresse, affichée une seule fois">
            <Stack gap="xs">
              <Group align="flex-end" wrap="wrap">
                <TextInput
                  label="Adresse de l’agenda"
                  value={url}
                  readOnly
                  style={{ flex: 1, minWidth: 240 }}
                />
                <CopyButton value={url}>
                  {({ copied, copy }) => (
                    <Button onClick={copy} variant="light">
                      {copied ? 'Adresse copiée' : 'Copier l’adresse'}
                    </Button>
                  )}
                </CopyButton>
              </Group>
              <List size="sm">
                <List.Item>
                  Dans votre calendrier, choisissez « Ajouter un calendrier » puis « À partir d’une URL » (ou
                  « S’abonner »), et collez l’adresse.
                </List.Item>
                <List.Item>Gardez-la pour vous : qui la connaît voit vos rendez-vous.</List.Item>
                <List.Item>
                  Elle ne sera plus affichée : en cas de perte, créez-en une nouvelle (l’ancienne cesse alors
                  de fonctionner).
                </List.Item>
              </List>
            </Stack>
          </Alert>
        )}
        <Checkbox
          label="Afficher le nom de famille du ménage dans mon calendrier"
          description="Déconseillé si votre calendrier est partagé ou synchronisé hors de votre organisation."
          checked={includeFamilyName}
          onChange={(e) => setIncludeFamilyName(e.currentTarget.checked)}
        />
        <ApiErrorAlert error={create.error ?? revoke.error} />
        <Group>
          <Button loading={create.isPending} onClick={() => create.mutate({ body: { includeFamilyName } })}>
            {status.data?.active ? 'Créer une nouvelle adresse' : 'Créer mon adresse'}
          </Button>
          {status.data?.active && (
            <Button color="red" variant="light" loading={revoke.isPending} onClick={() => revoke.mutate({})}>
              Révoquer l’adresse
            </Button>
          )}
        </Group>
      </Stack>
    </Section>
  );
}
