import { useState } from 'react';
import { Button, Card, Group, Modal, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { CONSENT_METHOD_LABELS, CONSENT_PURPOSE_LABELS } from '@shared/contracts/household-enums.ts';
import {
  ZConsentCreate,
  ZConsentRevoke,
  type TConsent,
  type TParty,
  type THouseholdDetail,
} from '@shared/contracts/households.ts';
import { HOUSEHOLD_ROUTES } from '@shared/routes/households.ts';
import { ORGANISATION_TYPE_LABELS } from '@shared/contracts/roles.ts';
import { canManageConsents } from '@shared/access/household-access.ts';
import { useRouteMutation, useRouteQuery } from '../../api/routes.ts';
import { useSession } from '../../api/session.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { StatusBadge, type Tone } from '../../components/StatusBadge.tsx';
import { formatDate, formatDateTime } from '@shared/format.ts';
import { ConsentFields, consentBody, newConsentValues, type ConsentValues } from './ConsentFields.tsx';
import { householdKey } from './household-api.ts';
import { zodErrors } from './household-form.ts';
import { useOrganisations } from './organisations.ts';

type ConsentState = 'active' | 'revoked' | 'inactive';
const CONSENT_STATE_LABELS: Record<ConsentState, string> = {
  active: 'En vigueur',
  revoked: 'Révoqué',
  inactive: 'Pas en vigueur',
};
const CONSENT_STATE_TONES: Record<ConsentState, Tone> = {
  active: 'success',
  revoked: 'danger',
  inactive: 'neutral',
};
const consentState = (c: TConsent): ConsentState =>
  c.revokedAt ? 'revoked' : c.active ? 'active' : 'inactive';

export function PartiesConsentsTab({ file }: { file: THouseholdDetail }) {
  const target = { params: { id: file.id } };
  const parties = useRouteQuery(HOUSEHOLD_ROUTES.parties, target);
  const consents = useRouteQuery(HOUSEHOLD_ROUTES.consents, target);
  const manage = canManageConsents(file.accessLevel);
  const [revoking, setRevoking] = useState<TConsent | null>(null);

  return (
    <Stack gap="xl">
      <Stack gap="sm">
        <Title order={2} size="h4">
          Parties prenantes
        </Title>
        <Text size="sm" c="dimmed">
          Les organisations qui ont accès au dossier aujourd'hui, et pourquoi.
        </Text>
        <QueryState query={parties} loadingLabel="Chargement des parties…">
          {({ items }) => (
            <DataTable
              caption="Organisations ayant accès au dossier"
              rows={items}
              rowKey={(p) => p.id}
              emptyTitle="Aucune partie"
              columns={[
                { key: 'org', header: 'Organisation', render: (p) => p.organisationName },
                {
                  key: 'type',
                  header: 'Type',
                  render: (p) => ORGANISATION_TYPE_LABELS[p.organisationType],
                  hideOnSmall: true,
                },
                {
                  key: 'basis',
                  header: "Fondement de l'accès",
                  render: (p) => (p.consentLabel ? `${p.basisLabel} — ${p.consentLabel}` : p.basisLabel),
                },
                { key: 'since', header: 'Depuis le', render: (p) => formatDate(p.since) },
                { key: 'caseworker', header: 'Référent', render: (p) => p.caseworkerName ?? '—' },
              ]}
            />
          )}
        </QueryState>
      </Stack>

      <Stack gap="sm">
        <Title order={2} size="h4">
          Accords du ménage
        </Title>
        <QueryState query={consents} loadingLabel="Chargement des accords…">
          {({ items }) => (
            <DataTable
              caption="Accords recueillis auprès du ménage"
              rows={items}
              rowKey={(c) => c.id}
              emptyTitle="Aucun accord enregistré"
              columns={[
                {
                  key: 'state',
                  header: 'État',
                  render: (c) => (
                    <StatusBadge
                      value={consentState(c)}
                      labels={CONSENT_STATE_LABELS}
                      tones={CONSENT_STATE_TONES}
                    />
                  ),
                },
                { key: 'org', header: 'Organisation', render: (c) => c.organisationName },
                {
                  key: 'purpose',
                  header: 'Objet',
                  render: (c) =>
                    CONSENT_PURPOSE_LABELS[c.purpose] + (c.purposeDetail ? ` — ${c.purposeDetail}` : ''),
                },
                {
                  key: 'validity',
                  header: 'Validité',
                  render: (c) =>
                    c.validUntil
                      ? `du ${formatDate(c.validFrom)} au ${formatDate(c.validUntil)}`
                      : `à partir du ${formatDate(c.validFrom)}`,
                },
                {
                  key: 'method',
                  header: 'Recueil',
                  hideOnSmall: true,
                  render: (c) =>
                    `${CONSENT_METHOD_LABELS[c.method]}${c.witnessName ? ` (témoin : ${c.witnessName})` : ''}` +
                    `, par ${c.recordedByName ?? '—'} le ${formatDateTime(c.recordedAt)}`,
                },
                {
                  key: 'actions',
                  header: 'Actions',
                  render: (c) =>
                    c.revokedAt ? (
                      <Text size="sm">
                        Révoqué le {formatDateTime(c.revokedAt)}
                        {c.revocationReason && ` : ${c.revocationReason}`}
                      </Text>
                    ) : manage ? (
                      <Button
                        size="xs"
                        variant="light"
                        color="red"
                        onClick={() => setRevoking(c)}
                        aria-label={`Révoquer l'accord ${CONSENT_PURPOSE_LABELS[c.purpose]} de ${c.organisationName}`}
                      >
                        Révoquer
                      </Button>
                    ) : (
                      '—'
                    ),
                },
              ]}
            />
          )}
        </QueryState>
        {manage && <RecordConsentForm file={file} />}
      </Stack>
      {revoking && (
        <RevokeConsentModal
          file={file}
          consent={revoking}
          parties={parties.data?.items ?? []}
          onClose={() => setRevoking(null)}
        />
      )}
    </Stack>
  );
}

interface RecordConsentValues extends ConsentValues {
  organisationId: string | null;
}

function RecordConsentForm({ file }: { file: THouseholdDetail }) {
  const me = useSession();
  const organisations = useOrganisations();
  const form = useForm<RecordConsentValues>({
    initialValues: { organisationId: me.organisation?.id ?? null, ...newConsentValues() },
    validate: (v) =>
      zodErrors(ZConsentCreate.safeParse({ organisationId: v.organisationId, ...consentBody(v) }).error),
  });
  const record = useRouteMutation(HOUSEHOLD_ROUTES.recordConsent, {
    form,
    // A consent can found a new party: parties, history and audit change too.
    invalidate: [householdKey(file.id)],
    successMessage: 'Accord enregistré.',
    onSuccess: () => form.reset(),
  });
  return (
    <Card
      withBorder
      component="form"
      noValidate
      onSubmit={form.onSubmit((v) =>
        record.mutate({
          params: { id: file.id },
          body: { organisationId: v.organisationId ?? '', ...consentBody(v) },
        }),
      )}
      aria-labelledby="consent-form-title"
    >
      <Stack gap="sm">
        <Title order={3} size="h5" id="consent-form-title">
          Enregistrer un accord
        </Title>
        <Select
          label="Organisation autorisée"
          required
          searchable
          allowDeselect={false}
          nothingFoundMessage="Aucune organisation trouvée"
          data={(organisations.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
          {...form.getInputProps('organisationId')}
        />
        <ConsentFields values={form.values} inputProps={(field) => form.getInputProps(field)} />
        <ApiErrorAlert error={record.error} />
        <Group justify="flex-end">
          <Button type="submit" loading={record.isPending}>
            Enregistrer l'accord
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function RevokeConsentModal({
  file,
  consent,
  parties,
  onClose,
}: {
  file: THouseholdDetail;
  consent: TConsent;
  parties: TParty[];
  onClose: () => void;
}) {
  const describe = (p: TParty) => `${p.organisationName} (${p.basisLabel.toLowerCase()})`;
  const ending = parties.filter((p) => p.consentId === consent.id);
  const remaining = parties.filter((p) => p.consentId !== consent.id);
  const form = useForm({
    initialValues: { reason: '' },
    validate: (v) => zodErrors(ZConsentRevoke.safeParse(v).error),
  });
  const revoke = useRouteMutation(HOUSEHOLD_ROUTES.revokeConsent, {
    form,
    invalidate: [householdKey(file.id)],
    successMessage: 'Accord révoqué.',
    onSuccess: onClose,
  });
  return (
    <Modal opened onClose={onClose} title="Révoquer l'accord" closeButtonProps={{ 'aria-label': 'Fermer' }}>
      <form
        noValidate
        onSubmit={form.onSubmit((body) =>
          revoke.mutate({ params: { id: file.id, consentId: consent.id }, body }),
        )}
      >
        <Stack>
          <Text size="sm">
            {CONSENT_PURPOSE_LABELS[consent.purpose]} — {consent.organisationName}. Les accès fondés sur cet
            accord prennent fin immédiatement.
          </Text>
          {ending.length > 0 && (
            <Text size="sm">Accès qui prennent fin : {ending.map(describe).join(', ')}.</Text>
          )}
          <Text size="sm">
            {remaining.length > 0
              ? `Accès qui restent : ${remaining.map(describe).join(', ')}.`
              : 'Aucune organisation ne gardera accès au dossier.'}
          </Text>
          <Textarea
            label="Motif de la révocation"
            required
            autosize
            minRows={2}
            {...form.getInputProps('reason')}
          />
          <ApiErrorAlert error={revoke.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Annuler
            </Button>
            <Button type="submit" color="red" loading={revoke.isPending}>
              Révoquer
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
