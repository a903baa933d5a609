CREATE TABLE "committee_people" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"user_id" uuid,
	"full_name" text NOT NULL,
	"function" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "committee_people" ADD CONSTRAINT "committee_people_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_people" ADD CONSTRAINT "committee_people_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_people" ADD CONSTRAINT "committee_people_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "committee_people_committee_idx" ON "committee_people" USING btree ("committee_id");--> statement-breakpoint
CREATE UNIQUE INDEX "committee_people_user_idx" ON "committee_people" USING btree ("committee_id","user_id") WHERE "committee_people"."user_id" is not null;