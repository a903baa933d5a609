import { briqueName } from '../referentiel/index.ts';
import type { MeasureFields } from '../../shared/access/measure-policy.ts';
import { formatFileNumber } from '../../shared/contracts/households.ts';
import {
  MEASURE_EVENT_LABELS,
  MEASURE_ORIENTATION_LABELS,
  type MeasureEventKind,
  type TMeasure,
} from '../../shared/contracts/measures.ts';
import type { eventsOf, MeasureRecord } from './measures.repository.ts';

type EventRecord = Awaited<ReturnType<typeof eventsOf>>[number];

/** The next step recorded at the end, in words (« Veille sociale, 24 mois »). */
function orientationDetail(r: MeasureRecord): string | null {
  const m = r.measure;
  if (!m.orientation) return null;
  const label = MEASURE_ORIENTATION_LABELS[m.orientation];
  if (m.orientation === 'watch' && m.watchMonths) return `${label}, ${m.watchMonths} mois`;
  if (m.orientation === 'relay' && r.relayName) return `${label} : ${r.relayName}`;
  return label;
}

/**
 * A measure with the fields its reader may see (see measure-policy: criteria are the référent's,
 * the timeline and a refusal's reason the parties'); `canAct` says whether the reader may move it on.
 */
export function presentMeasure(
  r: MeasureRecord,
  fields: MeasureFields,
  canAct: boolean,
  events?: EventRecord[],
): TMeasure {
  const m = r.measure;
  const own = events?.filter((e) => e.measureId === m.id) ?? [];
  return {
    id: m.id,
    householdId: m.householdId,
    fileLabel: formatFileNumber(r.fileNumber),
    schemeId: m.schemeId,
    schemeName: r.schemeName,
    schemeKind: r.schemeKind,
    funderName: r.funderName,
    schemeVersionFrom: r.versionFrom,
    rules: r.rules,
    status: m.status,
    briques: m.briques.map((code) => ({ code, label: briqueName(m.referentielVersion, code) })),
    visitsPerMonth: m.visitsPerMonth,
    occupancy: m.occupancy,
    operatorOrganisationId: m.operatorOrganisationId,
    operatorName: r.operatorName,
    caseworkerUserId: m.caseworkerUserId,
    caseworkerName: r.caseworkerName,
    initialMonths: m.initialMonths,
    prescribedOn: m.prescribedOn,
    ...(fields.criteria ? { criteriaMet: m.criteriaMet } : {}),
    stateValidationReference: m.stateValidationReference,
    prescription: own.find((e) => e.kind === 'prescribed')?.detail ?? null,
    decidedOn: m.decidedOn,
    refusalReason: fields.refusalReason ? m.refusalReason : null,
    startOn: m.startOn,
    plannedEndOn: m.plannedEndOn,
    renewals: m.renewals,
    totalMonths: m.totalMonths,
    endedOn: m.endedOn,
    endReason: m.endReason,
    orientation: m.orientation,
    orientationDetail: orientationDetail(r),
    reopenedFromMeasureId: m.reopenedFromMeasureId,
    reopenReason: fields.timeline ? m.reopenReason : null,
    reopenedByMeasureId: r.reopenedByMeasureId,
    canAct,
    rowVersion: m.rowVersion,
    ...(fields.timeline && events
      ? {
          events: own.map((e) => ({
            at: e.at.toISOString(),
            label: MEASURE_EVENT_LABELS[e.kind as MeasureEventKind] ?? 'Étape de la mesure',
            detail: e.detail,
            byName: e.byName,
            byOrganisationName: e.byOrganisationName,
          })),
        }
      : {}),
  };
}
