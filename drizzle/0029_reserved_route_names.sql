-- `topics` and `attachments` became the app's own first path segments (topics 专题, story attachments).
-- A section or page that held one of these addresses would no longer be reached: it moves to
-- `{slug}-{id}` (free: ids are unique, and sections and pages share one namespace, so only one of
-- them can have held the name). Its old address now shows the app's page; menus need the new one.
UPDATE "sections" SET "slug" = "slug" || '-' || "id" WHERE "slug" IN ('topics', 'attachments');--> statement-breakpoint
UPDATE "pages" SET "slug" = "slug" || '-' || "id" WHERE "slug" IN ('topics', 'attachments');
