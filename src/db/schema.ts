// The whole schema, for drizzle-kit and the typed client. Each module owns its tables.
export * from '../modules/organisations/schema.ts';
export * from '../modules/identity/schema.ts';
export * from '../modules/households/schema.ts';
export * from '../modules/referrals/schema.ts';
export * from '../kernel/audit-schema.ts';
export * from '../modules/notifications/schema.ts';
export * from '../modules/mail/schema.ts';
export * from '../modules/calculators/schema.ts';
export * from '../modules/diagnostics/schema.ts';
export * from '../modules/budget/schema.ts';
export * from '../modules/dwellings/schema.ts';
export * from '../modules/tasks/schema.ts';
export * from '../modules/measures/schema.ts';
export * from '../modules/committees/schema.ts';
export * from '../modules/support-contracts/schema.ts';
export * from '../modules/alerts/schema.ts';
