import { Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import {
  CONSENT_METHOD_LABELS,
  CONSENT_PURPOSE_LABELS,
  type ConsentMethod,
  type ConsentPurpose,
} from '@shared/contracts/household-enums.ts';
import { DateField } from '../../components/DateField.tsx';
import { optionsOf } from './organisations.ts';
import { parisToday } from '@shared/time.ts';

/** The terms of a consent (accord du ménage) as typed; same keys as the API's consent terms. */
export interface ConsentValues {
  purpose: ConsentPurpose;
  purposeDetail: string;
  validFrom: string | null;
  validUntil: string | null;
  method: ConsentMethod;
  witnessName: string;
}

export const newConsentValues = (): ConsentValues => ({
  purpose: 'support',
  purposeDetail: '',
  validFrom: parisToday(),
  validUntil: null,
  method: 'signed_form',
  witnessName: '',
});

/** The API shape: empty texts are left out, the schema reports the missing required ones. */
export const consentBody = (c: ConsentValues) => ({
  purpose: c.purpose,
  purposeDetail: c.purposeDetail.trim() || null,
  validFrom: c.validFrom ?? '',
  validUntil: c.validUntil,
  method: c.method,
  witnessName: c.method === 'oral_with_witness' ? c.witnessName.trim() || null : null,
});

interface ConsentFieldsProps {
  values: ConsentValues;
  inputProps: (field: keyof ConsentValues) => GetInputPropsReturnType;
}

/** Purpose, validity and how the consent was collected; the witness is asked for an oral consent. */
export function ConsentFields({ values, inputProps }: ConsentFieldsProps) {
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label="Objet de l'accord"
          required
          allowDeselect={false}
          data={optionsOf(CONSENT_PURPOSE_LABELS)}
          {...inputProps('purpose')}
        />
        <TextInput label="Précision sur l'objet" {...inputProps('purposeDetail')} />
        <DateField label="Valable à partir du" required {...inputProps('validFrom')} />
        <DateField label="Valable jusqu'au" {...inputProps('validUntil')} />
        <Select
          label="Mode de recueil"
          required
          allowDeselect={false}
          data={optionsOf(CONSENT_METHOD_LABELS)}
          {...inputProps('method')}
        />
        {values.method === 'oral_with_witness' && (
          <TextInput label="Nom du témoin" required {...inputProps('witnessName')} />
        )}
      </SimpleGrid>
    </Stack>
  );
}
