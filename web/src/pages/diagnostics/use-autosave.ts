import { useCallback, useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import {
  ZDiagnosticSave,
  type DiagnosticSection,
  type TDiagnosticContent,
  type TDiagnosticDetail,
} from '@shared/contracts/diagnostics.ts';
import { DIAGNOSTIC_ROUTES } from '@shared/routes/diagnostics.ts';
import { isApiError } from '../../api/client.ts';
import { applyServerErrors } from '../../api/form-errors.ts';
import { callRoute, routeKey } from '../../api/routes.ts';
import { diagnosticsKey } from './diagnostic-api.ts';
import type { EditorForm } from './editor-fields.tsx';

export const AUTOSAVE_DELAY_MS = 1500;
const RETRY_OFFLINE_MS = 10_000;

export type AutosaveStatus =
  'idle' | 'pending' | 'saving' | 'saved' | 'offline' | 'invalid' | 'conflict' | 'error';

/** What this device keeps of a draft until the server has it (survives reloads and network loss). */
interface LocalCopy {
  baseRowVersion: number;
  content: TDiagnosticContent;
  voice: DiagnosticSection[];
  dirty: boolean;
}
const storageKey = (diagId: string) => `relais.diagnostic.${diagId}`;

export function readLocalCopy(diagId: string): LocalCopy | null {
  try {
    const raw = localStorage.getItem(storageKey(diagId));
    return raw ? (JSON.parse(raw) as LocalCopy) : null;
  } catch {
    return null;
  }
}
function writeLocalCopy(diagId: string, copy: LocalCopy) {
  try {
    localStorage.setItem(storageKey(diagId), JSON.stringify(copy));
  } catch {
    // Storage full or disabled: the server save still runs.
  }
}
export const dropLocalCopy = (diagId: string) => localStorage.removeItem(storageKey(diagId));

/** Drops empty inputs (null, '', empty objects and list rows) so a partial draft matches the optional schema. */
export function cleanContent(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value
      .map(cleanContent)
      .filter(
        (row) => row !== undefined && !(typeof row === 'object' && Object.keys(row as object).length === 0),
      );
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .map(([k, v]) => [k, cleanContent(v)] as const)
      .filter(([, v]) => v !== undefined);
    return entries.length > 0 ? Object.fromEntries(entries) : undefined;
  }
  return value === null || value === '' ? undefined : value;
}

const canonical = (content: TDiagnosticContent) => JSON.stringify(cleanContent(content) ?? {});

/** Every object section present, so inputs can set nested fields (empty ones are dropped on save). */
export function editableContent(content: TDiagnosticContent): TDiagnosticContent {
  const filled: Record<string, unknown> = { ...content };
  for (const section of OBJECT_SECTIONS) filled[section] ??= {};
  return filled as TDiagnosticContent;
}
const OBJECT_SECTIONS: readonly DiagnosticSection[] = [
  'familySituation',
  'lifePath',
  'administrative',
  'finances',
  'employment',
  'health',
  'residentialProject',
  'stepsUnderWay',
  'housingHistory',
  'currentDwelling',
  'needsAndExpectations',
  'conclusion',
];

/** Rows still being typed (a right without its status) wait. */
function withoutIncompleteRows(content: TDiagnosticContent): TDiagnosticContent {
  return { ...content, rights: content.rights?.filter((r) => r.benefit && r.status) };
}

/**
 * Draft autosave: each change is kept on the device at once, then PUT after AUTOSAVE_DELAY_MS of
 * quiet with the rowVersion last read. A stale rowVersion (saved elsewhere) stops the autosave and
 * keeps the local text: nothing is ever overwritten silently, in either direction.
 */
