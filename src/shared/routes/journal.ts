import { ZIdParams } from '../contracts/common.ts';
import {
  ZJournalCancel,
  ZJournalCorrect,
  ZJournalCreate,
  ZJournalEntry,
  ZJournalOptions,
  ZJournalParams,
  ZTimeline,
  ZTimelineQuery,
} from '../contracts/journal.ts';
import { defineRoute } from './define.ts';

const tag = 'journal';
/**
 * Every party reads the timeline, each what its level covers in every source (a landlord: its
 * notes, its referrals, the versions shared with it, the contract's signatures; no journal entry).
 */
const timeline = { param: 'id', level: 'landlord_summary' } as const;
/** A journal entry is read from the shared file's level (a confidential one by its author's organisation). */
const read = { param: 'id', level: 'party', below: 404 } as const;
const write = {
  param: 'id',
  level: 'caseworker',
  refusal: 'Seuls les travailleurs sociaux qui accompagnent le ménage tiennent son journal.',
} as const;

/** The case journal (journal d'accompagnement) and the household timeline. */
export const JOURNAL_ROUTES = {
  timeline: defineRoute({
    method: 'GET',
    path: '/api/households/:id/timeline',
    tag,
    summary:
      'Journal et historique du ménage : activités, notes, saisines, diagnostic, mesures, contrats (filtres, pages)',
    params: ZIdParams,
    query: ZTimelineQuery,
    response: ZTimeline,
    household: timeline,
  }),
  options: defineRoute({
    method: 'GET',
    path: '/api/households/:id/journal/options',
    tag,
    summary: 'Ce que le formulaire d’activité propose : membres, partenaires, mesures, objectifs en vigueur',
    params: ZIdParams,
    response: ZJournalOptions,
    household: write,
  }),
  create: defineRoute({
    method: 'POST',
    path: '/api/households/:id/journal',
    tag,
    summary:
      'Enregistrer une activité (clé d’envoi : un renvoi identique répond 200 avec l’activité déjà enregistrée)',
    params: ZIdParams,
    body: ZJournalCreate,
    response: ZJournalEntry,
    status: 201,
    replayStatus: 200,
    household: write,
    errors: [409],
  }),
  get: defineRoute({
    method: 'GET',
    path: '/api/households/:id/journal/:entryId',
    tag,
    summary: 'Une activité du journal, avec son historique',
    params: ZJournalParams,
    response: ZJournalEntry,
    household: read,
  }),
  correct: defineRoute({
    method: 'PUT',
    path: '/api/households/:id/journal/:entryId',
    tag,
    summary: 'Corriger une activité (organisation qui l’a écrite, à la version lue)',
    params: ZJournalParams,
    body: ZJournalCorrect,
    response: ZJournalEntry,
    household: write,
    errors: [409],
  }),
  cancel: defineRoute({
    method: 'POST',
    path: '/api/households/:id/journal/:entryId/cancel',
    tag,
    summary: 'Annuler une activité avec un motif (elle reste au journal, marquée annulée)',
    params: ZJournalParams,
    body: ZJournalCancel,
    response: ZJournalEntry,
    household: write,
    errors: [409],
  }),
};
