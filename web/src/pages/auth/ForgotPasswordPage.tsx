import { Link } from 'react-router-dom';
import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { ZPasswordResetRequest } from '@shared/contracts/identity.ts';
import { AUTH_ROUTES } from '@shared/routes/identity.ts';
import { useRouteMutation } from '../../api/routes.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { PATHS } from '../../paths.ts';
import { AuthLayout } from './AuthLayout.tsx';

export function ForgotPasswordPage() {
  const form = useForm({
    initialValues: { email: '' },
    validate: schemaResolver(ZPasswordResetRequest, { sync: true }),
  });
  const request = useRouteMutation(AUTH_ROUTES.passwordResetRequest, { form });

  return (
    <AuthLayout title="Mot de passe oublié">
      {request.isSuccess ? (
        <Alert color="green" role="status" title="Demande enregistrée">
          Si un compte actif correspond à cette adresse, un e-mail contenant un lien de réinitialisation vient
          de lui être envoyé. Le lien est valable pour une durée limitée.
        </Alert>
      ) : (
        <form onSubmit={form.onSubmit((body) => request.mutate({ body }))} noValidate>
          <Stack>
            <Text>
              Saisissez l’adresse e-mail de votre compte : vous recevrez un lien pour choisir un nouveau mot
              de passe.
            </Text>
            <ApiErrorAlert error={request.error} />
            <TextInput
              label="Adresse e-mail"
              type="email"
              autoComplete="email"
              required
              autoFocus
              {...form.getInputProps('email')}
            />
            <Button type="submit" loading={request.isPending}>
              Recevoir le lien
            </Button>
          </Stack>
        </form>
      )}
      <Anchor component={Link} to={PATHS.signIn} size="sm">
        Retour à la connexion
      </Anchor>
    </AuthLayout>
  );
}
