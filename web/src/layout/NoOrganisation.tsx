import { Text } from '@mantine/core';
import { PageHeader } from '../components/PageHeader.tsx';

/** A signed-in user with no active membership (all deactivated): nothing to show but the menu. */
export function NoOrganisation() {
  return (
    <>
      <PageHeader title="Aucune organisation active" />
      <Text>
        Votre compte n’est rattaché à aucune organisation active. Demandez à l’administrateur de votre
        organisation de vous inviter à nouveau.
      </Text>
    </>
  );
}
