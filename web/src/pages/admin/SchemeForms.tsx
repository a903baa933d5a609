import { useState } from 'react';
import {
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { z } from 'zod';
import {
  SCHEME_KIND_LABELS,
  ZProgrammeInput,
  ZSchemeCreate,
  ZSchemeVersionInput,
  type SchemeKind,
  type TScheme,
  type TSchemeCosts,
  type TSchemeCreate,
  type TSchemeRules,
  type TSchemeTemplate,
} from '@shared/contracts/measures.ts';
import { MEASURE_ROUTES } from '@shared/routes/measures.ts';
import { parisToday } from '@shared/time.ts';
import { useRouteMutation } from '../../api/routes.ts';
import { DateField } from '../../components/DateField.tsx';
import { FormDialog, useBodyForm } from '../../components/FormDialog.tsx';
import { MoneyInput } from '../../components/MoneyInput.tsx';
import { optionsOf } from '../households/organisations.ts';
import { SCHEMES_KEY } from '../measures/measure-api.ts';

/** The rules as typed: empty numbers are '' (no limit where the rule allows it), criteria one per line. */
interface RulesValues {
  initialMonths: number | string;
  renewalMonths: number | string;
  maxRenewals: number | string;
  maxTotalMonths: number | string;
  criteria: { min: number | string; among: string };
  validationAfter: { schemes: string[]; withinMonths: number | string };
}
interface VersionValues extends Record<string, unknown> {
  effectiveFrom: string | null;
  rules: RulesValues;
  costs: TSchemeCosts;
}

type TVersionInput = z.input<typeof ZSchemeVersionInput>;

const orNull = (n: number | string) => (typeof n === 'number' ? n : null);
const blank = (n: number | null): number | string => n ?? '';

const rulesValues = (r: TSchemeRules): RulesValues => ({
  initialMonths: r.initialMonths,
  renewalMonths: r.renewalMonths,
  maxRenewals: blank(r.maxRenewals),
  maxTotalMonths: blank(r.maxTotalMonths),
  criteria: { min: blank(r.criteria?.min ?? null), among: r.criteria?.among.join('\n') ?? '' },
  validationAfter: {
    schemes: r.validationAfter?.schemes.slice() ?? [],
    withinMonths: blank(r.validationAfter?.withinMonths ?? null),
  },
});

/** No criterion listed: no criteria rule; no scheme named: no sequencing rule. */
function rulesBody(v: RulesValues) {
  const among = v.criteria.among
    .split('\n')
    .map((c) => c.trim())
    .filter(Boolean);
  return {
    initialMonths: orNull(v.initialMonths),
    renewalMonths: orNull(v.renewalMonths),
    maxRenewals: orNull(v.maxRenewals),
    maxTotalMonths: orNull(v.maxTotalMonths),
    criteria: among.length > 0 ? { min: orNull(v.criteria.min), among } : null,
    validationAfter:
      v.validationAfter.schemes.length > 0
        ? { schemes: v.validationAfter.schemes, withinMonths: orNull(v.validationAfter.withinMonths) }
        : null,
  };
}

const versionValues = (rules: TSchemeRules, costs: TSchemeCosts): VersionValues => ({
  effectiveFrom: parisToday(),
  rules: rulesValues(rules),
  costs: { ...costs },
});
const versionBody = (v: VersionValues) => ({
  effectiveFrom: v.effectiveFrom ?? '',
  rules: rulesBody(v.rules),
  costs: v.costs,
});

/** The fields of a scheme version: its date, its rules, its unit costs. */
function VersionFields<V extends VersionValues>({
  form,
  schemeOptions,
}: {
  form: UseFormReturnType<V>;
  /** Schemes a sequencing rule may name (short name → name). */
  schemeOptions: { value: string; label: string }[];
}) {
  const input = (path: string) => form.getInputProps(path);
  return (
    <>
      <DateField label="En vigueur à partir du" required {...input('effectiveFrom')} />
      <Title order={3} size="h6">
        Durée
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NumberInput
          label="Durée initiale (mois)"
          required
          min={1}
          allowDecimal={false}
          {...input('rules.initialMonths')}
        />
        <NumberInput
          label="Durée d’un renouvellement (mois)"
          required
          min={1}
          allowDecimal={false}
          {...input('rules.renewalMonths')}
        />
        <NumberInput
          label="Renouvellements au plus"
          description="Vide : sans limite de nombre ; 0 : non renouvelable."
          min={0}
          allowDecimal={false}
          {...input('rules.maxRenewals')}
        />
        <NumberInput
          label="Durée totale au plus (mois)"
          description="Vide : sans limite."
          min={1}
          allowDecimal={false}
          {...input('rules.maxTotalMonths')}
        />
      </SimpleGrid>
      <Title order={3} size="h6">
        Critères d’éligibilité
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Textarea
          label="Critères (un par ligne)"
          description="Vide : pas de critère exigé."
          autosize
          minRows={3}
          {...input('rules.criteria.among')}
        />
        <NumberInput
          label="Nombre de critères exigés au moins"
          min={1}
          allowDecimal={false}
          {...input('rules.criteria.min')}
        />
      </SimpleGrid>
      <Title order={3} size="h6">
        Enchaînement des dispositifs
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <MultiSelect
          label="Validation de l’État après une mesure de"
          description="Vide : pas de règle d’enchaînement."
          data={schemeOptions}
          {...input('rules.validationAfter.schemes')}
        />
        <NumberInput
          label="Terminée depuis moins de (mois)"
          min={1}
          allowDecimal={false}
          {...input('rules.validationAfter.withinMonths')}
        />
      </SimpleGrid>
      <Title order={3} size="h6">
        Coûts unitaires
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <MoneyInput label="Par mois d’accompagnement" {...input('costs.perMonthCents')} />
        <MoneyInput label="Par mesure" {...input('costs.perMeasureCents')} />
        <MoneyInput label="Par logement et par an" {...input('costs.perDwellingYearCents')} />
      </SimpleGrid>
    </>
  );
}

interface DialogProps {
  onClose: () => void;
  onReload: () => void;
  schemeOptions: { value: string; label: string }[];
}
const saved = (onClose: () => void, successMessage: string) => ({
  invalidate: [SCHEMES_KEY],
  successMessage,
  onSuccess: onClose,
});

/** A new dated version of a scheme's rules and costs, prefilled with the version in force. */
export function NewVersionDialog({ scheme, ...props }: DialogProps & { scheme: TScheme }) {
  const latest = scheme.current ?? scheme.versions.at(-1)!;
  const form = useBodyForm<VersionValues>(
    versionValues(latest.rules, latest.costs),
    ZSchemeVersionInput,
    versionBody,
    {
      effectiveFrom: 'Indiquez la date d’entrée en vigueur.',
    },
  );
  const add = useRouteMutation(MEASURE_ROUTES.addVersion, {
    form,
    ...saved(props.onClose, 'Version enregistrée.'),
  });
  return (
    <FormDialog
      {...props}
      title={`Nouvelle version : ${scheme.name}`}
      intro="Les mesures déjà proposées gardent les règles de leur version ; la nouvelle s’applique aux suivantes."
      form={form}
      mutation={add}
      // The form's check has passed the contract when this runs: no empty number is left.
      onSubmit={(v) => add.mutate({ params: { schemeId: scheme.id }, body: versionBody(v) as TVersionInput })}
      submitLabel="Enregistrer la version"
    >
      <VersionFields form={form} schemeOptions={props.schemeOptions} />
    </FormDialog>
  );
}

interface ProgrammeValues extends Record<string, unknown> {
  name: string;
  periodFrom: string | null;
  periodTo: string | null;
  budgetMeasures: number | string;
  budgetCents: number | null;
}
const programmeBody = (v: ProgrammeValues) => ({
  name: v.name,
  periodFrom: v.periodFrom ?? '',
  periodTo: v.periodTo ?? '',
  budgetMeasures: orNull(v.budgetMeasures),
  budgetCents: v.budgetCents,
});

/** A funding programme of a scheme: its period and its budget in measures and euros. */
export function NewProgrammeDialog({
  scheme,
  ...props
}: Omit<DialogProps, 'schemeOptions'> & { scheme: TScheme }) {
  const form = useBodyForm<ProgrammeValues>(
    { name: '', periodFrom: null, periodTo: null, budgetMeasures: '', budgetCents: null },
    ZProgrammeInput,
    programmeBody,
    { periodFrom: 'Indiquez le début du programme.', periodTo: 'Indiquez la fin du programme.' },
  );
  const add = useRouteMutation(MEASURE_ROUTES.addProgramme, {
    form,
    ...saved(props.onClose, 'Programme enregistré.'),
  });
  return (
    <FormDialog
      {...props}
      title={`Nouveau programme : ${scheme.name}`}
      form={form}
      mutation={add}
      onSubmit={(v) => add.mutate({ params: { schemeId: scheme.id }, body: programmeBody(v) })}
      submitLabel="Enregistrer le programme"
    >
      <TextInput label="Nom du programme" required {...form.getInputProps('name')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <DateField label="Du" required {...form.getInputProps('periodFrom')} />
        <DateField label="Au" required {...form.getInputProps('periodTo')} />
        <NumberInput
          label="Budget en nombre de mesures"
          min={0}
          allowDecimal={false}
          {...form.getInputProps('budgetMeasures')}
        />
        <MoneyInput label="Budget en euros" {...form.getInputProps('budgetCents')} />
      </SimpleGrid>
    </FormDialog>
  );
}

interface SchemeValues extends VersionValues {
  code: string;
  name: string;
  kind: SchemeKind | null;
}
const schemeBody = (v: SchemeValues) => ({
  ...versionBody(v),
  code: v.code,
  name: v.name,
  kind: v.kind ?? undefined,
});

/** A scheme of the shipped catalogue, adopted by the administrator's organisation once reviewed. */
export function AddSchemeDialog({ templates, ...props }: DialogProps & { templates: TSchemeTemplate[] }) {
  const [template, setTemplate] = useState<TSchemeTemplate | null>(null);
  const form = useBodyForm<SchemeValues>(
    { code: '', name: '', kind: null, ...versionValues(templates[0]!.rules, templates[0]!.costs) },
    ZSchemeCreate,
    schemeBody,
    {
      kind: 'Choisissez ce que le dispositif accompagne.',
      effectiveFrom: 'Indiquez la date d’entrée en vigueur.',
    },
  );
  const create = useRouteMutation(MEASURE_ROUTES.createScheme, {
    form,
    ...saved(props.onClose, 'Dispositif ajouté.'),
  });
  const pick = (code: string | null) => {
    const t = templates.find((x) => x.code === code) ?? null;
    setTemplate(t);
    if (t) form.setValues({ code: t.code, name: t.name, kind: t.kind, ...versionValues(t.rules, t.costs) });
  };
  return (
    <FormDialog
      {...props}
      title="Ajouter un dispositif"
      intro="Choisissez un dispositif du catalogue : ses règles sont reprises des documents de référence, modifiables avant d’enregistrer."
      form={form}
      mutation={create}
      // The form's check has passed the contract when this runs: no empty number is left.
      onSubmit={(v) => create.mutate({ body: schemeBody(v) as TSchemeCreate })}
      submitLabel="Ajouter le dispositif"
    >
      <Select
        label="Modèle du catalogue"
        placeholder="Choisir un dispositif"
        data={templates.map((t) => ({ value: t.code, label: `${t.name} (${t.usualFunder})` }))}
        value={template?.code ?? null}
        onChange={pick}
      />
      {template && (
        <Text size="sm" c="dimmed">
          Source : {template.source}
        </Text>
      )}
      <TextInput label="Nom du dispositif" required {...form.getInputProps('name')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label="Nom court"
          description="Lettres sans accent, chiffres et tirets ; les règles d’enchaînement s’y réfèrent."
          required
          {...form.getInputProps('code')}
        />
        <Select
          label="Ce que le dispositif accompagne"
          required
          data={optionsOf(SCHEME_KIND_LABELS)}
          {...form.getInputProps('kind')}
        />
      </SimpleGrid>
      <VersionFields form={form} schemeOptions={props.schemeOptions} />
    </FormDialog>
  );
}
