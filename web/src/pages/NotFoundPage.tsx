import { Link } from 'react-router-dom';
import { Anchor, Text } from '@mantine/core';
import { PageHeader } from '../components/PageHeader.tsx';
import { PATHS } from '../paths.ts';

export function NotFoundPage() {
  return (
    <>
      <PageHeader title="Page introuvable" />
      <Text>
        Cette adresse ne correspond à aucune page.{' '}
        <Anchor component={Link} to={PATHS.home}>
          Revenir à l’accueil
        </Anchor>
      </Text>
    </>
  );
}
