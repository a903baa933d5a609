import {
  Alert,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import {
  CONSENT_METHOD_LABELS,
  EVICTION_STEP_LABELS,
  HOUSING_SITUATION_LABELS,
  type ConsentMethod,
  type EvictionStep,
  type HousingSituation,
} from '@shared/contracts/household-enums.ts';
import { parisToday } from '@shared/time.ts';
import {
  MAINTENANCE_REASON_LABELS,
  REFERRAL_KIND_LABELS,
  type MaintenanceReason,
  type ReferralKind,
} from '@shared/contracts/referral-enums.ts';
import {
  ZReferralCreate,
  type TReferralCreateInput,
  type TReferralPrefill,
} from '@shared/contracts/referrals.ts';
import { EVICTION_PREVENTION_ROUTES } from '@shared/routes/eviction-prevention.ts';
import { formatCents, formatDate } from '@shared/format.ts';
import { canReceiveReferral } from '@shared/access/referral-policy.ts';
import { useRouteMutation, useRouteQuery } from '../../api/routes.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { useSession } from '../../api/session.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { DateField } from '../../components/DateField.tsx';
import { MoneyInput } from '../../components/MoneyInput.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { HouseholdSelect } from '../../components/HouseholdSelect.tsx';
import { PATHS } from '../../paths.ts';
import { MembersFields } from '../households/HouseholdFields.tsx';
import { HOUSEHOLDS_KEY } from '../households/household-api.ts';
import { REFERRAL_ROUTES } from '@shared/routes/referrals.ts';
import { emptyMember, zodErrors, type MemberValues } from '../households/household-form.ts';
import { optionsOf, useOrganisations } from '../households/organisations.ts';
import { REFERRALS_SENT_KEY, referralKindsOf } from './referral-ui.ts';

interface NewHouseholdValues {
  members: MemberValues[];
  phone: string;
  email: string;
  postalAddress: string;
  housingSituation: HousingSituation | null;
  shelterName: string;
  dwellingAddress: string;
  tenantReference: string;
  monthlyRentCents: number | null;
  monthlyChargesCents: number | null;
  applicationNumber: string;
}

/** Form values; the paths are the API body's, so its field errors land on the right input. */
interface ReferralValues {
  householdMode: 'existing' | 'new';
  householdId: string | null;
  newHousehold: NewHouseholdValues;
  toOrganisationId: string | null;
  freeText: string;
  managementUnitId: string | null;
  reasons: MaintenanceReason[];
  arrears: { amountCents: number | null; months: number | string };
  eviction: { step: EvictionStep | null; occurredOn: string | null };
  agreement: { given: boolean; method: ConsentMethod; givenOn: string | null; witnessName: string };
  readyToLeave: boolean;
  shelteredSince: string | null;
  housingProject: string;
}

const SHELTERED: HousingSituation[] = [
  'street',
  'shelter',
  'chrs',
  'hotel',
  'hosted_by_third_party',
  'sublet',
  'other',
];

/** '' and null are "not given": the referral contract expects such keys to be absent. */
const given = <T,>(v: T | null | undefined): T | undefined =>
  v === null || v === undefined || (typeof v === 'string' && v.trim() === '') ? undefined : v;

function bodyOf(kind: ReferralKind, v: ReferralValues, contractId?: string): TReferralCreateInput {
  const h = v.newHousehold;
  const household =
    v.householdMode === 'existing'
      ? { householdId: given(v.householdId) }
      : {
          newHousehold: {
            members: h.members.map((m) => ({ ...m, birthDate: m.birthDate ?? undefined })),
            phone: given(h.phone),
            email: given(h.email),
            postalAddress: given(h.postalAddress),
            housingSituation: given(h.housingSituation),
            shelterName: given(h.shelterName),
            dwellingAddress: given(h.dwellingAddress),
            tenantReference: given(h.tenantReference),
            monthlyRentCents: given(h.monthlyRentCents),
            monthlyChargesCents: given(h.monthlyChargesCents),
            applicationNumber: given(h.applicationNumber),
          },
        };
  const common = { toOrganisationId: v.toOrganisationId ?? '', freeText: given(v.freeText), ...household };
  if (kind === 'maintenance') {
    return {
      kind,
      ...common,
      managementUnitId: given(v.managementUnitId),
      reasons: v.reasons,
      // Sent whenever arrears are ticked, so a missing amount is reported on its own field.
      arrears: v.reasons.includes('arrears')
        ? {
            amountCents: v.arrears.amountCents as number,
            months: v.arrears.months === '' ? (undefined as unknown as number) : Number(v.arrears.months),
          }
        : undefined,
      // Sent whenever the procedure is ticked, so a missing step or date is reported on its field.
      eviction: v.reasons.includes('eviction_procedure')
        ? { step: v.eviction.step as EvictionStep, occurredOn: v.eviction.occurredOn ?? '' }
        : undefined,
      householdAgreement: v.agreement.given ? agreementOf(v) : undefined,
      occupancyContractId: contractId,
    };
  }
  return {
    kind,
    ...common,
    readyToLeave: v.readyToLeave,
    shelteredSince: given(v.shelteredSince),
    housingProject: v.housingProject,
    householdAgreement: agreementOf(v),
  };
}

/** The household's agreement as the form holds it (an access referral always sends it). */
const agreementOf = (v: ReferralValues) => ({
  method: v.agreement.method,
  givenOn: v.agreement.givenOn ?? '',
  witnessName: given(v.agreement.witnessName),
});

export function NewReferralPage() {
  const contractId = useSearchParams()[0].get('contrat');
  return contractId ? <ReferralFromContract contractId={contractId} /> : <ReferralOfAnyKind />;
}

/** A tenant its landlord's arrears file flagged: a maintenance referral filled from its contract. */
function ReferralFromContract({ contractId }: { contractId: string }) {
  const query = useRouteQuery(EVICTION_PREVENTION_ROUTES.referralPrefill, { params: { contractId } });
  return (
    <>
      <PageHeader title="Nouvelle saisine" description={REFERRAL_KIND_LABELS.maintenance} />
      <QueryState query={query} loadingLabel="Préparation de la saisine…">
        {(prefill) => (
          <Stack gap="xl">
            <Alert color="blue" title="Saisine préparée depuis le contrat du locataire">
              {prefill.tenantName ?? 'Locataire'}
              {prefill.tenantReference && ` (réf. ${prefill.tenantReference})`}, {prefill.dwellingAddress}
              {prefill.arrears &&
                ` : dette de ${formatCents(prefill.arrears.amountCents)} au ${formatDate(prefill.arrears.asOf)} selon le fichier d’impayés.`}{' '}
              Vérifiez et complétez les informations avant d’envoyer.
            </Alert>
            <ReferralForm kind="maintenance" prefill={prefill} />
          </Stack>
        )}
      </QueryState>
    </>
  );
}

function ReferralOfAnyKind() {
  const me = useSession();
  const kinds = referralKindsOf(me);
  const [kind, setKind] = useState<ReferralKind | undefined>(kinds[0]);
  return (
    <>
      <PageHeader
        title="Nouvelle saisine"
        description={kinds.length === 1 && kind ? REFERRAL_KIND_LABELS[kind] : undefined}
      />
      {kind ? (
        <Stack gap="xl">
          {kinds.length > 1 && (
            <Radio.Group
              label="Type de saisine"
              value={kind}
              onChange={(value) => setKind(value as ReferralKind)}
            >
              <Group mt="xs">
                {kinds.map((k) => (
                  <Radio key={k} value={k} label={REFERRAL_KIND_LABELS[k]} />
                ))}
              </Group>
            </Radio.Group>
          )}
          {/* The two kinds ask different things: a new form for the other kind. */}
          <ReferralForm key={kind} kind={kind} />
        </Stack>
      ) : (
        <Alert color="gray">Votre organisation ou vos rôles ne permettent pas d'adresser une saisine.</Alert>
      )}
    </>
  );
}

/** The form's values for a tenant's contract: its name, dwelling, rent, and the arrears as the reason. */
function prefilledValues(p: TReferralPrefill): Partial<ReferralValues> {
  return {
    householdMode: p.householdId ? 'existing' : 'new',
    householdId: p.householdId,
    reasons: p.arrears ? ['arrears'] : [],
    arrears: { amountCents: p.arrears?.amountCents ?? null, months: p.arrears?.months ?? '' },
    freeText: p.arrears
      ? `Locataire signalé par le fichier d’impayés${p.landlordName ? ` de ${p.landlordName}` : ''} du ${formatDate(p.arrears.asOf)} : dette de ${formatCents(p.arrears.amountCents)}, soit ${p.arrears.months} mois de loyer et charges.`
      : '',
  };
}

function ReferralForm({ kind, prefill }: { kind: ReferralKind; prefill?: TReferralPrefill }) {
  const me = useSession();
  const navigate = useNavigate();
  const directory = useOrganisations();
  const organisations = directory.data?.items ?? [];
  const recipients = organisations.filter(
    (o) => o.id !== me.organisation?.id && canReceiveReferral(kind, o.type),
  );
  const units = organisations.find((o) => o.id === me.organisation?.id)?.managementUnits ?? [];
  const isLandlord = me.organisation?.type === 'landlord';

  const form = useForm<ReferralValues>({
    initialValues: {
      householdMode: 'new',
      householdId: null,
      newHousehold: {
        // The landlord's file gives the tenant's name in one piece: as the reference person's name.
        members: [{ ...emptyMember(true), lastName: prefill?.tenantName ?? '' }],
        phone: '',
        email: '',
        postalAddress: '',
        housingSituation: kind === 'maintenance' ? null : 'shelter',
        shelterName: '',
        dwellingAddress: prefill?.dwellingAddress ?? '',
        tenantReference: prefill?.tenantReference ?? '',
        monthlyRentCents: prefill?.monthlyRentCents ?? null,
        monthlyChargesCents: prefill?.monthlyChargesCents ?? null,
        applicationNumber: '',
      },
      toOrganisationId: null,
      freeText: '',
      managementUnitId: me.managementUnitId,
      reasons: [],
      arrears: { amountCents: null, months: '' },
      eviction: { step: null, occurredOn: null },
      agreement: { given: kind === 'access', method: 'signed_form', givenOn: parisToday(), witnessName: '' },
      readyToLeave: false,
      shelteredSince: null,
      housingProject: '',
      ...(prefill ? prefilledValues(prefill) : {}),
    },
    validate: (v) => zodErrors(ZReferralCreate.safeParse(bodyOf(kind, v, prefill?.contractId)).error),
  });
  const send = useRouteMutation(REFERRAL_ROUTES.create, {
    form,
    invalidate: [REFERRALS_SENT_KEY, HOUSEHOLDS_KEY],
    successMessage: 'Saisine envoyée.',
    onSuccess: ({ id }) => navigate(PATHS.referral(id)),
  });
  const v = form.values;
  const isNew = v.householdMode === 'new';

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => send.mutate({ body: bodyOf(kind, values, prefill?.contractId) }))}
    >
      <Stack gap="xl" maw={960}>
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Title order={2} size="h4">
              Le ménage
            </Title>
            <Radio.Group label="Ménage concerné" {...form.getInputProps('householdMode')}>
              <Group mt="xs">
                <Radio
                  value="new"
                  label={
                    kind === 'maintenance'
                      ? 'Un locataire pas encore suivi dans Relais'
                      : 'Un ménage pas encore suivi dans Relais'
                  }
                />
                <Radio value="existing" label="Un ménage dont votre organisation a déjà le dossier" />
              </Group>
            </Radio.Group>
            {isNew ? (
              <NewHouseholdFields form={form} kind={kind} isLandlord={isLandlord} />
            ) : (
              <HouseholdSelect required {...form.getInputProps('householdId')} />
            )}
          </Stack>
        </Paper>

        <Paper withBorder p="md">
          <Stack gap="sm">
            <Title order={2} size="h4">
              {kind === 'maintenance' ? 'Motifs de la saisine' : 'Situation et projet'}
            </Title>
            {kind === 'maintenance' ? (
              <MaintenanceFields form={form} units={units} />
            ) : (
              <AccessFields form={form} />
            )}
            <Textarea
              label="Informations complémentaires"
              description="Ce qui aidera l'association à prendre contact avec le ménage."
              autosize
              minRows={3}
              {...form.getInputProps('freeText')}
            />
          </Stack>
        </Paper>

        <AgreementFields form={form} kind={kind} />

        <Paper withBorder p="md">
          <Stack gap="sm">
            <Title order={2} size="h4">
              Destinataire
            </Title>
            <Select
              label="Association destinataire"
              required
              searchable
              placeholder={directory.isPending ? 'Chargement…' : 'Choisir une association'}
              nothingFoundMessage="Aucune association trouvée"
              data={recipients.map((o) => ({
                value: o.id,
                label: o.territory ? `${o.name} (${o.territory.name})` : o.name,
              }))}
              {...form.getInputProps('toOrganisationId')}
            />
          </Stack>
        </Paper>

        <ApiErrorAlert error={send.error} />
        {Object.keys(form.errors).length > 0 && !send.error && (
          <Text c="red.9" role="alert" size="sm">
            La saisine n'a pas été envoyée : corrigez les champs signalés.
          </Text>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={send.isPending}>
            Envoyer la saisine
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

type ReferralForm = UseFormReturnType<ReferralValues>;

function NewHouseholdFields({
  form,
  kind,
  isLandlord,
}: {
  form: ReferralForm;
  kind: ReferralKind;
  isLandlord: boolean;
}) {
  const h = form.values.newHousehold;
  return (
    <Stack gap="md">
      <MembersFields form={form} path="newHousehold.members" members={h.members} headingOrder={3} />
      <Title order={3} size="h5">
        Coordonnées et logement
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label="Téléphone" type="tel" {...form.getInputProps('newHousehold.phone')} />
        <TextInput label="E-mail" type="email" {...form.getInputProps('newHousehold.email')} />
      </SimpleGrid>
      {kind === 'maintenance' ? (
        <>
          <Textarea
            label="Adresse du logement occupé"
            required
            autosize
            minRows={2}
            {...form.getInputProps('newHousehold.dwellingAddress')}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {/* The landlord's own reference for its tenant. */}
            {isLandlord && (
              <TextInput
                label="Référence locataire"
                {...form.getInputProps('newHousehold.tenantReference')}
              />
            )}
            <MoneyInput label="Loyer mensuel" {...form.getInputProps('newHousehold.monthlyRentCents')} />
            <MoneyInput
              label="Charges mensuelles"
              {...form.getInputProps('newHousehold.monthlyChargesCents')}
            />
          </SimpleGrid>
        </>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label="Situation de logement actuelle"
            required
            allowDeselect={false}
            data={SHELTERED.map((s) => ({ value: s, label: HOUSING_SITUATION_LABELS[s] }))}
            {...form.getInputProps('newHousehold.housingSituation')}
          />
          <TextInput label="Structure d'hébergement" {...form.getInputProps('newHousehold.shelterName')} />
          <TextInput
            label="Numéro unique de demande de logement social"
            description="10 à 20 lettres ou chiffres"
            {...form.getInputProps('newHousehold.applicationNumber')}
          />
        </SimpleGrid>
      )}
      <Textarea
        label="Adresse postale"
        autosize
        minRows={2}
        {...form.getInputProps('newHousehold.postalAddress')}
      />
    </Stack>
  );
}

function MaintenanceFields({ form, units }: { form: ReferralForm; units: { id: string; name: string }[] }) {
  const reasons = form.values.reasons;
  return (
    <Stack gap="md">
      <Checkbox.Group
        label="Motifs"
        description="Cochez tout ce qui s'applique."
        required
        {...form.getInputProps('reasons')}
      >
        <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
          {optionsOf(MAINTENANCE_REASON_LABELS).map((o) => (
            <Checkbox key={o.value} value={o.value} label={o.label} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
      {reasons.includes('arrears') && (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <MoneyInput label="Montant des impayés" required {...form.getInputProps('arrears.amountCents')} />
          <NumberInput
            label="Nombre de mois d'impayés"
            required
            min={1}
            max={240}
            allowDecimal={false}
            allowNegative={false}
            {...form.getInputProps('arrears.months')}
          />
        </SimpleGrid>
      )}
      {form.errors.arrears && (
        <Text c="red.9" size="sm" role="alert">
          {form.errors.arrears}
        </Text>
      )}
      {reasons.includes('eviction_procedure') && (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label="Dernière étape de la procédure d'expulsion"
            required
            data={optionsOf(EVICTION_STEP_LABELS)}
            {...form.getInputProps('eviction.step')}
          />
          <DateField label="Date de cette étape" required {...form.getInputProps('eviction.occurredOn')} />
        </SimpleGrid>
      )}
      {form.errors.eviction && (
        <Text c="red.9" size="sm" role="alert">
          {form.errors.eviction}
        </Text>
      )}
      {units.length > 0 && (
        <Select
          label="Agence qui fait la saisine"
          clearable
          data={units.map((u) => ({ value: u.id, label: u.name }))}
          {...form.getInputProps('managementUnitId')}
        />
      )}
    </Stack>
  );
}

/**
 * The household's agreement to being referred, recorded as a consent (how, when, before whom). An
 * access referral is made with the household; a landlord may refer a tenant it could not reach.
 */
function AgreementFields({ form, kind }: { form: ReferralForm; kind: ReferralKind }) {
  const a = form.values.agreement;
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          Accord du ménage
        </Title>
        {kind === 'maintenance' && (
          <Switch
            label="Le ménage a donné son accord à cette saisine"
            description="Sans accord (ménage injoignable), l’association prendra contact avec lui."
            {...form.getInputProps('agreement.given', { type: 'checkbox' })}
          />
        )}
        {(kind === 'access' || a.given) && (
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label="Recueilli par"
              required
              allowDeselect={false}
              data={optionsOf(CONSENT_METHOD_LABELS)}
              {...form.getInputProps('agreement.method')}
            />
            <DateField label="Le" required {...form.getInputProps('agreement.givenOn')} />
            {a.method === 'oral_with_witness' && (
              <TextInput label="Témoin" required {...form.getInputProps('agreement.witnessName')} />
            )}
          </SimpleGrid>
        )}
      </Stack>
    </Paper>
  );
}

function AccessFields({ form }: { form: ReferralForm }) {
  return (
    <Stack gap="md">
      <Switch
        label="Le ménage est prêt à sortir (peut vivre de façon autonome dans un logement)"
        {...form.getInputProps('readyToLeave', { type: 'checkbox' })}
      />
      <DateField label="Hébergé depuis le" {...form.getInputProps('shelteredSince')} />
      <Textarea
        label="Projet logement"
        description="Type de logement recherché, secteur, besoins d'accompagnement…"
        required
        autosize
        minRows={4}
        {...form.getInputProps('housingProject')}
      />
    </Stack>
  );
}
