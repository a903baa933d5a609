/**
 * Outgoing email: every message is queued in the outbox inside the transaction of the change that
 * causes it, and the `mail-delivery` job sends it (or keeps it for administrators without SMTP).
 */
export {
  sendEmail,
  renderEmailText,
  deliverPendingEmails,
  mailDeliveryJob,
  type OutgoingEmail,
  type MailTransport,
} from './outbox.ts';
