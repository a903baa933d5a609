import { useState } from 'react';
import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Code,
  Image,
  List,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import type { SecondFactorState } from '@shared/contracts/identity.ts';
import { AUTH_ROUTES } from '@shared/routes/identity.ts';
import { useRouteMutation, useRouteQuery } from '../../api/routes.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';

/** The second step of sign-in, whatever it is for this user. */
export function SecondFactorStep({ state, onDone }: { state: SecondFactorState; onDone: () => void }) {
  if (state === 'required') return <VerifySecondFactor onDone={onDone} />;
  if (state === 'enrolment_required') return <TotpEnrolment onDone={onDone} />;
  return null;
}

/** The 6-digit TOTP code: one plain field, so browsers and password managers can fill it. */
function SixDigitCode({ label, inputProps }: { label: string; inputProps: object }) {
  return (
    <TextInput
      label={label}
      description="6 chiffres, renouvelés toutes les 30 secondes"
      inputMode="numeric"
      autoComplete="one-time-code"
      maxLength={6}
      required
      autoFocus
      {...inputProps}
    />
  );
}

function VerifySecondFactor({ onDone }: { onDone: () => void }) {
  const [useRecovery, setUseRecovery] = useState(false);
  const form = useForm({ initialValues: { code: '', recoveryCode: '' } });
  const verify = useRouteMutation(AUTH_ROUTES.totpVerify, { form, onSuccess: onDone });
  const submit = form.onSubmit((v) =>
    verify.mutate({ body: useRecovery ? { recoveryCode: v.recoveryCode.trim() } : { code: v.code } }),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text>
          {useRecovery
            ? 'Saisissez l’un de vos codes de secours. Chaque code ne sert qu’une fois.'
            : 'Ouvrez votre application d’authentification et saisissez le code affiché pour Relais.'}
        </Text>
        <ApiErrorAlert error={verify.error} />
        {useRecovery ? (
          <TextInput
            label="Code de secours"
            autoComplete="off"
            required
            autoFocus
            {...form.getInputProps('recoveryCode')}
          />
        ) : (
          <SixDigitCode label="Code de vérification" inputProps={form.getInputProps('code')} />
        )}
        <Button type="submit" loading={verify.isPending}>
          Valider
        </Button>
        <Anchor
          component="button"
          type="button"
          size="sm"
          onClick={() => {
            setUseRecovery((r) => !r);
            form.clearErrors();
          }}
        >
          {useRecovery
            ? 'Utiliser le code de mon application'
            : 'Je n’ai pas accès à mon application : utiliser un code de secours'}
        </Anchor>
      </Stack>
    </form>
  );
}

/** Enrolment: scan the QR code (or type the secret), confirm a first code, keep the recovery codes. */
export function TotpEnrolment({ onDone }: { onDone: () => void }) {
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  // A POST (it draws a new secret) run once, as a query, when the step shows.
  const enrolment = useRouteQuery(
    AUTH_ROUTES.totpEnrol,
    {},
    { staleTime: Infinity, gcTime: 0, retry: false },
  );
  const form = useForm({ initialValues: { code: '' } });
  const confirm = useRouteMutation(AUTH_ROUTES.totpConfirm, {
    form,
    onSuccess: (r) => setRecoveryCodes(r.recoveryCodes),
  });

  if (recoveryCodes) return <RecoveryCodes codes={recoveryCodes} onDone={onDone} />;
  if (enrolment.isPending) return <LoadingState label="Préparation du second facteur…" />;
  if (enrolment.isError) return <ApiErrorAlert error={enrolment.error} />;
  const { qrCodeDataUrl, secret } = enrolment.data;

  return (
    <form onSubmit={form.onSubmit((body) => confirm.mutate({ body }))} noValidate>
      <Stack>
        <Text>
          Votre rôle donne accès à des données personnelles : la connexion demande un second facteur.
          Installez une application d’authentification (par exemple FreeOTP, Aegis ou Google Authenticator)
          sur votre téléphone.
        </Text>
        <List type="ordered" spacing="xs">
          <List.Item>Dans l’application, ajoutez un compte en scannant ce QR code.</List.Item>
          <List.Item>Saisissez ci-dessous le code à 6 chiffres qu’elle affiche.</List.Item>
        </List>
        <Image
          src={qrCodeDataUrl}
          alt="QR code à scanner avec votre application d’authentification"
          w={200}
          h={200}
          mx="auto"
        />
        <Text size="sm">
          Impossible de scanner ? Saisissez cette clé dans l’application :{' '}
          <Code style={{ wordBreak: 'break-all' }}>{secret}</Code>
        </Text>
        <ApiErrorAlert error={confirm.error} />
        <SixDigitCode label="Code affiché par l’application" inputProps={form.getInputProps('code')} />
        <Button type="submit" loading={confirm.isPending}>
          Activer le second facteur
        </Button>
      </Stack>
    </form>
  );
}

function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const [noted, setNoted] = useState(false);
  return (
    <Stack>
      <Alert color="green" title="Second facteur activé" role="status">
        Voici vos 10 codes de secours. Ils ne seront plus jamais affichés.
      </Alert>
      <Text>
        Notez-les ou imprimez-les et gardez-les en lieu sûr : chacun permet une connexion si vous perdez votre
        téléphone.
      </Text>
      <SimpleGrid
        cols={2}
        spacing="xs"
        component="ul"
        style={{ listStyle: 'none', padding: 0, margin: 0 }}
        aria-label="Codes de secours"
      >
        {codes.map((c) => (
          <li key={c}>
            <Code fz="md">{c}</Code>
          </li>
        ))}
      </SimpleGrid>
      <Button variant="default" onClick={() => window.print()}>
        Imprimer les codes
      </Button>
      <Checkbox
        label="J’ai noté mes codes de secours en lieu sûr"
        checked={noted}
        onChange={(e) => setNoted(e.currentTarget.checked)}
      />
      <Button onClick={onDone} disabled={!noted}>
        Continuer vers Relais
      </Button>
    </Stack>
  );
}
