import { useState } from 'react';
import { Modal, Textarea } from '@mantine/core';
import { ZJournalCancel, type TJournalEntry, type TJournalOptions } from '@shared/contracts/journal.ts';
import { JOURNAL_ROUTES } from '@shared/routes/journal.ts';
import { ApiError } from '../../api/client.ts';
import type { FormWithErrors } from '../../api/form-errors.ts';
import { routeKey, useRouteMutation, useRouteQuery } from '../../api/routes.ts';
import { EventTimeline } from '../../components/EventTimeline.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { FormDialog, useBodyForm } from '../../components/FormDialog.tsx';
import { ActivityDialog, useActivityForm, type ActivityBody } from './ActivityDialog.tsx';
import type { PendingEntry } from './journal-outbox.ts';

/** A change to a recorded entry: its errors on the form, the timeline read again, the dialog closed. */
const useEntryChange = <C extends typeof JOURNAL_ROUTES.correct | typeof JOURNAL_ROUTES.cancel>(
  contract: C,
  entry: TJournalEntry,
  form: FormWithErrors,
  successMessage: string,
  onClose: () => void,
) =>
  useRouteMutation(contract, {
    form,
    invalidate: [routeKey(JOURNAL_ROUTES.timeline, { params: { id: entry.householdId } })],
    successMessage,
    onSuccess: onClose,
  });

/**
 * A new activity, or one the server refused, kept on the device: never waits on the network (the
 * outbox sends it), so it works offline once the file is open.
 */
export function KeepActivityDialog({
  options,
  pending,
  onKeep,
  onClose,
}: {
  options: TJournalOptions;
  pending?: PendingEntry;
  onKeep: (body: ActivityBody) => Promise<void>;
  onClose: () => void;
}) {
  const form = useActivityForm(pending?.body, pending?.fields);
  const [state, setState] = useState<{ error: ApiError | null; isPending: boolean }>({
    error: null,
    isPending: false,
  });
  const keep = async (body: ActivityBody) => {
    setState({ error: null, isPending: true });
    try {
      await onKeep(body);
      onClose();
    } catch {
      setState({
        error: new ApiError(0, 'DEVICE', 'L’activité n’a pas pu être gardée sur cet appareil. Réessayez.'),
        isPending: false,
      });
    }
  };
  return (
    <ActivityDialog
      title={pending ? 'Corriger l’activité gardée sur l’appareil' : 'Nouvelle activité'}
      intro="L’activité est gardée sur cet appareil puis envoyée dès que la connexion le permet."
      options={options}
      form={form}
      mutation={{ ...state, reset: () => setState({ error: null, isPending: false }) }}
      onSave={(body) => void keep(body)}
      onClose={onClose}
      submitLabel="Enregistrer l’activité"
      measureKept={pending?.body.measureId}
    />
  );
}

/** What an entry says, as its form sends it. */
const bodyOf = (e: TJournalEntry): ActivityBody => ({
  kind: e.kind,
  occurredAt: e.occurredAt,
  durationMinutes: e.durationMinutes,
  place: e.place,
  memberIds: e.members.map((m) => m.id),
  partnerOrganisationIds: e.partners.map((p) => p.id),
  otherParticipants: e.otherParticipants,
  briques: e.briques.map((b) => b.code),
  objectives: e.objectives.map(({ versionId, index }) => ({ versionId, index })),
  measureId: e.measure?.id ?? null,
  note: e.note,
  sensitivity: e.sensitivity,
});

/** Corrects a recorded entry at the version read (a conflict says so in French and offers to reload). */
export function CorrectEntryDialog({
  entry,
  options,
  onClose,
}: {
  entry: TJournalEntry;
  options: TJournalOptions;
  onClose: () => void;
}) {
  const form = useActivityForm(bodyOf(entry));
  const params = { id: entry.householdId, entryId: entry.id };
  const correct = useEntryChange(JOURNAL_ROUTES.correct, entry, form, 'Activité corrigée.', onClose);
  return (
    <ActivityDialog
      title="Corriger l’activité"
      options={options}
      form={form}
      mutation={correct}
      onSave={(body) => correct.mutate({ params, body: { ...body, rowVersion: entry.rowVersion } })}
      onReload={onClose}
      onClose={onClose}
      submitLabel="Enregistrer la correction"
      measureKept={entry.measure?.id}
    />
  );
}

/** Cancels a recorded entry with a reason: it stays in the journal, marked cancelled. */
export function CancelEntryDialog({ entry, onClose }: { entry: TJournalEntry; onClose: () => void }) {
  const form = useBodyForm({ reason: '' }, ZJournalCancel, (v) => ({ ...v, rowVersion: entry.rowVersion }), {
    reason: 'Indiquez pourquoi l’activité est annulée.',
  });
  const cancel = useEntryChange(JOURNAL_ROUTES.cancel, entry, form, 'Activité annulée.', onClose);
  return (
    <FormDialog
      title="Annuler l’activité"
      intro="L’activité reste au journal, marquée annulée, avec le motif."
      form={form}
      mutation={cancel}
      onSubmit={(v) =>
        cancel.mutate({
          params: { id: entry.householdId, entryId: entry.id },
          body: { reason: v.reason, rowVersion: entry.rowVersion },
        })
      }
      onReload={onClose}
      onClose={onClose}
      submitLabel="Annuler l’activité"
      danger
    >
      <Textarea label="Motif" required autosize minRows={2} {...form.getInputProps('reason')} />
    </FormDialog>
  );
}

/** An entry's history (recorded, each correction with the fields it changed, its cancellation). */
export function EntryHistoryDialog({ entry, onClose }: { entry: TJournalEntry; onClose: () => void }) {
  const read = useRouteQuery(JOURNAL_ROUTES.get, { params: { id: entry.householdId, entryId: entry.id } });
  return (
    <Modal
      opened
      onClose={onClose}
      title="Historique de l’activité"
      closeButtonProps={{ 'aria-label': 'Fermer' }}
    >
      <QueryState query={read} loadingLabel="Chargement de l’historique…">
        {(e) => (
          <EventTimeline
            label="Historique de l’activité"
            events={(e.history ?? []).map((h, i) => ({ key: String(i), title: h.label, ...h }))}
          />
        )}
      </QueryState>
    </Modal>
  );
}
