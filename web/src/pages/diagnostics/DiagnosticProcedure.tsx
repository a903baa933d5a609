import { useState } from 'react';
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import type { TDiagnosticDetail } from '@shared/contracts/diagnostics.ts';
import { DIAGNOSTIC_ROUTES } from '@shared/routes/diagnostics.ts';
import { formatDateTime } from '@shared/format.ts';
import { callRoute } from '../../api/routes.ts';
import { EvictionProcedureView, EvictionStepForm } from '../households/EvictionProcedureBlock.tsx';
import { householdKey } from '../households/household-api.ts';

/**
 * The household's eviction procedure in the diagnostic (its one home is the file): as it stands
 * while the diagnostic is written, with the steps learnt meanwhile recorded on it; as it was at the
 * household's approval once the version is frozen.
 */
export function DiagnosticProcedure({
  householdId,
  detail,
  editable,
}: {
  householdId: string;
  detail: TDiagnosticDetail;
  editable: boolean;
}) {
  const [adding, setAdding] = useState(false);
  const asOf = detail.evictionProcedureAsOf;
  return (
    <Stack gap="xs" component="section" aria-label="Procédure d’expulsion">
      <Title order={editable ? 4 : 3} size="h5">
        Procédure d’expulsion
      </Title>
      {asOf && (
        <Text size="sm" c="dimmed">
          Telle qu’elle était connue le {formatDateTime(asOf)}, quand cette version a été figée.
        </Text>
      )}
      <EvictionProcedureView procedure={detail.evictionProcedure} />
      {editable &&
        (adding ? (
          <EvictionStepForm
            save={(body) =>
              callRoute(DIAGNOSTIC_ROUTES.recordEvictionStep, {
                params: { id: householdId, diagId: detail.id },
                body,
              })
            }
            invalidate={[householdKey(householdId)]}
            onDone={() => setAdding(false)}
          />
        ) : (
          <Group>
            <Button variant="light" onClick={() => setAdding(true)}>
              Noter une étape de la procédure
            </Button>
          </Group>
        ))}
    </Stack>
  );
}
