ALTER TABLE "users" ADD COLUMN "totp_pending_session_id" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "totp_pending_at" timestamp with time zone;