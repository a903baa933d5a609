import { Anchor, Button, Group, List, Stack, Table, Text } from '@mantine/core';
import { Link, useParams } from 'react-router-dom';
import {
  CONTRACT_PARTY_LABELS,
  CONTRACT_STATUS_LABELS,
  type ContractStatus,
  type TContractVersion,
  type TSupportContract,
} from '@shared/contracts/support-contracts.ts';
import { SUPPORT_CONTRACT_ROUTES } from '@shared/routes/support-contracts.ts';
import { modalitiesText, termRows } from '@shared/support-contracts/display.ts';
import { formatDate } from '@shared/format.ts';
import { routeKey, routeUrl, useRouteMutation, useRouteQuery } from '../../api/routes.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { Section } from '../../components/Section.tsx';
import { StatusBadge, type Tone } from '../../components/StatusBadge.tsx';
import { PATHS } from '../../paths.ts';
import { ContractEditor } from './ContractEditor.tsx';
import { SignaturePanel } from './SignaturePanel.tsx';

const STATUS_TONES: Record<ContractStatus, Tone> = {
  draft: 'neutral',
  signing: 'warning',
  in_force: 'success',
  replaced: 'neutral',
};

const pdfUrl = (householdId: string, measureId: string, version: number) =>
  routeUrl(SUPPORT_CONTRACT_ROUTES.pdf, { params: { id: householdId, measureId }, query: { version } });

