CREATE TABLE "article_views_recent" (
	"article_id" integer PRIMARY KEY NOT NULL,
	"views_today" integer DEFAULT 0 NOT NULL,
	"views_week" integer DEFAULT 0 NOT NULL,
	"views_month" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "view_rollup_state" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"day" date NOT NULL,
	CONSTRAINT "view_rollup_state_single_row" CHECK ("view_rollup_state"."id" = 1)
);
--> statement-breakpoint
DROP INDEX "article_revisions_article_idx";--> statement-breakpoint
DROP INDEX "articles_visible_published_idx";--> statement-breakpoint
DROP INDEX "articles_section_published_idx";--> statement-breakpoint
DROP INDEX "articles_view_count_idx";--> statement-breakpoint
DROP INDEX "articles_status_updated_idx";--> statement-breakpoint
DROP INDEX "audit_log_created_idx";--> statement-breakpoint
DROP INDEX "media_created_idx";--> statement-breakpoint
ALTER TABLE "article_authors" ADD COLUMN "published_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "article_authors" ADD COLUMN "listed" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "article_tags" ADD COLUMN "published_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "article_tags" ADD COLUMN "listed" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "article_views_recent" ADD CONSTRAINT "article_views_recent_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "article_views_recent_today_idx" ON "article_views_recent" USING btree ("views_today" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "article_views_recent_week_idx" ON "article_views_recent" USING btree ("views_week" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "article_views_recent_month_idx" ON "article_views_recent" USING btree ("views_month" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "article_authors_listed_idx" ON "article_authors" USING btree ("user_id","published_at" DESC NULLS FIRST,"article_id" DESC NULLS FIRST) WHERE "article_authors"."listed";--> statement-breakpoint
CREATE INDEX "article_tags_listed_idx" ON "article_tags" USING btree ("tag_id","published_at" DESC NULLS FIRST,"article_id" DESC NULLS FIRST) WHERE "article_tags"."listed";--> statement-breakpoint
CREATE INDEX "articles_lead_idx" ON "articles" USING btree ("pinned" DESC NULLS FIRST,"featured" DESC NULLS FIRST,"published_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE "articles"."status" in ('published', 'scheduled') and "articles"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "article_revisions_article_idx" ON "article_revisions" USING btree ("article_id","created_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "articles_visible_published_idx" ON "articles" USING btree ("published_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE "articles"."status" in ('published', 'scheduled') and "articles"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "articles_section_published_idx" ON "articles" USING btree ("section_id","published_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE "articles"."status" in ('published', 'scheduled') and "articles"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "articles_view_count_idx" ON "articles" USING btree ("view_count" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "articles_status_updated_idx" ON "articles" USING btree ("status","updated_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "audit_log_created_idx" ON "audit_log" USING btree ("created_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "media_created_idx" ON "media" USING btree ("created_at" DESC NULLS FIRST);--> statement-breakpoint
-- Listing copies on tag and author links (db/schema/articles.ts, listingCopy): kept by triggers so
-- that no write path (newsroom, import, seed, plain SQL) can leave them stale.
CREATE FUNCTION "public"."gazette_link_listing_copy"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT a.published_at, (a.status IN ('published', 'scheduled') AND a.deleted_at IS NULL)
    INTO NEW.published_at, NEW.listed
    FROM "public"."articles" a WHERE a.id = NEW.article_id;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE FUNCTION "public"."gazette_article_listing_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  now_listed boolean := NEW.status IN ('published', 'scheduled') AND NEW.deleted_at IS NULL;
BEGIN
  UPDATE "public"."article_tags" SET published_at = NEW.published_at, listed = now_listed WHERE article_id = NEW.id;
  UPDATE "public"."article_authors" SET published_at = NEW.published_at, listed = now_listed WHERE article_id = NEW.id;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "article_tags_listing_copy" BEFORE INSERT OR UPDATE OF article_id ON "article_tags"
  FOR EACH ROW EXECUTE FUNCTION "public"."gazette_link_listing_copy"();--> statement-breakpoint
CREATE TRIGGER "article_authors_listing_copy" BEFORE INSERT OR UPDATE OF article_id ON "article_authors"
  FOR EACH ROW EXECUTE FUNCTION "public"."gazette_link_listing_copy"();--> statement-breakpoint
CREATE TRIGGER "articles_listing_changed" AFTER UPDATE OF status, published_at, deleted_at ON "articles"
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.published_at IS DISTINCT FROM NEW.published_at OR OLD.deleted_at IS DISTINCT FROM NEW.deleted_at)
  EXECUTE FUNCTION "public"."gazette_article_listing_changed"();--> statement-breakpoint
UPDATE "article_tags" l SET published_at = a.published_at, listed = (a.status IN ('published', 'scheduled') AND a.deleted_at IS NULL)
  FROM "articles" a WHERE a.id = l.article_id;--> statement-breakpoint
UPDATE "article_authors" l SET published_at = a.published_at, listed = (a.status IN ('published', 'scheduled') AND a.deleted_at IS NULL)
  FROM "articles" a WHERE a.id = l.article_id;
