import { useState } from 'react';
import { Button, Group, Image, List, Modal, SimpleGrid, Stack, Text, Paper } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { QueryKey } from '@tanstack/react-query';
import {
  CONTRACT_PARTY_LABELS,
  type ContractParty,
  type TContractVersion,
  type TSupportContract,
} from '@shared/contracts/support-contracts.ts';
import { SUPPORT_CONTRACT_ROUTES } from '@shared/routes/support-contracts.ts';
import { signatureText } from '@shared/support-contracts/display.ts';
import { useRouteMutation } from '../../api/routes.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { Section } from '../../components/Section.tsx';
import { HouseholdSignatureFields } from '../diagnostics/HouseholdSignatureFields.tsx';

interface PanelProps {
  householdId: string;
  contract: TSupportContract;
  version: TContractVersion;
  invalidate: QueryKey[];
}

const signerOf = (v: TContractVersion, party: ContractParty) =>
  party === 'household'
    ? (v.terms.householdName ?? 'Le ménage')
    : party === 'association'
      ? v.terms.operatorName
      : (v.terms.landlordName ?? 'Le bailleur');

/** The household signs on the tablet: drawn with a finger, or its name typed before the caseworker. */
function HouseholdSignature({ householdId, contract, version, invalidate }: PanelProps) {
  const [open, setOpen] = useState(false);
  const [method, setMethod] = useState<'drawn' | 'typed'>('drawn');
  const form = useForm<{ typedName: string; signaturePng: string | null }>({
    initialValues: { typedName: '', signaturePng: null },
  });
  const sign = useRouteMutation(SUPPORT_CONTRACT_ROUTES.signHousehold, {
    form,
    invalidate,
    successMessage: 'Signature du ménage enregistrée.',
    onSuccess: () => setOpen(false),
  });
  const params = { id: householdId, measureId: contract.measureId };
  return (
    <>
      <Button size="md" onClick={() => setOpen(true)}>
        Faire signer le ménage
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title="Signature du ménage" size="xl">
        <form
          noValidate
          onSubmit={form.onSubmit((v) =>
            sign.mutate({
              params,
              body:
                method === 'drawn'
                  ? { rowVersion: contract.rowVersion, method, signaturePng: v.signaturePng ?? '' }
                  : { rowVersion: contract.rowVersion, method, typedName: v.typedName },
            }),
          )}
        >
          <Stack>
            <ApiErrorAlert error={sign.error} />
            <Text size="sm">
              {signerOf(version, 'household')} signe la version {version.number} du contrat, en votre
              présence.
            </Text>
            <HouseholdSignatureFields
              label="Façon de signer"
              drawn="drawn"
              typed="typed"
              method={method}
              onMethodChange={setMethod}
              onSignature={(png) => form.setFieldValue('signaturePng', png)}
              signatureError={form.errors.signaturePng}
              typedNameInput={form.getInputProps('typedName')}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpen(false)}>
                Annuler
              </Button>
              <Button
                type="submit"
                loading={sign.isPending}
                disabled={method === 'drawn' && !form.values.signaturePng}
              >
                Enregistrer la signature
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

/** « Signer pour mon organisation »: the association that runs the measure, or the landlord. */
function PartnerSignature({ householdId, contract, invalidate }: PanelProps) {
  const sign = useRouteMutation(SUPPORT_CONTRACT_ROUTES.signPartner, {
    invalidate,
    successMessage: 'Signature de votre organisation enregistrée.',
  });
  return (
    <Stack gap="xs">
      <ApiErrorAlert error={sign.error} />
      <Button
        size="md"
        color="green"
        loading={sign.isPending}
        onClick={() =>
          sign.mutate({
            params: { id: householdId, measureId: contract.measureId },
            body: { rowVersion: contract.rowVersion },
          })
        }
      >
        Signer pour mon organisation
      </Button>
    </Stack>
  );
}

/** One block per required signatory, and the signatures the reader may give or record. */
export function SignaturePanel(props: PanelProps) {
  const { contract, version } = props;
  const open = version.status === 'draft' || version.status === 'signing';
  const missing = Object.values(version.missingForSignature ?? {});
  const householdPending = !version.signatures.some((s) => s.party === 'household');
  return (
    <Section title="Signatures">
      <Stack>
        {open && missing.length > 0 && (
          <Stack gap={4}>
            <Text fw={600} size="sm">
              À compléter avant la signature :
            </Text>
            <List size="sm">
              {[...new Set(missing)].map((m) => (
                <List.Item key={m}>{m}</List.Item>
              ))}
            </List>
          </Stack>
        )}
        <SimpleGrid cols={{ base: 1, sm: version.requiredSignatories.length }}>
          {version.requiredSignatories.map((party) => {
            const signature = version.signatures.find((s) => s.party === party);
            return (
              <Paper key={party} withBorder p="sm" radius="md">
                <Text fw={600}>{CONTRACT_PARTY_LABELS[party]}</Text>
                <Text size="sm">{signerOf(version, party)}</Text>
                {signature ? (
                  <Stack gap={4} mt="xs">
                    {signature.signaturePng && (
                      <Image
                        src={signature.signaturePng}
                        alt={`Signature de ${signature.signerName}`}
                        h={80}
                        w="auto"
                        fit="contain"
                      />
                    )}
                    <Text size="sm">{signatureText(signature)}</Text>
                  </Stack>
                ) : (
                  <Text size="sm" c="dimmed" mt="xs">
                    En attente de signature
                  </Text>
                )}
              </Paper>
            );
          })}
        </SimpleGrid>
        {open && missing.length === 0 && (
          <Group>
            {contract.canWrite && householdPending && <HouseholdSignature {...props} />}
            {contract.canSignFor && <PartnerSignature {...props} />}
          </Group>
        )}
      </Stack>
    </Section>
  );
}
