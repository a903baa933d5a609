import { PasswordInput, Stack } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { PASSWORD_MIN_LENGTH, ZNewPassword } from '@shared/contracts/identity.ts';
import { z } from 'zod';

const ZNewPasswordForm = z
  .object({ password: ZNewPassword, confirmation: z.string() })
  .refine((v) => v.password === v.confirmation, {
    path: ['confirmation'],
    message: 'Les deux mots de passe ne sont pas identiques.',
  });

/** The form of a new password typed twice, checked with the shared password policy. */
export function useNewPasswordForm() {
  return useForm({
    initialValues: { password: '', confirmation: '' },
    validate: schemaResolver(ZNewPasswordForm, { sync: true }),
  });
}

export function NewPasswordFields({ form }: { form: ReturnType<typeof useNewPasswordForm> }) {
  const toggle = { 'aria-label': 'Afficher ou masquer le mot de passe' };
  return (
    <Stack>
      <PasswordInput
        label="Nouveau mot de passe"
        description={`Au moins ${PASSWORD_MIN_LENGTH} caractères. Une phrase de plusieurs mots est plus sûre et plus facile à retenir.`}
        autoComplete="new-password"
        required
        autoFocus
        visibilityToggleButtonProps={toggle}
        {...form.getInputProps('password')}
      />
      <PasswordInput
        label="Confirmez le mot de passe"
        autoComplete="new-password"
        required
        visibilityToggleButtonProps={toggle}
        {...form.getInputProps('confirmation')}
      />
    </Stack>
  );
}
