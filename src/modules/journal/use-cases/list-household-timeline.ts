import { organisationNames } from '../../organisations/index.ts';
import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { atLeast } from '../../../shared/access/household-access.ts';
import { readableSensitivities } from '../../../shared/access/household-fields.ts';
import { measureFieldsFor } from '../../../shared/access/measure-policy.ts';
import { canReadReferral } from '../../../shared/access/referral-policy.ts';
import { CONTRACT_PARTY_LABELS } from '../../../shared/contracts/support-contracts.ts';
import { PARTNER_AUDIENCE_LABELS } from '../../../shared/contracts/diagnostics.ts';
import { MEASURE_EVENT_LABELS, type MeasureEventKind } from '../../../shared/contracts/measures.ts';
import { REFERRAL_EVENT_TYPE_LABELS, type ReferralEventType } from '../../../shared/contracts/referrals.ts';
import { REFERRAL_KIND_LABELS } from '../../../shared/contracts/referral-enums.ts';
import {
  JOURNAL_KINDS,
  type JournalKind,
  type TTimeline,
  type TTimelineQuery,
} from '../../../shared/contracts/journal.ts';
import {
  mergeTimeline,
  timelineSourcePage,
  timelineWindow,
  type TimelineCandidate,
  type TimelineSourcePage,
  type TimelineWindow,
} from '../../../shared/journal/timeline.ts';
import { addDays, parisDayStart } from '../../../shared/time.ts';
import { diagnosticSharesOf, diagnosticVersionsOf } from '../../diagnostics/index.ts';
import { noteRows } from '../../households/index.ts';
import { eventsOf } from '../../measures/index.ts';
import { referralEventsOfHousehold } from '../../referrals/index.ts';
import { contractSignaturesOf } from '../../support-contracts/index.ts';
import { fileReferences, type FileReferences } from '../file-references.ts';
import { timelineEntries, timelineEntryCounts, type TimelineEntryFilter } from '../journal.repository.ts';
import { entryItem, presentEntry } from '../journal.presenter.ts';
import { journalReader } from '../journal-writes.ts';
import type { JournalReader } from '../../../shared/access/journal-policy.ts';

type Sources = (
  ctx: Context,
  householdId: string,
  reader: JournalReader,
  refs: FileReferences,
) => Promise<TimelineCandidate[]>;

const none = { organisationId: null, measureId: null, briques: [] as string[] };

/** The timeline's filters as the journal's SQL reads them: Paris days as instants, its own kinds. */
function entryFilter(query: TTimelineQuery): TimelineEntryFilter {
  const journalKinds: readonly string[] = JOURNAL_KINDS;
  return {
    kinds: query.kinds?.length ? query.kinds.filter((k): k is JournalKind => journalKinds.includes(k)) : null,
    from: query.from ? parisDayStart(query.from) : null,
    until: query.to ? parisDayStart(addDays(query.to, 1)) : null,
    brique: query.brique ?? null,
    measureId: query.measureId ?? null,
    organisationId: query.organisationId ?? null,
  };
}

/**
 * The journal's share of the page, paged in SQL: the window of entries after the cursor, their
 * count under the filters and their authors' organisations (the journal is the household's long
 * history: it is never read whole).
 */
async function journal(
  ctx: Context,
  householdId: string,
  reader: JournalReader,
  refs: FileReferences,
  query: TTimelineQuery,
  window: TimelineWindow,
): Promise<TimelineSourcePage> {
  const filter = entryFilter(query);
  const { after } = window;
  const [records, counts] = await Promise.all([
    filter.kinds?.length === 0
      ? []
      : timelineEntries(ctx.db, householdId, reader, filter, {
          after: after ? { at: new Date(after.at), key: after.key } : null,
          limit: window.limit,
        }),
    timelineEntryCounts(ctx.db, householdId, reader, filter),
  ]);
  const partners = await organisationNames(ctx.db, [
    ...new Set(records.flatMap((r) => r.entry.partnerOrganisationIds)),
  ]);
  return {
    items: records.map((r) => ({
      ...entryItem(presentEntry(r, refs, partners, reader)),
      organisationId: r.entry.authorOrganisationId,
      measureId: r.entry.measureId,
      briques: r.entry.briques,
    })),
    total: counts.reduce((sum, c) => sum + c.kept, 0),
    organisations: new Map(
      counts.flatMap((c) => (c.organisationName ? [[c.organisationId, c.organisationName] as const] : [])),
    ),
  };
}

/** The notes of the sensitivities the reader's level covers, as the notes tab shows them. */
const notes: Sources = async (ctx, householdId, reader) =>
  (await noteRows(ctx.db, householdId, readableSensitivities(reader.level))).map((n) => ({
    key: `note:${n.id}`,
    kind: 'note',
    at: n.createdAt.toISOString(),
    title: 'Note au dossier',
    detail: n.body,
    byName: n.authorName,
    byOrganisationName: n.organisationName,
    ...none,
  }));

