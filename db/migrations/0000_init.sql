CREATE TABLE `annotations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`day` text NOT NULL,
	`text` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `authorship` (
	`post_id` integer PRIMARY KEY NOT NULL,
	`label` text,
	`set_by` text,
	`set_at` text,
	`suggested_label` text,
	`score_pct` integer,
	`band` text,
	`reason` text,
	`signals` text DEFAULT '[]' NOT NULL,
	`source_hint` text,
	FOREIGN KEY (`post_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "authorship_label_check" CHECK("authorship"."label" is null or "authorship"."label" in ('human','ai-assisted','ai-generated')),
	CONSTRAINT "authorship_suggested_check" CHECK("authorship"."suggested_label" is null or "authorship"."suggested_label" in ('human','ai-assisted','ai-generated'))
);
--> statement-breakpoint
CREATE TABLE `authorship_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`post_id` integer NOT NULL,
	`old_label` text,
	`new_label` text,
	`set_by` text NOT NULL,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`post_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `daily_views` (
	`post_id` integer NOT NULL,
	`day` text NOT NULL,
	`source` text NOT NULL,
	`origin` text NOT NULL,
	`page_views` integer DEFAULT 0 NOT NULL,
	`visitors` integer,
	`bot_hits` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`post_id`, `day`, `source`, `origin`),
	FOREIGN KEY (`post_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `daily_views_day_idx` ON `daily_views` (`day`);--> statement-breakpoint
CREATE INDEX `daily_views_origin_idx` ON `daily_views` (`origin`);--> statement-breakpoint
CREATE TABLE `decision_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`post_id` integer NOT NULL,
	`old_decision` text NOT NULL,
	`new_decision` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`post_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `decision_events_post_idx` ON `decision_events` (`post_id`);--> statement-breakpoint
CREATE TABLE `decisions` (
	`post_id` integer PRIMARY KEY NOT NULL,
	`decision` text DEFAULT 'undecided' NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`rereview_on` text,
	FOREIGN KEY (`post_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "decisions_decision_check" CHECK("decisions"."decision" in ('undecided','keep','cull'))
);
--> statement-breakpoint
CREATE TABLE `import_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`format` text,
	`file` text NOT NULL,
	`file_hash` text,
	`started_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`finished_at` text,
	`rows_read` integer DEFAULT 0 NOT NULL,
	`rows_imported` integer DEFAULT 0 NOT NULL,
	`rows_bot` integer DEFAULT 0 NOT NULL,
	`rows_unmatched` integer DEFAULT 0 NOT NULL,
	`rows_rejected` integer DEFAULT 0 NOT NULL,
	`first_day` text,
	`last_day` text,
	`status` text NOT NULL,
	`error` text,
	`rejects` text DEFAULT '[]' NOT NULL,
	CONSTRAINT "import_runs_kind_check" CHECK("import_runs"."kind" in ('posts','views')),
	CONSTRAINT "import_runs_status_check" CHECK("import_runs"."status" in ('ok','failed'))
);
--> statement-breakpoint
CREATE TABLE `period_views` (
	`post_id` integer NOT NULL,
	`source` text NOT NULL,
	`first_day` text NOT NULL,
	`last_day` text NOT NULL,
	`page_views` integer,
	`visitors` integer,
	PRIMARY KEY(`post_id`, `source`, `first_day`, `last_day`),
	FOREIGN KEY (`post_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `post_aliases` (
	`path` text PRIMARY KEY NOT NULL,
	`post_id` integer NOT NULL,
	`kind` text DEFAULT 'alias' NOT NULL,
	FOREIGN KEY (`post_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `post_aliases_post_idx` ON `post_aliases` (`post_id`);--> statement-breakpoint
CREATE TABLE `post_referrers` (
	`post_id` integer NOT NULL,
	`source` text NOT NULL,
	`origin` text NOT NULL,
	`referrer` text NOT NULL,
	`page_views` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`post_id`, `source`, `origin`, `referrer`),
	FOREIGN KEY (`post_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `post_stats` (
	`post_id` integer PRIMARY KEY NOT NULL,
	`lifetime_views` integer DEFAULT 0 NOT NULL,
	`first30_views` integer DEFAULT 0 NOT NULL,
	`last30_views` integer DEFAULT 0 NOT NULL,
	`bot_hits` integer DEFAULT 0 NOT NULL,
	`last_view_day` text,
	FOREIGN KEY (`post_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `posts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`path` text NOT NULL,
	`url` text,
	`title` text NOT NULL,
	`published_at` text,
	`published_day` text,
	`status` text DEFAULT 'publish' NOT NULL,
	`word_count` integer DEFAULT 0 NOT NULL,
	`comment_count` integer,
	`content` text DEFAULT '' NOT NULL,
	`source` text NOT NULL,
	`source_id` text,
	`tags` text DEFAULT '[]' NOT NULL,
	`author` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	CONSTRAINT "posts_status_check" CHECK("posts"."status" in ('publish','future','draft','private'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `posts_path_unique` ON `posts` (`path`);--> statement-breakpoint
CREATE UNIQUE INDEX `posts_source_id_unique` ON `posts` (`source`,`source_id`);--> statement-breakpoint
CREATE INDEX `posts_published_idx` ON `posts` (`published_at`);--> statement-breakpoint
CREATE TABLE `redirects` (
	`post_id` integer PRIMARY KEY NOT NULL,
	`target` text NOT NULL,
	`target_post_id` integer,
	`target_url` text,
	`chosen_by_author` integer DEFAULT false NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`post_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`target_post_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "redirects_target_check" CHECK("redirects"."target" in ('post','home','url','gone'))
);
--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `site_daily_totals` (
	`day` text NOT NULL,
	`source` text NOT NULL,
	`page_views` integer DEFAULT 0 NOT NULL,
	`visitors` integer,
	PRIMARY KEY(`day`, `source`)
);
--> statement-breakpoint
CREATE TABLE `sync_files` (
	`key` text PRIMARY KEY NOT NULL,
	`path` text NOT NULL,
	`device` integer,
	`inode` integer,
	`head_hash` text,
	`size` integer DEFAULT 0 NOT NULL,
	`offset` integer DEFAULT 0 NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sync_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`started_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`finished_at` text,
	`status` text NOT NULL,
	`results` text DEFAULT '[]' NOT NULL,
	CONSTRAINT "sync_runs_status_check" CHECK("sync_runs"."status" in ('running','ok','partial','failed'))
);
--> statement-breakpoint
CREATE TABLE `unmatched_paths` (
	`path` text NOT NULL,
	`day` text NOT NULL,
	`source` text NOT NULL,
	`origin` text NOT NULL,
	`kind` text NOT NULL,
	`page_views` integer DEFAULT 0 NOT NULL,
	`bot_hits` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`path`, `kind`, `day`, `source`, `origin`),
	CONSTRAINT "unmatched_kind_check" CHECK("unmatched_paths"."kind" in ('page','feed','asset','api','admin'))
);
--> statement-breakpoint
CREATE INDEX `unmatched_origin_idx` ON `unmatched_paths` (`origin`);