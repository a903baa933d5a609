import { useState, type ReactNode } from 'react';
import { Badge, Button, Group, Stack, Tabs, Text } from '@mantine/core';
import { useParams, useSearchParams } from 'react-router-dom';
import { HOUSEHOLD_STATUS_LABELS } from '@shared/contracts/household-enums.ts';
import type { THouseholdDetail } from '@shared/contracts/households.ts';
import {
  ACCESS_LEVEL_LABELS,
  canEditHousehold,
  canReadHouseholdAudit,
} from '@shared/access/household-access.ts';
import { canReadMonthlyPoints } from '@shared/access/monthly-point-policy.ts';
import { HOUSEHOLD_ROUTES } from '@shared/routes/households.ts';
import { useRouteQuery } from '../../api/routes.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { HouseholdEditor } from './HouseholdEditor.tsx';
import { HOUSEHOLD_STATUS_TONES } from './HouseholdListPage.tsx';
import { HousingTab, MembersTab, ResourcesTab, SituationTab } from './FileContentTabs.tsx';
import { AuditTab, HistoryTab } from './HistoryAuditTabs.tsx';
import { NotesDocumentsTab } from './NotesDocumentsTab.tsx';
import { PartiesConsentsTab } from './PartiesConsentsTab.tsx';
import { DiagnosticTab } from '../diagnostics/DiagnosticTab.tsx';
import { BudgetPanel } from '../budget/BudgetPanel.tsx';
import { AidsTab } from '../housing-aids/AidsTab.tsx';
import { HousingProjectTab } from '../housing-pool/HousingProjectTab.tsx';
import { MeasuresTab } from '../measures/MeasuresTab.tsx';
import { WatchBadge } from '../measures/WatchBadge.tsx';
import { AppointmentsTab } from '../agenda/AppointmentsTab.tsx';
import { JournalTab } from '../journal/JournalTab.tsx';
import { MonthlyPointsTab } from '../evaluations/MonthlyPointsTab.tsx';
import { EvaluationsTab } from '../evaluations/EvaluationsTab.tsx';
import { useRememberCommune } from '../../components/TerritorySelect.tsx';
import { HouseholdLeases } from '../leases/HouseholdLeases.tsx';

interface FileTab {
  value: string;
  label: string;
  render: (file: THouseholdDetail) => ReactNode;
}

/** The tabs the reader's response allows: a part absent from the response has no tab. */
function tabsFor(file: THouseholdDetail): FileTab[] {
  const tabs: (FileTab | false)[] = [
    { value: 'situation', label: 'Situation', render: (f) => <SituationTab file={f} /> },
    file.members !== undefined && {
      value: 'membres',
      label: 'Membres',
      render: (f) => <MembersTab file={f} />,
    },
    (file.resources !== undefined || file.expenses !== undefined || file.debts !== undefined) && {
      value: 'ressources',
      label: 'Ressources',
      render: (f) => <ResourcesTab file={f} />,
    },
    {
      value: 'logement',
      label: 'Logement',
      render: (f) => (
        <Stack>
          {f.housingHistory !== undefined && <HousingTab file={f} />}
          <HouseholdLeases householdId={f.id} />
        </Stack>
      ),
    },
    { value: 'diagnostic', label: 'Diagnostic', render: (f) => <DiagnosticTab file={f} /> },
    (file.accessLevel === 'caseworker' || file.accessLevel === 'party') && {
      value: 'budget',
      label: 'Budget',
      render: (f) => <BudgetPanel householdId={f.id} />,
    },
    // A landlord sees the aids paid to it; the social workers every aid.
    file.accessLevel !== 'none' && { value: 'aides', label: 'Aides', render: (f) => <AidsTab file={f} /> },
    // The housing project is the parties' social workers' (a landlord sees nothing of it).
    (file.accessLevel === 'caseworker' || file.accessLevel === 'party') && {
      value: 'projet-logement',
      label: 'Projet logement',
      render: (f) => <HousingProjectTab file={f} />,
    },
    { value: 'mesures', label: 'Mesures', render: (f) => <MeasuresTab file={f} /> },
    { value: 'rendez-vous', label: 'Rendez-vous', render: (f) => <AppointmentsTab file={f} /> },
    { value: 'journal', label: 'Journal', render: (f) => <JournalTab file={f} /> },
    canReadMonthlyPoints(file.accessLevel) && {
      value: 'points-mensuels',
      label: 'Points mensuels',
      render: (f) => <MonthlyPointsTab file={f} />,
    },
    (file.accessLevel === 'caseworker' || file.accessLevel === 'landlord_summary') && {
      value: 'evaluations',
      label: 'Évaluations',
      render: (f) => <EvaluationsTab file={f} />,
    },
    { value: 'notes', label: 'Notes & documents', render: (f) => <NotesDocumentsTab file={f} /> },
    { value: 'parties', label: 'Parties & accords', render: (f) => <PartiesConsentsTab file={f} /> },
    { value: 'historique', label: 'Historique', render: (f) => <HistoryTab file={f} /> },
    canReadHouseholdAudit(file.accessLevel) && {
      value: 'audit',
      label: 'Audit',
      render: (f) => <AuditTab file={f} />,
    },
  ];
  return tabs.filter((t): t is FileTab => t !== false);
}

