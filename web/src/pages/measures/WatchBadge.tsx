import { Badge } from '@mantine/core';
import { formatDate } from '@shared/format.ts';
import { MEASURE_ROUTES } from '@shared/routes/measures.ts';
import { useRouteQuery } from '../../api/routes.ts';

/** « En veille jusqu'au … » on the file's header while the household is under a social watch. */
export function WatchBadge({ householdId }: { householdId: string }) {
  const list = useRouteQuery(MEASURE_ROUTES.list, { params: { id: householdId } });
  const until = list.data?.watchUntil;
  if (!until) return null;
  return (
    <Badge variant="light" color="teal" radius="sm" tt="none">
      En veille jusqu’au {formatDate(until)}
    </Badge>
  );
}
