import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import {
  CAPACITY_AXES,
  CAPACITY_AXIS_LABELS,
  CAPACITY_CRITERIA,
  CAPACITY_CRITERION_KEYS,
  CAPACITY_SCALE,
  DIAGNOSTIC_SECTIONS,
  DIAGNOSTIC_SECTION_LABELS,
  DIAGNOSTIC_STATUS_LABELS,
  PARTNER_AUDIENCE_LABELS,
  PRESENTATION_METHOD_LABELS,
  READINESS_OPINION_LABELS,
  SECTION_VOICE_LABELS,
  type DiagnosticStatus,
  type PartnerAudience,
  type TDiagnosticContent,
  type TPartnerCapacity,
  type TSectionAuthorship,
} from '../../shared/contracts/diagnostics.ts';
import {
  DIAGNOSTIC_LIST_ROW_LABELS,
  diagnosticFieldLabel,
  formatDiagnosticValue,
} from '../../shared/diagnostics/field-labels.ts';
import { EVICTION_STEP_LABELS, type EvictionStep } from '../../shared/contracts/household-enums.ts';
import { formatDate } from '../../shared/format.ts';
import { PDF_STYLE, renderPdf } from '../../kernel/pdf.ts';
import type { ApprovalRecord, DisagreementRecord, PresentationRecord } from './schema.ts';

export interface DiagnosticPdfInput {
  /** household = the full text for the household and its caseworker; else a partner version. */
  version: 'household' | PartnerAudience;
  fileLabel: string;
  diagnosticVersion: number;
  status: DiagnosticStatus;
  content: TDiagnosticContent;
  capacity: TPartnerCapacity | null;
  /** The eviction procedure's steps the diagnostic shows (notes only in the household version). */
  evictionSteps: readonly { step: EvictionStep; occurredOn: string; note?: string | null }[];
  /** Only for the household version. */
  record?: {
    authorship: TSectionAuthorship;
    presentation: PresentationRecord | null;
    approval: ApprovalRecord | null;
    disagreement: DisagreementRecord | null;
  };
  generatedAt: Date;
}

const isLeaf = (v: unknown): v is string | number | boolean =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/** Rows "label | value" of one object, rows of lists flattened as "label : value · …". */
function fieldRows(value: Record<string, unknown>, prefix: string): Content[][] {
  const rows: Content[][] = [];
  for (const [key, child] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (isLeaf(child))
      rows.push([{ text: diagnosticFieldLabel(path), bold: true }, formatDiagnosticValue(path, child)]);
    else if (Array.isArray(child)) rows.push(...listRows(child, path));
  }
  return rows;
}

function listRows(items: unknown[], path: string): Content[][] {
  const title = DIAGNOSTIC_LIST_ROW_LABELS[path] ?? 'Élément';
  return items.map((item, i) => {
    const parts = Object.entries(item as Record<string, unknown>)
      .filter(([, v]) => isLeaf(v))
      .map(
        ([k, v]) =>
          `${diagnosticFieldLabel(`${path}[].${k}`)} : ${formatDiagnosticValue(`${path}[].${k}`, v as string)}`,
      );
    return [{ text: `${title} ${i + 1}`, bold: true }, parts.join(' · ')];
  });
}

const table = (body: Content[][]): Content => ({
  table: { widths: [170, '*'], body },
  layout: 'lightHorizontalLines',
  margin: [0, 2, 0, 8],
});

function sectionContent(section: (typeof DIAGNOSTIC_SECTIONS)[number], value: unknown): Content[][] {
  if (Array.isArray(value)) return listRows(value, section);
  if (value && typeof value === 'object') return fieldRows(value as Record<string, unknown>, section);
  return [];
}

/**
 * The diagnostic's sections, eviction steps and capacity grid as PDF blocks (with each section's
 * author when given): the diagnostic's own PDF and the documents that carry a version of it (the CAL file).
 */
