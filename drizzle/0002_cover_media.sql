ALTER TABLE "articles" ADD COLUMN "cover_media_id" integer;--> statement-breakpoint
ALTER TABLE "articles" ADD CONSTRAINT "articles_cover_media_id_media_id_fk" FOREIGN KEY ("cover_media_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "articles_cover_media_idx" ON "articles" USING btree ("cover_media_id");