import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { Alert, Button, Stack, Text } from '@mantine/core';
import type { SecondFactorState } from '@shared/contracts/identity.ts';
import { AUTH_ROUTES } from '@shared/routes/identity.ts';
import { setCsrfToken } from '../../api/client.ts';
import { useRouteMutation } from '../../api/routes.ts';
import { useResetSession } from '../../api/session.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { PATHS } from '../../paths.ts';
import { AuthLayout } from './AuthLayout.tsx';
import { NewPasswordFields, useNewPasswordForm } from './NewPasswordFields.tsx';
import { SecondFactorStep } from './SecondFactor.tsx';

/** Accepting an invitation: choose a password, then (for most roles) enrol the second factor. */
export function InvitationPage() {
  const [params] = useSearchParams();
  const token = params.get('token');
  const navigate = useNavigate();
  const resetSession = useResetSession();
  const [secondFactor, setSecondFactor] = useState<SecondFactorState | null>(null);
  const form = useNewPasswordForm();

  const finish = async () => {
    await resetSession();
    navigate(PATHS.home, { replace: true });
  };
  const accept = useRouteMutation(AUTH_ROUTES.acceptInvitation, {
    form,
    onSuccess: async (r) => {
      setCsrfToken(r.csrfToken);
      if (r.secondFactor === 'none') await finish();
      else setSecondFactor(r.secondFactor);
    },
  });

  if (secondFactor) {
    return (
      <AuthLayout title="Activer la vérification en deux étapes">
        <SecondFactorStep state={secondFactor} onDone={() => void finish()} />
      </AuthLayout>
    );
  }
  return (
    <AuthLayout title="Activer votre compte">
      {!token ? (
        <Alert color="red" role="alert" title="Lien incomplet">
          Ce lien d’invitation est incomplet. Ouvrez le lien reçu par e-mail ou demandez une nouvelle
          invitation à l’administrateur de votre organisation.
        </Alert>
      ) : (
        <form
          onSubmit={form.onSubmit((v) => accept.mutate({ body: { token, password: v.password } }))}
          noValidate
        >
          <Stack>
            <Text>
              Vous avez été invité à rejoindre Relais. Choisissez votre mot de passe pour activer votre
              compte.
            </Text>
            <ApiErrorAlert error={accept.error} />
            <NewPasswordFields form={form} />
            <Button type="submit" loading={accept.isPending}>
              Activer mon compte
            </Button>
          </Stack>
        </form>
      )}
    </AuthLayout>
  );
}
