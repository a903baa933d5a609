import type { z } from 'zod';
import type { ZJournalCreate } from '@shared/contracts/journal.ts';
import { JOURNAL_ROUTES } from '@shared/routes/journal.ts';
import { isApiError } from '../../api/client.ts';
import { callRoute } from '../../api/routes.ts';

/**
 * The journal's outbox on the device: every activity typed in the form is kept here first, then
 * sent; without a connection it waits (« En attente d'envoi ») and leaves on the `online` event or
 * at the next start. Kept in IndexedDB (the raw API: two stores, no dependency needed), its content
 * encrypted at rest with AES-GCM under a key generated on the device as non-extractable (the
 * browser keeps it in IndexedDB but never hands its bytes to a script). Each activity carries the
 * idempotency key generated with it: sent twice, the server records it once. A refusal (the
 * measure ended meanwhile, a conflict) keeps it, marked, for the user to correct or discard.
 */
export type JournalBody = z.input<typeof ZJournalCreate>;

export type PendingState = 'waiting' | 'refused';
export const PENDING_STATE_LABELS: Record<PendingState, string> = {
  waiting: 'En attente d’envoi',
  refused: 'Refusée : à corriger ou abandonner',
};

export interface PendingEntry {
  key: string;
  userId: string;
  householdId: string;
  savedAt: string;
  state: PendingState;
  /** Why the server refused it, in its words, and field by field. */
  message: string | null;
  fields: Record<string, string>;
  body: JournalBody;
}

/** What IndexedDB holds: the routing in clear, the activity itself encrypted. */
interface StoredEntry extends Omit<PendingEntry, 'body'> {
  iv: Uint8Array<ArrayBuffer>;
  data: ArrayBuffer;
}

const DB_NAME = 'relais-journal';
const OUTBOX = 'outbox';
const KEYS = 'keys';
const KEY_ID = 'outbox-key';

const request = <T>(r: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB'));
  });

let database: Promise<IDBDatabase> | null = null;
function openDatabase(): Promise<IDBDatabase> {
  database ??= new Promise((resolve, reject) => {
    const open = indexedDB.open(DB_NAME, 1);
    open.onupgradeneeded = () => {
      open.result.createObjectStore(OUTBOX, { keyPath: 'key' });
      open.result.createObjectStore(KEYS);
    };
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error ?? new Error('IndexedDB'));
  });
  return database;
}

async function store(name: string, mode: IDBTransactionMode) {
  return (await openDatabase()).transaction(name, mode).objectStore(name);
}

let cipherKey: Promise<CryptoKey> | null = null;
/** The device's key: generated once, non-extractable, kept as a CryptoKey object in IndexedDB. */
function deviceKey(): Promise<CryptoKey> {
  cipherKey ??= (async () => {
    const existing = await request<CryptoKey | undefined>((await store(KEYS, 'readonly')).get(KEY_ID));
    if (existing) return existing;
    const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
      'encrypt',
      'decrypt',
    ]);
    await request((await store(KEYS, 'readwrite')).put(key, KEY_ID));
    return key;
  })();
  return cipherKey;
}

async function seal(entry: PendingEntry): Promise<StoredEntry> {
  const { body, ...routing } = entry;
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv },
    await deviceKey(),
    new TextEncoder().encode(JSON.stringify(body)),
  );
  return { ...routing, iv, data };
}

async function open(stored: StoredEntry): Promise<PendingEntry> {
  const { iv, data, ...routing } = stored;
  const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, await deviceKey(), data);
  return { ...routing, body: JSON.parse(new TextDecoder().decode(plain)) as JournalBody };
}

const listeners = new Set<() => void>();
/** Called whenever the outbox changes (a page lists what waits). */
export function onOutboxChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
const changed = () => listeners.forEach((l) => l());

async function put(entry: PendingEntry) {
  const sealed = await seal(entry);
  await request((await store(OUTBOX, 'readwrite')).put(sealed));
  changed();
}

/** The user's activities still on the device, oldest first. */
export async function pendingEntries(userId: string): Promise<PendingEntry[]> {
  const all = await request<StoredEntry[]>((await store(OUTBOX, 'readonly')).getAll());
  const mine = await Promise.all(all.filter((s) => s.userId === userId).map(open));
  return mine.sort((a, b) => a.savedAt.localeCompare(b.savedAt));
}

/** Keeps an activity on the device, waiting to be sent (a new idempotency key with it). */
export async function keepActivity(
  userId: string,
  householdId: string,
  body: Omit<JournalBody, 'idempotencyKey'>,
): Promise<void> {
  const key = crypto.randomUUID();
  await put({
    key,
    userId,
    householdId,
    savedAt: new Date().toISOString(),
    state: 'waiting',
    message: null,
    fields: {},
    body: { ...body, idempotencyKey: key },
  });
}

/** Drops an activity the user chose to discard (or that the server recorded). */
export async function discardActivity(key: string): Promise<void> {
  await request((await store(OUTBOX, 'readwrite')).delete(key));
  changed();
}

let sending: Promise<string[]> | null = null;

/**
 * Sends the user's waiting activities, one by one, and answers the households that received one.
 * A network failure stops the round (still offline: they keep waiting); a refusal marks the entry
 * with the server's reason. Rounds never overlap; a resend the server already has answers 200.
 */
export function sendWaiting(userId: string): Promise<string[]> {
  sending ??= (async () => {
    const sent: string[] = [];
    try {
      for (const entry of await pendingEntries(userId)) {
        if (entry.state !== 'waiting') continue;
        try {
          await callRoute(JOURNAL_ROUTES.create, { params: { id: entry.householdId }, body: entry.body });
          await discardActivity(entry.key);
          sent.push(entry.householdId);
        } catch (error) {
          // Unreachable server or a session to open again: the entry waits for the next round.
          if (!isApiError(error) || error.status === 0 || error.status === 401) break;
          await put({ ...entry, state: 'refused', message: error.message, fields: error.fields });
        }
      }
    } finally {
      sending = null;
    }
    return sent;
  })();
  return sending;
}
