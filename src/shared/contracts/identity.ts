import { z } from 'zod';
import { ROLES, type OrganisationType, type Role } from './roles.ts';
import { ZId } from './common.ts';
import { ZOrganisationType } from './organisations.ts';

export const ZRole = z.enum(ROLES, { message: 'Rôle inconnu.' });

export const USER_STATUSES = ['invited', 'active', 'deactivated'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];
export const USER_STATUS_LABELS: Record<UserStatus, string> = {
  invited: 'Invité',
  active: 'Actif',
  deactivated: 'Désactivé',
};

/**
 * Second factor of the current session:
 *  - none: done (or not needed);
 *  - required: the user has TOTP and must enter a code (POST /api/auth/totp/verify);
 *  - enrolment_required: a role needs TOTP and the user has none yet (enrol, then confirm).
 */
export const SECOND_FACTOR_STATES = ['none', 'required', 'enrolment_required'] as const;
export type SecondFactorState = (typeof SECOND_FACTOR_STATES)[number];
export const ZSecondFactorState = z.enum(SECOND_FACTOR_STATES);

export const PASSWORD_MIN_LENGTH = 12;
/** Password policy for new passwords (reset, invitation). */
export const ZNewPassword = z
  .string({ message: 'Le mot de passe est obligatoire.' })
  .max(200, { message: 'Mot de passe trop long (200 caractères au maximum).' })
  .refine((p) => p.length >= PASSWORD_MIN_LENGTH, {
    message: `Le mot de passe doit contenir au moins ${PASSWORD_MIN_LENGTH} caractères.`,
  });

const ZEmail = z
  .email({ message: 'Adresse e-mail invalide.' })
  .max(254)
  .transform((e) => e.toLowerCase());

export const ZUserSummary = z.object({ id: ZId, email: z.string(), fullName: z.string() });
export type TUserSummary = z.infer<typeof ZUserSummary>;

/** One organisation the user belongs to, with their roles there. */
export const ZMembership = z.object({
  organisationId: ZId,
  organisationName: z.string(),
  organisationType: ZOrganisationType,
  roles: z.array(ZRole),
});
export type TMembership = z.infer<typeof ZMembership>;

export const ZLoginRequest = z.object({
  email: ZEmail,
  password: z.string().min(1, { message: 'Le mot de passe est obligatoire.' }).max(200),
  /** The organisation to act for, when the user belongs to several; default: the first. */
  organisationId: ZId.optional(),
});
export type TLoginRequest = z.infer<typeof ZLoginRequest>;

/** Answer of sign-in and of invitation acceptance; the session cookie is set alongside. */
export const ZLoginResponse = z.object({
  user: ZUserSummary,
  csrfToken: z.string(),
  secondFactor: ZSecondFactorState,
  organisationId: ZId.nullable(),
  organisations: z.array(ZMembership),
});
export type TLoginResponse = z.infer<typeof ZLoginResponse>;

export const ZMe = z.object({
  user: ZUserSummary,
  organisation: z.object({ id: ZId, name: z.string(), type: ZOrganisationType }).nullable(),
  /** Roles in the current organisation. */
  roles: z.array(ZRole),
  managementUnitId: ZId.nullable(),
  csrfToken: z.string(),
  secondFactor: ZSecondFactorState,
  totpEnabled: z.boolean(),
  memberships: z.array(ZMembership),
});
export type TMe = z.infer<typeof ZMe>;

export const ZSwitchOrganisationRequest = z.object({ organisationId: ZId });
export type TSwitchOrganisationRequest = z.infer<typeof ZSwitchOrganisationRequest>;

export const ZTotpEnrolResponse = z.object({
  /** Base32 secret, for manual entry in the authenticator app. */
  secret: z.string(),
  otpauthUrl: z.string(),
  /** PNG data URL of the QR code of otpauthUrl. */
  qrCodeDataUrl: z.string(),
});
export type TTotpEnrolResponse = z.infer<typeof ZTotpEnrolResponse>;

const ZTotpCode = z
  .string({ message: 'Le code est obligatoire.' })
  .trim()
  .regex(/^\d{6}$/, { message: 'Le code comporte 6 chiffres.' });

export const ZTotpConfirmRequest = z.object({ code: ZTotpCode });
export type TTotpConfirmRequest = z.infer<typeof ZTotpConfirmRequest>;

