CREATE TABLE `post_curve` (
	`post_id` integer NOT NULL,
	`age` integer NOT NULL,
	`cum_views` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`post_id`, `age`),
	FOREIGN KEY (`post_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `post_metrics` (
	`post_id` integer PRIMARY KEY NOT NULL,
	`first7_views` integer DEFAULT 0 NOT NULL,
	`first30_views` integer DEFAULT 0 NOT NULL,
	`first90_views` integer DEFAULT 0 NOT NULL,
	`last30_views` integer DEFAULT 0 NOT NULL,
	`last90_views` integer DEFAULT 0 NOT NULL,
	`since_publish_views` integer DEFAULT 0 NOT NULL,
	`peak_day` text,
	`peak_views` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`post_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `post_month_views` (
	`post_id` integer NOT NULL,
	`month` text NOT NULL,
	`page_views` integer DEFAULT 0 NOT NULL,
	`bot_hits` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`post_id`, `month`),
	FOREIGN KEY (`post_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `post_month_views_month_idx` ON `post_month_views` (`month`);