ALTER TABLE "site_settings" ADD COLUMN "police_filing" text DEFAULT '' NOT NULL;--> statement-breakpoint
-- The reprint line now carries the story's address only when its template says {url}; sites saved
-- before kept the address appended, so their templates gain it and their pages read the same.
UPDATE "site_settings" SET "reprint_template" = "reprint_template" || ' {url}' WHERE position('{url}' in "reprint_template") = 0;
