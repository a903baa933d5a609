import {
  Checkbox,
  MultiSelect,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import {
  CONSENT_METHOD_LABELS,
  CONSENT_METHODS,
  EVICTION_STEP_LABELS,
  EVICTION_STEPS,
  HOUSING_SITUATION_LABELS,
  HOUSING_SITUATIONS,
} from '@shared/contracts/household-enums.ts';
import {
  MAINTENANCE_REASONS,
  MAINTENANCE_REASON_LABELS,
  REFERRAL_KIND_LABELS,
  type ReferralKind,
} from '@shared/contracts/referral-enums.ts';
import { ZVisitConversion, type TVisit } from '@shared/contracts/permanences.ts';
import { referralKindsFor } from '@shared/access/referral-policy.ts';
import { PERMANENCE_ROUTES } from '@shared/routes/permanences.ts';
import { parisToday } from '@shared/time.ts';
import { useNavigate } from 'react-router-dom';
import { useRouteMutation } from '../../api/routes.ts';
import { useSession } from '../../api/session.ts';
import { DateField } from '../../components/DateField.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import { MoneyInput } from '../../components/MoneyInput.tsx';
import { OrganisationSelect } from '../../components/OrganisationSelect.tsx';
import { zodErrors } from '../households/household-form.ts';
import { PATHS } from '../../paths.ts';
import { WEEK_KEY } from './keys.ts';

type ConvertValues = {
  to: 'household' | 'referral';
  lastName: string;
  firstName: string;
  phone: string;
  housingSituation: string | null;
  consentMethod: string;
  witnessName: string;
  kind: string | null;
  toOrganisationId: string | null;
  dwellingAddress: string;
  reasons: string[];
  arrearsAmount: number | null;
  arrearsMonths: number | string;
  evictionStep: string | null;
  evictionDate: string | null;
  housingProject: string;
  readyToLeave: boolean;
};

const opt = (v: string | null | undefined) => (v ? v : undefined);

/** The request's body from the form: the person as the reference person of a new household. */
function conversionBody(v: ConvertValues, rowVersion: number) {
  const today = parisToday();
  const members = [
    {
      firstName: v.firstName,
      lastName: v.lastName,
      relationship: 'reference_person',
      isReferencePerson: true,
    },
  ];
  const agreement = { method: v.consentMethod, witnessName: opt(v.witnessName) };
  if (v.to === 'household')
    return {
      to: 'household',
      rowVersion,
      file: { members, phone: opt(v.phone), housingSituation: opt(v.housingSituation) },
      consent: { purpose: 'support', validFrom: today, ...agreement },
    };
  const maintenance = v.kind === 'maintenance';
  return {
    to: 'referral',
    rowVersion,
    referral: {
      kind: v.kind ?? undefined,
      toOrganisationId: v.toOrganisationId ?? '',
      newHousehold: {
        members,
        phone: opt(v.phone),
        housingSituation: opt(v.housingSituation),
        dwellingAddress: maintenance ? opt(v.dwellingAddress) : undefined,
      },
      householdAgreement: { ...agreement, givenOn: today },
      ...(maintenance
        ? {
            reasons: v.reasons,
            arrears: v.reasons.includes('arrears')
              ? {
                  amountCents: v.arrearsAmount ?? undefined,
                  months: v.arrearsMonths === '' ? undefined : Number(v.arrearsMonths),
                }
              : undefined,
            eviction: v.reasons.includes('eviction_procedure')
              ? { step: v.evictionStep ?? undefined, occurredOn: v.evictionDate ?? '' }
              : undefined,
          }
        : { housingProject: v.housingProject, readyToLeave: v.readyToLeave }),
    },
  };
}

/** A file opens with the household's housing situation; a maintenance referral assumes a social tenancy. */
const needsHousingSituation = (v: ConvertValues) => v.to === 'household' || v.kind === 'access';

/** The body's error paths, on the form's fields. */
const FIELD_OF: [RegExp, keyof ConvertValues][] = [
  [/members\.0\.lastName$|members$/, 'lastName'],
  [/members\.0\.firstName$/, 'firstName'],
  [/\.phone$/, 'phone'],
  [/housingSituation$/, 'housingSituation'],
  [/witnessName$/, 'witnessName'],
  [/\.method$/, 'consentMethod'],
  [/validFrom$|givenOn$/, 'consentMethod'],
  [/^referral\.kind$|^referral$/, 'kind'],
  [/toOrganisationId$/, 'toOrganisationId'],
  [/dwellingAddress$/, 'dwellingAddress'],
  [/reasons/, 'reasons'],
  [/arrears\.months$/, 'arrearsMonths'],
  [/arrears/, 'arrearsAmount'],
  [/eviction\.occurredOn$/, 'evictionDate'],
  [/eviction/, 'evictionStep'],
  [/housingProject$/, 'housingProject'],
  [/readyToLeave$/, 'readyToLeave'],
];
export function formErrors(fields: Record<string, unknown>): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [path, message] of Object.entries(fields)) {
    const field = FIELD_OF.find(([pattern]) => pattern.test(path))?.[1] ?? 'lastName';
    errors[field] ??= String(message);
  }
  return errors;
}

/**
 * Turns a visit, once, into a household file (on the person's consent) or a referral to an
 * association — the person becoming the reference person of the new household.
 */
