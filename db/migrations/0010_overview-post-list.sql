CREATE TABLE `overview_post_list` (
	`id` integer PRIMARY KEY NOT NULL,
	`columns` text NOT NULL,
	CONSTRAINT "overview_post_list_one_row" CHECK("overview_post_list"."id" = 1)
);
--> statement-breakpoint
-- Any write to what the list holds makes it stale: it is deleted, and rebuilt at the end of the summary recompute
-- or by the next overview read (db/mutations/overview-post-list.ts).
CREATE TRIGGER `overview_post_list_posts_insert` AFTER INSERT ON `posts` BEGIN DELETE FROM `overview_post_list`; END;
--> statement-breakpoint
CREATE TRIGGER `overview_post_list_posts_delete` AFTER DELETE ON `posts` BEGIN DELETE FROM `overview_post_list`; END;
--> statement-breakpoint
CREATE TRIGGER `overview_post_list_posts_update` AFTER UPDATE OF `status`, `published_day`, `title`, `word_count` ON `posts` BEGIN DELETE FROM `overview_post_list`; END;
--> statement-breakpoint
CREATE TRIGGER `overview_post_list_post_stats_insert` AFTER INSERT ON `post_stats` BEGIN DELETE FROM `overview_post_list`; END;
--> statement-breakpoint
CREATE TRIGGER `overview_post_list_post_stats_delete` AFTER DELETE ON `post_stats` BEGIN DELETE FROM `overview_post_list`; END;
--> statement-breakpoint
CREATE TRIGGER `overview_post_list_post_metrics_insert` AFTER INSERT ON `post_metrics` BEGIN DELETE FROM `overview_post_list`; END;
--> statement-breakpoint
CREATE TRIGGER `overview_post_list_post_metrics_delete` AFTER DELETE ON `post_metrics` BEGIN DELETE FROM `overview_post_list`; END;
--> statement-breakpoint
CREATE TRIGGER `overview_post_list_post_stats_update` AFTER UPDATE OF `lifetime_views`, `bot_hits` ON `post_stats` BEGIN DELETE FROM `overview_post_list`; END;
--> statement-breakpoint
CREATE TRIGGER `overview_post_list_post_metrics_update` AFTER UPDATE ON `post_metrics` BEGIN DELETE FROM `overview_post_list`; END;
