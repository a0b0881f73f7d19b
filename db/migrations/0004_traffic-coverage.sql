CREATE TABLE `traffic_coverage` (
	`source` text NOT NULL,
	`origin` text NOT NULL,
	`day` text NOT NULL,
	PRIMARY KEY(`source`, `origin`, `day`)
);
--> statement-breakpoint
CREATE INDEX `traffic_coverage_day_idx` ON `traffic_coverage` (`day`);--> statement-breakpoint
CREATE TABLE `traffic_winners` (
	`day` text PRIMARY KEY NOT NULL,
	`source` text NOT NULL
);
--> statement-breakpoint
CREATE VIEW `counted_daily_views` AS select v.post_id, v.day, v.source, v.origin, v.page_views, v.visitors, v.bot_hits from daily_views v left join traffic_winners w on w.day = v.day where w.source is null or w.source = v.source;