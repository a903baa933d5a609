import { Anchor, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { Link, useParams } from 'react-router-dom';
import {
  LESSOR_KIND_LABELS,
  OCCUPANCY_KIND_LABELS,
  OCCUPANCY_STATUS_LABELS,
} from '@shared/contracts/housing-stock.ts';
import type { TContract } from '@shared/contracts/leases.ts';
import {
  CONTRACT_EVENT_LABELS,
  END_OUTCOME_LABELS,
  LEASE_PARTY_LABELS,
  isSlidingKind,
} from '@shared/leases/contract-rules.ts';
import { formatDate, formatDateTime } from '@shared/format.ts';
import { HOUSEHOLD_ROUTES } from '@shared/routes/households.ts';
import { LEASE_ROUTES } from '@shared/routes/leases.ts';
import { routeUrl, useRouteQuery } from '../../api/routes.ts';
import { DialogButton } from '../../components/FormDialog.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { Section } from '../../components/Section.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { PATHS } from '../../paths.ts';
import {
  ActivateDialog,
  AttachDialog,
  EndDialog,
  EventDialog,
  LinkHouseholdDialog,
  RenewDialog,
  UnlinkHouseholdDialog,
} from './ContractActions.tsx';
import { CONTRACT_STATUS_TONES } from './lease-ui.tsx';
import { SlidingSection } from './SlidingSection.tsx';

/** A contract's page: its parties and dates, its history, its documents and, for a sliding sublease, its sliding. */
export function ContractPage() {
  const { id = '' } = useParams();
  const query = useRouteQuery(LEASE_ROUTES.contract, { params: { id } });
  return (
    <QueryState query={query} loadingLabel="Ouverture du contrat…">
      {(contract) => <Contract contract={contract} reload={() => void query.refetch()} />}
    </QueryState>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text>{children}</Text>
    </div>
  );
}

function Contract({ contract: c, reload }: { contract: TContract; reload: () => void }) {
  const props = { contract: c, reload };
  const sliding = isSlidingKind(c.kind);
  return (
    <>
      <PageHeader
        title={`${OCCUPANCY_KIND_LABELS[c.kind]} — ${c.dwelling.address}`}
        description={
          <StatusBadge value={c.status} labels={OCCUPANCY_STATUS_LABELS} tones={CONTRACT_STATUS_TONES} />
        }
        actions={
          c.canManage &&
          c.status !== 'ended' && (
            <>
              {c.status === 'draft' && (
                <DialogButton
                  label="Mettre en vigueur"
                  dialog={(close) => <ActivateDialog {...props} onClose={close} />}
                />
              )}
              <DialogButton
                variant="light"
                label="Noter un événement"
                dialog={(close) => <EventDialog {...props} onClose={close} />}
              />
              {c.status === 'active' && (
                <>
                  <DialogButton
                    variant="light"
                    label="Renouveler"
                    dialog={(close) => <RenewDialog {...props} onClose={close} />}
                  />
                  <DialogButton
                    variant="light"
                    label="Mettre fin"
                    dialog={(close) => <EndDialog {...props} onClose={close} />}
                  />
                </>
              )}
            </>
          )
        }
      />
      <Stack>
        <Section title="Parties et dates">
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
            <Fact label="Bailleur">
              {/* The kind's label has its own brackets: after a comma, not inside more. */}
              {c.lessorName ?? '—'}, {LESSOR_KIND_LABELS[c.lessorKind].toLowerCase()}
            </Fact>
            {c.intermediaryName && (
              <Fact label="Association (bail principal ou mandat)">{c.intermediaryName}</Fact>
            )}
            <Fact label="Occupant">
              {c.household ? (
                <Anchor component={Link} to={PATHS.household(c.household.id)}>
                  {c.occupantName ?? 'Ménage'} (dossier {c.household.name})
                </Anchor>
              ) : (
                (c.occupantName ?? '—')
              )}
              {c.tenantReference && ` — réf. ${c.tenantReference}`}
            </Fact>
            <Fact label="Signé le">{formatDate(c.signedOn)}</Fact>
            <Fact label="Premier jour">{formatDate(c.startOn)}</Fact>
            <Fact label="Dernier jour">{c.endOn ? formatDate(c.endOn) : 'Sans date de fin'}</Fact>
            {c.endOutcome && (
              <Fact label="Issue">
                {END_OUTCOME_LABELS[c.endOutcome]}
                {c.endedByParty && ` — ${LEASE_PARTY_LABELS[c.endedByParty]}`}
                {c.endReason && ` : ${c.endReason}`}
              </Fact>
            )}
            {c.previousContractId && (
              <Fact label="Fait suite à">
                <Anchor component={Link} to={PATHS.lease(c.previousContractId)}>
                  la sous-location précédente
                </Anchor>
              </Fact>
            )}
            {c.nextContractId && (
              <Fact label="Suivi par">
                <Anchor component={Link} to={PATHS.lease(c.nextContractId)}>
                  le bail direct du ménage
                </Anchor>
              </Fact>
            )}
          </SimpleGrid>
        </Section>
        {(c.canLinkHousehold || c.canUnlinkHousehold) && (
          <Group>
            {c.canLinkHousehold && (
              <DialogButton
                variant="light"
                label="Rattacher au dossier du ménage"
                dialog={(close) => <LinkHouseholdDialog {...props} onClose={close} />}
              />
            )}
            {c.canUnlinkHousehold && (
              <DialogButton
                variant="light"
                label="Détacher du dossier du ménage"
                dialog={(close) => <UnlinkHouseholdDialog {...props} onClose={close} />}
              />
            )}
          </Group>
        )}
        {sliding && c.slidingReviewOn && <SlidingSection contract={c} reload={reload} />}
        <Section title="Historique du contrat">
          <Stack
            component="ol"
            gap="sm"
            style={{ listStyle: 'none', margin: 0, padding: 0 }}
            aria-label="Événements du contrat"
          >
            {c.events.map((e) => (
              <li key={e.id} style={{ borderLeft: '3px solid var(--mantine-color-blue-8)', paddingLeft: 12 }}>
                <Text fw={600}>
                  {formatDate(e.occurredOn)} — {CONTRACT_EVENT_LABELS[e.event]}
                  {e.party && ` (${LEASE_PARTY_LABELS[e.party].toLowerCase()})`}
                </Text>
                {e.note && <Text size="sm">{e.note}</Text>}
                {e.recordedByName && (
                  <Text size="sm" c="dimmed">
                    Noté par {e.recordedByName}
                  </Text>
                )}
              </li>
            ))}
          </Stack>
        </Section>
        <Section
          title="Documents"
          action={
            c.canManage &&
            c.household &&
            c.status !== 'ended' && (
              <DialogButton
                variant="light"
                label="Joindre un document"
                dialog={(close) => <AttachDialog {...props} householdId={c.household!.id} onClose={close} />}
              />
            )
          }
        >
          {!c.household ? (
            <Text c="dimmed">
              Les documents d’un contrat sont ceux du dossier du ménage : ce contrat n’est rattaché à aucun
              dossier (un locataire importé depuis le fichier du bailleur n’en a pas).
              {c.canLinkHousehold && ' Rattachez-le au dossier du ménage pour y joindre des documents.'}
            </Text>
          ) : c.documents.length === 0 ? (
            <Text c="dimmed">Aucun document joint.</Text>
          ) : (
            <Stack component="ul" gap="xs" style={{ margin: 0, paddingLeft: 20 }}>
              {c.documents.map((d) => (
                <li key={d.id}>
                  <Group gap="xs">
                    <Text fw={500}>{d.label}</Text>
                    <Anchor
                      href={routeUrl(HOUSEHOLD_ROUTES.documentContent, {
                        params: { id: c.household!.id, docId: d.householdDocumentId },
                      })}
                    >
                      {d.fileName}
                    </Anchor>
                    <Text size="sm" c="dimmed">
                      joint le {formatDateTime(d.attachedOn)}
                    </Text>
                  </Group>
                </li>
              ))}
            </Stack>
          )}
        </Section>
      </Stack>
    </>
  );
}
