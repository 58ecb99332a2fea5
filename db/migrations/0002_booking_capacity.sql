-- A counter serves one appointment at a time: the database refuses a second active appointment
-- on the same counter at an overlapping time, however many requests race for it.
CREATE EXTENSION IF NOT EXISTS btree_gist;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_counter_free"
  EXCLUDE USING gist ("counter_id" WITH =, "during" WITH &&)
  WHERE ("status" IN ('booked', 'checked_in'));
