import {
  Alert,
  Badge,
  CloseButton,
  Group,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useState, type ReactNode } from 'react';
import {
  CONSENT_METHOD_LABELS,
  TYPOLOGY_LABELS,
  type ConsentMethod,
} from '@shared/contracts/household-enums.ts';
import type { THouseholdDetail } from '@shared/contracts/households.ts';
import {
  ACCESSIBILITY_NEED_LABELS,
  DEMAND_STATE_LABELS,
  INCOME_SOURCES,
  INCOME_SOURCE_LABELS,
  PRIORITY_CATEGORY_LABELS,
  SUPPORT_INTENSITY_LABELS,
  ZHousingProjectSave,
  ZProposalConsent,
  ZProposalConsentWithdrawal,
  type AccessibilityNeed,
  type IncomeSource,
  type SupportIntensity,
  type THousingProject,
  type THousingProjectView,
} from '@shared/contracts/housing-pool.ts';
import { READINESS_OPINION_LABELS } from '@shared/contracts/diagnostics.ts';
import { formatCents, formatDate } from '@shared/format.ts';
import { isVerifiedIncome, shelterTimeWords } from '@shared/housing-pool/rules.ts';
import { HOUSING_POOL_ROUTES } from '@shared/routes/housing-pool.ts';
import { parisToday } from '@shared/time.ts';
import { routeKey, useRouteMutation, useRouteQuery } from '../../api/routes.ts';
import { DateField } from '../../components/DateField.tsx';
import { DialogButton, FormDialog, useBodyForm } from '../../components/FormDialog.tsx';
import { MoneyInput } from '../../components/MoneyInput.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { Section } from '../../components/Section.tsx';
import { TerritorySelect, useChosenTerritoryLabel } from '../../components/TerritorySelect.tsx';
import { optionsOf } from '../households/organisations.ts';
import { HouseholdProposals } from '../vacancies/ProposalsSection.tsx';

/** The household's housing project: its place in the pool of households ready to leave, and the consent to be proposed. */
export function HousingProjectTab({ file }: { file: THouseholdDetail }) {
  const query = useRouteQuery(HOUSING_POOL_ROUTES.project, { params: { id: file.id } });
  return (
    <Stack gap="lg">
      <QueryState query={query} loadingLabel="Chargement du projet logement…">
        {(view) => <ProjectSection householdId={file.id} view={view} />}
      </QueryState>
      <HouseholdProposals householdId={file.id} />
    </Stack>
  );
}

const projectKey = (householdId: string) =>
  routeKey(HOUSING_POOL_ROUTES.project, { params: { id: householdId } });

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </Stack>
  );
}

function ProjectSection({ householdId, view }: { householdId: string; view: THousingProjectView }) {
  const { project, facts, readiness } = view;
  return (
    <Stack>
      <Section title="Ce que dit le dossier">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Fact label="Avis « capacité à habiter »">
            {readiness
              ? `${READINESS_OPINION_LABELS[readiness.opinion]} (grille du ${formatDate(readiness.assessedOn)})`
              : 'Pas encore de grille'}
          </Fact>
          <Fact label="Temps dans la situation actuelle">
            {shelterTimeWords(facts.daysInShelter)}
            {facts.housingSince && ` (depuis le ${formatDate(facts.housingSince)})`}
            {facts.shelterName && ` — ${facts.shelterName}`}
          </Fact>
          <Fact label="DALO">
            {facts.daloRecognised
              ? `Reconnu prioritaire${facts.daloDecisionDate ? ` le ${formatDate(facts.daloDecisionDate)}` : ''}`
              : 'Non'}
          </Fact>
          <Fact label="Numéro unique">{facts.applicationNumber ?? 'Aucun'}</Fact>
          <Fact label="Demande de logement social">
            <DemandBadge state={facts.demandState} />
            {project?.demandFiledOn && ` déposée le ${formatDate(project.demandFiledOn)},`}
            {project?.demandRenewalDue && ` à renouveler avant le ${formatDate(project.demandRenewalDue)}`}
          </Fact>
        </SimpleGrid>
        <Text size="xs" c="dimmed" mt="sm">
          Le numéro unique, la date d’entrée et la décision DALO se modifient dans l’onglet « Situation ».
        </Text>
      </Section>
      {project ? (
        <ProjectDetails householdId={householdId} project={project} canEdit={view.canEdit} />
      ) : (
        <Section
          title="Projet logement"
          action={
            view.openRefusal === null && (
              <DialogButton
                label="Ouvrir le projet logement"
                dialog={(close) => <ProjectDialog householdId={householdId} project={null} onClose={close} />}
              />
            )
          }
        >
          <Text size="sm">
            {view.openRefusal ??
              'Le ménage est prêt à sortir : ouvrez son projet logement pour qu’il entre dans le vivier de votre organisation.'}
          </Text>
        </Section>
      )}
    </Stack>
  );
}

