import { useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { Anchor, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { ZLoginRequest, type SecondFactorState, type TLoginResponse } from '@shared/contracts/identity.ts';
import { AUTH_ROUTES } from '@shared/routes/identity.ts';
import { setCsrfToken } from '../../api/client.ts';
import { callRoute, useRouteMutation } from '../../api/routes.ts';
import { useMe, useResetSession } from '../../api/session.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { PATHS } from '../../paths.ts';
import { AuthLayout } from './AuthLayout.tsx';
import { SecondFactorStep } from './SecondFactor.tsx';

/** Only paths inside the app: never send the user to another site after sign-in. */
export function safeReturnPath(value: string | null): string {
  return value && value.startsWith('/') && !value.startsWith('//') ? value : PATHS.home;
}

const STEP_TITLES: Record<SecondFactorState, string> = {
  none: 'Connexion',
  required: 'Vérification en deux étapes',
  enrolment_required: 'Activer la vérification en deux étapes',
};

export function SignInPage() {
  const me = useMe();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const resetSession = useResetSession();
  // After the password: the second factor still to do (a reload resumes it from the session).
  const [pending, setPending] = useState<SecondFactorState | null>(null);
  const returnTo = safeReturnPath(params.get('retour'));

  const finish = async () => {
    await resetSession();
    navigate(returnTo, { replace: true });
  };

  // Leaves a half-open session (password done, second factor not) to start again.
  const signOut = async () => {
    await callRoute(AUTH_ROUTES.logout, {}).catch(() => undefined);
    setCsrfToken(null);
    setPending(null);
    await resetSession();
  };

  if (me.isPending) return <LoadingState />;
  const step = pending ?? (me.data && me.data.secondFactor !== 'none' ? me.data.secondFactor : null);
  if (!step && me.data) return <Navigate to={returnTo} replace />;

  return (
    <AuthLayout title={STEP_TITLES[step ?? 'none']}>
      {step ? (
        <>
          <SecondFactorStep state={step} onDone={() => void finish()} />
          <Anchor component="button" type="button" size="sm" onClick={() => void signOut()}>
            Se connecter avec un autre compte
          </Anchor>
        </>
      ) : (
        <PasswordStep
          onSignedIn={(r) => {
            if (r.secondFactor === 'none') void finish();
            else setPending(r.secondFactor);
          }}
        />
      )}
    </AuthLayout>
  );
}

function PasswordStep({ onSignedIn }: { onSignedIn: (r: TLoginResponse) => void }) {
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: schemaResolver(ZLoginRequest, { sync: true }),
  });
  const signIn = useRouteMutation(AUTH_ROUTES.login, {
    form,
    onSuccess: (r) => {
      setCsrfToken(r.csrfToken);
      onSignedIn(r);
    },
  });

  return (
    <form onSubmit={form.onSubmit((body) => signIn.mutate({ body }))} noValidate>
      <Stack>
        <ApiErrorAlert error={signIn.error} title="Connexion impossible" />
        <TextInput
          label="Adresse e-mail"
          type="email"
          autoComplete="username"
          required
          autoFocus
          {...form.getInputProps('email')}
        />
        <PasswordInput
          label="Mot de passe"
          autoComplete="current-password"
          required
          visibilityToggleButtonProps={{ 'aria-label': 'Afficher ou masquer le mot de passe' }}
          {...form.getInputProps('password')}
        />
        <Button type="submit" loading={signIn.isPending}>
          Se connecter
        </Button>
        <Anchor component={Link} to={PATHS.forgotPassword} size="sm">
          Mot de passe oublié ?
        </Anchor>
      </Stack>
    </form>
  );
}
