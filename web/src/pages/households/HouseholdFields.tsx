import type { ReactNode } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import type { GetInputPropsReturnType, UseFormReturnType } from '@mantine/form';
import {
  DEBT_KIND_LABELS,
  EXPENSE_CATEGORY_LABELS,
  HOUSEHOLD_STATUS_LABELS,
  HOUSING_SITUATION_LABELS,
  RELATIONSHIP_LABELS,
  RESOURCE_TYPE_LABELS,
  TYPOLOGY_LABELS,
} from '@shared/contracts/household-enums.ts';
import { HOUSEHOLD_FIELDS } from '@shared/households/registry.ts';
import { DateField } from '../../components/DateField.tsx';
import { MoneyInput } from '../../components/MoneyInput.tsx';
import { TerritorySelect } from '../../components/TerritorySelect.tsx';
import {
  emptyDebt,
  emptyExpense,
  emptyHousingHistory,
  emptyMember,
  emptyResource,
  CASEWORKER_FIELDS,
  type HouseholdFormValues,
  type MemberValues,
} from './household-form.ts';
import { optionsOf, useOrganisations } from './organisations.ts';

export type HouseholdForm = UseFormReturnType<HouseholdFormValues>;
interface FormProps {
  form: HouseholdForm;
}

/** Heading levels follow the page: sections are h2 in a tab panel, h3 inside a modal section. */
interface SectionProps extends FormProps {
  headingOrder?: 2 | 3 | 4;
}

const SHELTER_SITUATIONS = new Set(['shelter', 'chrs', 'hotel', 'hosted_by_third_party']);

function Section({ title, order, children }: { title: string; order: 2 | 3 | 4; children: ReactNode }) {
  return (
    <Stack gap="sm">
      <Title order={order} size="h4">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

function RemoveRowButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <Button variant="subtle" color="red" size="xs" onClick={onClick} aria-label={label}>
      Retirer
    </Button>
  );
}

export function ContactFields({ form, headingOrder = 2 }: SectionProps) {
  return (
    <Section title="Coordonnées" order={headingOrder}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label="Téléphone" type="tel" autoComplete="off" {...form.getInputProps('phone')} />
        <TextInput label="E-mail" type="email" autoComplete="off" {...form.getInputProps('email')} />
      </SimpleGrid>
      <Textarea label="Adresse postale" autosize minRows={2} {...form.getInputProps('postalAddress')} />
      <TextInput
        label="Numéro unique de demande de logement social"
        description="10 à 20 lettres ou chiffres"
        {...form.getInputProps('applicationNumber')}
      />
    </Section>
  );
}

export function SituationFields({
  form,
  headingOrder = 2,
  withStatus,
}: SectionProps & { withStatus?: boolean }) {
  const situation = form.values.housingSituation;
  return (
    <Section title="Situation de logement" order={headingOrder}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label="Situation actuelle"
          required
          allowDeselect={false}
          data={optionsOf(HOUSING_SITUATION_LABELS)}
          {...form.getInputProps('housingSituation')}
        />
        <DateField label="Dans cette situation depuis le" {...form.getInputProps('housingSince')} />
      </SimpleGrid>
      {(SHELTER_SITUATIONS.has(situation) || !!form.values.shelterName) && (
        <TextInput label="Structure d'hébergement" {...form.getInputProps('shelterName')} />
      )}
      {withStatus && (
        <Select
          label="Statut du dossier"
          allowDeselect={false}
          data={optionsOf(HOUSEHOLD_STATUS_LABELS)}
          {...form.getInputProps('status')}
        />
      )}
    </Section>
  );
}