export function useDiagnosticAutosave({
  householdId,
  detail,
  form,
  voice,
}: {
  householdId: string;
  detail: TDiagnosticDetail;
  form: EditorForm;
  voice: DiagnosticSection[];
}) {
  const queryClient = useQueryClient();
  const rowVersion = useRef(detail.rowVersion);
  const [currentRowVersion, setCurrentRowVersion] = useState(detail.rowVersion);
  const [status, setStatus] = useState<AutosaveStatus>('idle');
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [conflictCopy, setConflictCopy] = useState<TDiagnosticContent | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef(false);
  const queued = useRef(false);
  const blocked = useRef(false);
  /** The content the server holds, to tell a real edit from a reload. */
  const synced = useRef(canonical(detail.content));
  const voiceRef = useRef(voice);
  voiceRef.current = voice;

  const schedule = useCallback((delay: number, run: () => void) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      run();
    }, delay);
  }, []);

  const save = useCallback(async (): Promise<void> => {
    if (blocked.current) return;
    if (inFlight.current) {
      queued.current = true;
      return;
    }
    const sent = form.getValues().content;
    const parsed = ZDiagnosticSave.safeParse({
      rowVersion: rowVersion.current,
      content: withoutIncompleteRows((cleanContent(sent) ?? {}) as TDiagnosticContent),
      householdVoiceSections: voiceRef.current,
    });
    if (!parsed.success) {
      form.setErrors(Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), i.message])));
      setStatus('invalid');
      return;
    }
    inFlight.current = true;
    setStatus('saving');
    try {
      const saved = await callRoute(DIAGNOSTIC_ROUTES.save, {
        params: { id: householdId, diagId: detail.id },
        body: parsed.data,
      });
      rowVersion.current = saved.rowVersion;
      synced.current = canonical(sent);
      setCurrentRowVersion(saved.rowVersion);
      const unchanged = JSON.stringify(form.getValues().content) === JSON.stringify(sent);
      writeLocalCopy(detail.id, {
        baseRowVersion: saved.rowVersion,
        content: form.getValues().content,
        voice: voiceRef.current,
        dirty: !unchanged,
      });
      form.clearErrors();
      setSavedAt(new Date());
      setStatus(unchanged ? 'saved' : 'pending');
      // The versions list and this version (a prefix of its key).
      void queryClient.invalidateQueries({ queryKey: diagnosticsKey(householdId) });
    } catch (e) {
      if (isApiError(e) && e.isVersionConflict) {
        blocked.current = true;
        setConflictCopy(form.getValues().content);
        setStatus('conflict');
      } else if (isApiError(e) && e.status === 0) {
        setStatus('offline');
        schedule(RETRY_OFFLINE_MS, () => void save());
      } else if (isApiError(e) && e.hasFieldErrors) {
        applyServerErrors(form, e);
        setStatus('invalid');
      } else {
        setMessage(e instanceof Error ? e.message : 'Erreur inconnue.');
        setStatus('error');
      }
    } finally {
      inFlight.current = false;
      if (queued.current) {
        queued.current = false;
        void save();
      }
    }
  }, [detail.id, form, householdId, queryClient, schedule]);

  /** Called on every change: keep a local copy now, save after a quiet moment. */
  const onChange = useCallback(
    (content: TDiagnosticContent) => {
      const dirty = canonical(content) !== synced.current;
      writeLocalCopy(detail.id, {
        baseRowVersion: rowVersion.current,
        content,
        voice: voiceRef.current,
        dirty,
      });
      if (!dirty) return;
      if (blocked.current) return;
      setStatus('pending');
      schedule(AUTOSAVE_DELAY_MS, () => void save());
    },
    [detail.id, save, schedule],
  );

  /** After a conflict: take the server version; the local text stays shown until dismissed. */
  const reloadFromServer = useCallback(async () => {
    const target = { params: { id: householdId, diagId: detail.id } };
    const fresh = await queryClient.fetchQuery({
      queryKey: routeKey(DIAGNOSTIC_ROUTES.get, target),
      queryFn: () => callRoute(DIAGNOSTIC_ROUTES.get, target),
      staleTime: 0,
    });
    rowVersion.current = fresh.rowVersion;
    synced.current = canonical(fresh.content);
    setCurrentRowVersion(fresh.rowVersion);
    blocked.current = false;
    form.setValues({ content: editableContent(fresh.content) });
    form.clearErrors();
    writeLocalCopy(detail.id, {
      baseRowVersion: fresh.rowVersion,
      content: fresh.content,
      voice: [],
      dirty: false,
    });
    setStatus('idle');
    return fresh;
  }, [detail.id, form, householdId, queryClient]);

  // On opening: a local copy not yet saved is restored (or flagged if the server moved on).
  const restoredFor = useRef<string | null>(null);
  useEffect(() => {
    // Only once per diagnostic, when the editor opens on it.
    if (restoredFor.current === detail.id) return;
    restoredFor.current = detail.id;
    const local = readLocalCopy(detail.id);
    if (!local?.dirty) return;
    if (local.baseRowVersion === detail.rowVersion) {
      form.setValues({ content: editableContent(local.content) });
      onChange(local.content);
    } else {
      blocked.current = true;
      setConflictCopy(local.content);
      setStatus('conflict');
    }
  }, [detail.id, detail.rowVersion, form, onChange]);

  // Leaving the editor with a pending change: send it now.
  const saveRef = useRef(save);
  saveRef.current = save;
  useEffect(
    () => () => {
      if (timer.current) {
        clearTimeout(timer.current);
        void saveRef.current();
      }
    },
    [],
  );

  return {
    status,
    savedAt,
    message,
    conflictCopy,
    rowVersion: currentRowVersion,
    onChange,
    flush: save,
    reloadFromServer,
    dismissConflictCopy: () => setConflictCopy(null),
  };
}
