-- daily_views clustered by (day, post_id, source, origin), WITHOUT ROWID, with no day or origin index: a log's rows
-- append in day order (db/schema.ts explains). The copy is written in key order so it appends too.
PRAGMA foreign_keys=OFF;--> statement-breakpoint
DROP VIEW IF EXISTS `counted_daily_views`;--> statement-breakpoint
CREATE TABLE `__new_daily_views` (
	`post_id` integer NOT NULL,
	`day` text NOT NULL,
	`source` text NOT NULL,
	`origin` text NOT NULL,
	`page_views` integer DEFAULT 0 NOT NULL,
	`visitors` integer,
	`bot_hits` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`day`, `post_id`, `source`, `origin`),
	FOREIGN KEY (`post_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE cascade
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `__new_daily_views`("post_id", "day", "source", "origin", "page_views", "visitors", "bot_hits") SELECT "post_id", "day", "source", "origin", "page_views", "visitors", "bot_hits" FROM `daily_views` ORDER BY "day", "post_id", "source", "origin";--> statement-breakpoint
DROP TABLE `daily_views`;--> statement-breakpoint
ALTER TABLE `__new_daily_views` RENAME TO `daily_views`;--> statement-breakpoint
CREATE VIEW `counted_daily_views` AS select v.post_id, v.day, v.source, v.origin, v.page_views, v.visitors, v.bot_hits from daily_views v left join traffic_winners w on w.day = v.day where w.source is null or w.source = v.source;--> statement-breakpoint
PRAGMA foreign_keys=ON;