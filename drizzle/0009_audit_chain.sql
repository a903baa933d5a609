CREATE TABLE "audit_chain_heads" (
	"stream" smallint PRIMARY KEY NOT NULL,
	"seq" bigint NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_checkpoints" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_checkpoints_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"payload" text NOT NULL,
	"signature" text NOT NULL,
	"key_fingerprint" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "chain_stream" smallint;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "chain_seq" bigint;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "chain_hash" text;--> statement-breakpoint
CREATE UNIQUE INDEX "audit_log_chain_uq" ON "audit_log" USING btree ("chain_stream","chain_seq");--> statement-breakpoint
-- Sixteen streams: up to sixteen transactions chain entries at once without waiting for each other.
INSERT INTO "audit_chain_heads" ("stream", "seq", "hash") SELECT s, 0, '' FROM generate_series(0, 15) AS s;--> statement-breakpoint
-- Chain each new entry to the head of the first stream no other transaction holds (its own stream,
-- if this transaction already wrote one; when all are held, it queues behind one). One statement
-- locks the head, moves it on and hands its new values to the entry. The canonical text is the entry
-- as a JSON array; the verifier (src/modules/audit/chain.ts) rebuilds it with the same expression.
-- SECURITY DEFINER: the application role may insert entries but never touch the heads itself. No
-- SET search_path (it costs on every call, and this runs on every audited read): the table is
-- schema-qualified, so no temporary table can stand in for it, and functions resolve in pg_catalog.
CREATE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN
  UPDATE public.audit_chain_heads h SET seq = h.seq + 1, hash = encode(sha256(convert_to(h.hash || jsonb_build_array(
      NEW.id, to_char(NEW.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), NEW.actor_user_id,
      NEW.actor_organisation_id, NEW.action, NEW.entity_type, NEW.entity_id, NEW.household_id, NEW.ip,
      NEW.user_agent, NEW.details, h.stream, h.seq + 1)::text, 'UTF8')), 'hex')
    WHERE h.stream = coalesce(
      (SELECT stream FROM public.audit_chain_heads ORDER BY stream LIMIT 1 FOR UPDATE SKIP LOCKED),
      pg_backend_pid() % 16)
    RETURNING h.stream, h.seq, h.hash INTO NEW.chain_stream, NEW.chain_seq, NEW.chain_hash;
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_chain();--> statement-breakpoint
-- Entries written before this migration: written again, in their order, so that the trigger chains
-- them into stream 0 (same ids, same content).
ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete;--> statement-breakpoint
CREATE TEMPORARY TABLE audit_log_before_chain AS SELECT * FROM audit_log;--> statement-breakpoint
DELETE FROM audit_log;--> statement-breakpoint
INSERT INTO audit_log (id, at, actor_user_id, actor_organisation_id, action, entity_type, entity_id,
  household_id, ip, user_agent, details) OVERRIDING SYSTEM VALUE
SELECT id, at, actor_user_id, actor_organisation_id, action, entity_type, entity_id, household_id, ip,
  user_agent, details FROM audit_log_before_chain ORDER BY id;--> statement-breakpoint
DROP TABLE audit_log_before_chain;--> statement-breakpoint
ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_delete;--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END;
$$;--> statement-breakpoint
CREATE TRIGGER audit_checkpoints_no_update_delete BEFORE UPDATE OR DELETE ON audit_checkpoints
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();--> statement-breakpoint
CREATE TRIGGER audit_checkpoints_no_truncate BEFORE TRUNCATE ON audit_checkpoints
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
