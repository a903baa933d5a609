import { useState, type ReactNode } from 'react';
import { Button, Group, Modal, Stack, Tabs, Text, TextInput } from '@mantine/core';
import { useForm, type GetInputPropsReturnType } from '@mantine/form';
import { parisToday } from '@shared/time.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { DateField } from '../../components/DateField.tsx';
import { SignaturePad } from './SignaturePad.tsx';

interface HouseholdSignatureFieldsProps<M extends string> {
  /** The tabs' accessible name. */
  label: string;
  /** The route's names for the two ways: drawn on the pad, or the name typed before a witness. */
  drawn: M;
  typed: M;
  method: M;
  onMethodChange: (method: M) => void;
  onSignature: (png: string | null) => void;
  signatureError: ReactNode;
  typedNameInput: GetInputPropsReturnType;
}

/** The household's signature: drawn on the tablet, or its name typed before the caseworker. */
export function HouseholdSignatureFields<M extends string>(props: HouseholdSignatureFieldsProps<M>) {
  const { drawn, typed } = props;
  return (
    <Tabs value={props.method} onChange={(v) => props.onMethodChange(v === typed ? typed : drawn)}>
      <Tabs.List aria-label={props.label} grow>
        <Tabs.Tab value={drawn}>Signature sur la tablette</Tabs.Tab>
        <Tabs.Tab value={typed}>Nom saisi devant témoin</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value={drawn} pt="md">
        <SignaturePad onChange={props.onSignature} />
        {typeof props.signatureError === 'string' && (
          <Text c="red.8" size="sm" role="alert">
            {props.signatureError}
          </Text>
        )}
      </Tabs.Panel>
      <Tabs.Panel value={typed} pt="md">
        <TextInput
          label="Nom et prénom saisis par le ménage"
          description="Le ménage saisit son nom devant vous ; vous en êtes témoin."
          required
          {...props.typedNameInput}
        />
      </Tabs.Panel>
    </Tabs>
  );
}

type DatedSignatureValues = { signedOn: string | null; typedName: string; signaturePng: string | null };
export type DatedSignatureBody =
  | { method: 'signature'; signedOn: string; signaturePng: string }
  | { method: 'typed_name'; signedOn: string; typedName: string };

/** The form of a dated household signature (a diagnostic's approval, an evaluation): today, drawn. */
export function useDatedSignatureForm() {
  const [method, setMethod] = useState<DatedSignatureBody['method']>('signature');
  const form = useForm<DatedSignatureValues>({
    initialValues: { signedOn: parisToday(), typedName: '', signaturePng: null },
  });
  const body = (v: DatedSignatureValues): DatedSignatureBody => {
    const signedOn = v.signedOn ?? '';
    return method === 'signature'
      ? { method, signedOn, signaturePng: v.signaturePng ?? '' }
      : { method, signedOn, typedName: v.typedName };
  };
  return { form, method, setMethod, body };
}

/** The dialog in which the household signs, dated, on the tablet or by its name typed before a witness. */
export function DatedSignatureModal(props: {
  signature: ReturnType<typeof useDatedSignatureForm>;
  title: string;
  /** The accessible name of the two ways of signing. */
  methodLabel: string;
  submitLabel: string;
  error: unknown;
  pending: boolean;
  onSubmit: (body: DatedSignatureBody) => void;
  onClose: () => void;
}) {
  const { form, method, setMethod, body } = props.signature;
  return (
    <Modal
      opened
      onClose={props.onClose}
      title={props.title}
      size="xl"
      closeButtonProps={{ 'aria-label': 'Fermer' }}
    >
      <form noValidate onSubmit={form.onSubmit((v) => props.onSubmit(body(v)))}>
        <Stack>
          <ApiErrorAlert error={props.error} />
          <DateField label="Date" required {...form.getInputProps('signedOn')} />
          <HouseholdSignatureFields
            label={props.methodLabel}
            drawn="signature"
            typed="typed_name"
            method={method}
            onMethodChange={setMethod}
            onSignature={(png) => form.setFieldValue('signaturePng', png)}
            signatureError={form.errors.signaturePng}
            typedNameInput={form.getInputProps('typedName')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              Annuler
            </Button>
            <Button
              type="submit"
              color="green"
              loading={props.pending}
              disabled={method === 'signature' && !form.values.signaturePng}
            >
              {props.submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
