import { date, index, integer, jsonb, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, textList, tstz, uuidList } from '../../db/columns.ts';
import type { Typology } from '../../shared/contracts/household-enums.ts';
import {
  ACCESSIBILITY_NEEDS,
  SUPPORT_INTENSITIES,
  type PriorityCategory,
  type TIncomeFigure,
} from '../../shared/contracts/housing-pool.ts';
import { readinessOpinion } from '../diagnostics/schema.ts';
import { consentMethod, households } from '../households/schema.ts';
import { users } from '../identity/schema.ts';
import { organisations } from '../organisations/schema.ts';

export const accessibilityNeed = pgEnum('accessibility_need', ACCESSIBILITY_NEEDS);
export const supportIntensity = pgEnum('support_intensity', SUPPORT_INTENSITIES);

/**
 * A household's housing project: it puts the household in the pool of the SIAO or association that
 * opened it (`pool_organisation_id`), on a capacity grid confirmed « prêt à sortir ». One per
 * household. The numéro unique, the entry date in shelter and the DALO decision are the file's (read,
 * not copied); the project holds the wishes, the L441-1 categories, the demand's renewal date, the
 * income figures with their source and the consent to be proposed (withdrawable: the household stays
 * in the pool « sans accord » and matching leaves it out).
 */
export const housingProjects = pgTable(
  'housing_projects',
  {
    id: id(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id, { onDelete: 'cascade' }),
    poolOrganisationId: uuid('pool_organisation_id')
      .notNull()
      .references(() => organisations.id),
    typologies: textList('typologies').$type<Typology[]>(),
    /** Communes (territories) wished; none: anywhere. */
    communeIds: uuidList('commune_ids'),
    accessibilityNeed: accessibilityNeed('accessibility_need').notNull(),
    supportIntensity: supportIntensity('support_intensity').notNull(),
    priorityCategories: textList('priority_categories').$type<PriorityCategory[]>(),
    /** The demand's anniversary: renewed by then, or cancelled (allocation-rules.md §4.1). */
    demandRenewalDue: date('demand_renewal_due', { mode: 'string' }),
    /** The date of the first demand, kept across renewals: the demand's age (§3.6). */
    demandFiledOn: date('demand_filed_on', { mode: 'string' }),
    incomes: jsonb('incomes').$type<TIncomeFigure[]>().notNull().default([]),
    note: text('note'),
    readinessAtOpening: readinessOpinion('readiness_at_opening').notNull(),
    openedOn: date('opened_on', { mode: 'string' }).notNull(),
    openedByUserId: uuid('opened_by_user_id').references(() => users.id),
    consentGivenOn: date('consent_given_on', { mode: 'string' }),
    consentMethod: consentMethod('consent_method'),
    consentWithdrawnOn: date('consent_withdrawn_on', { mode: 'string' }),
    consentWithdrawalReason: text('consent_withdrawal_reason'),
    rowVersion: integer('row_version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('housing_projects_household_uq').on(t.householdId),
    index('housing_projects_pool_idx').on(t.poolOrganisationId),
  ],
);
