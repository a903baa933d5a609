import { Button, Grid, NumberInput, Stack, Text } from '@mantine/core';
import {
  ALERT_SETTING_LABELS,
  ZAlertSettingsInput,
  type TAlertSettings,
  type TAlertSettingsAnswer,
  type TAlertSettingsInput,
} from '@shared/contracts/alerts.ts';
import { ALERT_ROUTES } from '@shared/routes/alerts.ts';
import { routeKey, useRouteMutation, useRouteQuery } from '../../api/routes.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { useBodyForm } from '../../components/FormDialog.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { Section } from '../../components/Section.tsx';

const FIELDS = Object.keys(ALERT_SETTING_LABELS) as (keyof TAlertSettings)[];
type Values = Record<keyof TAlertSettings, number | string>;

/** The organisation's alert delays, as its administrator sets them (Administration › Organisation). */
export function AlertSettingsSection() {
  const settings = useRouteQuery(ALERT_ROUTES.settings, {});
  return (
    <Section title="Alertes — délais en jours">
      <QueryState query={settings}>{(s) => <AlertSettingsForm key={s.rowVersion} settings={s} />}</QueryState>
    </Section>
  );
}

function AlertSettingsForm({ settings }: { settings: TAlertSettingsAnswer }) {
  // An emptied field goes as null, which the contract refuses in words.
  const toBody = (v: Values) =>
    ({
      ...Object.fromEntries(FIELDS.map((f) => [f, v[f] === '' ? null : Number(v[f])])),
      rowVersion: settings.rowVersion,
    }) as TAlertSettingsInput;
  const form = useBodyForm<Values>(
    Object.fromEntries(FIELDS.map((f) => [f, settings[f]])) as Values,
    ZAlertSettingsInput,
    toBody,
  );
  const save = useRouteMutation(ALERT_ROUTES.saveSettings, {
    form,
    invalidate: [routeKey(ALERT_ROUTES.settings, {})],
    successMessage: 'Réglages des alertes enregistrés.',
  });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate({ body: toBody(v) }))} noValidate>
      <Stack>
        <Text size="sm">
          Chaque matin, Relais transforme en tâches les échéances à ne pas manquer, selon ces délais.
          {settings.isDefault ? ' Votre organisation suit les valeurs par défaut.' : ''}
        </Text>
        <ApiErrorAlert error={save.error} />
        <Grid>
          {FIELDS.map((f) => (
            <Grid.Col key={f} span={{ base: 12, sm: 6 }}>
              <NumberInput
                label={ALERT_SETTING_LABELS[f]}
                clampBehavior="none"
                min={1}
                max={365}
                allowDecimal={false}
                required
                {...form.getInputProps(f)}
              />
            </Grid.Col>
          ))}
        </Grid>
        <div>
          <Button type="submit" loading={save.isPending}>
            Enregistrer les délais
          </Button>
        </div>
      </Stack>
    </form>
  );
}
