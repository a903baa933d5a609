import { Link, useSearchParams } from 'react-router-dom';
import { Alert, Anchor, Button, Stack } from '@mantine/core';
import { AUTH_ROUTES } from '@shared/routes/identity.ts';
import { useRouteMutation } from '../../api/routes.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { PATHS } from '../../paths.ts';
import { AuthLayout } from './AuthLayout.tsx';
import { NewPasswordFields, useNewPasswordForm } from './NewPasswordFields.tsx';

export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get('token');
  const form = useNewPasswordForm();
  const reset = useRouteMutation(AUTH_ROUTES.passwordResetConfirm, { form });

  return (
    <AuthLayout title="Choisir un nouveau mot de passe">
      {!token ? (
        <Alert color="red" role="alert" title="Lien incomplet">
          Ce lien de réinitialisation est incomplet. Ouvrez le lien reçu par e-mail, ou faites une nouvelle
          demande.
        </Alert>
      ) : reset.isSuccess ? (
        <Alert color="green" role="status" title="Mot de passe modifié">
          Votre mot de passe a été changé et vos autres sessions ont été fermées. Vous pouvez vous connecter.
        </Alert>
      ) : (
        <form
          onSubmit={form.onSubmit((v) => reset.mutate({ body: { token, password: v.password } }))}
          noValidate
        >
          <Stack>
            <ApiErrorAlert error={reset.error} />
            <NewPasswordFields form={form} />
            <Button type="submit" loading={reset.isPending}>
              Enregistrer le mot de passe
            </Button>
          </Stack>
        </form>
      )}
      <Anchor component={Link} to={reset.isSuccess ? PATHS.signIn : PATHS.forgotPassword} size="sm">
        {reset.isSuccess ? 'Se connecter' : 'Faire une nouvelle demande de lien'}
      </Anchor>
    </AuthLayout>
  );
}
