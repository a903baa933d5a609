import { NumberInput, Select, SimpleGrid, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import {
  DECISION_OUTCOME_LABELS,
  ZDecisionInput,
  type DecisionOutcome,
  type TMeeting,
  type TMeetingItem,
} from '@shared/contracts/committees.ts';
import { OCCUPANCY_LABELS, type TScheme } from '@shared/contracts/measures.ts';
import { MEASURE_ROUTES } from '@shared/routes/measures.ts';
import { COMMITTEE_ROUTES } from '@shared/routes/committees.ts';
import { parisToday } from '@shared/time.ts';
import { DEFAULT_WATCH_MONTHS } from '@shared/watch/rules.ts';
import { isApiError } from '../../api/client.ts';
import { useRouteMutation, useRouteQuery } from '../../api/routes.ts';
import { BriquesMultiSelect } from '../../components/BriquesMultiSelect.tsx';
import { DateField } from '../../components/DateField.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { OrganisationSelect } from '../../components/OrganisationSelect.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import { MeasureEndFields, RenewalFields } from '../measures/measure-fields.tsx';
import { zodErrors } from '../households/household-form.ts';
import { optionsOf } from '../households/organisations.ts';
import { COMMITTEES_KEY, meetingKey } from './committee-ui.ts';

type Months = number | string;
interface DecisionValues {
  outcome: DecisionOutcome | null;
  decidedOn: string | null;
  schemeId: string | null;
  operatorOrganisationId: string | null;
  briques: string[];
  visitsPerMonth: Months;
  occupancy: string | null;
  initialMonths: Months;
  note: string;
  reason: string;
  months: Months;
  endReason: string | null;
  orientation: string | null;
  watchMonths: Months;
  relayOrganisationId: string | null;
}

/** A number input's value: '' (empty) is absent. */
const count = (v: Months) => (v === '' ? null : Number(v));

/** The request body of the chosen outcome: only its own fields are sent. */
function decisionBody(v: DecisionValues) {
  const base = { outcome: v.outcome ?? undefined, decidedOn: v.decidedOn ?? '' };
  switch (v.outcome) {
    case 'orientation':
      return {
        ...base,
        schemeId: v.schemeId ?? undefined,
        operatorOrganisationId: v.operatorOrganisationId ?? undefined,
        briques: v.briques,
        visitsPerMonth: count(v.visitsPerMonth),
        occupancy: v.occupancy,
        initialMonths: count(v.initialMonths),
        note: v.note.trim() || null,
      };
    case 'renewal':
      return { ...base, months: count(v.months), reason: v.reason };
    case 'closure':
      return {
        ...base,
        endReason: v.endReason ?? undefined,
        orientation: v.orientation ?? undefined,
        watchMonths: v.orientation === 'watch' ? count(v.watchMonths) : null,
        relayOrganisationId: v.orientation === 'relay' ? v.relayOrganisationId : null,
        reason: v.reason.trim() || null,
      };
    default:
      return { ...base, reason: v.reason };
  }
}

/** Choices the contract's generic messages would name poorly. */
function missingChoices(v: DecisionValues): Record<string, string> {
  if (!v.outcome) return { outcome: 'Choisissez la décision.' };
  if (v.outcome !== 'orientation') return {};
  return {
    ...(v.schemeId ? {} : { schemeId: 'Choisissez le dispositif.' }),
    ...(v.operatorOrganisationId
      ? {}
      : { operatorOrganisationId: 'Choisissez l’organisation qui accompagne.' }),
  };
}

const CONFLICT = new Error(
  'Une décision est déjà enregistrée sur ce point, sans doute par un autre coordinateur. Fermez cette fenêtre pour la lire.',
);

interface DecisionDialogProps {
  meeting: TMeeting;
  item: TMeetingItem;
  onClose: () => void;
}

/** The coordinators' decision on an item, with the fields of the chosen outcome. */
export function DecisionDialog(props: DecisionDialogProps) {
  const schemes = useRouteQuery(MEASURE_ROUTES.schemes, {}, { staleTime: 5 * 60_000 });
  if (schemes.isPending) return <LoadingState label="Chargement des dispositifs…" />;
  return <DecisionForm {...props} schemes={schemes.data?.items ?? []} schemesError={schemes.error} />;
}

function DecisionForm({
  meeting,
  item,
  onClose,
  schemes,
  schemesError,
}: DecisionDialogProps & { schemes: TScheme[]; schemesError: unknown }) {
  // Renewal and closure act on the item's measure: offered only when the item presents one.
  const outcomes = (Object.keys(DECISION_OUTCOME_LABELS) as DecisionOutcome[]).filter(
    (o) => item.measure || (o !== 'renewal' && o !== 'closure'),
  );
  const form = useForm<DecisionValues>({
    initialValues: {
      outcome: null,
      decidedOn: parisToday(),
      // The measure proposed on the item is the one an orientation prescribes: its scheme comes first.
      schemeId: item.measure?.schemeId ?? null,
      operatorOrganisationId: null,
      briques: [],
      visitsPerMonth: '',
      occupancy: null,
      initialMonths: '',
      note: '',
      reason: '',
      months: '',
      endReason: null,
      orientation: null,
      watchMonths: DEFAULT_WATCH_MONTHS,
      relayOrganisationId: null,
    },
    validate: (v) => ({
      ...zodErrors(ZDecisionInput.safeParse(decisionBody(v)).error),
      ...missingChoices(v),
    }),
  });
  const decide = useRouteMutation(COMMITTEE_ROUTES.decide, {
    form,
    invalidate: [meetingKey(meeting.id), COMMITTEES_KEY],
    successMessage: 'Décision enregistrée.',
    onSuccess: onClose,
  });
  const queryClient = useQueryClient();
  const conflict = isApiError(decide.error) && decide.error.status === 409;
  // Another coordinator decided first: the page shows that decision once the dialog is closed.
  const close = () => {
    if (conflict) void queryClient.invalidateQueries({ queryKey: meetingKey(meeting.id) });
    onClose();
  };
  const { outcome } = form.values;
  return (
    <FormDialog
      title={`Décision — dossier ${item.fileLabel}`}
      intro={item.title}
      form={form}
      mutation={decide}
      errorOverride={conflict && <ApiErrorAlert error={CONFLICT} />}
      onSubmit={(v) =>
        decide.mutate({
          params: { meetingId: meeting.id, itemId: item.id },
          body: ZDecisionInput.parse(decisionBody(v)),
        })
      }
      onClose={close}
      submitLabel="Enregistrer la décision"
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label="Décision"
          required
          data={outcomes.map((o) => ({ value: o, label: DECISION_OUTCOME_LABELS[o] }))}
          {...form.getInputProps('outcome')}
        />
        <DateField label="Date de la décision" required {...form.getInputProps('decidedOn')} />
      </SimpleGrid>
      {outcome === 'orientation' && (
        <>
          <ApiErrorAlert error={schemesError} title="Dispositifs indisponibles" />
          <Select
            label="Dispositif"
            required
            searchable
            nothingFoundMessage="Aucun dispositif de ce nom"
            data={schemes.map((s) => ({ value: s.id, label: `${s.name} (${s.funderName})` }))}
            {...form.getInputProps('schemeId')}
          />
          <OrganisationSelect
            label="Organisation qui accompagne"
            required
            {...form.getInputProps('operatorOrganisationId')}
          />
          <BriquesMultiSelect {...form.getInputProps('briques')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput
              label="Visites par mois"
              min={0}
              max={31}
              allowDecimal={false}
              {...form.getInputProps('visitsPerMonth')}
            />
            <NumberInput
              label="Durée proposée (mois)"
              description="Par défaut, la durée initiale du dispositif"
              min={1}
              max={60}
              allowDecimal={false}
              {...form.getInputProps('initialMonths')}
            />
          </SimpleGrid>
          <Select
            label="Statut d’occupation"
            clearable
            data={optionsOf(OCCUPANCY_LABELS)}
            {...form.getInputProps('occupancy')}
          />
          <Textarea label="Note" autosize minRows={2} {...form.getInputProps('note')} />
        </>
      )}
      {(outcome === 'deferral' || outcome === 'decline') && (
        <Textarea
          label={outcome === 'deferral' ? 'Motif de l’ajournement' : 'Motif du refus'}
          required
          autosize
          minRows={3}
          {...form.getInputProps('reason')}
        />
      )}
      {outcome === 'renewal' && (
        <>
          <RenewalFields
            months={form.getInputProps('months')}
            reason={form.getInputProps('reason')}
            maxMonths={60}
            monthsDescription="Par défaut, celle que prévoit le dispositif"
          />
        </>
      )}
      {outcome === 'closure' && (
        <>
          <MeasureEndFields
            endReason={form.getInputProps('endReason')}
            orientation={form.getInputProps('orientation')}
            watchMonths={form.getInputProps('watchMonths')}
            chosen={form.values.orientation}
            maxWatchMonths={60}
            relay={
              <OrganisationSelect
                label="Organisation qui prend le relais"
                required
                {...form.getInputProps('relayOrganisationId')}
              />
            }
          />
          <Textarea label="Note" autosize minRows={2} {...form.getInputProps('reason')} />
        </>
      )}
    </FormDialog>
  );
}
