CREATE TABLE `post_day_views` (
	`post_id` integer NOT NULL,
	`day` text NOT NULL,
	`page_views` integer DEFAULT 0 NOT NULL,
	`bot_hits` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`post_id`, `day`),
	FOREIGN KEY (`post_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE cascade
) WITHOUT ROWID;
--> statement-breakpoint
-- Existing traffic gets its per-day summary now; post_metrics, post_curve and post_month_views are rebuilt from it
-- on first use (db/mutations/metrics.ts ensurePostMetrics) or by the next import.
INSERT INTO `post_day_views` (`post_id`, `day`, `page_views`, `bot_hits`)
  SELECT `post_id`, `day`, sum(`page_views`), sum(`bot_hits`) FROM `counted_daily_views` GROUP BY `post_id`, `day`;
