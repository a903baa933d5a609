import { Badge, Group, List, Stack, Text, Title } from '@mantine/core';
import { SCHEME_KIND_LABELS, type TScheme, type TSchemeTemplate } from '@shared/contracts/measures.ts';
import { formatCents, formatDate, formatDateTime } from '@shared/format.ts';
import { costsText, durationText, schemeRulesText } from '@shared/measures/rules-text.ts';
import { MEASURE_ROUTES } from '@shared/routes/measures.ts';
import { useRouteQuery } from '../../api/routes.ts';
import { useSession } from '../../api/session.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { DialogButton } from '../../components/FormDialog.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { Section } from '../../components/Section.tsx';
import { schemeNamer, useSchemes } from '../measures/measure-api.ts';
import { AddSchemeDialog, NewProgrammeDialog, NewVersionDialog } from './SchemeForms.tsx';

/** The schemes a sequencing rule may name: the département's and the catalogue's, once each. */
const knownSchemes = (schemes: TScheme[], templates: TSchemeTemplate[]) => [
  ...schemes,
  ...templates.filter((t) => !schemes.some((s) => s.code === t.code)),
];

/** The département's support schemes: rules in force, versions, programmes; funders edit their own. */
export function MeasureSchemesPage() {
  const me = useSession();
  const schemes = useSchemes();
  const catalogue = useRouteQuery(MEASURE_ROUTES.templates, {}, { staleTime: 60 * 60_000 });
  const templates = catalogue.data?.items ?? [];
  const known = knownSchemes(schemes.data?.items ?? [], templates);
  const options = known.map((k) => ({ value: k.code, label: k.name }));
  // Schemes are funded: only a funder's administrators add them.
  const adds = me.organisation?.type === 'funder' && templates.length > 0;
  return (
    <>
      <PageHeader
        title="Dispositifs d’accompagnement"
        description="Les dispositifs qui financent les mesures d’accompagnement dans votre département, leurs règles datées et leurs programmes."
        actions={
          adds && (
            <DialogButton
              label="Ajouter un dispositif"
              dialog={(close) => (
                <AddSchemeDialog
                  templates={templates}
                  schemeOptions={options}
                  onClose={close}
                  onReload={() => void schemes.refetch()}
                />
              )}
            />
          )
        }
      />
      <QueryState query={schemes}>
        {({ items }) =>
          items.length === 0 ? (
            <EmptyState
              title="Aucun dispositif dans votre département"
              description="Les financeurs du département ajoutent leurs dispositifs à partir du catalogue."
            />
          ) : (
            <Stack gap="xl">
              {items.map((s) => (
                <SchemeSection
                  key={s.id}
                  scheme={s}
                  nameOf={schemeNamer(known)}
                  schemeOptions={options}
                  onReload={() => void schemes.refetch()}
                />
              ))}
            </Stack>
          )
        }
      </QueryState>
    </>
  );
}

function SchemeSection({
  scheme: s,
  nameOf,
  schemeOptions,
  onReload,
}: {
  scheme: TScheme;
  nameOf: (code: string) => string;
  schemeOptions: { value: string; label: string }[];
  onReload: () => void;
}) {
  return (
    <Section
      title={s.name}
      action={
        s.editable && (
          <Group gap="sm">
            <DialogButton
              label="Nouvelle version"
              variant="light"
              dialog={(close) => (
                <NewVersionDialog
                  scheme={s}
                  schemeOptions={schemeOptions}
                  onClose={close}
                  onReload={onReload}
                />
              )}
            />
            <DialogButton
              label="Nouveau programme"
              variant="light"
              dialog={(close) => <NewProgrammeDialog scheme={s} onClose={close} onReload={onReload} />}
            />
          </Group>
        )
      }
    >
      <Stack gap="md">
        <Group gap="xs">
          <Badge variant="light" color="blue" radius="sm" tt="none">
            {SCHEME_KIND_LABELS[s.kind]}
          </Badge>
          <Text size="sm" c="dimmed">
            Financé par {s.funderName} — {s.territoryName}
          </Text>
        </Group>
        {s.current ? (
          <Stack gap={4}>
            <Title order={3} size="h6">
              Règles en vigueur depuis le {formatDate(s.current.effectiveFrom)}
            </Title>
            <List size="sm" spacing={2}>
              {schemeRulesText(s.current.rules, nameOf).map((line) => (
                <List.Item key={line}>{line}</List.Item>
              ))}
              <List.Item>Coûts : {costsText(s.current.costs)}</List.Item>
            </List>
          </Stack>
        ) : (
          <Text size="sm">Aucune version en vigueur aujourd’hui : la première commence plus tard.</Text>
        )}
        <Title order={3} size="h6">
          Versions
        </Title>
        <DataTable
          caption={`Versions datées du dispositif ${s.name}`}
          rows={[...s.versions].reverse()}
          rowKey={(v) => v.id}
          columns={[
            { key: 'from', header: 'En vigueur à partir du', render: (v) => formatDate(v.effectiveFrom) },
            { key: 'rules', header: 'Durée', render: (v) => durationText(v.rules) },
            { key: 'costs', header: 'Coûts', render: (v) => costsText(v.costs), hideOnSmall: true },
            {
              key: 'by',
              header: 'Enregistrée',
              render: (v) =>
                `le ${formatDateTime(v.createdAt)}${v.createdByName ? ` par ${v.createdByName}` : ''}`,
            },
          ]}
        />
        <Title order={3} size="h6">
          Programmes
        </Title>
        <DataTable
          caption={`Programmes de financement du dispositif ${s.name}`}
          rows={s.programmes}
          rowKey={(p) => p.id}
          emptyTitle="Aucun programme"
          columns={[
            { key: 'name', header: 'Programme', render: (p) => p.name },
            {
              key: 'period',
              header: 'Période',
              render: (p) => `Du ${formatDate(p.periodFrom)} au ${formatDate(p.periodTo)}`,
            },
            {
              key: 'measures',
              header: 'Budget en mesures',
              render: (p) => (p.budgetMeasures === null ? '—' : String(p.budgetMeasures)),
            },
            { key: 'cents', header: 'Budget en euros', render: (p) => formatCents(p.budgetCents) },
          ]}
        />
      </Stack>
    </Section>
  );
}
