import { sql } from 'drizzle-orm';
import { check, date, index, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, tstz } from '../../db/columns.ts';
import { TASK_SOURCES, TASK_STATUSES } from '../../shared/contracts/tasks.ts';
import { GLA_TASK_KINDS } from '../../shared/partnerships/gla-plan.ts';
import { dwellings } from '../dwellings/schema.ts';
import { households } from '../households/schema.ts';
import { users } from '../identity/schema.ts';
import { organisations } from '../organisations/schema.ts';

export const taskStatus = pgEnum('task_status', TASK_STATUSES);
export const taskSource = pgEnum('task_source', TASK_SOURCES);
export const glaTaskKind = pgEnum('gla_task_kind', GLA_TASK_KINDS);

/**
 * Something someone must do for a household by a date: an urgent action of a diagnostic, a task
 * written by hand, an alert of the daily run. Owned by a person, or by an organisation (then its caseworker for
 * the household sees it). Done or dismissed with a reason, never deleted. A task of a GLA plan is about a
 * dwelling instead (ADR 0029): no household, the dwelling, the plan's kind and the convention's dwelling
 * entry as its source; its owner's organisation sees it in « Mes tâches ».
 */
export const tasks = pgTable(
  'tasks',
  {
    id: id(),
    householdId: uuid('household_id').references(() => households.id, { onDelete: 'cascade' }),
    /** The dwelling a task without household is about (a GLA plan's). */
    dwellingId: uuid('dwelling_id').references(() => dwellings.id),
    /** Which task of the GLA plan (source "gla"). */
    glaKind: glaTaskKind('gla_kind'),
    title: text('title').notNull(),
    ownerUserId: uuid('owner_user_id').references(() => users.id),
    ownerOrganisationId: uuid('owner_organisation_id').references(() => organisations.id),
    dueOn: date('due_on'),
    source: taskSource('source').notNull(),
    /** The record that raised it (the diagnostic of an urgent action…). */
    sourceId: uuid('source_id'),
    /** An alert's stable key (rule, record, period): one open task per key, never two. */
    alertKey: text('alert_key'),
    status: taskStatus('status').notNull().default('open'),
    closedAt: tstz('closed_at'),
    closedByUserId: uuid('closed_by_user_id').references(() => users.id),
    /** Why it was dismissed (required), or how it was done. */
    closedReason: text('closed_reason'),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    createdByOrganisationId: uuid('created_by_organisation_id').references(() => organisations.id),
    createdAt: createdAt(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('tasks_household_idx').on(t.householdId),
    // My open tasks (the home page), in their order: due date (undated last), creation, id.
    index('tasks_open_user_idx')
      .on(t.ownerUserId, t.dueOn, t.createdAt, t.id)
      .where(sql`${t.status} = 'open'`),
    index('tasks_open_organisation_idx')
      .on(t.ownerOrganisationId, t.dueOn, t.createdAt, t.id)
      .where(sql`${t.status} = 'open'`),
    // Two alert runs at once, or one run twice, cannot open the same alert twice.
    uniqueIndex('tasks_open_alert_key_uq')
      .on(t.alertKey)
      .where(sql`${t.status} = 'open' and ${t.alertKey} is not null`),
    index('tasks_alert_key_idx').on(t.alertKey),
    // A GLA plan written twice adds nothing: one task per (convention's dwelling, kind, due day).
    uniqueIndex('tasks_gla_uq')
      .on(t.sourceId, t.glaKind, t.dueOn)
      .where(sql`${t.glaKind} is not null`),
    check('tasks_household_or_dwelling', sql`${t.householdId} is not null or ${t.dwellingId} is not null`),
  ],
);
