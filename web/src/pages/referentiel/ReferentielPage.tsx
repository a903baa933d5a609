import { useDeferredValue, useState, type ReactNode } from 'react';
import { Accordion, List, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import type { TReferentielList } from '@shared/contracts/referentiel.ts';
import { formatDate } from '@shared/format.ts';
import {
  briqueMatches,
  findBrique,
  type TBrique,
  type TReferentielVersion,
} from '@shared/referentiel/referentiel.ts';
import { REFERENTIEL_ROUTES } from '@shared/routes/referentiel.ts';
import { useRouteQuery } from '../../api/routes.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { Section } from '../../components/Section.tsx';

const count = (n: number) => (n === 1 ? '1 brique' : `${n} briques`);

/** The référentiel of the briques, in force today (or another shipped version), searchable. */
export function ReferentielPage() {
  const list = useRouteQuery(REFERENTIEL_ROUTES.list, {});
  return (
    <>
      <PageHeader
        title="Référentiel des briques"
        description="Les briques de l’accompagnement vers et dans le logement et de la gestion locative adaptée : mission, résultat attendu, rubriques et tâches, interlocuteurs."
      />
      <QueryState query={list}>{(data) => <ReferentielBrowser list={data} />}</QueryState>
    </>
  );
}

function ReferentielBrowser({ list }: { list: TReferentielList }) {
  const inForce = list.inForce.version;
  const [chosen, setChosen] = useState(inForce);
  // The version in force came with the list; another one is fetched when chosen.
  const other = useRouteQuery(
    REFERENTIEL_ROUTES.get,
    { params: { version: chosen } },
    { enabled: chosen !== inForce },
  );
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);

  const shown = (version: TReferentielVersion) => (
    <VersionContent version={version} query={deferredQuery} inForce={version.version === inForce} />
  );
  return (
    <Stack gap="lg">
      <Stack gap="sm" maw={560}>
        {list.versions.length > 1 && (
          <Select
            label="Version du référentiel"
            data={list.versions.map((v) => ({
              value: v.version,
              label: v.version === inForce ? `${v.label} (en vigueur)` : v.label,
            }))}
            value={chosen}
            onChange={(value) => value && setChosen(value)}
            allowDeselect={false}
          />
        )}
        <TextInput
          type="search"
          label="Rechercher une brique"
          description="Un ou plusieurs mots, cherchés dans tout le texte des briques, sans tenir compte des accents."
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
        />
      </Stack>
      {chosen === inForce ? (
        shown(list.inForce)
      ) : (
        <QueryState query={other}>{(version) => shown(version)}</QueryState>
      )}
    </Stack>
  );
}

function VersionContent({
  version,
  query,
  inForce,
}: {
  version: TReferentielVersion;
  query: string;
  inForce: boolean;
}) {
  const groups = version.groups
    .map((group) => ({ ...group, briques: group.briques.filter((b) => briqueMatches(b, query)) }))
    .filter((group) => group.briques.length > 0);
  const found = groups.reduce((n, g) => n + g.briques.length, 0);
  const total = version.groups.reduce((n, g) => n + g.briques.length, 0);
  const searching = query.trim() !== '';
  return (
    <Stack gap="lg">
      <Text size="sm" c="dimmed">
        {version.source}.{' '}
        {inForce
          ? `En vigueur depuis le ${formatDate(version.effectiveFrom)}.`
          : `Version du ${formatDate(version.effectiveFrom)}.`}
      </Text>
      <Text role="status" aria-live="polite" fw={500}>
        {searching
          ? found === 0
            ? 'Aucune brique ne correspond à la recherche.'
            : `${count(found)} sur ${total} ${found === 1 ? 'correspond' : 'correspondent'} à la recherche.`
          : `${count(found)} en ${version.groups.length} groupes.`}
      </Text>
      {found === 0 && (
        <EmptyState title="Aucune brique trouvée" description="Essayez un autre mot, ou moins de mots." />
      )}
      {groups.map((group) => (
        <Section key={group.code} title={group.title}>
          <Accordion multiple variant="separated" order={3}>
            {group.briques.map((brique) => (
              <Accordion.Item key={brique.code} value={brique.code}>
                <Accordion.Control>
                  {brique.code} — {brique.title}
                </Accordion.Control>
                <Accordion.Panel>
                  <BriqueContent brique={brique} version={version} />
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        </Section>
      ))}
    </Stack>
  );
}

function Part({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap={4}>
      <Title order={4} size="h6">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

const Paragraphs = ({ items }: { items: string[] }) => items.map((p) => <Text key={p}>{p}</Text>);

function Items({ items }: { items: string[] }) {
  return (
    <List spacing={2}>
      {items.map((item) => (
        <List.Item key={item}>{item}</List.Item>
      ))}
    </List>
  );
}

function Examples({ items }: { items?: string[] }) {
  if (!items?.length) return null;
  return (
    <Text size="sm" c="dimmed">
      Par exemple : {items.join(' ; ')}
    </Text>
  );
}

function BriqueContent({ brique, version }: { brique: TBrique; version: TReferentielVersion }) {
  const describedIn = brique.describedIn ? findBrique(version, brique.describedIn) : undefined;
  return (
    <Stack gap="md">
      {describedIn && (
        <Text fs="italic">
          Le référentiel décrit cette brique avec la brique {describedIn.code} — {describedIn.title}.
        </Text>
      )}
      <Part title="Mission">
        <Paragraphs items={brique.mission} />
      </Part>
      <Part title="Résultat attendu">
        <Paragraphs items={brique.expectedResult} />
      </Part>
      {brique.notes?.map((note) => (
        <Text key={note} size="sm" fw={500}>
          {note}
        </Text>
      ))}
      <Part title="Rubriques et tâches">
        <List spacing="xs">
          {brique.rubrics.map((rubric) => (
            <List.Item key={rubric.title}>
              <Text fw={600}>{rubric.title}</Text>
              <Examples items={rubric.examples} />
              {rubric.tasks && (
                <List withPadding listStyleType="circle" spacing={2}>
                  {rubric.tasks.map((task) => (
                    <List.Item key={task.text}>
                      <Text>{task.text}</Text>
                      <Examples items={task.examples} />
                    </List.Item>
                  ))}
                </List>
              )}
            </List.Item>
          ))}
        </List>
      </Part>
      <Part title="Interlocuteurs">
        <Items items={brique.interlocutors} />
      </Part>
      {brique.tools && (
        <Part title="Outils utilisés">
          <Items items={brique.tools} />
        </Part>
      )}
      {brique.means && (
        <Part title="Moyens mis en œuvre">
          <Items items={brique.means} />
        </Part>
      )}
      {brique.housingTypes && (
        <Part title="Types de logements concernés">
          <Paragraphs items={brique.housingTypes} />
        </Part>
      )}
    </Stack>
  );
}
