import { Button, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { useNavigate } from 'react-router-dom';
import { ZConsentTerms } from '@shared/contracts/households.ts';
import { HOUSEHOLD_ROUTES } from '@shared/routes/households.ts';
import { useRouteMutation } from '../../api/routes.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { PATHS } from '../../paths.ts';
import { ConsentFields, consentBody, newConsentValues, type ConsentValues } from './ConsentFields.tsx';
import {
  ContactFields,
  DwellingFields,
  MembersFields,
  PriorityFields,
  SituationFields,
} from './HouseholdFields.tsx';
import { HOUSEHOLDS_KEY } from './household-api.ts';
import {
  bodyFromValues,
  newHouseholdValues,
  validateHouseholdValues,
  zodErrors,
  type HouseholdFormValues,
} from './household-form.ts';

interface NewHouseholdValues extends HouseholdFormValues {
  /** Same shape as the API's `basis`, so its field errors (basis.consent.witnessName) land here. */
  basis: { consent: ConsentValues };
}

interface NewHouseholdModalProps {
  opened: boolean;
  onClose: () => void;
  /**
   * A landlord holds the file of its own tenant; any other organisation founds its access on the
   * household's consent, recorded with the file.
   */
  basisKind: 'consent' | 'own_tenant';
}

export function NewHouseholdModal({ opened, onClose, basisKind }: NewHouseholdModalProps) {
  const navigate = useNavigate();
  const smallScreen = useMediaQuery('(max-width: 48em)');
  const form = useForm<NewHouseholdValues>({
    initialValues: {
      ...newHouseholdValues(basisKind === 'own_tenant' ? 'social_tenant' : 'shelter'),
      basis: { consent: newConsentValues() },
    },
    validate: (values) => ({
      ...validateHouseholdValues(values),
      ...(basisKind === 'consent'
        ? zodErrors(ZConsentTerms.safeParse(consentBody(values.basis.consent)).error, 'basis.consent.')
        : {}),
    }),
  });
  const create = useRouteMutation(HOUSEHOLD_ROUTES.create, {
    form,
    invalidate: [HOUSEHOLDS_KEY],
    successMessage: 'Ménage créé.',
    onSuccess: ({ id }) => {
      form.reset();
      onClose();
      navigate(PATHS.household(id));
    },
  });

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title="Nouveau ménage"
      size="xl"
      fullScreen={smallScreen}
      closeButtonProps={{ 'aria-label': 'Fermer' }}
    >
      <form
        noValidate
        onSubmit={form.onSubmit((values) =>
          create.mutate({
            body: {
              ...bodyFromValues(values),
              basis:
                basisKind === 'consent'
                  ? { kind: 'consent', consent: consentBody(values.basis.consent) }
                  : { kind: 'own_tenant' },
            },
          }),
        )}
      >
        <Stack gap="lg">
          <MembersFields form={form} members={form.values.members} headingOrder={3} />
          <SituationFields form={form} headingOrder={3} />
          <ContactFields form={form} headingOrder={3} />
          <DwellingFields form={form} headingOrder={3} />
          <PriorityFields form={form} headingOrder={3} />
          {basisKind === 'consent' ? (
            <Stack gap="sm">
              <Title order={3} size="h4">
                Accord du ménage
              </Title>
              <Text size="sm" c="dimmed">
                Votre organisation accède au dossier sur la base de cet accord. Un accord oral doit être
                recueilli devant un témoin.
              </Text>
              <ConsentFields
                values={form.values.basis.consent}
                inputProps={(field) => form.getInputProps(`basis.consent.${field}`)}
              />
            </Stack>
          ) : (
            <Text size="sm" c="dimmed">
              Le dossier est ouvert au titre de locataire de votre organisme.
            </Text>
          )}
          <ApiErrorAlert error={create.error} />
          {Object.keys(form.errors).length > 0 && !create.error && (
            <Text c="red.9" role="alert" size="sm">
              Le formulaire comporte des erreurs : corrigez les champs signalés.
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Annuler
            </Button>
            <Button type="submit" loading={create.isPending}>
              Créer le ménage
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
