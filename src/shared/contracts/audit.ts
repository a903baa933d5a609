import { z } from 'zod';
import { ZId, ZIsoDate, ZPaging, zPage } from './common.ts';

/** French labels of the actions the UI knows; others are shown by their code. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'auth.login': 'Connexion',
  'auth.login_failed': 'Échec de connexion',
  'auth.locked': 'Compte verrouillé',
  'auth.logout': 'Déconnexion',
  'auth.logout_all': 'Déconnexion de toutes les sessions',
  'auth.second_factor': 'Second facteur validé',
  'auth.second_factor_failed': 'Échec du second facteur',
  'auth.recovery_code_used': 'Code de secours utilisé',
  'auth.totp_enrolled': 'Second facteur activé',
  'auth.switch_organisation': 'Changement d’organisation',
  'auth.password_reset_requested': 'Demande de réinitialisation du mot de passe',
  'auth.password_reset': 'Mot de passe réinitialisé',
  'user.invited': 'Utilisateur invité',
  'user.invitation_revoked': 'Invitation révoquée',
  'user.invitation_accepted': 'Invitation acceptée',
  'user.roles_changed': 'Rôles modifiés',
  'user.deactivated': 'Utilisateur désactivé',
  'user.reactivated': 'Utilisateur réactivé',
  'organisation.updated': 'Organisation modifiée',
  'management_unit.created': 'Unité de gestion créée',
  'management_unit.updated': 'Unité de gestion modifiée',
  'household.read': 'Consultation d’un dossier',
  'household.update': 'Modification d’un dossier',
};

export const ZAuditQuery = ZPaging.extend({
  /** Inclusive calendar days (Europe/Paris). */
  from: ZIsoDate.optional(),
  to: ZIsoDate.optional(),
  action: z.string().trim().max(100).optional(),
  userId: ZId.optional(),
});
export type TAuditQuery = z.infer<typeof ZAuditQuery>;

export const ZAuditEntry = z.object({
  id: z.number().int(),
  at: z.iso.datetime(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  householdId: ZId.nullable(),
  actorUserId: ZId.nullable(),
  actorName: z.string().nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type TAuditEntry = z.infer<typeof ZAuditEntry>;

export const ZAuditPage = zPage(ZAuditEntry);
export type TAuditPage = z.infer<typeof ZAuditPage>;
