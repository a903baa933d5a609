/** Users, memberships, sessions, sign-in with a second factor, invitations and user administration. */
export { hashPassword } from './passwords.ts';
export { sessionPort, createSession, newToken, hashToken } from './sessions.ts';
export { authRoutes } from './auth.routes.ts';
export { usersRoutes } from './users.routes.ts';
export { activeMemberName, activeMembersWithRoles } from './users.repository.ts';
