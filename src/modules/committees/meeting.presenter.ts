import {
  ITEM_KIND_LABELS,
  type TAgendaSuggestion,
  type TMeetingItem,
} from '../../shared/contracts/committees.ts';
import { MEASURE_STATUS_LABELS } from '../../shared/contracts/measures.ts';
import { REFERRAL_KIND_LABELS } from '../../shared/contracts/referral-enums.ts';
import { formatFileNumber } from '../../shared/contracts/households.ts';
import { formatDate } from '../../shared/format.ts';
import type { ItemRecord, waitingFor } from './committees.repository.ts';

/**
 * An item as a member reads it: every member knows which file is discussed; the title (which may
 * say more) and the links into the file only reach the household's parties and the coordinators;
 * the diagnostic only in the committee version shared with the reader's organisation.
 */
export function presentItem(
  r: ItemRecord,
  readerConvenes: boolean,
  readerOrganisationId: string,
): TMeetingItem {
  const seesDetail = r.party || readerConvenes;
  const d = r.decision;
  return {
    id: r.item.id,
    kind: r.item.kind,
    fileLabel: formatFileNumber(r.fileNumber),
    title: seesDetail ? r.item.title : ITEM_KIND_LABELS[r.item.kind],
    householdId: r.party ? r.item.householdId : null,
    committeeDiagnosticId: r.committeeShare ? r.item.referenceId : null,
    measure:
      r.measureSchemeName && r.measureStatus && r.measureSchemeId && r.measureOperatorId && r.item.referenceId
        ? {
            id: r.item.referenceId,
            schemeId: r.measureSchemeId,
            schemeName: r.measureSchemeName,
            operatorOrganisationId: r.measureOperatorId,
            status: MEASURE_STATUS_LABELS[r.measureStatus],
            proposed: r.measureStatus === 'proposed',
            plannedEndOn: r.measurePlannedEndOn,
          }
        : null,
    addedByOrganisationName: r.addedByName,
    canSetPresence: readerConvenes || r.item.addedByOrganisationId === readerOrganisationId,
    householdPresence: r.item.householdPresence,
    decision: d
      ? {
          outcome: d.outcome,
          decidedOn: d.decidedOn,
          summary: d.summary,
          reason: seesDetail ? d.reason : null,
          measureId: r.party ? d.measureId : null,
        }
      : null,
  };
}

type Waiting = Awaited<ReturnType<typeof waitingFor>>;

/** What waits, as agenda suggestions in words; a measure past its planned end is proposed for closing. */
export function presentSuggestions(w: Waiting, meetingDay: string): TAgendaSuggestion[] {
  return [
    ...w.referrals.map((r) => ({
      kind: 'referral' as const,
      householdId: r.householdId,
      fileLabel: formatFileNumber(r.fileNumber),
      title: `Saisine acceptée — ${REFERRAL_KIND_LABELS[r.kind].toLowerCase()}`,
      referenceId: r.id,
    })),
    ...w.diagnostics.map((d) => ({
      kind: 'diagnostic' as const,
      householdId: d.householdId,
      fileLabel: formatFileNumber(d.fileNumber),
      title: 'Diagnostic approuvé par le ménage',
      referenceId: d.id,
    })),
    ...w.measures.map((m) => ({
      kind:
        m.status === 'active' && m.plannedEndOn! < meetingDay
          ? ('measure_closing' as const)
          : ('measure_review' as const),
      householdId: m.householdId,
      fileLabel: formatFileNumber(m.fileNumber),
      title:
        m.status === 'proposed'
          ? `Mesure proposée : ${m.schemeName}`
          : m.plannedEndOn! < meetingDay
            ? `${m.schemeName} : fin prévue le ${formatDate(m.plannedEndOn)}, dépassée — à clore`
            : `${m.schemeName} : fin prévue le ${formatDate(m.plannedEndOn)}`,
      referenceId: m.id,
    })),
  ];
}