export const referencePersonName = (file: THouseholdDetail) => {
  const ref = file.members?.find((m) => m.isReferencePerson);
  return ref ? `${ref.firstName} ${ref.lastName}` : null;
};

export function HouseholdFilePage() {
  const { id = '' } = useParams();
  const query = useRouteQuery(HOUSEHOLD_ROUTES.get, { params: { id } });
  return (
    <QueryState query={query} loadingLabel="Ouverture du dossier…">
      {(file) => <HouseholdFile file={file} reload={async () => (await query.refetch()).data} />}
    </QueryState>
  );
}

function HouseholdFile({
  file,
  reload,
}: {
  file: THouseholdDetail;
  reload: () => Promise<THouseholdDetail | undefined>;
}) {
  const [params, setParams] = useSearchParams();
  const [editing, setEditing] = useState(false);
  // The commune is named by the server: the file's tabs and the editor's select show its name.
  useRememberCommune(file.tenancy?.commune);
  const name = referencePersonName(file);
  const title = `Dossier ${file.fileLabel}${name ? ` — ${name}` : ''}`;
  const tabs = tabsFor(file);
  const requested = params.get('onglet');
  const active = tabs.some((t) => t.value === requested) ? requested! : 'situation';
  const setTab = (value: string | null) => {
    const next = new URLSearchParams(params);
    if (value && value !== 'situation') next.set('onglet', value);
    else next.delete('onglet');
    setParams(next, { replace: true });
  };

  return (
    <>
      <PageHeader
        title={editing ? `Modifier le dossier ${file.fileLabel}` : title}
        actions={
          !editing &&
          canEditHousehold(file.accessLevel) && (
            <Button onClick={() => setEditing(true)}>Modifier le dossier</Button>
          )
        }
      />
      <Group gap="xs" mt="-sm" mb="md">
        <StatusBadge value={file.status} labels={HOUSEHOLD_STATUS_LABELS} tones={HOUSEHOLD_STATUS_TONES} />
        <WatchBadge householdId={file.id} />
        <Badge variant="outline" color="gray" radius="sm" tt="none">
          Votre accès : {ACCESS_LEVEL_LABELS[file.accessLevel]}
        </Badge>
        <Text span size="sm" c="dimmed">
          Version {file.version}
        </Text>
      </Group>
      {editing ? (
        <HouseholdEditor file={file} reload={reload} initialTab={active} onDone={() => setEditing(false)} />
      ) : (
        <Tabs value={active} onChange={setTab} keepMounted={false}>
          <Tabs.List aria-label="Parties du dossier" mb="md">
            {tabs.map((t) => (
              <Tabs.Tab key={t.value} value={t.value}>
                {t.label}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {tabs.map((t) => (
            <Tabs.Panel key={t.value} value={t.value}>
              {t.render(file)}
            </Tabs.Panel>
          ))}
        </Tabs>
      )}
    </>
  );
}