function DemandBadge({ state }: { state: THousingProjectView['facts']['demandState'] }) {
  const color = { missing: 'gray', valid: 'green', expiring: 'orange', expired: 'red' }[state];
  return (
    <Badge color={color} variant="light" component="span">
      {DEMAND_STATE_LABELS[state]}
    </Badge>
  );
}

function ProjectDetails({
  householdId,
  project,
  canEdit,
}: {
  householdId: string;
  project: THousingProject;
  canEdit: boolean;
}) {
  const consent = project.consent;
  return (
    <>
      <Section
        title="Projet logement"
        action={
          canEdit && (
            <DialogButton
              label="Modifier le projet"
              variant="light"
              dialog={(close) => (
                <ProjectDialog householdId={householdId} project={project} onClose={close} />
              )}
            />
          )
        }
      >
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Fact label="Vivier">
            {project.poolOrganisation.name}, depuis le {formatDate(project.openedOn)}
          </Fact>
          <Fact label="Typologies souhaitées">
            {project.typologies.map((t) => TYPOLOGY_LABELS[t]).join(', ')}
          </Fact>
          <Fact label="Communes souhaitées">
            {project.communes.length > 0 ? project.communes.map((c) => c.name).join(', ') : 'Toutes'}
          </Fact>
          <Fact label="Accessibilité">{ACCESSIBILITY_NEED_LABELS[project.accessibilityNeed]}</Fact>
          <Fact label="Accompagnement après l’entrée">
            {SUPPORT_INTENSITY_LABELS[project.supportIntensity]}
          </Fact>
          <Fact label="Catégories prioritaires (CCH L441-1)">
            {project.priorityCategories.length > 0
              ? project.priorityCategories.map((c) => PRIORITY_CATEGORY_LABELS[c]).join(' ; ')
              : 'Aucune'}
          </Fact>
        </SimpleGrid>
        <Text size="sm" fw={600} mt="md">
          Revenus annuels
        </Text>
        {project.incomes.length === 0 ? (
          <Text size="sm">Aucun revenu renseigné.</Text>
        ) : (
          <Stack gap={4}>
            {project.incomes.map((i) => (
              <Group key={i.source} gap="xs">
                <Text size="sm">
                  {formatCents(i.annualCents)} — {INCOME_SOURCE_LABELS[i.source]}
                  {i.year !== null && ` (revenus ${i.year})`}
                </Text>
                <Badge variant="light" color={isVerifiedIncome(i) ? 'green' : 'gray'} component="span">
                  {isVerifiedIncome(i) ? 'Justifié' : 'Non vérifié'}
                </Badge>
              </Group>
            ))}
          </Stack>
        )}
        {project.note && (
          <Text size="sm" mt="sm">
            {project.note}
          </Text>
        )}
      </Section>
      <Section
        title="Accord du ménage pour être proposé"
        action={
          canEdit &&
          (project.proposable ? (
            <DialogButton
              label="Retirer l’accord"
              variant="light"
              dialog={(close) => <WithdrawDialog householdId={householdId} onClose={close} />}
            />
          ) : (
            <DialogButton
              label="Enregistrer l’accord"
              dialog={(close) => <ConsentDialog householdId={householdId} onClose={close} />}
            />
          ))
        }
      >
        {project.proposable && consent ? (
          <Text size="sm">
            Accord donné le {formatDate(consent.givenOn)} ({CONSENT_METHOD_LABELS[consent.method]}) : le
            ménage peut être proposé sur des logements.
          </Text>
        ) : (
          <Alert color="orange" title="Sans accord">
            {consent?.withdrawnOn
              ? `Accord retiré le ${formatDate(consent.withdrawnOn)} : ${consent.withdrawalReason ?? ''}`
              : 'Le ménage n’a pas encore donné son accord.'}{' '}
            Il reste dans le vivier mais ne sera proposé sur aucun logement.
          </Alert>
        )}
      </Section>
    </>
  );
}

