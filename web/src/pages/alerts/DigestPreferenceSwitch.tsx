import { Switch } from '@mantine/core';
import { ALERT_ROUTES } from '@shared/routes/alerts.ts';
import { routeKey, useRouteMutation, useRouteQuery } from '../../api/routes.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';

/** The user's own choice: the morning email listing the alerts that are new or due. */
export function DigestPreferenceSwitch() {
  const preference = useRouteQuery(ALERT_ROUTES.digest, {});
  const save = useRouteMutation(ALERT_ROUTES.setDigest, {
    invalidate: [routeKey(ALERT_ROUTES.digest, {})],
    successMessage: 'Préférence enregistrée.',
  });
  if (!preference.data) return null;
  return (
    <>
      <ApiErrorAlert error={save.error} />
      <Switch
        label="Recevoir chaque matin un courriel de mes alertes nouvelles ou arrivées à échéance"
        checked={preference.data.dailyDigest}
        disabled={save.isPending}
        onChange={(e) => save.mutate({ body: { dailyDigest: e.currentTarget.checked } })}
      />
    </>
  );
}
