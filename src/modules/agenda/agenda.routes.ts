import type { Routes } from '../../kernel/routes.ts';
import { AGENDA_ROUTES as R } from '../../shared/routes/agenda.ts';
import { listHouseholdAppointments } from './use-cases/list-household-appointments.ts';
import { planAppointment } from './use-cases/plan-appointment.ts';
import { changeAppointment } from './use-cases/change-appointment.ts';
import { setAppointmentStatus } from './use-cases/set-appointment-status.ts';
import { getWeek } from './use-cases/get-week.ts';
import { listAgendaPeople } from './use-cases/list-agenda-people.ts';
import { getFeedStatus } from './use-cases/get-feed-status.ts';
import { createFeed } from './use-cases/create-feed.ts';
import { revokeFeed } from './use-cases/revoke-feed.ts';
import { readFeed } from './use-cases/read-feed.ts';

/** Appointments, the week view and the personal calendar feed (transport only). */
export function agendaRoutes(routes: Routes): void {
  routes.add(R.householdList, async (ctx, { params }) => ({
    items: await listHouseholdAppointments(ctx, params.id),
  }));
  routes.add(R.householdCreate, (ctx, { params, body }) =>
    planAppointment(ctx, { ...body, householdId: params.id }),
  );
  routes.add(R.householdUpdate, (ctx, { params, body }) =>
    changeAppointment(ctx, { ...body, householdId: params.id, appointmentId: params.appointmentId }),
  );
  routes.add(R.householdStatus, (ctx, { params, body }) =>
    setAppointmentStatus(ctx, { ...body, householdId: params.id, appointmentId: params.appointmentId }),
  );
  routes.add(R.week, (ctx, { query }) => getWeek(ctx, query));
  routes.add(R.people, (ctx) => listAgendaPeople(ctx));
  routes.add(R.create, (ctx, { body }) => planAppointment(ctx, { ...body, householdId: null }));
  routes.add(R.update, (ctx, { params, body }) =>
    changeAppointment(ctx, { ...body, householdId: null, appointmentId: params.appointmentId }),
  );
  routes.add(R.status, (ctx, { params, body }) =>
    setAppointmentStatus(ctx, { ...body, householdId: null, appointmentId: params.appointmentId }),
  );
  routes.add(R.feedStatus, (ctx) => getFeedStatus(ctx));
  routes.add(R.feedCreate, (ctx, { body }) => createFeed(ctx, body));
  routes.add(R.feedRevoke, (ctx) => revokeFeed(ctx));
  // Calendar apps poll; a bound per address keeps a leaked or mistyped one from hammering the server.
  routes.add(R.feed, (ctx, { params }) => readFeed(ctx, params.token), {
    rateLimit: { max: 60, timeWindow: '1 minute' },
    transaction: true,
  });
}
