import { createEvents, type EventAttributes } from 'ics';
import type { Actor } from '../../../kernel/actor.ts';
import type { Context } from '../../../kernel/context.ts';
import { audit } from '../../../kernel/audit.ts';
import { notFound } from '../../../kernel/errors.ts';
import type { FileAnswer } from '../../../shared/routes/define.ts';
import { APPOINTMENT_KIND_LABELS } from '../../../shared/contracts/agenda.ts';
import { feedWindow } from '../../../shared/agenda/rules.ts';
import { hashToken } from '../../identity/index.ts';
import { auditHouseholdsShown } from '../agenda-access.ts';
import { feedAppointments, feedOfToken } from '../agenda.repository.ts';

/** An unknown address and a revoked one answer alike. */
export const FEED_NOT_FOUND = 'Agenda introuvable.';

/**
 * The user's appointments as a calendar, for the calendar app that holds the secret address: six
 * months back, twelve ahead. It says the least: the kind of appointment and where (the place typed,
 * else the household's commune), no note, no file number; the household's family name only if the
 * user chose it (ADR 0015). Instants in UTC, which calendars show in their own zone. Each fetch is
 * audited for the address's owner.
 */
export async function readFeed(ctx: Context<Actor | null>, token: string): Promise<FileAnswer> {
  const { db, now, client } = ctx;
  const found = await feedOfToken(db, hashToken(token));
  if (!found) throw notFound(FEED_NOT_FOUND);
  const { feed } = found;
  const rows = await feedAppointments(db, { userId: feed.userId, ...feedWindow(now) });
  const events: EventAttributes[] = rows.map(({ appointment: a, familyName, communeName }) => {
    const place = a.place ?? communeName;
    const title = APPOINTMENT_KIND_LABELS[a.kind];
    return {
      uid: `${a.id}@relais`,
      start: a.startsAt.getTime(),
      startInputType: 'utc',
      startOutputType: 'utc',
      end: a.endsAt.getTime(),
      endInputType: 'utc',
      endOutputType: 'utc',
      title: feed.includeFamilyName && familyName ? `${title} — ${familyName}` : title,
      ...(place ? { location: place } : {}),
      status: 'CONFIRMED',
      sequence: a.rowVersion,
    };
  });
  const { error, value } = createEvents(events, { productId: 'Relais', calName: 'Relais — mon agenda' });
  if (error || !value) throw error ?? new Error('Agenda impossible à produire.');
  const owner = { userId: feed.userId, organisationId: null, ip: client.ip, userAgent: client.userAgent };
  await audit(db, owner, {
    action: 'appointment.feed',
    entityType: 'agenda_feed',
    entityId: feed.id,
    details: { count: events.length },
  });
  if (feed.includeFamilyName) {
    // The family name is the household's personal data: each household named is a read of its file.
    await auditHouseholdsShown(db, owner, { action: 'appointment.feed', rows });
  }
  return {
    fileName: 'agenda.ics',
    mimeType: 'text/calendar; charset=utf-8',
    content: Buffer.from(value, 'utf8'),
    disposition: 'inline',
  };
}
