DROP INDEX "tasks_open_user_idx";--> statement-breakpoint
DROP INDEX "tasks_open_organisation_idx";--> statement-breakpoint
CREATE INDEX "tasks_open_user_idx" ON "tasks" USING btree ("owner_user_id","due_on","created_at","id") WHERE "tasks"."status" = 'open';--> statement-breakpoint
CREATE INDEX "tasks_open_organisation_idx" ON "tasks" USING btree ("owner_organisation_id","due_on","created_at","id") WHERE "tasks"."status" = 'open';