/** The events of the referrals the reader's side may read (referral policy). */
const referrals: Sources = async (ctx, householdId) =>
  (await referralEventsOfHousehold(ctx.db, householdId))
    .filter((e) => canReadReferral(ctx.actor, e.referral))
    .map((e) => ({
      key: `referral:${e.id}`,
      kind: 'referral',
      at: e.at.toISOString(),
      title: REFERRAL_EVENT_TYPE_LABELS[e.type as ReferralEventType] ?? 'Étape de la saisine',
      detail: `Saisine n° ${e.referral.number} — ${REFERRAL_KIND_LABELS[e.referral.kind]}`,
      byName: e.byName,
      byOrganisationName: e.byOrganisationName,
      ...none,
      organisationId: e.byOrganisationId,
    }));

/** The caseworker's diagnostic versions and every sharing; another party the versions shared with it. */
const diagnostics: Sources = async (ctx, householdId, reader) => {
  const full = reader.level === 'caseworker';
  const versions = full ? await diagnosticVersionsOf(ctx.db, householdId) : [];
  const shares = await diagnosticSharesOf(ctx.db, householdId, full ? undefined : reader.organisationId);
  return [
    ...versions.flatMap((v) => {
      const by = {
        byName: v.byName,
        byOrganisationName: v.byOrganisationName,
        ...none,
        organisationId: v.byOrganisationId,
      };
      return [
        {
          key: `diagnostic:${v.id}:created`,
          kind: 'diagnostic' as const,
          at: v.createdAt.toISOString(),
          title: `Diagnostic partagé, version ${v.version} commencée`,
          detail: null,
          ...by,
        },
        ...(v.approvedAt
          ? [
              {
                key: `diagnostic:${v.id}:approved`,
                kind: 'diagnostic' as const,
                at: v.approvedAt.toISOString(),
                title: `Diagnostic, version ${v.version} approuvée par le ménage`,
                detail: null,
                ...by,
              },
            ]
          : []),
      ];
    }),
    ...shares.map((s) => ({
      key: `diagnostic-share:${s.id}`,
      kind: 'diagnostic' as const,
      at: s.sharedAt.toISOString(),
      title: `Diagnostic, version ${s.diagnosticVersion} partagée`,
      detail: `${PARTNER_AUDIENCE_LABELS[s.audience]} transmise à ${s.organisationName}`,
      byName: s.sharedByName,
      byOrganisationName: null,
      ...none,
      organisationId: s.sharedByOrganisationId,
    })),
  ];
};

/** The measures' milestones, for the levels the measures' own timeline serves. */
const measures: Sources = async (ctx, _householdId, reader, refs) => {
  if (!measureFieldsFor(reader.level).timeline) return [];
  const events = await eventsOf(ctx.db, [...refs.measures.keys()]);
  return events.map((e) => {
    const measure = refs.measures.get(e.measureId)!;
    return {
      // The event's own id: a cursor key stays valid however many events come later.
      key: `measure:${e.id}`,
      kind: 'measure',
      at: e.at.toISOString(),
      title: MEASURE_EVENT_LABELS[e.kind as MeasureEventKind] ?? 'Étape de la mesure',
      detail: [measure.name, e.detail].filter(Boolean).join(' — '),
      byName: e.byName,
      byOrganisationName: e.byOrganisationName,
      organisationId: e.byOrganisationId,
      measureId: e.measureId,
      briques: measure.briques,
    };
  });
};

/** The contracts' signatures, read by every party (the signer's name from the shared file's level). */
const contracts: Sources = async (ctx, householdId, reader, refs) =>
  (await contractSignaturesOf(ctx.db, householdId)).map((s) => ({
    key: `contract:${s.id}`,
    kind: 'contract',
    at: s.signedAt.toISOString(),
    title: `Contrat d’accompagnement signé (version ${s.versionNumber})`,
    detail: [
      refs.measures.get(s.measureId)?.name,
      atLeast(reader.level, 'party')
        ? `${CONTRACT_PARTY_LABELS[s.party]} : ${s.signerName}`
        : CONTRACT_PARTY_LABELS[s.party],
    ]
      .filter(Boolean)
      .join(' — '),
    byName: null,
    byOrganisationName: s.byOrganisationName,
    organisationId: s.byOrganisationId,
    measureId: s.measureId,
    briques: refs.measures.get(s.measureId)?.briques ?? [],
  }));

/** The sources beside the journal: a few rows a household each, read whole and paged in memory. */
const OTHER_SOURCES = [notes, referrals, diagnostics, measures, contracts];

/**
 * The household's timeline: its journal and, read through their modules, its notes, referral
 * events, diagnostic and measure milestones and contract signatures — each as its own route would
 * show it to this reader — filtered and paged. Each source gives at most the page's window past the
 * cursor (timelineWindow), the journal straight from SQL; the page is cut from their merge. The read
 * is audited.
 */
export async function listHouseholdTimeline(
  ctx: Context,
  householdId: string,
  query: TTimelineQuery,
): Promise<TTimeline> {
  const reader = await journalReader(ctx, householdId);
  const refs = await fileReferences(ctx, householdId);
  const window = timelineWindow(query);
  const entries = await journal(ctx, householdId, reader, refs, query, window);
  const others: TimelineCandidate[] = [];
  for (const source of OTHER_SOURCES) others.push(...(await source(ctx, householdId, reader, refs)));
  await audit(ctx.db, ctx.actor, {
    action: 'household.timeline.read',
    entityType: 'household',
    entityId: householdId,
    householdId,
    details: { accessLevel: reader.level },
  });
  return mergeTimeline([entries, timelineSourcePage(others, query, window)], query);
}