export function DwellingFields({ form, headingOrder = 2 }: SectionProps) {
  const landlords = useOrganisations('landlord');
  const tenancy = form.values.tenancy;
  const landlord = landlords.data?.items.find((o) => o.id === tenancy.landlordOrganisationId);
  const units = landlord?.managementUnits ?? [];
  return (
    <Section title="Logement actuel et bailleur" order={headingOrder}>
      <Text size="sm" c="dimmed">
        Laissez ces champs vides si le ménage n’occupe pas de logement en propre. La commune est trouvée
        d’après le code postal de l’adresse quand il n’en désigne qu’une.
      </Text>
      <Textarea label="Adresse du logement" autosize minRows={2} {...form.getInputProps('tenancy.address')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TerritorySelect
          kind="commune"
          label="Commune du logement"
          description="Recherche par nom ou code postal"
          {...form.getInputProps('tenancy.communeId')}
        />
        <Select
          label="Typologie"
          clearable
          data={optionsOf(TYPOLOGY_LABELS)}
          {...form.getInputProps('tenancy.typology')}
        />
        <NumberInput
          label="Surface habitable (m²)"
          min={0}
          decimalScale={1}
          decimalSeparator=","
          {...form.getInputProps('tenancy.surfaceM2')}
          onChange={(v) => form.setFieldValue('tenancy.surfaceM2', typeof v === 'number' ? v : null)}
        />
        <DateField label="Entré dans le logement le" {...form.getInputProps('tenancy.startDate')} />
        <Select
          label="Bailleur (organisme présent dans Relais)"
          placeholder={landlords.isPending ? 'Chargement…' : 'Aucun'}
          searchable
          clearable
          nothingFoundMessage="Aucun bailleur trouvé"
          data={(landlords.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
          {...form.getInputProps('tenancy.landlordOrganisationId')}
          onChange={(value) => {
            form.setFieldValue('tenancy.landlordOrganisationId', value);
            form.setFieldValue('tenancy.managementUnitId', null);
          }}
        />
        {units.length > 0 && (
          <Select
            label="Agence / unité de gestion"
            clearable
            data={units.map((u) => ({ value: u.id, label: u.name }))}
            {...form.getInputProps('tenancy.managementUnitId')}
          />
        )}
        <TextInput
          label="Bailleur hors Relais"
          description="Propriétaire privé, par exemple"
          {...form.getInputProps('tenancy.landlordName')}
        />
        <TextInput label="Référence locataire" {...form.getInputProps('tenancy.tenantReference')} />
        <MoneyInput label="Loyer mensuel" {...form.getInputProps('tenancy.monthlyRentCents')} />
        <MoneyInput label="Charges mensuelles" {...form.getInputProps('tenancy.monthlyChargesCents')} />
      </SimpleGrid>
    </Section>
  );
}

export function PriorityFields({ form, headingOrder = 2 }: SectionProps) {
  return (
    <Section title="Priorités" order={headingOrder}>
      <Switch
        label="Ménage reconnu prioritaire DALO"
        {...form.getInputProps('daloRecognised', { type: 'checkbox' })}
      />
      {form.values.daloRecognised && (
        <DateField label="Date de la décision DALO" required {...form.getInputProps('daloDecisionDate')} />
      )}
      <Switch
        label="Public prioritaire du PDALPD"
        {...form.getInputProps('pdalpdPriority', { type: 'checkbox' })}
      />
    </Section>
  );
}

/** Caseworker-only texts: rendered only for the fields the server sent (the reader may see them). */
export function CaseworkerFields({ form, headingOrder = 2 }: SectionProps) {
  const present = CASEWORKER_FIELDS.filter((f) => form.values[f] !== undefined);
  if (present.length === 0) return null;
  return (
    <Section title="Informations réservées au référent" order={headingOrder}>
      <Text size="sm" c="dimmed">
        Jamais communiquées au bailleur ni aux autres parties.
      </Text>
      {present.map((f) => (
        <Textarea key={f} label={HOUSEHOLD_FIELDS[f].label} autosize minRows={2} {...form.getInputProps(f)} />
      ))}
    </Section>
  );
}

/** The part of a Mantine form the members list needs, whatever the form's other values. */
interface MembersForm {
  errors: Record<string, ReactNode>;
  key: (path: string) => string;
  getInputProps: (path: string) => GetInputPropsReturnType;
  setFieldValue: (path: string, value: MemberValues[]) => void;
  insertListItem: (path: string, item: MemberValues) => void;
  removeListItem: (path: string, index: number) => void;
}

interface MembersFieldsProps {
  form: MembersForm;
  /** Path of the members list in the form (`members`, `newHousehold.members`). */
  path?: string;
  members: MemberValues[];
  headingOrder?: 2 | 3 | 4;
}

/** The people of the household; also used by the referral form for a household new to Relais. */
export function MembersFields({ form, path = 'members', members, headingOrder = 2 }: MembersFieldsProps) {
  const setReference = (index: number) => {
    form.setFieldValue(
      path,
      members.map((m, i) => ({ ...m, isReferencePerson: i === index })),
    );
  };
  const listError = form.errors[path];
  return (
    <Section title="Composition du ménage" order={headingOrder}>
      {listError && (
        <Alert color="red" role="alert">
          {listError}
        </Alert>
      )}
      {members.map((member, i) => (
        <Fieldset key={form.key(`${path}.${i}`)} legend={`Personne ${i + 1}`}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Prénom" required {...form.getInputProps(`${path}.${i}.firstName`)} />
            <TextInput label="Nom" required {...form.getInputProps(`${path}.${i}.lastName`)} />
            <DateField label="Date de naissance" {...form.getInputProps(`${path}.${i}.birthDate`)} />
            <Select
              label="Lien avec le ménage"
              allowDeselect={false}
              data={optionsOf(RELATIONSHIP_LABELS)}
              {...form.getInputProps(`${path}.${i}.relationship`)}
            />
          </SimpleGrid>
          <Group justify="space-between" mt="sm">
            <Checkbox
              label="Personne de référence"
              checked={member.isReferencePerson}
              onChange={(e) => (e.currentTarget.checked ? setReference(i) : undefined)}
            />
            {members.length > 1 && (
              <RemoveRowButton
                label={`Retirer la personne ${i + 1}`}
                onClick={() => form.removeListItem(path, i)}
              />
            )}
          </Group>
        </Fieldset>
      ))}
      <Group>
        <Button variant="light" onClick={() => form.insertListItem(path, emptyMember())}>
          Ajouter une personne
        </Button>
      </Group>
    </Section>
  );
}

export function ResourcesFields({ form, headingOrder = 2 }: SectionProps) {
  const memberOptions = [
    { value: '', label: 'Le ménage' },
    ...form.values.members.map((m, i) => ({
      value: String(i),
      label: `${m.firstName} ${m.lastName}`.trim() || `Personne ${i + 1}`,
    })),
  ];
  return (
    <Stack gap="lg">
      <Section title="Ressources mensuelles" order={headingOrder}>
        {form.values.resources.map((_, i) => (
          <Fieldset key={form.key(`resources.${i}`)} legend={`Ressource ${i + 1}`}>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Select
                label="Bénéficiaire"
                allowDeselect={false}
                data={memberOptions}
                {...form.getInputProps(`resources.${i}.memberIndex`)}
              />
              <Select
                label="Type de ressource"
                allowDeselect={false}
                data={optionsOf(RESOURCE_TYPE_LABELS)}
                {...form.getInputProps(`resources.${i}.type`)}
              />
              <MoneyInput
                label="Montant mensuel"
                required
                {...form.getInputProps(`resources.${i}.monthlyAmountCents`)}
              />
            </SimpleGrid>
            <Group align="flex-end" mt="sm" wrap="nowrap">
              <TextInput
                label="Précision"
                style={{ flex: 1 }}
                {...form.getInputProps(`resources.${i}.note`)}
              />
              <RemoveRowButton
                label={`Retirer la ressource ${i + 1}`}
                onClick={() => form.removeListItem('resources', i)}
              />
            </Group>
          </Fieldset>
        ))}
        <Group>
          <Button variant="light" onClick={() => form.insertListItem('resources', emptyResource())}>
            Ajouter une ressource
          </Button>
        </Group>
      </Section>

      <Section title="Charges mensuelles" order={headingOrder}>
        {form.values.expenses.map((_, i) => (
          <Fieldset key={form.key(`expenses.${i}`)} legend={`Charge ${i + 1}`}>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Select
                label="Catégorie"
                allowDeselect={false}
                data={optionsOf(EXPENSE_CATEGORY_LABELS)}
                {...form.getInputProps(`expenses.${i}.category`)}
              />
              <MoneyInput
                label="Montant mensuel"
                required
                {...form.getInputProps(`expenses.${i}.monthlyAmountCents`)}
              />
              <TextInput label="Précision" {...form.getInputProps(`expenses.${i}.note`)} />
            </SimpleGrid>
            <Group justify="flex-end" mt="sm">
              <RemoveRowButton
                label={`Retirer la charge ${i + 1}`}
                onClick={() => form.removeListItem('expenses', i)}
              />
            </Group>
          </Fieldset>
        ))}
        <Group>
          <Button variant="light" onClick={() => form.insertListItem('expenses', emptyExpense())}>
            Ajouter une charge
          </Button>
        </Group>
      </Section>

      <Section title="Dettes" order={headingOrder}>
        {form.values.debts.map((_, i) => (
          <Fieldset key={form.key(`debts.${i}`)} legend={`Dette ${i + 1}`}>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Select
                label="Nature de la dette"
                allowDeselect={false}
                data={optionsOf(DEBT_KIND_LABELS)}
                {...form.getInputProps(`debts.${i}.kind`)}
              />
              <MoneyInput label="Montant dû" required {...form.getInputProps(`debts.${i}.amountCents`)} />
              <TextInput label="Créancier" {...form.getInputProps(`debts.${i}.creditor`)} />
              <DateField label="Depuis le" {...form.getInputProps(`debts.${i}.startDate`)} />
              <NumberInput
                label="Mois d'impayés"
                min={1}
                allowDecimal={false}
                {...form.getInputProps(`debts.${i}.unpaidMonths`)}
                onChange={(v) =>
                  form.setFieldValue(`debts.${i}.unpaidMonths`, typeof v === 'number' ? v : null)
                }
              />
              <TextInput label="Précision" {...form.getInputProps(`debts.${i}.note`)} />
            </SimpleGrid>
            <Group justify="space-between" mt="sm">
              <Checkbox
                label="Plan d'apurement en place"
                {...form.getInputProps(`debts.${i}.repaymentPlan`, { type: 'checkbox' })}
              />
              <RemoveRowButton
                label={`Retirer la dette ${i + 1}`}
                onClick={() => form.removeListItem('debts', i)}
              />
            </Group>
          </Fieldset>
        ))}
        <Group>
          <Button variant="light" onClick={() => form.insertListItem('debts', emptyDebt())}>
            Ajouter une dette
          </Button>
        </Group>
      </Section>
    </Stack>
  );
}

export function HousingHistoryFields({ form, headingOrder = 2 }: SectionProps) {
  return (
    <Section title="Parcours logement" order={headingOrder}>
      {form.values.housingHistory.map((_, i) => (
        <Fieldset key={form.key(`housingHistory.${i}`)} legend={`Étape ${i + 1}`}>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label="Situation"
              allowDeselect={false}
              data={optionsOf(HOUSING_SITUATION_LABELS)}
              {...form.getInputProps(`housingHistory.${i}.situation`)}
            />
            <DateField label="Du" {...form.getInputProps(`housingHistory.${i}.fromDate`)} />
            <DateField label="Au" {...form.getInputProps(`housingHistory.${i}.toDate`)} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }} mt="sm">
            <TextInput label="Adresse" {...form.getInputProps(`housingHistory.${i}.address`)} />
            <TextInput label="Motif de fin" {...form.getInputProps(`housingHistory.${i}.endReason`)} />
          </SimpleGrid>
          <Group justify="flex-end" mt="sm">
            <RemoveRowButton
              label={`Retirer l'étape ${i + 1}`}
              onClick={() => form.removeListItem('housingHistory', i)}
            />
          </Group>
        </Fieldset>
      ))}
      <Group>
        <Button variant="light" onClick={() => form.insertListItem('housingHistory', emptyHousingHistory())}>
          Ajouter une étape
        </Button>
      </Group>
    </Section>
  );
}
