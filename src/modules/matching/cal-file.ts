import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { PDF_STYLE, renderPdf } from '../../kernel/pdf.ts';
import type { TBudgetEvaluation } from '../../shared/contracts/budget.ts';
import {
  PROPOSAL_ANSWER_LABELS,
  PROPOSED_OCCUPANCY_LABELS,
  REFUSAL_REASON_LABELS,
  type ProposalAnswer,
  type ProposedOccupancy,
  type RefusalReason,
} from '../../shared/contracts/designations.ts';
import type { TPartnerVersion } from '../../shared/contracts/diagnostics.ts';
import {
  RELATIONSHIP_LABELS,
  TYPOLOGY_LABELS,
  type Relationship,
  type Typology,
} from '../../shared/contracts/household-enums.ts';
import {
  DWELLING_ACCESSIBILITY_LABELS,
  DWELLING_FINANCING_LABELS,
  type DwellingAccessibility,
  type DwellingFinancing,
} from '../../shared/contracts/housing-stock.ts';
import type { TCandidateExplanation } from '../../shared/contracts/matching.ts';
import {
  MEASURE_STATUS_LABELS,
  SCHEME_KIND_LABELS,
  type MeasureStatus,
  type SchemeKind,
} from '../../shared/contracts/measures.ts';
import { CONTRACT_STATUS_LABELS, type ContractStatus } from '../../shared/contracts/support-contracts.ts';
import { RESERVATION_CHANNEL_LABELS, type ReservationChannel } from '../../shared/contracts/vacancies.ts';
import { formatCents, formatDate, formatDateTime } from '../../shared/format.ts';
import type { OfferedDwellingBudget } from '../budget/index.ts';
import { diagnosticBlocks } from '../diagnostics/index.ts';

/** Everything a CAL file states, loaded by cal-file-facts.ts; the document is a pure function of it. */
export interface CalFileFacts {
  fileLabel: string;
  generatedAt: Date;
  dwelling: {
    address: string;
    commune: string | null;
    postcode: string | null;
    typology: Typology | null;
    surfaceM2: number | null;
    floor: number | null;
    lift: boolean | null;
    accessibility: DwellingAccessibility | null;
    financing: DwellingFinancing | null;
    landlordName: string;
    channel: ReservationChannel;
    monthlyRentCents: number;
    monthlyChargesCents: number;
  };
  proposal: {
    rank: number;
    designatedOn: string;
    designatedBy: string;
    notifiedOn: string;
    answerDue: string;
    answer: ProposalAnswer | null;
    answeredOn: string | null;
    answerReason: RefusalReason | null;
    occupancy: ProposedOccupancy;
  };
  /** The household's members, by role and age (their names are in the landlord's summary too). */
  members: { firstName: string; lastName: string; relationship: Relationship; age: number | null }[];
  /** The landlord version of the diagnostic the household approved, null without one. */
  diagnostic: { version: number; approvedOn: string; partner: TPartnerVersion } | null;
  budget: OfferedDwellingBudget;
  /** The measure in force or decided, with its contract's latest version; null without one. */
  support: {
    schemeName: string;
    schemeKind: SchemeKind;
    operatorName: string;
    status: MeasureStatus;
    months: number;
    startOn: string | null;
    plannedEndOn: string | null;
    contract: { number: number; status: ContractStatus } | null;
  } | null;
  explanation: TCandidateExplanation;
}

const table = (body: Content[][], widths: (number | string)[] = [170, '*']): Content => ({
  table: { widths, body },
  layout: 'lightHorizontalLines',
  margin: [0, 2, 0, 8],
});
const row = (label: string, value: string): Content[] => [{ text: label, bold: true }, value];
const section = (text: string): Content => ({ text, style: 'section' });
const decimal = (n: number) => n.toLocaleString('fr-FR', { maximumFractionDigits: 1 });
const percent = (n: number) => `${decimal(n)} %`;

const floorText = (floor: number | null, lift: boolean | null) => {
  const level =
    floor === null ? null : floor === 0 ? 'Rez-de-chaussée' : `${floor}${floor === 1 ? 'er' : 'e'} étage`;
  const withLift = lift === null ? null : lift ? 'avec ascenseur' : 'sans ascenseur';
  return [level, withLift].filter(Boolean).join(', ') || 'Non renseigné';
};

function dwellingBlock(d: CalFileFacts['dwelling']): Content[] {
  const where = [d.postcode, d.commune].filter(Boolean).join(' ');
  return [
    section('Le logement proposé'),
    table([
      row('Adresse', where ? `${d.address}, ${where}` : d.address),
      row('Bailleur', d.landlordName),
      row('Typologie', d.typology ? TYPOLOGY_LABELS[d.typology] : 'Non renseignée'),
      row('Surface habitable', d.surfaceM2 === null ? 'Non renseignée' : `${decimal(d.surfaceM2)} m²`),
      row('Étage', floorText(d.floor, d.lift)),
      row(
        'Accessibilité',
        d.accessibility ? DWELLING_ACCESSIBILITY_LABELS[d.accessibility] : 'Non renseignée',
      ),
      row('Financement', d.financing ? DWELLING_FINANCING_LABELS[d.financing] : 'Non renseigné'),
      row('Loyer annoncé', `${formatCents(d.monthlyRentCents)} par mois`),
      row('Charges annoncées', `${formatCents(d.monthlyChargesCents)} par mois`),
      row('Contingent', RESERVATION_CHANNEL_LABELS[d.channel]),
    ]),
  ];
}

