CREATE TYPE "public"."article_notice_kind" AS ENUM('update', 'correction');--> statement-breakpoint
CREATE TABLE "article_notices" (
	"id" serial PRIMARY KEY NOT NULL,
	"article_id" integer NOT NULL,
	"kind" "article_notice_kind" NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "article_notices" ADD CONSTRAINT "article_notices_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "article_notices" ADD CONSTRAINT "article_notices_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "article_notices_article_idx" ON "article_notices" USING btree ("article_id","created_at");--> statement-breakpoint
CREATE INDEX "article_notices_corrections_idx" ON "article_notices" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "article_notices"."kind" = 'correction';