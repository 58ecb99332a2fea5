CREATE TABLE "kim_teams" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"lead_user_id" uuid
);
--> statement-breakpoint
CREATE TABLE "referral_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"referral_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"kind" text NOT NULL,
	"from_team" text,
	"to_team" text,
	"detail" text
);
--> statement-breakpoint
CREATE TABLE "referral_reads" (
	"id" serial PRIMARY KEY NOT NULL,
	"referral_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"user_id" uuid NOT NULL,
	"user_email" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"action" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referrals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"reference" text NOT NULL,
	"team_id" text NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"topics" text[] NOT NULL,
	"urgency" text NOT NULL,
	"language" text NOT NULL,
	"contact_way" text NOT NULL,
	"interpreter" boolean DEFAULT false NOT NULL,
	"personal" text,
	"consent_version" integer NOT NULL,
	"consent_at" timestamp with time zone NOT NULL,
	"submitted_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"routed_at" timestamp with time zone NOT NULL,
	"claimed_by" uuid,
	"first_claimed_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"escalated_at" timestamp with time zone,
	"anonymised_at" timestamp with time zone,
	CONSTRAINT "referrals_reference_unique" UNIQUE("reference"),
	CONSTRAINT "referrals_status" CHECK ("referrals"."status" in ('new', 'claimed', 'in_progress', 'forwarded', 'closed'))
);
--> statement-breakpoint
CREATE TABLE "routing_rules" (
	"topic" text PRIMARY KEY NOT NULL,
	"team_id" text NOT NULL,
	"priority" integer DEFAULT 100 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "team_members" (
	"team_id" text NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "team_members_team_id_user_id_pk" PRIMARY KEY("team_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "kim_teams" ADD CONSTRAINT "kim_teams_lead_user_id_users_id_fk" FOREIGN KEY ("lead_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_events" ADD CONSTRAINT "referral_events_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_events" ADD CONSTRAINT "referral_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_team_id_kim_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."kim_teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_claimed_by_users_id_fk" FOREIGN KEY ("claimed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routing_rules" ADD CONSTRAINT "routing_rules_team_id_kim_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."kim_teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_members" ADD CONSTRAINT "team_members_team_id_kim_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."kim_teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_members" ADD CONSTRAINT "team_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "referral_events_referral" ON "referral_events" USING btree ("referral_id","at");--> statement-breakpoint
CREATE INDEX "referral_reads_at" ON "referral_reads" USING btree ("at");--> statement-breakpoint
CREATE INDEX "referral_reads_referral" ON "referral_reads" USING btree ("referral_id");--> statement-breakpoint
CREATE INDEX "referrals_team_status" ON "referrals" USING btree ("team_id","status");--> statement-breakpoint
CREATE INDEX "referrals_submitted_by" ON "referrals" USING btree ("submitted_by");--> statement-breakpoint
CREATE INDEX "team_members_user" ON "team_members" USING btree ("user_id");