export function ConvertDialog({ visit, onClose }: { visit: TVisit; onClose: () => void }) {
  const me = useSession();
  const navigate = useNavigate();
  const kinds: readonly ReferralKind[] = me.organisation
    ? referralKindsFor({
        organisationId: me.organisation.id,
        organisationType: me.organisation.type,
        roles: me.roles,
      })
    : [];
  const form = useForm<ConvertValues>({
    initialValues: {
      to: 'household',
      lastName: '',
      firstName: visit.firstName,
      phone: visit.phone,
      housingSituation: null,
      consentMethod: 'signed_form',
      witnessName: '',
      kind: kinds[0] ?? null,
      toOrganisationId: null,
      dwellingAddress: '',
      reasons: [],
      arrearsAmount: null,
      arrearsMonths: '',
      evictionStep: null,
      evictionDate: null,
      housingProject: '',
      readyToLeave: false,
    },
    validate: (v) => ({
      ...formErrors(zodErrors(ZVisitConversion.safeParse(conversionBody(v, visit.rowVersion)).error)),
      ...(v.housingSituation === null && needsHousingSituation(v)
        ? { housingSituation: 'Situation de logement obligatoire.' }
        : {}),
    }),
  });
  const convert = useRouteMutation(PERMANENCE_ROUTES.convertVisit, {
    form: { setErrors: (e) => form.setErrors(formErrors(e)), clearErrors: form.clearErrors },
    invalidate: [WEEK_KEY],
    successMessage: 'Passage transformé.',
    onSuccess: (result) => {
      onClose();
      void navigate(PATHS.household(result.householdId));
    },
  });
  const v = form.values;
  return (
    <FormDialog
      title="Transformer le passage"
      intro="Avec l’accord de la personne, son passage devient un dossier ménage ou une saisine. Cela ne se fait qu’une fois : le passage figurera ensuite dans le journal du dossier."
      form={form}
      mutation={convert}
      onSubmit={(values) =>
        convert.mutate({
          params: { visitId: visit.id },
          body: ZVisitConversion.parse(conversionBody(values, visit.rowVersion)),
        })
      }
      onClose={onClose}
      submitLabel="Confirmer la transformation"
    >
      <Stack gap={4}>
        <Text size="sm" fw={500} id="convert-to">
          Transformer en
        </Text>
        <SegmentedControl
          aria-labelledby="convert-to"
          data={[
            { value: 'household', label: 'Dossier ménage' },
            ...(kinds.length > 0 ? [{ value: 'referral', label: 'Saisine' }] : []),
          ]}
          {...form.getInputProps('to')}
        />
      </Stack>
      <TextInput label="Nom" required {...form.getInputProps('lastName')} />
      <TextInput label="Prénom" required {...form.getInputProps('firstName')} />
      <TextInput label="Téléphone" {...form.getInputProps('phone')} />
      <Select
        label="Situation de logement"
        required={needsHousingSituation(v)}
        clearable
        data={HOUSING_SITUATIONS.map((value) => ({ value, label: HOUSING_SITUATION_LABELS[value] }))}
        {...form.getInputProps('housingSituation')}
      />
      {v.to === 'referral' && (
        <>
          <Select
            label="Type de saisine"
            required
            data={kinds.map((value) => ({ value, label: REFERRAL_KIND_LABELS[value] }))}
            {...form.getInputProps('kind')}
          />
          <OrganisationSelect
            label="Association destinataire"
            type="association"
            excludeIds={me.organisation ? [me.organisation.id] : []}
            required
            {...form.getInputProps('toOrganisationId')}
          />
          {v.kind === 'maintenance' ? (
            <>
              <TextInput
                label="Adresse du logement occupé"
                required
                {...form.getInputProps('dwellingAddress')}
              />
              <MultiSelect
                label="Motifs"
                required
                data={MAINTENANCE_REASONS.map((value) => ({
                  value,
                  label: MAINTENANCE_REASON_LABELS[value],
                }))}
                {...form.getInputProps('reasons')}
              />
              {v.reasons.includes('arrears') && (
                <>
                  <MoneyInput label="Montant des impayés" required {...form.getInputProps('arrearsAmount')} />
                  <NumberInput
                    label="Nombre de mois d’impayés"
                    required
                    min={1}
                    allowDecimal={false}
                    {...form.getInputProps('arrearsMonths')}
                  />
                </>
              )}
              {v.reasons.includes('eviction_procedure') && (
                <>
                  <Select
                    label="Stade de la procédure"
                    required
                    data={EVICTION_STEPS.map((value) => ({ value, label: EVICTION_STEP_LABELS[value] }))}
                    {...form.getInputProps('evictionStep')}
                  />
                  <DateField label="Date de cette étape" required {...form.getInputProps('evictionDate')} />
                </>
              )}
            </>
          ) : (
            <>
              <Textarea
                label="Projet logement"
                required
                autosize
                minRows={2}
                {...form.getInputProps('housingProject')}
              />
              <Checkbox label="Prêt à sortir" {...form.getInputProps('readyToLeave', { type: 'checkbox' })} />
            </>
          )}
        </>
      )}
      <Select
        label={
          v.to === 'household'
            ? 'Accord de la personne pour l’accompagnement'
            : 'Accord de la personne pour la saisine'
        }
        required
        data={CONSENT_METHODS.map((value) => ({ value, label: CONSENT_METHOD_LABELS[value] }))}
        {...form.getInputProps('consentMethod')}
      />
      {v.consentMethod === 'oral_with_witness' && (
        <TextInput label="Nom du témoin" required {...form.getInputProps('witnessName')} />
      )}
    </FormDialog>
  );
}
