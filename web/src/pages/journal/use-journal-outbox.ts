import { useCallback, useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { JOURNAL_ROUTES } from '@shared/routes/journal.ts';
import { routeKey } from '../../api/routes.ts';
import { onOutboxChange, pendingEntries, sendWaiting, type PendingEntry } from './journal-outbox.ts';

/**
 * Sends the activities waiting on the device: at start, when the connection returns (`online`),
 * and when asked (`send`); the timelines of the households that received one are read again.
 */
export function useOutboxSender(userId: string) {
  const queryClient = useQueryClient();
  const send = useCallback(async () => {
    const households = await sendWaiting(userId);
    for (const id of new Set(households))
      await queryClient.invalidateQueries({
        queryKey: routeKey(JOURNAL_ROUTES.timeline, { params: { id } }),
      });
  }, [queryClient, userId]);
  useEffect(() => {
    const onOnline = () => void send();
    window.addEventListener('online', onOnline);
    void send();
    return () => window.removeEventListener('online', onOnline);
  }, [send]);
  return send;
}

/** The user's activities for a household still on the device, kept up to date. */
export function usePendingEntries(userId: string, householdId: string): PendingEntry[] {
  const [entries, setEntries] = useState<PendingEntry[]>([]);
  useEffect(() => {
    let live = true;
    const load = () =>
      void pendingEntries(userId).then((all) => {
        if (live) setEntries(all.filter((e) => e.householdId === householdId));
      });
    load();
    const unsubscribe = onOutboxChange(load);
    return () => {
      live = false;
      unsubscribe();
    };
  }, [userId, householdId]);
  return entries;
}

/** Sends what waits on the device from any page of the session (retry on start, `online` event). */
export function OutboxSender({ userId }: { userId: string }) {
  useOutboxSender(userId);
  return null;
}
