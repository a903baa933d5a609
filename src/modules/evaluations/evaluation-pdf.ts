import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { PDF_STYLE, renderPdf } from '../../kernel/pdf.ts';
import {
  CAPACITY_CRITERIA,
  CAPACITY_CRITERION_KEYS,
  CAPACITY_SCALE,
  type TCapacityScores,
} from '../../shared/contracts/diagnostics.ts';
import {
  EVALUATION_AUDIENCE_LABELS,
  EVALUATION_KIND_LABELS,
  EVALUATION_NEXT_STEP_LABELS,
  OBJECTIVE_OUTCOME_LABELS,
  type EvaluationKind,
  type ObjectiveOutcome,
  type TAxisChange,
  type TEvaluationContent,
  type TPartnerEvaluation,
} from '../../shared/contracts/evaluations.ts';
import { axisChanges, changeInWords } from '../../shared/evaluations/evaluation.ts';
import { formatDate } from '../../shared/format.ts';
import type { EvaluationSignatureRecord } from './schema.ts';

/** The caseworker's full evaluation, or one partner version exactly as derived or shared. */
export type EvaluationPdfInput = {
  fileLabel: string;
  measureName: string;
  generatedAt: Date;
} & (
  | {
      version: 'full';
      kind: EvaluationKind;
      periodStart: string;
      periodEnd: string;
      content: TEvaluationContent;
      baseline: TCapacityScores | null;
      relayName: string | null;
      signature: EvaluationSignatureRecord | null;
    }
  | { version: 'partner'; partner: TPartnerEvaluation }
);

const table = (body: Content[][], widths: (number | string)[] = [190, '*']): Content => ({
  table: { widths, body },
  layout: 'lightHorizontalLines',
  margin: [0, 2, 0, 8],
});
const outcome = (o: ObjectiveOutcome | null) => (o ? OBJECTIVE_OUTCOME_LABELS[o] : 'Non évalué');
const score = (n: number) => n.toLocaleString('fr-FR', { maximumFractionDigits: 2 });

function axesTable(axes: readonly TAxisChange[]): Content {
  return table(
    [
      [
        { text: 'Axe', bold: true },
        { text: 'Au diagnostic', bold: true },
        { text: 'Aujourd’hui', bold: true },
        { text: 'Évolution', bold: true },
      ],
      ...axes.map((a): Content[] => [
        a.label,
        a.before === null ? '—' : score(a.before),
        score(a.now),
        changeInWords(a.change),
      ]),
    ],
    ['*', 80, 80, 70],
  );
}

function nextStepText(
  n: { step: keyof typeof EVALUATION_NEXT_STEP_LABELS; watchMonths: number | null } | null,
  relay: string | null,
) {
  if (!n) return 'Aucune suite recommandée à ce stade.';
  const label = EVALUATION_NEXT_STEP_LABELS[n.step];
  if (n.step === 'watch' && n.watchMonths) return `${label} pendant ${n.watchMonths} mois`;
  if (n.step === 'relay' && relay) return `${label} : ${relay}`;
  return label;
}

