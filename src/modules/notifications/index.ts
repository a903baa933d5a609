/** In-app notifications (with their email through the mail module) and the administrators' outbox view. */
export { notifyOrganisation, notifyUsers, type OrganisationNotice } from './notify-organisation.ts';
export { notificationsRoutes } from './notifications.routes.ts';