type ProjectValues = {
  typologies: string[];
  communeIds: string[];
  accessibilityNeed: AccessibilityNeed | null;
  supportIntensity: SupportIntensity | null;
  priorityCategories: string[];
  demandRenewalDue: string | null;
  demandFiledOn: string | null;
  incomes: Record<IncomeSource, number | null>;
  note: string;
  rowVersion: number | null;
};

/** An RFR's tax year: N-2 or N-1 of this year; none for the other sources. */
const incomeYear = (source: IncomeSource) => {
  const year = Number(parisToday().slice(0, 4));
  return source === 'rfr_n2' ? year - 2 : source === 'rfr_n1' ? year - 1 : null;
};

const projectBody = (v: ProjectValues) => ({
  typologies: v.typologies,
  communeIds: v.communeIds,
  accessibilityNeed: v.accessibilityNeed ?? undefined,
  supportIntensity: v.supportIntensity ?? undefined,
  priorityCategories: v.priorityCategories,
  demandRenewalDue: v.demandRenewalDue,
  demandFiledOn: v.demandFiledOn,
  incomes: INCOME_SOURCES.flatMap((source) => {
    const amount = v.incomes[source];
    return amount === null ? [] : [{ source, year: incomeYear(source), annualCents: amount }];
  }),
  note: v.note.trim() === '' ? null : v.note,
  rowVersion: v.rowVersion,
});

