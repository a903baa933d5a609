import { NumberInput, Select, TextInput } from '@mantine/core';
import { ZDwellingCreate, ZDwellingInput, type TDwelling } from '@shared/contracts/dwellings.ts';
import { DWELLING_ROUTES } from '@shared/routes/dwellings.ts';
import { routeKey, useRouteMutation, useRouteQuery } from '../../api/routes.ts';
import { FormDialog, useBodyForm } from '../../components/FormDialog.tsx';
import { ACCESSIBILITY_OPTIONS, FINANCING_OPTIONS, TYPOLOGY_OPTIONS } from './dwelling-labels.ts';

type Values = {
  reference: string;
  address: string;
  communeId: string | null;
  typology: string | null;
  surfaceM2: number | string;
  floor: number | string;
  lift: string | null;
  accessibility: string | null;
  financing: string | null;
};
const num = (v: number | string) => (v === '' ? null : Number(v));
const bodyOf = (v: Values) => ({
  reference: v.reference.trim() || null,
  address: v.address,
  communeId: v.communeId ?? '',
  typology: v.typology,
  surfaceM2: num(v.surfaceM2),
  floor: num(v.floor),
  lift: v.lift === null ? null : v.lift === 'yes',
  accessibility: v.accessibility,
  financing: v.financing,
});
const LIFT_OPTIONS = [
  { value: 'yes', label: 'Oui' },
  { value: 'no', label: 'Non' },
];

/** Adds a dwelling to the stock, or edits one. */
export function DwellingDialog({ dwelling, onClose }: { dwelling?: TDwelling; onClose: () => void }) {
  const options = useRouteQuery(DWELLING_ROUTES.options, {});
  const form = useBodyForm<Values>(
    {
      reference: dwelling?.reference ?? '',
      address: dwelling?.address ?? '',
      communeId: dwelling?.communeId ?? null,
      typology: dwelling?.typology ?? null,
      surfaceM2: dwelling?.surfaceM2 ?? '',
      floor: dwelling?.floor ?? '',
      lift: dwelling?.lift === null || dwelling?.lift === undefined ? null : dwelling.lift ? 'yes' : 'no',
      accessibility: dwelling?.accessibility ?? null,
      financing: dwelling?.financing ?? null,
    },
    ZDwellingInput,
    bodyOf,
    { communeId: 'Commune obligatoire.' },
  );
  const invalidate = [
    routeKey(DWELLING_ROUTES.list, {}),
    ...(dwelling ? [routeKey(DWELLING_ROUTES.get, { params: { dwellingId: dwelling.id } })] : []),
  ];
  const create = useRouteMutation(DWELLING_ROUTES.create, {
    form,
    invalidate,
    successMessage: 'Logement ajouté.',
    onSuccess: onClose,
  });
  const update = useRouteMutation(DWELLING_ROUTES.update, {
    form,
    invalidate,
    successMessage: 'Logement modifié.',
    onSuccess: onClose,
  });
  return (
    <FormDialog
      title={dwelling ? 'Modifier le logement' : 'Ajouter un logement'}
      form={form}
      mutation={dwelling ? update : create}
      onSubmit={(v) => {
        if (dwelling)
          update.mutate({ params: { dwellingId: dwelling.id }, body: ZDwellingInput.parse(bodyOf(v)) });
        else create.mutate({ body: ZDwellingCreate.parse(bodyOf(v)) });
      }}
      onClose={onClose}
      submitLabel={dwelling ? 'Enregistrer' : 'Ajouter'}
    >
      <TextInput
        label="Référence (celle de votre logiciel de gestion)"
        {...form.getInputProps('reference')}
      />
      <TextInput label="Adresse" required {...form.getInputProps('address')} />
      <Select
        label="Commune"
        required
        searchable
        data={(options.data?.communes ?? []).map((c) => ({
          value: c.id,
          label: c.postcode ? `${c.name} (${c.postcode})` : c.name,
        }))}
        {...form.getInputProps('communeId')}
      />
      <Select label="Typologie" data={TYPOLOGY_OPTIONS} clearable {...form.getInputProps('typology')} />
      <NumberInput
        label="Surface (m²)"
        min={1}
        max={9999}
        decimalScale={1}
        decimalSeparator=","
        {...form.getInputProps('surfaceM2')}
      />
      <NumberInput
        label="Étage (0 pour le rez-de-chaussée)"
        min={-5}
        max={200}
        allowDecimal={false}
        {...form.getInputProps('floor')}
      />
      <Select label="Ascenseur" data={LIFT_OPTIONS} clearable {...form.getInputProps('lift')} />
      <Select
        label="Accessibilité"
        data={ACCESSIBILITY_OPTIONS}
        clearable
        {...form.getInputProps('accessibility')}
      />
      <Select label="Financement" data={FINANCING_OPTIONS} clearable {...form.getInputProps('financing')} />
    </FormDialog>
  );
}
