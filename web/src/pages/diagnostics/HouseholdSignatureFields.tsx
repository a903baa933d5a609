import type { ReactNode } from 'react';
import { Tabs, Text, TextInput } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
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
