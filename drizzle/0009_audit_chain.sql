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
-- The hash of an entry at a rank of a stream: SHA-256 over the previous hash and the entry's
-- canonical text, a JSON array of its columns. The verifier (src/modules/audit/chain.ts) rebuilds
-- the same text with core functions of its own, so this function is no part of what it trusts.
CREATE FUNCTION audit_chain_hash(previous text, e audit_log, stream smallint, seq bigint) RETURNS text
LANGUAGE sql STABLE AS $$
  SELECT encode(sha256(convert_to(previous || jsonb_build_array(
    e.id, to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), e.actor_user_id,
    e.actor_organisation_id, e.action, e.entity_type, e.entity_id, e.household_id, e.ip, e.user_agent,
    e.details, stream, seq)::text, 'UTF8')), 'hex')
$$;--> statement-breakpoint
-- Chain each new entry to the head of the first stream no other transaction holds (its own stream,
-- if this transaction already wrote one; when all are held, it queues behind one). One statement
-- locks the head, moves it on and hands its new values to the entry. SECURITY DEFINER: the
-- application role may insert entries but never touch the heads itself. No SET search_path (it
-- costs on every call, and this runs on every audited read): names are schema-qualified, so no
-- temporary table can stand in for the heads, and core functions resolve in pg_catalog first.
CREATE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN
  UPDATE public.audit_chain_heads h
    SET seq = h.seq + 1, hash = public.audit_chain_hash(h.hash, NEW, h.stream, h.seq + 1)
    WHERE h.stream = coalesce(
      (SELECT stream FROM public.audit_chain_heads ORDER BY stream LIMIT 1 FOR UPDATE SKIP LOCKED),
      pg_backend_pid() % 16)
    RETURNING h.stream, h.seq, h.hash INTO NEW.chain_stream, NEW.chain_seq, NEW.chain_hash;
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_chain();--> statement-breakpoint
-- Entries written before this migration: chained in their order into stream 0, the head moved once
-- at the end (moving it per entry in one transaction would cost quadratic time).
ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete;--> statement-breakpoint
DO $$
DECLARE
  entry audit_log;
  previous text := '';
  n bigint := 0;
BEGIN
  FOR entry IN SELECT * FROM audit_log ORDER BY id LOOP
    n := n + 1;
    previous := audit_chain_hash(previous, entry, 0::smallint, n);
    UPDATE audit_log SET chain_stream = 0, chain_seq = n, chain_hash = previous WHERE id = entry.id;
  END LOOP;
  UPDATE audit_chain_heads SET seq = n, hash = previous WHERE stream = 0;
END;
$$;--> statement-breakpoint
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
