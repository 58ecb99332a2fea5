ALTER TABLE "appointments" ADD COLUMN "move_token_hash" text;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "disruption_notice_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "walk_in" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "checked_in_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "cancelled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_move_token_hash_unique" UNIQUE("move_token_hash");--> statement-breakpoint
UPDATE "appointments" SET "cancelled_at" = "updated_at" WHERE "status" = 'cancelled';
