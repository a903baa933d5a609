CREATE TABLE "occupancy_contract_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contract_id" uuid NOT NULL,
	"household_document_id" uuid NOT NULL,
	"label" text NOT NULL,
	"attached_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sliding_evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contract_id" uuid NOT NULL,
	"review_on" date NOT NULL,
	"party" text NOT NULL,
	"ratings" jsonb NOT NULL,
	"comment" text,
	"evaluated_on" date NOT NULL,
	"recorded_by_user_id" uuid,
	"recorded_by_organisation_id" uuid,
	"row_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "occupancy_contract_events" ADD COLUMN "party" text;--> statement-breakpoint
ALTER TABLE "occupancy_contracts" ADD COLUMN "end_outcome" text;--> statement-breakpoint
ALTER TABLE "occupancy_contracts" ADD COLUMN "ended_by_party" text;--> statement-breakpoint
ALTER TABLE "occupancy_contracts" ADD COLUMN "objectives" text;--> statement-breakpoint
ALTER TABLE "occupancy_contract_documents" ADD CONSTRAINT "occupancy_contract_documents_contract_id_occupancy_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."occupancy_contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "occupancy_contract_documents" ADD CONSTRAINT "occupancy_contract_documents_household_document_id_household_documents_id_fk" FOREIGN KEY ("household_document_id") REFERENCES "public"."household_documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "occupancy_contract_documents" ADD CONSTRAINT "occupancy_contract_documents_attached_by_user_id_users_id_fk" FOREIGN KEY ("attached_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sliding_evaluations" ADD CONSTRAINT "sliding_evaluations_contract_id_occupancy_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."occupancy_contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sliding_evaluations" ADD CONSTRAINT "sliding_evaluations_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sliding_evaluations" ADD CONSTRAINT "sliding_evaluations_recorded_by_organisation_id_organisations_id_fk" FOREIGN KEY ("recorded_by_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "occupancy_contract_documents_uq" ON "occupancy_contract_documents" USING btree ("contract_id","household_document_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sliding_evaluations_round_uq" ON "sliding_evaluations" USING btree ("contract_id","review_on","party");