/** The document definition, kept apart from rendering so its text can be checked in tests. */
export function evaluationPdfDefinition(input: EvaluationPdfInput): TDocumentDefinitions {
  const kind = input.version === 'full' ? input.kind : input.partner.kind;
  const start = input.version === 'full' ? input.periodStart : input.partner.periodStart;
  const end = input.version === 'full' ? input.periodEnd : input.partner.periodEnd;
  const title =
    input.version === 'full'
      ? `${EVALUATION_KIND_LABELS[kind]} — version intégrale`
      : `${EVALUATION_KIND_LABELS[kind]} — ${EVALUATION_AUDIENCE_LABELS[input.partner.audience].toLowerCase()}`;
  const body: Content[] = [
    { text: title, style: 'title' },
    {
      text: `Dossier ${input.fileLabel} · ${input.measureName} · période du ${formatDate(start)} au ${formatDate(end)} · édité le ${formatDate(input.generatedAt)}`,
      style: 'meta',
    },
  ];
  if (input.version === 'partner') {
    body.push({
      text: 'Ce document ne contient que les informations utiles à son destinataire.',
      italics: true,
      margin: [0, 0, 0, 8],
    });
    const p = input.partner;
    if (p.audience === 'landlord') {
      body.push({ text: 'Objectifs liés au logement', style: 'section' });
      body.push(
        p.objectives.length
          ? table(p.objectives.map((o): Content[] => [{ text: o.title, bold: true }, outcome(o.outcome)]))
          : { text: 'Aucun objectif du contrat ne porte sur le logement.' },
      );
    } else {
      body.push({ text: 'Objectifs du contrat', style: 'section' });
      body.push(
        table([
          [{ text: 'Objectifs évalués', bold: true }, String(p.outcomes.objectives)],
          [{ text: OBJECTIVE_OUTCOME_LABELS.reached, bold: true }, String(p.outcomes.reached)],
          [{ text: OBJECTIVE_OUTCOME_LABELS.partly, bold: true }, String(p.outcomes.partly)],
          [{ text: OBJECTIVE_OUTCOME_LABELS.not_reached, bold: true }, String(p.outcomes.not_reached)],
        ]),
      );
      if (p.axes.length) {
        body.push({ text: 'Capacité à habiter : moyennes par axe', style: 'section' });
        body.push(axesTable(p.axes));
      }
    }
    body.push({ text: 'Suite recommandée', style: 'section' });
    body.push({ text: nextStepText(p.nextStep, p.nextStep?.relayOrganisationName ?? null) });
    if (p.partnerNote) {
      body.push({ text: 'Message aux partenaires', style: 'section' });
      body.push({ text: p.partnerNote });
    }
  } else {
    const c = input.content;
    body.push({ text: 'Objectifs du contrat', style: 'section' });
    body.push(
      c.objectives.length
        ? table(
            c.objectives.map((o): Content[] => [
              { text: o.title, bold: true },
              o.comment ? `${outcome(o.outcome)} — ${o.comment}` : outcome(o.outcome),
            ]),
          )
        : { text: 'Le contrat ne fixe pas d’objectif.' },
    );
    if (c.grid) {
      const grid = c.grid;
      body.push({ text: 'Capacité à habiter', style: 'section' });
      body.push(axesTable(axisChanges(grid, input.baseline)));
      body.push(
        table(
          CAPACITY_CRITERION_KEYS.map((k): Content[] => [
            { text: CAPACITY_CRITERIA[k].label, bold: true },
            [`${grid[k].score} — ${CAPACITY_SCALE[grid[k].score]}`, grid[k].comment]
              .filter(Boolean)
              .join(' · '),
          ]),
        ),
      );
    }
    body.push({ text: 'Suite recommandée', style: 'section' });
    body.push({ text: nextStepText(c.nextStep, input.relayName) });
    if (c.partnerNote) {
      body.push({ text: 'Message aux partenaires', style: 'section' });
      body.push({ text: c.partnerNote });
    }
    if (c.notes) {
      body.push({ text: 'Notes du travailleur social', style: 'section' });
      body.push({ text: c.notes });
    }
    const s = input.signature;
    body.push({ text: 'Signature du ménage', style: 'section' });
    body.push({
      text: !s
        ? 'Pas encore signée.'
        : s.method === 'signature'
          ? `Signée sur tablette le ${formatDate(s.signedOn)}.`
          : `Nom saisi par le ménage : ${s.typedName ?? ''}, le ${formatDate(s.signedOn)}, en présence du travailleur social.`,
    });
  }
  return { info: { title, creator: 'Relais' }, content: body, ...PDF_STYLE };
}

export const renderEvaluationPdf = (input: EvaluationPdfInput): Promise<Buffer> =>
  renderPdf(evaluationPdfDefinition(input));