export function diagnosticBlocks(input: {
  content: TDiagnosticContent;
  evictionSteps: DiagnosticPdfInput['evictionSteps'];
  capacity: TPartnerCapacity | null;
  authorship?: TSectionAuthorship;
}): Content[] {
  const body: Content[] = [];
  for (const section of DIAGNOSTIC_SECTIONS) {
    const rows = sectionContent(section, input.content[section]);
    if (rows.length === 0) continue;
    body.push({ text: DIAGNOSTIC_SECTION_LABELS[section], style: 'section' });
    const author = input.authorship?.[section];
    if (author) {
      body.push({
        text: `${SECTION_VOICE_LABELS[author.voice]} — ${author.userName} (${author.organisationName}), le ${formatDate(author.writtenAt)}`,
        style: 'meta',
      });
    }
    body.push(table(rows));
  }
  if (input.evictionSteps.length > 0) {
    body.push({ text: 'Procédure d’expulsion', style: 'section' });
    body.push(
      table(
        input.evictionSteps.map((s): Content[] => [
          { text: formatDate(s.occurredOn), bold: true },
          s.note ? `${EVICTION_STEP_LABELS[s.step]} — ${s.note}` : EVICTION_STEP_LABELS[s.step],
        ]),
      ),
    );
  }
  if (input.capacity) {
    const c = input.capacity;
    body.push({ text: `Capacité à habiter (évaluée le ${formatDate(c.assessedOn)})`, style: 'section' });
    body.push(
      table([
        ...CAPACITY_CRITERION_KEYS.map((k): Content[] => [
          {
            text: `${CAPACITY_AXIS_LABELS[CAPACITY_CRITERIA[k].axis]} — ${CAPACITY_CRITERIA[k].label}`,
            bold: true,
          },
          `${c.scores[k]} — ${CAPACITY_SCALE[c.scores[k]]}`,
        ]),
        ...CAPACITY_AXES.map((a): Content[] => [
          { text: `Moyenne : ${CAPACITY_AXIS_LABELS[a]}`, bold: true },
          String(c.axisAverages[a]),
        ]),
        [{ text: 'Avis', bold: true }, READINESS_OPINION_LABELS[c.opinion]],
      ]),
    );
  }
  return body;
}

/** The document definition, kept apart from rendering so its text can be checked in tests. */
export function diagnosticPdfDefinition(input: DiagnosticPdfInput): TDocumentDefinitions {
  const title =
    input.version === 'household'
      ? 'Diagnostic logement — version intégrale'
      : `Diagnostic logement partagé — ${PARTNER_AUDIENCE_LABELS[input.version].toLowerCase()}`;
  const body: Content[] = [
    { text: title, style: 'title' },
    {
      text: `Dossier ${input.fileLabel} · version ${input.diagnosticVersion} · ${DIAGNOSTIC_STATUS_LABELS[input.status]} · édité le ${formatDate(input.generatedAt)}`,
      style: 'meta',
    },
  ];
  if (input.version !== 'household') {
    body.push({
      text: 'Ce document ne contient que les informations utiles au projet logement, adaptées à son destinataire.',
      italics: true,
      margin: [0, 0, 0, 8],
    });
  }
  body.push(
    ...diagnosticBlocks({
      content: input.content,
      evictionSteps: input.evictionSteps,
      capacity: input.capacity,
      authorship: input.record?.authorship,
    }),
  );
  const r = input.record;
  if (r?.presentation) {
    body.push({ text: 'Explication au ménage', style: 'section' });
    body.push(
      table([
        [{ text: 'Date', bold: true }, formatDate(r.presentation.presentedOn)],
        [{ text: 'Modalité', bold: true }, PRESENTATION_METHOD_LABELS[r.presentation.method]],
        [{ text: 'Ce qui a été expliqué', bold: true }, r.presentation.explanation],
      ]),
    );
  }
  if (r?.approval) {
    body.push({ text: 'Approbation du ménage', style: 'section' });
    body.push({
      text:
        r.approval.method === 'signature'
          ? `Signé sur tablette le ${formatDate(r.approval.signedOn)}.`
          : `Nom saisi par le ménage : ${r.approval.typedName ?? ''}, le ${formatDate(r.approval.signedOn)}, en présence du travailleur social.`,
    });
  }
  if (r?.disagreement) {
    body.push({ text: 'Désaccord du ménage', style: 'section' });
    body.push({ text: `Le ${formatDate(r.disagreement.notedOn)} : « ${r.disagreement.inHouseholdWords} »` });
  }
  return {
    info: { title, creator: 'Relais' },
    content: body,
    ...PDF_STYLE,
  };
}

export async function renderDiagnosticPdf(input: DiagnosticPdfInput): Promise<Buffer> {
  return renderPdf(diagnosticPdfDefinition(input));
}
