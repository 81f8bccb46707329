CREATE TABLE "sensitive_words" (
	"word" text PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "site_settings" ADD COLUMN "sensitive_words_block" boolean DEFAULT false NOT NULL;