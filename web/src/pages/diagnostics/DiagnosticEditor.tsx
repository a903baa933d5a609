import { useRef, useState, type ReactNode } from 'react';
import { Accordion, Alert, Button, Checkbox, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import {
  DIAGNOSTIC_SECTION_LABELS,
  type DiagnosticSection,
  type TDiagnosticDetail,
} from '@shared/contracts/diagnostics.ts';
import { missingForPresentation } from '@shared/diagnostics/completeness.ts';
import { diagnosticFieldLabel, formatDiagnosticValue } from '@shared/diagnostics/field-labels.ts';
import { formatTime } from '@shared/format.ts';
import { Facts } from '../households/Facts.tsx';
import { ContentView, SectionAuthor } from './ContentView.tsx';
import { DiagnosticProcedure } from './DiagnosticProcedure.tsx';
import { DiagnosticTasks } from './DiagnosticTasks.tsx';
import {
  CONCLUSION_SECTION,
  EDITOR_SECTIONS,
  PrefillMark,
  SectionFields,
  type EditorValues,
} from './editor-fields.tsx';
import { editableContent, useDiagnosticAutosave, type AutosaveStatus } from './use-autosave.ts';

/** Fields required before presentation (marked required; conditional ones excluded). */
const REQUIRED_PATHS: ReadonlySet<string> = new Set(Object.keys(missingForPresentation({})));

function statusText(status: AutosaveStatus, savedAt: Date | null, message: string | null): string {
  switch (status) {
    case 'idle':
      return savedAt ? `Enregistré à ${formatTime(savedAt.toISOString())}` : 'Brouillon à jour.';
    case 'pending':
      return 'Modifications en attente d’enregistrement…';
    case 'saving':
      return 'Enregistrement…';
    case 'saved':
      return `Enregistré à ${formatTime((savedAt ?? new Date()).toISOString())}`;
    case 'offline':
      return 'Hors ligne : votre saisie est gardée sur cet appareil, nouvel essai automatique.';
    case 'invalid':
      return 'Non enregistré : corrigez les champs signalés.';
    case 'conflict':
      return 'Non enregistré : le diagnostic a été modifié ailleurs.';
    case 'error':
      return `Non enregistré : ${message ?? 'erreur'}`;
  }
}

export interface EditorHandle {
  rowVersion: number;
  flush: () => Promise<void>;
  /** Puts server field errors (content.…) next to the editor's fields. */
  showErrors: (fields: Record<string, string>) => void;
}

/** The draft editor: every section in an accordion, autosaved, with who wrote each section. */
export function DiagnosticEditor({
  householdId,
  detail,
  children,
}: {
  householdId: string;
  detail: TDiagnosticDetail;
  /** The lifecycle actions, given the current rowVersion (autosave moves it on). */
  children: (handle: EditorHandle) => ReactNode;
}) {
  const [voice, setVoice] = useState<DiagnosticSection[]>(['needsAndExpectations']);
  const autosaveRef = useRef<((c: EditorValues['content']) => void) | null>(null);
  const form = useForm<EditorValues>({
    initialValues: { content: editableContent(detail.content) },
    onValuesChange: (values) => autosaveRef.current?.(values.content),
  });
  const autosave = useDiagnosticAutosave({ householdId, detail, form, voice });
  autosaveRef.current = autosave.onChange;

  const toggleVoice = (section: DiagnosticSection, on: boolean) =>
    setVoice((v) => (on ? [...new Set([...v, section])] : v.filter((s) => s !== section)));

  const sectionPanel = (key: DiagnosticSection, body: ReactNode) => (
    <Accordion.Item key={key} value={key}>
      <Accordion.Control>{DIAGNOSTIC_SECTION_LABELS[key]}</Accordion.Control>
      <Accordion.Panel>
        <Stack gap="md">
          <SectionAuthor author={detail.authorship[key]} />
          <Checkbox
            size="md"
            label="Dit par le ménage (ses propres mots)"
            checked={voice.includes(key)}
            onChange={(e) => toggleVoice(key, e.currentTarget.checked)}
          />
          {body}
        </Stack>
      </Accordion.Panel>
    </Accordion.Item>
  );

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Text
          role="status"
          aria-live="polite"
          size="sm"
          c={['invalid', 'conflict', 'error'].includes(autosave.status) ? 'red.8' : 'dimmed'}
          fw={500}
        >
          {statusText(autosave.status, autosave.savedAt, autosave.message)}
        </Text>
        <Button
          variant="default"
          onClick={() => void autosave.flush()}
          loading={autosave.status === 'saving'}
        >
          Enregistrer maintenant
        </Button>
      </Group>
      {autosave.status === 'conflict' && (
        <Alert color="orange" role="alert" title="Diagnostic modifié ailleurs">
          <Stack gap="sm" align="flex-start">
            <Text size="sm">
              Quelqu’un (ou vous, sur un autre appareil) a enregistré ce diagnostic entre-temps. Vos dernières
              saisies n’ont pas été envoyées pour ne rien écraser. Rechargez la version du serveur : votre
              saisie restera affichée ci-dessous pour que vous puissiez la recopier.
            </Text>
            <Button color="orange" onClick={() => void autosave.reloadFromServer()}>
              Recharger la version du serveur
            </Button>
          </Stack>
        </Alert>
      )}
      {autosave.conflictCopy && autosave.status !== 'conflict' && (
        <Paper
          withBorder
          p="md"
          radius="md"
          bg="yellow.0"
          component="section"
          aria-label="Votre saisie locale"
        >
          <Stack gap="sm">
            <Text fw={600}>Votre saisie locale non enregistrée (à recopier si besoin)</Text>
            <ContentView content={autosave.conflictCopy} headingOrder={4} />
            <Group>
              <Button variant="default" onClick={autosave.dismissConflictCopy}>
                Masquer ma saisie locale
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
      <Accordion multiple variant="separated" order={3} defaultValue={['familySituation']}>
        {EDITOR_SECTIONS.map((s) =>
          sectionPanel(
            s.key,
            <>
              <SectionFields form={form} section={s} required={REQUIRED_PATHS} prefilled={detail.prefilled} />
              {s.key === 'housingHistory' && (
                <DiagnosticProcedure householdId={householdId} detail={detail} editable />
              )}
            </>,
          ),
        )}
        {/* The household's tasks, not content: written at once, with no voice or draft of their own. */}
        <Accordion.Item value="urgentActions">
          <Accordion.Control>Actions urgentes</Accordion.Control>
          <Accordion.Panel>
            <DiagnosticTasks householdId={householdId} diagnosticId={detail.id} />
          </Accordion.Panel>
        </Accordion.Item>
        {detail.content.budgetSummary && (
          <Accordion.Item value="budgetSummary">
            <Accordion.Control>{DIAGNOSTIC_SECTION_LABELS.budgetSummary}</Accordion.Control>
            <Accordion.Panel>
              <BudgetSummary detail={detail} />
            </Accordion.Panel>
          </Accordion.Item>
        )}
        {sectionPanel(
          'needsAndExpectations',
          <Textarea
            label="Besoins et attentes, avec les mots du ménage"
            required
            autosize
            minRows={4}
            {...form.getInputProps('content.needsAndExpectations.inHouseholdWords')}
            value={form.getValues().content.needsAndExpectations?.inHouseholdWords ?? ''}
          />,
        )}
        {sectionPanel(
          'conclusion',
          <SectionFields form={form} section={CONCLUSION_SECTION} required={REQUIRED_PATHS} />,
        )}
      </Accordion>
      {children({
        rowVersion: autosave.rowVersion,
        flush: autosave.flush,
        showErrors: (fields) => form.setErrors(fields),
      })}
    </Stack>
  );
}

/** The budget's figures, as the diagnostic quotes them (read-only: the budget tab computes them). */
function BudgetSummary({ detail }: { detail: TDiagnosticDetail }) {
  const summary = detail.content.budgetSummary ?? {};
  return (
    <Facts
      items={Object.entries(summary).map(([key, value]) => {
        const path = `budgetSummary.${key}`;
        const mark = detail.prefilled[path];
        return {
          label: diagnosticFieldLabel(path),
          value: (
            <>
              {formatDiagnosticValue(path, value)} {mark && <PrefillMark source={mark} />}
            </>
          ),
        };
      })}
    />
  );
}
