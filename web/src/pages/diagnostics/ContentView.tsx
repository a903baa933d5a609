import type { ReactNode } from 'react';
import { Badge, List, Stack, Text, Title } from '@mantine/core';
import {
  DIAGNOSTIC_SECTION_LABELS,
  DIAGNOSTIC_SECTIONS,
  SECTION_VOICE_LABELS,
  type DiagnosticSection,
  type TDiagnosticContent,
  type TSectionAuthor,
  type TSectionAuthorship,
} from '@shared/contracts/diagnostics.ts';
import {
  DIAGNOSTIC_LIST_ROW_LABELS,
  diagnosticFieldLabel,
  formatDiagnosticValue,
} from '@shared/diagnostics/field-labels.ts';
import { formatDateTime } from '@shared/format.ts';
import { Facts } from '../households/Facts.tsx';

type Scalar = string | number | boolean;
const isScalar = (v: unknown): v is Scalar =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/** "Rédigé par l’association — Marie Durand (Asso), le 05/03/2026 10:00". */
export function SectionAuthor({ author }: { author: TSectionAuthor | undefined }) {
  if (!author) return null;
  return (
    <Text size="sm" c="dimmed">
      <Badge
        variant="light"
        color={author.voice === 'household' ? 'grape' : 'gray'}
        radius="sm"
        tt="none"
        mr={6}
      >
        {SECTION_VOICE_LABELS[author.voice]}
      </Badge>
      {author.userName} ({author.organisationName}), le {formatDateTime(author.writtenAt)}
    </Text>
  );
}

function rowsOf(listPath: string, rows: unknown[]): ReactNode {
  const rowLabel = DIAGNOSTIC_LIST_ROW_LABELS[listPath] ?? 'Élément';
  return (
    <List spacing="xs">
      {rows.map((row, i) => (
        <List.Item key={i}>
          <Text fw={600} size="sm">
            {rowLabel} {i + 1}
          </Text>
          {row && typeof row === 'object' ? (
            <Facts items={factsOf(`${listPath}[]`, row as Record<string, unknown>)} />
          ) : null}
        </List.Item>
      ))}
    </List>
  );
}

function factsOf(prefix: string, value: Record<string, unknown>) {
  return Object.entries(value)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => {
      const path = `${prefix}.${k}`;
      return {
        label: diagnosticFieldLabel(path),
        value: isScalar(v) ? formatDiagnosticValue(path, v) : Array.isArray(v) ? rowsOf(path, v) : '—',
      };
    });
}

/**
 * The diagnostic's content, read-only, section by section (frozen versions, partner versions,
 * previews, or the local copy kept after a conflict).
 */
export function ContentView({
  content,
  authorship,
  headingOrder = 3,
}: {
  content: TDiagnosticContent;
  authorship?: TSectionAuthorship;
  headingOrder?: 3 | 4;
}) {
  const sections = DIAGNOSTIC_SECTIONS.filter((s) => {
    const v = content[s];
    return v !== undefined && (!Array.isArray(v) || v.length > 0);
  });
  if (sections.length === 0) return <Text c="dimmed">Aucune information renseignée.</Text>;
  return (
    <Stack gap="lg">
      {sections.map((s: DiagnosticSection) => {
        const v = content[s] as unknown;
        return (
          <Stack key={s} gap="xs">
            <Title order={headingOrder} size="h5">
              {DIAGNOSTIC_SECTION_LABELS[s]}
            </Title>
            <SectionAuthor author={authorship?.[s]} />
            {Array.isArray(v) ? rowsOf(s, v) : <Facts items={factsOf(s, v as Record<string, unknown>)} />}
          </Stack>
        );
      })}
    </Stack>
  );
}