/** The recovery codes are shown once: only their hashes are kept. */
export const ZTotpConfirmResponse = z.object({ recoveryCodes: z.array(z.string()) });
export type TTotpConfirmResponse = z.infer<typeof ZTotpConfirmResponse>;

export const ZTotpVerifyRequest = z
  .object({
    code: ZTotpCode.optional(),
    recoveryCode: z.string().trim().min(1).max(50).optional(),
  })
  .refine((b) => (b.code === undefined) !== (b.recoveryCode === undefined), {
    message: 'Saisissez soit le code de votre application, soit un code de secours.',
  });
export type TTotpVerifyRequest = z.infer<typeof ZTotpVerifyRequest>;

export const ZPasswordResetRequest = z.object({ email: ZEmail });
export type TPasswordResetRequest = z.infer<typeof ZPasswordResetRequest>;

export const ZPasswordResetConfirm = z.object({
  token: z.string().min(1, { message: 'Lien invalide.' }).max(200),
  password: ZNewPassword,
});
export type TPasswordResetConfirm = z.infer<typeof ZPasswordResetConfirm>;

// ── Administration of users (organisation administrators) ──────────────────────────────────────

export const ZAdminUser = z.object({
  id: ZId,
  email: z.string(),
  fullName: z.string(),
  status: z.enum(USER_STATUSES),
  /** Roles in the administrator's organisation. */
  roles: z.array(ZRole),
  managementUnitId: ZId.nullable(),
  totpEnabled: z.boolean(),
  lastLoginAt: z.iso.datetime().nullable(),
  lockedUntil: z.iso.datetime().nullable(),
});
export type TAdminUser = z.infer<typeof ZAdminUser>;

export const ZAdminUserList = z.object({ items: z.array(ZAdminUser) });
export type TAdminUserList = z.infer<typeof ZAdminUserList>;

export const ZUserRolesUpdate = z.object({
  // A refinement rather than min(1): its message reaches the form as is.
  roles: z.array(ZRole).refine((roles) => roles.length > 0, { message: 'Au moins un rôle est nécessaire.' }),
});
export type TUserRolesUpdate = z.infer<typeof ZUserRolesUpdate>;

export const INVITATION_STATUSES = ['pending', 'accepted', 'revoked', 'expired'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];
export const INVITATION_STATUS_LABELS: Record<InvitationStatus, string> = {
  pending: 'En attente',
  accepted: 'Acceptée',
  revoked: 'Révoquée',
  expired: 'Expirée',
};

export const ZInvitationCreate = z.object({
  email: ZEmail,
  fullName: z.string().trim().min(2, { message: 'Le nom est obligatoire.' }).max(200),
  role: ZRole,
  managementUnitId: ZId.nullable().optional(),
});
export type TInvitationCreate = z.infer<typeof ZInvitationCreate>;

export const ZInvitation = z.object({
  id: ZId,
  email: z.string(),
  fullName: z.string(),
  role: ZRole,
  managementUnitId: ZId.nullable(),
  status: z.enum(INVITATION_STATUSES),
  invitedByName: z.string().nullable(),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
});
export type TInvitation = z.infer<typeof ZInvitation>;

export const ZInvitationList = z.object({ items: z.array(ZInvitation) });
export type TInvitationList = z.infer<typeof ZInvitationList>;

export const ZInvitationAccept = z.object({
  token: z.string().min(1, { message: 'Lien invalide.' }).max(200),
  password: ZNewPassword,
});
export type TInvitationAccept = z.infer<typeof ZInvitationAccept>;

/** Roles an administrator may give in each kind of organisation (the invitation form offers these). */
export const ROLES_BY_ORGANISATION_TYPE: Record<OrganisationType, readonly Role[]> = {
  landlord: [
    'admin',
    'landlord_social_advisor',
    'landlord_rental_manager',
    'committee_coordinator',
    'auditor',
  ],
  association: ['admin', 'caseworker', 'team_manager', 'committee_coordinator', 'auditor'],
  siao: ['admin', 'caseworker', 'team_manager', 'committee_coordinator', 'auditor'],
  ccapex: ['admin', 'caseworker', 'team_manager', 'committee_coordinator', 'auditor'],
  funder: ['admin', 'funder_officer', 'committee_coordinator', 'auditor'],
  other: ['admin', 'caseworker', 'team_manager', 'committee_coordinator', 'auditor'],
};
