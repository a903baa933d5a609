import {
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  Radio,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import {
  PREFILL_SOURCE_LABELS,
  type DiagnosticSection,
  type PrefillSource,
  type TDiagnosticContent,
} from '@shared/contracts/diagnostics.ts';
import {
  DIAGNOSTIC_LIST_ROW_LABELS,
  DIAGNOSTIC_OPTION_LABELS,
  diagnosticFieldLabel,
} from '@shared/diagnostics/field-labels.ts';
import type { DiagnosticFieldPath } from '@shared/access/diagnostic-sharing.ts';
import { DateField } from '../../components/DateField.tsx';
import { MoneyInput } from '../../components/MoneyInput.tsx';

export type EditorValues = { content: TDiagnosticContent };
export type EditorForm = UseFormReturnType<EditorValues>;

type Kind = 'text' | 'textarea' | 'count' | 'hours' | 'bool' | 'enum' | 'date' | 'money';
type ListSpec = { list: Record<string, Kind> };
type FieldSpec = Kind | ListSpec;

/** The fields of each section the caseworker writes (labels and options come from the shared maps). */
export const EDITOR_SECTIONS: { key: DiagnosticSection; fields: Record<string, FieldSpec> | ListSpec }[] = [
  {
    key: 'familySituation',
    fields: {
      maritalStatus: 'enum',
      adults: 'count',
      children: 'count',
      expectingChild: 'bool',
      custodyArrangements: 'textarea',
      familyConflictNotes: 'textarea',
      narrative: 'textarea',
    },
  },
  {
    key: 'lifePath',
    fields: { keyEvents: { list: { date: 'date', event: 'text' } }, narrative: 'textarea' },
  },
  {
    key: 'administrative',
    fields: {
      identityPapersValid: 'bool',
      residencePermitUntil: 'date',
      residencePermitPending: 'bool',
      socialSecurity: 'enum',
      bankAccount: 'bool',
      daloRecognised: 'bool',
      socialHousingApplicationNumber: 'text',
      justiceNotes: 'textarea',
      narrative: 'textarea',
    },
  },
  {
    key: 'finances',
    fields: {
      monthlyIncomeCents: 'money',
      monthlyExpensesCents: 'money',
      debtsTotalCents: 'money',
      repaymentPlan: 'bool',
      overindebtedness: 'enum',
      narrative: 'textarea',
    },
  },
  {
    key: 'employment',
    fields: { status: 'enum', contractType: 'enum', weeklyHours: 'hours', narrative: 'textarea' },
  },
  {
    key: 'health',
    fields: {
      followUp: 'bool',
      followUpNotes: 'textarea',
      disabilityRecognition: 'enum',
      addictionNotes: 'textarea',
      mentalHealthNotes: 'textarea',
      narrative: 'textarea',
    },
  },
  {
    key: 'residentialProject',
    fields: {
      housingType: 'enum',
      typology: 'enum',
      preferredAreas: 'text',
      maxRentCents: 'money',
      constraints: 'textarea',
      narrative: 'textarea',
    },
  },
  {
    key: 'stepsUnderWay',
    fields: {
      items: { list: { label: 'text', startedOn: 'date', status: 'enum' } },
      narrative: 'textarea',
    },
  },
  { key: 'rights', fields: { list: { benefit: 'enum', status: 'enum', note: 'text' } } },
  {
    key: 'housingHistory',
    fields: {
      arrearsCents: 'money',
      arrearsSince: 'date',
      arrearsRepaymentPlan: 'bool',
      previousTenancies: { list: { landlordName: 'text', from: 'date', to: 'date', endReason: 'enum' } },
      shelters: { list: { name: 'text', from: 'date', to: 'date' } },
      narrative: 'textarea',
    },
  },
  {
    key: 'currentDwelling',
    fields: {
      hasDwelling: 'bool',
      status: 'enum',
      decency: 'enum',
      overcrowded: 'bool',
      fitsHousehold: 'bool',
      rentCents: 'money',
      withoutHousingSince: 'date',
      shelterApplications: 'textarea',
      narrative: 'textarea',
    },
  },
];

export const CONCLUSION_SECTION: (typeof EDITOR_SECTIONS)[number] = {
  key: 'conclusion',
  fields: {
    needVsMarket: 'textarea',
    tactic: 'textarea',
    capacityToActAlone: 'enum',
    capacityNotes: 'textarea',
    narrative: 'textarea',
  },
};

const LIST_TITLES: Record<string, string> = {
  keyEvents: 'Événements marquants',
  items: 'Démarches',
  previousTenancies: 'Baux précédents',
  shelters: 'Hébergements',
};

const isList = (spec: FieldSpec | Record<string, FieldSpec>): spec is ListSpec =>
  typeof spec === 'object' && 'list' in spec && typeof spec.list === 'object';

const BOOL_OPTIONS = [
  { value: 'yes', label: 'Oui' },
  { value: 'no', label: 'Non' },
  { value: 'unknown', label: 'Non renseigné' },
];

/** "Repris du dossier" beside a value taken from the file (in words, not only a colour). */
export function PrefillMark({ source }: { source: PrefillSource }) {
  return (
    <Badge component="span" variant="light" color="gray" radius="sm" tt="none">
      {PREFILL_SOURCE_LABELS[source]}
    </Badge>
  );
}

/**
 * One input bound to `content.<path>`; `labelPath` is the shared label key (lists use `[]`); `mark`
 * says where its value was taken from, until the caseworker changes it.
 */
export function FieldInput({
  form,
  path,
  labelPath,
  kind,
  required,
  mark,
}: {
  form: EditorForm;
  path: string;
  labelPath: string;
  kind: Kind;
  required?: boolean;
  mark?: PrefillSource;
}) {
  const props = form.getInputProps(`content.${path}`);
  const label = diagnosticFieldLabel(labelPath);
  const shownMark = mark && !form.isDirty(`content.${path}`) ? <PrefillMark source={mark} /> : undefined;
  const common = {
    label,
    required,
    error: props.error as string | undefined,
    ...(shownMark ? { description: shownMark } : {}),
  };
  switch (kind) {
    case 'textarea':
      return <Textarea {...props} {...common} value={props.value ?? ''} autosize minRows={2} maxRows={12} />;
    case 'text':
      return <TextInput {...props} {...common} value={props.value ?? ''} />;
    case 'count':
    case 'hours':
      return (
        <NumberInput
          {...props}
          {...common}
          value={props.value ?? ''}
          min={0}
          max={kind === 'count' ? 30 : 80}
          allowDecimal={kind === 'hours'}
          decimalSeparator=","
        />
      );
    case 'money':
      return <MoneyInput {...props} {...common} value={props.value ?? null} />;
    case 'date':
      return (
        <DateField
          {...props}
          {...common}
          // The date's own hint stays beside the mark.
          description={shownMark && <>Format : JJ/MM/AAAA {shownMark}</>}
          value={props.value ?? null}
        />
      );
    case 'enum': {
      const options = DIAGNOSTIC_OPTION_LABELS[labelPath as DiagnosticFieldPath] ?? {};
      return (
        <Select
          {...props}
          {...common}
          value={props.value ?? null}
          data={Object.entries(options).map(([value, l]) => ({ value, label: l }))}
          clearable
          placeholder="Non renseigné"
        />
      );
    }
    case 'bool': {
      const v = props.value as boolean | undefined;
      return (
        <Radio.Group
          {...common}
          value={v === undefined || v === null ? 'unknown' : v ? 'yes' : 'no'}
          onChange={(next) => props.onChange(next === 'unknown' ? undefined : next === 'yes')}
        >
          <Group gap="lg" mt={6}>
            {BOOL_OPTIONS.map((o) => (
              <Radio key={o.value} value={o.value} label={o.label} size="md" />
            ))}
          </Group>
        </Radio.Group>
      );
    }
  }
}

function ListInput({
  form,
  path,
  labelPath,
  spec,
}: {
  form: EditorForm;
  path: string;
  labelPath: string;
  spec: ListSpec;
}) {
  const rows = getAt(form.getValues(), `content.${path}`);
  const items = Array.isArray(rows) ? rows : [];
  const rowLabel = DIAGNOSTIC_LIST_ROW_LABELS[labelPath] ?? 'Élément';
  return (
    <Stack gap="sm">
      {items.map((_, i) => (
        <Paper key={i} withBorder p="sm" radius="md" component="fieldset" m={0}>
          <Text component="legend" fw={600} size="sm" px={4}>
            {rowLabel} {i + 1}
          </Text>
          <Stack gap="sm">
            {Object.entries(spec.list).map(([k, kind]) => (
              <FieldInput
                key={k}
                form={form}
                path={`${path}.${i}.${k}`}
                labelPath={`${labelPath}[].${k}`}
                kind={kind}
              />
            ))}
            <Group justify="flex-end">
              <Button
                variant="subtle"
                color="red"
                size="sm"
                onClick={() => form.removeListItem(`content.${path}`, i)}
              >
                Retirer {rowLabel.toLowerCase()} {i + 1}
              </Button>
            </Group>
          </Stack>
        </Paper>
      ))}
      <Group>
        <Button
          variant="light"
          onClick={() =>
            items.length === 0
              ? form.setFieldValue(`content.${path}`, [{}])
              : form.insertListItem(`content.${path}`, {})
          }
        >
          Ajouter : {rowLabel.toLowerCase()}
        </Button>
      </Group>
    </Stack>
  );
}

export function getAt(root: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as never)[k] : undefined), root);
}

/** The inputs of one section, following EDITOR_SECTIONS; `prefilled` marks values taken as they were. */
export function SectionFields({
  form,
  section,
  required,
  prefilled = {},
}: {
  form: EditorForm;
  section: (typeof EDITOR_SECTIONS)[number];
  required: ReadonlySet<string>;
  prefilled?: Readonly<Record<string, PrefillSource>>;
}) {
  const { key, fields } = section;
  if (isList(fields)) return <ListInput form={form} path={key} labelPath={key} spec={fields} />;
  return (
    <Stack gap="md">
      {Object.entries(fields).map(([k, spec]) =>
        isList(spec) ? (
          <Stack key={k} gap="xs">
            <Text fw={600}>{LIST_TITLES[k] ?? k}</Text>
            <ListInput form={form} path={`${key}.${k}`} labelPath={`${key}.${k}`} spec={spec} />
          </Stack>
        ) : (
          <FieldInput
            key={k}
            form={form}
            path={`${key}.${k}`}
            labelPath={`${key}.${k}`}
            kind={spec}
            required={required.has(`content.${key}.${k}`)}
            mark={prefilled[`${key}.${k}`]}
          />
        ),
      )}
    </Stack>
  );
}
