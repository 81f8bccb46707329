ALTER TABLE "articles" ADD COLUMN "cover_caption" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "cover_credit" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "editor_name" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "published_by_id" integer;--> statement-breakpoint
ALTER TABLE "articles" ADD CONSTRAINT "articles_published_by_id_users_id_fk" FOREIGN KEY ("published_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
-- Stories published before this migration credit the staff member the audit log names as their
-- last publisher or scheduler; none found: no credit line, as before. Driven by the audit rows, so
-- an archive that was imported or seeded (no such rows) is not rewritten.
UPDATE "articles" SET "published_by_id" = "last"."actor_id"
FROM (
  SELECT DISTINCT ON ("entity_id") CASE WHEN "entity_id" ~ '^[0-9]{1,9}$' THEN "entity_id"::integer END AS "article_id", "actor_id"
  FROM "audit_log"
  WHERE "entity_type" = 'article' AND "action" IN ('article.publish', 'article.schedule') AND "actor_id" IS NOT NULL
  ORDER BY "entity_id", "id" DESC
) AS "last"
WHERE "articles"."id" = "last"."article_id" AND "articles"."status" IN ('published', 'scheduled', 'archived');
