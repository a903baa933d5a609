import { date, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id } from '../../db/columns.ts';
import { users } from '../identity/schema.ts';

/**
 * Housing-benefit scales added by an administrator once published, beside the versioned data
 * files. `values` is validated by the same Zod schema as the files (ZHousingBenefitScale).
 */
export const housingBenefitScales = pgTable(
  'housing_benefit_scales',
  {
    id: id(),
    family: text('family').notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    effectiveTo: date('effective_to', { mode: 'string' }),
    source: text('source').notNull(),
    values: jsonb('values').$type<Record<string, unknown>>().notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('housing_benefit_scales_family_from_uq').on(t.family, t.effectiveFrom)],
);
