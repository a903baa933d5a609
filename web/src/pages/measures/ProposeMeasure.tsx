import { List, MultiSelect, NumberInput, Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import {
  OCCUPANCY_LABELS,
  ZMeasurePropose,
  type OccupancyOption,
  type TScheme,
} from '@shared/contracts/measures.ts';
import { schemeRulesText } from '@shared/measures/rules-text.ts';
import { HOUSEHOLD_ROUTES } from '@shared/routes/households.ts';
import { MEASURE_ROUTES } from '@shared/routes/measures.ts';
import { REFERENTIEL_ROUTES } from '@shared/routes/referentiel.ts';
import { useRouteMutation, useRouteQuery } from '../../api/routes.ts';
import { useSession } from '../../api/session.ts';
import { DialogButton, FormDialog, useBodyForm } from '../../components/FormDialog.tsx';
import { householdKey } from '../households/household-api.ts';
import { optionsOf } from '../households/organisations.ts';
import {
  CriteriaField,
  STATE_VALIDATION_HELP,
  STATE_VALIDATION_LABEL,
  overCapacityAlert,
  useCaseworkerOptions,
} from './MeasureActions.tsx';
import { schemeNamer } from './measure-api.ts';

interface ProposeValues extends Record<string, unknown> {
  schemeId: string | null;
  operatorOrganisationId: string | null;
  caseworkerUserId: string | null;
  briques: string[];
  visitsPerMonth: number | string;
  occupancy: OccupancyOption | null;
  initialMonths: number | string;
  criteriaMet: string[];
  stateValidationReference: string;
}

const orNull = (n: number | string) => (typeof n === 'number' ? n : null);

/** « Proposer une mesure »: the button, and its dialog once opened. */
export const ProposeMeasureButton = (props: { householdId: string; schemes: TScheme[] }) => (
  <DialogButton
    label="Proposer une mesure"
    dialog={(close) => <ProposeMeasureDialog {...props} onClose={close} />}
  />
);

function ProposeMeasureDialog({
  householdId,
  schemes,
  onClose,
}: {
  householdId: string;
  schemes: TScheme[];
  onClose: () => void;
}) {
  const me = useSession();
  const parties = useRouteQuery(HOUSEHOLD_ROUTES.parties, { params: { id: householdId } });
  const referentiel = useRouteQuery(REFERENTIEL_ROUTES.list, {}, { staleTime: 60 * 60_000 });
  // Only schemes with rules in force today can be proposed.
  const open = schemes.filter((s) => s.current);
  const myOrganisation = me.organisation?.id ?? null;

  const schemeOf = (id: string | null) => open.find((s) => s.id === id);
  const body = (v: ProposeValues) => {
    const rules = schemeOf(v.schemeId)?.current?.rules;
    return {
      schemeId: v.schemeId ?? '',
      operatorOrganisationId: v.operatorOrganisationId ?? '',
      caseworkerUserId: v.caseworkerUserId,
      briques: v.briques,
      visitsPerMonth: orNull(v.visitsPerMonth),
      occupancy: v.occupancy,
      initialMonths: orNull(v.initialMonths),
      criteriaMet: rules?.criteria ? v.criteriaMet : [],
      stateValidationReference: rules?.validationAfter ? v.stateValidationReference.trim() || null : null,
    };
  };
  const form = useBodyForm<ProposeValues>(
    {
      schemeId: null,
      operatorOrganisationId: null,
      caseworkerUserId: null,
      briques: [],
      visitsPerMonth: '',
      occupancy: null,
      initialMonths: '',
      criteriaMet: [],
      stateValidationReference: '',
    },
    ZMeasurePropose,
    body,
    {
      schemeId: 'Choisissez un dispositif.',
      operatorOrganisationId: 'Choisissez l’organisation qui portera la mesure.',
    },
  );
  const propose = useRouteMutation(MEASURE_ROUTES.propose, {
    form,
    invalidate: [householdKey(householdId)],
    successMessage: 'Mesure proposée.',
    onSuccess: onClose,
  });
  const send = (v: ProposeValues, confirmOverCapacity = false) =>
    propose.mutate({ params: { id: householdId }, body: { ...body(v), confirmOverCapacity } });

  // An organisation may be a party on several grounds: one option each.
  const operators = [
    ...new Map((parties.data?.items ?? []).map((p) => [p.organisationId, p.organisationName])),
  ].map(([value, label]) => ({ value, label }));
  const scheme = schemeOf(form.values.schemeId);
  const rules = scheme?.current?.rules;
  // The référent is one of the operator's social workers: the reader can name one only in its own organisation.
  const ownOperator = form.values.operatorOrganisationId === myOrganisation;
  const caseworkers = useCaseworkerOptions();
  const briqueGroups = (referentiel.data?.inForce.groups ?? []).map((g) => ({
    group: `${g.code}. ${g.title}`,
    items: g.briques.map((b) => ({ value: b.code, label: `${b.code} — ${b.title}` })),
  }));

  return (
    <FormDialog
      title="Proposer une mesure d’accompagnement"
      intro="La mesure est ensuite prescrite par l’opérateur, qui la transmet au financeur."
      form={form}
      mutation={propose}
      onSubmit={(v) => send(v)}
      onReload={() => void parties.refetch()}
      onClose={onClose}
      submitLabel="Proposer la mesure"
      errorOverride={overCapacityAlert(propose, () => send(form.values, true))}
    >
      <Select
        label="Dispositif"
        required
        data={open.map((s) => ({ value: s.id, label: `${s.name} (${s.funderName})` }))}
        nothingFoundMessage="Aucun dispositif"
        placeholder={open.length === 0 ? 'Aucun dispositif dans votre département' : 'Choisir un dispositif'}
        {...form.getInputProps('schemeId')}
      />
      {rules && (
        <List size="sm" spacing={2} aria-label="Règles du dispositif">
          {schemeRulesText(rules, schemeNamer(schemes)).map((line) => (
            <List.Item key={line}>{line}</List.Item>
          ))}
        </List>
      )}
      <Select
        label="Opérateur"
        description="L’organisation, partie au dossier, dont les travailleurs sociaux mèneront la mesure."
        required
        placeholder={parties.isPending ? 'Chargement…' : 'Choisir une organisation'}
        data={operators}
        error={parties.error?.message}
        {...form.getInputProps('operatorOrganisationId')}
        onChange={(value) => {
          form.setFieldValue('operatorOrganisationId', value);
          form.setFieldValue('caseworkerUserId', null);
        }}
      />
      {ownOperator && (
        <Select
          label="Référent (facultatif)"
          searchable
          clearable
          nothingFoundMessage="Aucun travailleur social"
          {...caseworkers}
          {...form.getInputProps('caseworkerUserId')}
        />
      )}
      <MultiSelect
        label="Briques mobilisées"
        description="Les briques du référentiel en vigueur que la mesure mobilise."
        searchable
        nothingFoundMessage="Aucune brique"
        data={briqueGroups}
        {...form.getInputProps('briques')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NumberInput
          label="Visites par mois"
          min={0}
          max={31}
          allowDecimal={false}
          {...form.getInputProps('visitsPerMonth')}
        />
        <NumberInput
          label="Durée proposée (mois, facultatif)"
          description={rules ? `Vide : ${rules.initialMonths} mois, la durée du dispositif.` : undefined}
          min={1}
          max={120}
          allowDecimal={false}
          {...form.getInputProps('initialMonths')}
        />
      </SimpleGrid>
      <Select
        label="Statut d’occupation recommandé"
        clearable
        data={optionsOf(OCCUPANCY_LABELS)}
        {...form.getInputProps('occupancy')}
      />
      {rules?.criteria && (
        <CriteriaField criteria={rules.criteria} inputProps={form.getInputProps('criteriaMet')} />
      )}
      {rules?.validationAfter && (
        <TextInput
          label={STATE_VALIDATION_LABEL}
          description={STATE_VALIDATION_HELP}
          {...form.getInputProps('stateValidationReference')}
        />
      )}
      {open.length === 0 && (
        <Text size="sm" c="dimmed">
          Aucun financeur de votre département n’a encore déclaré de dispositif.
        </Text>
      )}
    </FormDialog>
  );
}
