CREATE TABLE "import_sources" (
	"id" serial PRIMARY KEY NOT NULL,
	"source_site" text NOT NULL,
	"kind" text NOT NULL,
	"source_id" text NOT NULL,
	"local_id" integer NOT NULL,
	"fingerprint" text DEFAULT '' NOT NULL,
	"local_version" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "import_sources_key" ON "import_sources" USING btree ("source_site","kind","source_id");