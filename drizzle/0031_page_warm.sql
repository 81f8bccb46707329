CREATE TABLE "page_warm" (
	"build_id" text PRIMARY KEY NOT NULL,
	"reached_published_at" timestamp with time zone,
	"reached_id" integer,
	"pages" integer DEFAULT 0 NOT NULL,
	"site_expired_at" bigint DEFAULT 0 NOT NULL,
	"holder" text,
	"held_until" timestamp with time zone,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