function ProjectDialog({
  householdId,
  project,
  onClose,
}: {
  householdId: string;
  project: THousingProject | null;
  onClose: () => void;
}) {
  const form = useBodyForm<ProjectValues>(
    {
      typologies: project?.typologies ?? [],
      communeIds: project?.communeIds ?? [],
      accessibilityNeed: project?.accessibilityNeed ?? 'none',
      supportIntensity: project?.supportIntensity ?? null,
      priorityCategories: project?.priorityCategories ?? [],
      demandRenewalDue: project?.demandRenewalDue ?? null,
      demandFiledOn: project?.demandFiledOn ?? null,
      incomes: Object.fromEntries(
        INCOME_SOURCES.map((s) => [s, project?.incomes.find((i) => i.source === s)?.annualCents ?? null]),
      ) as Record<IncomeSource, number | null>,
      note: project?.note ?? '',
      rowVersion: project?.rowVersion ?? null,
    },
    ZHousingProjectSave,
    projectBody,
    { supportIntensity: 'Choisissez l’intensité de l’accompagnement.' },
  );
  const save = useRouteMutation(HOUSING_POOL_ROUTES.saveProject, {
    form,
    invalidate: [projectKey(householdId)],
    successMessage: project
      ? 'Projet logement modifié.'
      : 'Projet logement ouvert : le ménage est dans le vivier.',
    onSuccess: onClose,
  });
  const known = new Map((project?.communes ?? []).map((c) => [c.id, c.name]));
  const [adding, setAdding] = useState<string | null>(null);
  return (
    <FormDialog
      title={project ? 'Modifier le projet logement' : 'Ouvrir le projet logement'}
      form={form}
      mutation={save}
      onClose={onClose}
      onSubmit={(v) =>
        save.mutate({
          params: { id: householdId },
          body: {
            ...projectBody(v),
            accessibilityNeed: v.accessibilityNeed!,
            supportIntensity: v.supportIntensity!,
          },
        } as Parameters<typeof save.mutate>[0])
      }
      submitLabel={project ? 'Enregistrer' : 'Ouvrir le projet'}
    >
      <MultiSelect
        label="Typologies souhaitées"
        required
        data={optionsOf(TYPOLOGY_LABELS)}
        {...form.getInputProps('typologies')}
      />
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          Communes souhaitées (aucune : toutes)
        </Text>
        <Group gap="xs">
          {form.values.communeIds.map((id) => (
            <CommuneChip
              key={id}
              id={id}
              known={known.get(id)}
              onRemove={() =>
                form.setFieldValue(
                  'communeIds',
                  form.values.communeIds.filter((c) => c !== id),
                )
              }
            />
          ))}
        </Group>
        <TerritorySelect
          label="Ajouter une commune"
          kind="commune"
          value={adding}
          error={form.errors.communeIds}
          onChange={(id) => {
            setAdding(null);
            if (id && !form.values.communeIds.includes(id))
              form.setFieldValue('communeIds', [...form.values.communeIds, id]);
          }}
        />
      </Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label="Besoin d’accessibilité"
          required
          data={optionsOf(ACCESSIBILITY_NEED_LABELS)}
          {...form.getInputProps('accessibilityNeed')}
        />
        <Select
          label="Accompagnement après l’entrée"
          required
          data={optionsOf(SUPPORT_INTENSITY_LABELS)}
          {...form.getInputProps('supportIntensity')}
        />
      </SimpleGrid>
      <MultiSelect
        label="Catégories prioritaires (CCH L441-1)"
        description="Toutes celles qui s’appliquent au ménage."
        data={optionsOf(PRIORITY_CATEGORY_LABELS)}
        {...form.getInputProps('priorityCategories')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <DateField
          label="Date de la première demande"
          description="Sur l’attestation d’enregistrement : elle reste la même à chaque renouvellement."
          {...form.getInputProps('demandFiledOn')}
        />
        <DateField
          label="Demande de logement social à renouveler avant le"
          {...form.getInputProps('demandRenewalDue')}
        />
      </SimpleGrid>
      <Text size="sm" fw={500}>
        Revenus annuels du foyer, par source
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {INCOME_SOURCES.map((source) => (
          <MoneyInput
            key={source}
            label={INCOME_SOURCE_LABELS[source]}
            {...form.getInputProps(`incomes.${source}`)}
          />
        ))}
      </SimpleGrid>
      <Textarea label="Remarques" autosize minRows={2} {...form.getInputProps('note')} />
    </FormDialog>
  );
}

function CommuneChip({ id, known, onRemove }: { id: string; known?: string; onRemove: () => void }) {
  const chosen = useChosenTerritoryLabel(id);
  const name = known ?? chosen ?? 'Commune choisie';
  return (
    <Badge
      variant="light"
      size="lg"
      rightSection={<CloseButton size="xs" aria-label={`Retirer ${name}`} onClick={onRemove} />}
    >
      {name}
    </Badge>
  );
}

type ConsentValues = { givenOn: string | null; method: ConsentMethod | null };

function ConsentDialog({ householdId, onClose }: { householdId: string; onClose: () => void }) {
  const body = (v: ConsentValues) => ({ givenOn: v.givenOn ?? '', method: v.method ?? undefined });
  const form = useBodyForm<ConsentValues>(
    { givenOn: parisToday(), method: 'signed_form' },
    ZProposalConsent,
    body,
    {
      method: 'Indiquez comment l’accord a été recueilli.',
    },
  );
  const give = useRouteMutation(HOUSING_POOL_ROUTES.giveConsent, {
    form,
    invalidate: [projectKey(householdId)],
    successMessage: 'Accord du ménage enregistré.',
    onSuccess: onClose,
  });
  return (
    <FormDialog
      title="Accord du ménage pour être proposé"
      intro="Le ménage accepte que son dossier soit proposé sur des logements vacants correspondant à son projet."
      form={form}
      mutation={give}
      onClose={onClose}
      onSubmit={(v) =>
        give.mutate({ params: { id: householdId }, body: { givenOn: v.givenOn ?? '', method: v.method! } })
      }
      submitLabel="Enregistrer l’accord"
    >
      <DateField label="Accord donné le" required {...form.getInputProps('givenOn')} />
      <Select
        label="Recueilli par"
        required
        data={optionsOf(CONSENT_METHOD_LABELS)}
        {...form.getInputProps('method')}
      />
    </FormDialog>
  );
}

type WithdrawValues = { withdrawnOn: string | null; reason: string };

function WithdrawDialog({ householdId, onClose }: { householdId: string; onClose: () => void }) {
  const body = (v: WithdrawValues) => ({ withdrawnOn: v.withdrawnOn ?? '', reason: v.reason });
  const form = useBodyForm<WithdrawValues>(
    { withdrawnOn: parisToday(), reason: '' },
    ZProposalConsentWithdrawal,
    body,
  );
  const withdraw = useRouteMutation(HOUSING_POOL_ROUTES.withdrawConsent, {
    form,
    invalidate: [projectKey(householdId)],
    successMessage: 'Accord retiré : le ménage ne sera plus proposé.',
    onSuccess: onClose,
  });
  return (
    <FormDialog
      title="Retirer l’accord du ménage"
      form={form}
      mutation={withdraw}
      onClose={onClose}
      onSubmit={(v) => withdraw.mutate({ params: { id: householdId }, body: body(v) })}
      submitLabel="Retirer l’accord"
      danger
    >
      <DateField label="Retiré le" required {...form.getInputProps('withdrawnOn')} />
      <TextInput label="Motif" required {...form.getInputProps('reason')} />
    </FormDialog>
  );
}
