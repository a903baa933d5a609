import type { ReactNode } from 'react';
import { Card, Container, Grid, Stack, Text, Title } from '@mantine/core';

/**
 * A public calculator's page: its title and what it does, then the form on one side and the live
 * result on the other (one column on a narrow screen). The form is never submitted: each change computes.
 */
export function CalculatorLayout({
  title,
  intro,
  notice,
  formLabel,
  form,
  result,
}: {
  title: string;
  intro: ReactNode;
  /** Shown above the form, e.g. why the calculator cannot answer right now. */
  notice?: ReactNode;
  formLabel: string;
  form: ReactNode;
  result: ReactNode;
}) {
  return (
    <Container size="lg" py="md">
      <Stack gap="md">
        <div>
          <Title order={1}>{title}</Title>
          <Text c="dimmed" mt={4}>
            {intro}
          </Text>
        </div>
        {notice}
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Card
              withBorder
              padding="md"
              component="form"
              aria-label={formLabel}
              onSubmit={(e) => e.preventDefault()}
            >
              <Stack gap="sm">{form}</Stack>
            </Card>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>{result}</Grid.Col>
        </Grid>
      </Stack>
    </Container>
  );
}