function proposalBlock(p: CalFileFacts['proposal']): Content[] {
  const answer = !p.answer
    ? `En attente (réponse attendue au plus tard le ${formatDate(p.answerDue)})`
    : [
        PROPOSAL_ANSWER_LABELS[p.answer],
        p.answeredOn && `le ${formatDate(p.answeredOn)}`,
        p.answerReason && `motif : ${REFUSAL_REASON_LABELS[p.answerReason].toLowerCase()}`,
      ]
        .filter(Boolean)
        .join(', ');
  return [
    section('La proposition'),
    table([
      row('Rang du candidat', String(p.rank)),
      row('Désignation', `le ${formatDate(p.designatedOn)}, par ${p.designatedBy}`),
      row('Proposition notifiée au ménage', `le ${formatDate(p.notifiedOn)}`),
      row(
        'Délai de réponse du ménage',
        `jusqu’au ${formatDate(p.answerDue)} (dix jours au moins ; sans réponse dans le délai, la proposition est réputée refusée)`,
      ),
      row('Réponse du ménage', answer),
    ]),
  ];
}

function householdBlock(members: CalFileFacts['members']): Content[] {
  return [
    section('Composition du ménage'),
    members.length
      ? table(
          members.map((m): Content[] =>
            row(
              RELATIONSHIP_LABELS[m.relationship],
              `${m.firstName} ${m.lastName}${m.age === null ? ' (âge non renseigné)' : `, ${m.age} an${m.age > 1 ? 's' : ''}`}`,
            ),
          ),
        )
      : { text: 'Aucune personne renseignée.' },
  ];
}

function diagnosticBlock(d: CalFileFacts['diagnostic']): Content[] {
  if (!d)
    return [
      section('Diagnostic partagé'),
      {
        text: 'Le ménage n’a pas encore approuvé de diagnostic : ce dossier ne comporte pas de diagnostic partagé.',
      },
    ];
  return [
    section('Diagnostic partagé'),
    {
      text: `Version ${d.version} approuvée par le ménage le ${formatDate(d.approvedOn)}, dans sa version destinée au bailleur.`,
      style: 'meta',
    },
    ...diagnosticBlocks({
      content: d.partner.content,
      evictionSteps: d.partner.evictionSteps,
      capacity: d.partner.capacity,
    }),
  ];
}

const effortText = (e: TBudgetEvaluation) =>
  e.effortRate.percent === null ? (e.effortRate.reason ?? 'Non calculable') : percent(e.effortRate.percent);
const ravText = (cents: number | null, e: TBudgetEvaluation) =>
  cents === null ? (e.resteAVivre.reason ?? 'Non calculable') : formatCents(cents);

function budgetBlock(b: OfferedDwellingBudget): Content[] {
  const { withAid: w, withoutAid: wo } = b;
  const both = (label: string, f: (e: TBudgetEvaluation) => string): Content[] => [
    { text: label, bold: true },
    f(w),
    f(wo),
  ];
  return [
    section('Budget du ménage dans ce logement'),
    { text: `Calculé le ${formatDate(b.date)} : ${b.convention.origin}.`, style: 'meta' },
    table([
      ...b.resources.map((r) => row(r.label, `${formatCents(r.monthlyCents)} par mois`)),
      row('Ressources mensuelles (hors aide au logement)', formatCents(b.resourcesCents)),
    ]),
    table(
      [
        [
          '',
          { text: 'Avec l’aide au logement estimée', bold: true },
          { text: 'Sans aide au logement', bold: true },
        ],
        both('Loyer', (e) => formatCents(e.rentCents)),
        both('Charges', (e) => formatCents(e.charges.monthlyCents)),
        both('Aide au logement', (e) => formatCents(e.housingBenefit.monthlyCents)),
        both('Coût du logement pour le ménage', (e) => formatCents(e.effortRate.housingCostCents)),
        both('Taux d’effort', effortText),
        both('Reste à vivre par mois', (e) => ravText(e.resteAVivre.monthlyCents, e)),
        both('Reste à vivre par unité de consommation et par jour', (e) =>
          ravText(e.resteAVivre.perUnitPerDayCents, e),
        ),
        both('Reste à vivre par personne et par jour', (e) => ravText(e.resteAVivre.perPersonPerDayCents, e)),
      ],
      [170, '*', '*'],
    ),
    {
      text: [
        `Aide au logement : ${w.housingBenefit.note} `,
        `Taux d’effort : ${w.effortRate.formula} (arrêté du 10 mars 2011, CCH R441-3-1). `,
        `Seuils de la convention : taux d’effort de ${percent(b.convention.effortRateThresholdPercent)}, reste à vivre de ${formatCents(b.convention.resteAVivreThresholdCents)} par unité de consommation et par jour.`,
      ],
      style: 'meta',
    },
  ];
}