/** What a version says, read-only: the objectives, the commitments, the modalities, the clauses. */
function VersionContent({ version }: { version: TContractVersion }) {
  const commitments: [string, string[] | undefined][] = [
    [CONTRACT_PARTY_LABELS.household, version.commitments.household],
    [
      CONTRACT_PARTY_LABELS.landlord,
      version.requiredSignatories.includes('landlord') ? version.commitments.landlord : undefined,
    ],
    [CONTRACT_PARTY_LABELS.association, version.commitments.association],
  ];
  return (
    <>
      <Section title="Objectifs">
        {version.objectives ? (
          <Table.ScrollContainer minWidth={600}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Objectif</Table.Th>
                  <Table.Th>Indicateur</Table.Th>
                  <Table.Th>Date visée</Table.Th>
                  <Table.Th>Briques</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {version.objectives.map((o, i) => (
                  <Table.Tr key={i}>
                    <Table.Td>{o.title}</Table.Td>
                    <Table.Td>{o.indicator || '—'}</Table.Td>
                    <Table.Td>{formatDate(o.targetDate)}</Table.Td>
                    <Table.Td>{o.briques.map((b) => b.label).join(' ; ')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : (
          <Stack gap="xs">
            <Text size="sm" c="dimmed">
              Les objectifs personnels du ménage ne sont communiqués qu’au ménage et à l’association.
            </Text>
            <Text size="sm">
              Briques mobilisées : {version.briques.map((b) => b.label).join(' ; ') || 'aucune'}
            </Text>
          </Stack>
        )}
      </Section>
      <Section title="Engagements et modalités">
        <Stack>
          {commitments
            .filter((c): c is [string, string[]] => c[1] !== undefined)
            .map(([label, items]) => (
              <div key={label}>
                <Text fw={600}>{label}</Text>
                {items.length > 0 ? (
                  <List size="sm">
                    {items.map((item, i) => (
                      <List.Item key={i}>{item}</List.Item>
                    ))}
                  </List>
                ) : (
                  <Text size="sm" c="dimmed">
                    Aucun engagement.
                  </Text>
                )}
              </div>
            ))}
          <div>
            <Text fw={600}>Modalités</Text>
            <List size="sm">
              {modalitiesText(version.modalities).map((line) => (
                <List.Item key={line}>{line}</List.Item>
              ))}
            </List>
          </div>
          {version.clauses.length > 0 && (
            <div>
              <Text fw={600}>Clauses particulières</Text>
              <List size="sm">
                {version.clauses.map((c, i) => (
                  <List.Item key={i}>{c}</List.Item>
                ))}
              </List>
            </div>
          )}
        </Stack>
      </Section>
    </>
  );
}

function Versions({ householdId, contract }: { householdId: string; contract: TSupportContract }) {
  return (
    <Section title="Versions">
      <Table.ScrollContainer minWidth={500}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Version</Table.Th>
              <Table.Th>Statut</Table.Th>
              <Table.Th>Créée le</Table.Th>
              <Table.Th>En vigueur le</Table.Th>
              <Table.Th>Document</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {contract.versions.map((v) => (
              <Table.Tr key={v.number}>
                <Table.Td>{v.number === 1 ? 'Version 1' : `Version ${v.number} (avenant)`}</Table.Td>
                <Table.Td>
                  <StatusBadge value={v.status} labels={CONTRACT_STATUS_LABELS} tones={STATUS_TONES} />
                </Table.Td>
                <Table.Td>{formatDate(v.createdAt)}</Table.Td>
                <Table.Td>{v.inForceAt ? formatDate(v.inForceAt) : '—'}</Table.Td>
                <Table.Td>
                  <Anchor href={pdfUrl(householdId, contract.measureId, v.number)} target="_blank">
                    PDF de la version {v.number}
                  </Anchor>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Section>
  );
}

/**
 * The support contract of a measure: generated from the measure and the file, its draft edited by
 * the caseworker, signed by the household on the tablet and by each partner in the app, amended by
 * new versions.
 */
export function SupportContractPage() {
  const { id: householdId = '', measureId = '' } = useParams();
  const target = { params: { id: householdId, measureId } };
  const query = useRouteQuery(SUPPORT_CONTRACT_ROUTES.get, target);
  const invalidate = [routeKey(SUPPORT_CONTRACT_ROUTES.get, target)];
  const create = useRouteMutation(SUPPORT_CONTRACT_ROUTES.create, {
    invalidate,
    successMessage: 'Contrat généré : complétez le brouillon avec le ménage.',
  });
  const amend = useRouteMutation(SUPPORT_CONTRACT_ROUTES.amend, {
    invalidate,
    successMessage: 'Nouvelle version ouverte : modifiez-la puis faites-la signer.',
  });
  const back = (
    <Anchor component={Link} to={PATHS.household(householdId)}>
      Retour au dossier
    </Anchor>
  );
  return (
    <QueryState query={query} loadingLabel="Chargement du contrat">
      {({ contract, canCreate }) => {
        const latest = contract?.versions[0];
        return (
          <Stack>
            <PageHeader
              title="Contrat d’accompagnement"
              description={
                latest
                  ? `${latest.terms.schemeName} — dossier ${latest.terms.fileLabel}`
                  : 'Le contrat qui lie le ménage, l’association et le bailleur'
              }
              actions={back}
            />
            {!contract || !latest ? (
              <Section title="Pas encore de contrat">
                <Stack align="flex-start">
                  <Text>
                    {canCreate
                      ? 'Le contrat est généré à partir de la mesure, du dossier et du diagnostic approuvé, puis complété avec le ménage.'
                      : 'Cette mesure n’a pas encore de contrat d’accompagnement.'}
                  </Text>
                  <ApiErrorAlert error={create.error} />
                  {canCreate && (
                    <Button size="md" loading={create.isPending} onClick={() => create.mutate(target)}>
                      Créer le contrat
                    </Button>
                  )}
                </Stack>
              </Section>
            ) : (
              <>
                <Section
                  title={`Version ${latest.number}`}
                  action={
                    <StatusBadge value={latest.status} labels={CONTRACT_STATUS_LABELS} tones={STATUS_TONES} />
                  }
                >
                  <Stack>
                    <Table variant="vertical" layout="fixed" withTableBorder>
                      <Table.Tbody>
                        {termRows(latest.terms).map((r) => (
                          <Table.Tr key={r.label}>
                            <Table.Th w={{ base: 140, sm: 260 }}>{r.label}</Table.Th>
                            <Table.Td>{r.value}</Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                    <Group>
                      <Anchor href={pdfUrl(householdId, measureId, latest.number)} target="_blank">
                        Télécharger le contrat en PDF
                      </Anchor>
                      {contract.canWrite && latest.status === 'in_force' && (
                        <Button
                          variant="light"
                          loading={amend.isPending}
                          onClick={() =>
                            amend.mutate({ ...target, body: { rowVersion: contract.rowVersion } })
                          }
                        >
                          Nouvelle version (avenant)
                        </Button>
                      )}
                    </Group>
                    <ApiErrorAlert error={amend.error} onReload={() => void query.refetch()} />
                  </Stack>
                </Section>
                {contract.canWrite && latest.status === 'draft' ? (
                  <ContractEditor
                    key={latest.number}
                    householdId={householdId}
                    contract={contract}
                    version={latest}
                    invalidate={invalidate}
                  />
                ) : (
                  <VersionContent version={latest} />
                )}
                <SignaturePanel
                  householdId={householdId}
                  contract={contract}
                  version={latest}
                  invalidate={invalidate}
                />
                <Versions householdId={householdId} contract={contract} />
              </>
            )}
          </Stack>
        );
      }}
    </QueryState>
  );
}
