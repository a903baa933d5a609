import type { ReactNode } from 'react';
import { Container, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '../../components/PageHeader.tsx';

/** Signed-out pages: the product name, one card, and the page's <h1>. */
export function AuthLayout({ title, children }: { title: string; children: ReactNode }) {
  useDocumentTitle(title);
  return (
    <>
      <header>
        <Container size={460} pt="xl">
          <Text fw={700} size="xl" c="blue.8" ta="center">
            Relais
          </Text>
          <Text c="dimmed" size="sm" ta="center">
            Le système d’information du logement accompagné
          </Text>
        </Container>
      </header>
      <main id="contenu">
        <Container size={460} py="lg">
          <Paper withBorder shadow="sm" p="lg" radius="md">
            <Stack>
              <Title order={1} size="h3">
                {title}
              </Title>
              {children}
            </Stack>
          </Paper>
        </Container>
      </main>
    </>
  );
}