function supportBlock(s: CalFileFacts['support']): Content[] {
  if (!s)
    return [
      section('Accompagnement proposé'),
      { text: 'Aucune mesure d’accompagnement n’est décidée ni en cours pour ce ménage.' },
    ];
  const period =
    s.startOn && s.plannedEndOn
      ? `du ${formatDate(s.startOn)} au ${formatDate(s.plannedEndOn)}`
      : s.plannedEndOn
        ? `jusqu’au ${formatDate(s.plannedEndOn)}`
        : null;
  return [
    section('Accompagnement proposé'),
    table([
      row('Mesure', `${s.schemeName} (${SCHEME_KIND_LABELS[s.schemeKind].toLowerCase()})`),
      row('Association qui la conduit', s.operatorName),
      row('État de la mesure', MEASURE_STATUS_LABELS[s.status]),
      row('Durée', [`${s.months} mois`, period].filter(Boolean).join(', ')),
      row(
        'Contrat d’accompagnement',
        s.contract
          ? `version ${s.contract.number} : ${CONTRACT_STATUS_LABELS[s.contract.status].toLowerCase()}`
          : 'pas encore rédigé',
      ),
    ]),
  ];
}

/** What each occupancy means for the commission (allocation-rules.md §5). */
const OCCUPANCY_NOTES: Record<ProposedOccupancy, string | null> = {
  direct_lease: null,
  bail_glissant:
    'La commission attribue le logement à l’association, qui le sous-loue au ménage ; le bail glisse au nom du ménage quand l’examen contradictoire prévu par l’article L442-8-3 du CCH établit qu’il peut l’assumer.',
  sublease:
    'La commission attribue le logement à l’association, qui le sous-loue au ménage pendant l’accompagnement.',
};

function occupancyBlock(o: ProposedOccupancy): Content[] {
  const note = OCCUPANCY_NOTES[o];
  return [
    section('Occupation proposée'),
    { text: PROPOSED_OCCUPANCY_LABELS[o], bold: true },
    ...(note ? [{ text: note, margin: [0, 2, 0, 0] } as Content] : []),
  ];
}

function explanationBlock(x: TCandidateExplanation): Content[] {
  return [
    section('Critères du rapprochement'),
    {
      text:
        x.policyVersion === 0
          ? 'Classement selon la politique de rapprochement par défaut.'
          : `Classement selon la politique de rapprochement du territoire, version ${x.policyVersion}.`,
      style: 'meta',
    },
    { text: 'Conditions vérifiées', bold: true, margin: [0, 4, 0, 0] },
    table(
      x.filters.map((f): Content[] => [
        { text: f.label, bold: true },
        `${f.passed ? 'Remplie' : 'Non remplie'} : ${f.detail}`,
        { text: f.reference, style: 'meta' },
      ]),
      [150, '*', 110],
    ),
    { text: `Points du classement : ${x.points}`, bold: true, margin: [0, 4, 0, 0] },
    table(
      x.signals.map((s): Content[] => [
        { text: s.label, bold: true },
        `${s.value} — ${s.weight}`,
        `${s.points} point${Math.abs(s.points) > 1 ? 's' : ''}`,
        { text: s.reference, style: 'meta' },
      ]),
      [130, '*', 50, 90],
    ),
  ];
}

export const CAL_FILE_CONFIDENTIALITY =
  'Document confidentiel : transmis au bailleur pour la seule instruction de la candidature par la commission d’attribution ; ne pas diffuser ni conserver au-delà de cet usage.';

/** The document definition, kept apart from rendering so its text can be checked in tests. */
export function calFileDefinition(facts: CalFileFacts): TDocumentDefinitions {
  const title = 'Dossier de candidature pour la commission d’attribution';
  const d = facts.dwelling;
  return {
    info: { title, creator: 'Relais' },
    content: [
      { text: title, style: 'title' },
      {
        text: `Dossier ${facts.fileLabel} · ${d.typology ? `${TYPOLOGY_LABELS[d.typology]} · ` : ''}${d.address}${d.commune ? `, ${d.commune}` : ''} · édité le ${formatDate(facts.generatedAt)}`,
        style: 'meta',
      },
      ...dwellingBlock(d),
      ...proposalBlock(facts.proposal),
      ...occupancyBlock(facts.proposal.occupancy),
      ...householdBlock(facts.members),
      ...budgetBlock(facts.budget),
      ...supportBlock(facts.support),
      ...diagnosticBlock(facts.diagnostic),
      ...explanationBlock(facts.explanation),
    ],
    pageMargins: [40, 40, 40, 56],
    footer: {
      text: `${CAL_FILE_CONFIDENTIALITY} Édité le ${formatDateTime(facts.generatedAt)} (heure de Paris).`,
      fontSize: 7,
      color: '#555555',
      margin: [40, 8, 40, 0],
    },
    ...PDF_STYLE,
  };
}

export const renderCalFile = (facts: CalFileFacts): Promise<Buffer> => renderPdf(calFileDefinition(facts));
