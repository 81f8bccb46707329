CREATE TABLE "page_store" (
	"build_id" text NOT NULL,
	"cache_key" text NOT NULL,
	"tags" text[] NOT NULL,
	"stored_at" bigint NOT NULL,
	"entry" "bytea" NOT NULL,
	CONSTRAINT "page_store_build_id_cache_key_pk" PRIMARY KEY("build_id","cache_key")
);
--> statement-breakpoint
CREATE TABLE "page_tag_expiry" (
	"tag" text PRIMARY KEY NOT NULL,
	"expired_at" bigint NOT NULL
);
