CREATE TABLE "breaking_news" (
	"id" serial PRIMARY KEY NOT NULL,
	"text" text NOT NULL,
	"href" text,
	"expires_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"expiry_noted" boolean DEFAULT false NOT NULL,
	"created_by_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "breaking_news" ADD CONSTRAINT "breaking_news_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "breaking_news_current_idx" ON "breaking_news" USING btree ("id" DESC NULLS LAST) WHERE "breaking_news"."ended_at" is null;