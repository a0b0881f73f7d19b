-- The summary tables derived from daily traffic lose their foreign key to posts and become WITHOUT ROWID
-- (db/schema.ts explains), and unmatched_paths becomes WITHOUT ROWID: one B-tree per table instead of a table plus
-- its primary-key index. Copies are written in key order, so they append.
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_post_curve` (
	`post_id` integer NOT NULL,
	`age` integer NOT NULL,
	`cum_views` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`post_id`, `age`)
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `__new_post_curve`("post_id", "age", "cum_views") SELECT "post_id", "age", "cum_views" FROM `post_curve` ORDER BY "post_id", "age";--> statement-breakpoint
DROP TABLE `post_curve`;--> statement-breakpoint
ALTER TABLE `__new_post_curve` RENAME TO `post_curve`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE TABLE `__new_post_curve_rows` (
	`published_day` text NOT NULL,
	`post_id` integer NOT NULL,
	`age1` integer DEFAULT 0 NOT NULL,
	`age2` integer DEFAULT 0 NOT NULL,
	`age3` integer DEFAULT 0 NOT NULL,
	`age5` integer DEFAULT 0 NOT NULL,
	`age7` integer DEFAULT 0 NOT NULL,
	`age10` integer DEFAULT 0 NOT NULL,
	`age14` integer DEFAULT 0 NOT NULL,
	`age21` integer DEFAULT 0 NOT NULL,
	`age30` integer DEFAULT 0 NOT NULL,
	`age45` integer DEFAULT 0 NOT NULL,
	`age60` integer DEFAULT 0 NOT NULL,
	`age90` integer DEFAULT 0 NOT NULL,
	`age120` integer DEFAULT 0 NOT NULL,
	`age180` integer DEFAULT 0 NOT NULL,
	`age270` integer DEFAULT 0 NOT NULL,
	`age365` integer DEFAULT 0 NOT NULL,
	`age545` integer DEFAULT 0 NOT NULL,
	`age730` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`published_day`, `post_id`)
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `__new_post_curve_rows`("published_day", "post_id", "age1", "age2", "age3", "age5", "age7", "age10", "age14", "age21", "age30", "age45", "age60", "age90", "age120", "age180", "age270", "age365", "age545", "age730") SELECT "published_day", "post_id", "age1", "age2", "age3", "age5", "age7", "age10", "age14", "age21", "age30", "age45", "age60", "age90", "age120", "age180", "age270", "age365", "age545", "age730" FROM `post_curve_rows` ORDER BY "published_day", "post_id";--> statement-breakpoint
DROP TABLE `post_curve_rows`;--> statement-breakpoint
ALTER TABLE `__new_post_curve_rows` RENAME TO `post_curve_rows`;--> statement-breakpoint
-- The label triggers on authorship read post_day_views: dropped while it is rebuilt (a rename checks every trigger),
-- then created again exactly as migration 0008 made them.
DROP TRIGGER `label_day_views_label_update`;--> statement-breakpoint
DROP TRIGGER `label_day_views_label_insert`;--> statement-breakpoint
DROP TRIGGER `label_day_views_label_delete`;--> statement-breakpoint
CREATE TABLE `__new_post_day_views` (
	`post_id` integer NOT NULL,
	`day` text NOT NULL,
	`page_views` integer DEFAULT 0 NOT NULL,
	`bot_hits` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`post_id`, `day`)
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `__new_post_day_views`("post_id", "day", "page_views", "bot_hits") SELECT "post_id", "day", "page_views", "bot_hits" FROM `post_day_views` ORDER BY "post_id", "day";--> statement-breakpoint
DROP TABLE `post_day_views`;--> statement-breakpoint
ALTER TABLE `__new_post_day_views` RENAME TO `post_day_views`;--> statement-breakpoint
CREATE TRIGGER `label_day_views_label_update` AFTER UPDATE OF `label` ON `authorship`
WHEN old.`label` IS NOT new.`label` AND (SELECT `status` FROM `posts` WHERE `id` = new.`post_id`) = 'publish'
BEGIN
  INSERT INTO `label_day_views` (`day`, `label`, `page_views`)
    SELECT `day`, coalesce(old.`label`, 'unlabelled'), -`page_views` FROM `post_day_views` WHERE `post_id` = new.`post_id`
    ON CONFLICT (`day`, `label`) DO UPDATE SET `page_views` = `page_views` + excluded.`page_views`;
  INSERT INTO `label_day_views` (`day`, `label`, `page_views`)
    SELECT `day`, coalesce(new.`label`, 'unlabelled'), `page_views` FROM `post_day_views` WHERE `post_id` = new.`post_id`
    ON CONFLICT (`day`, `label`) DO UPDATE SET `page_views` = `page_views` + excluded.`page_views`;
END;
--> statement-breakpoint
CREATE TRIGGER `label_day_views_label_insert` AFTER INSERT ON `authorship`
WHEN new.`label` IS NOT NULL AND (SELECT `status` FROM `posts` WHERE `id` = new.`post_id`) = 'publish'
BEGIN
  INSERT INTO `label_day_views` (`day`, `label`, `page_views`)
    SELECT `day`, 'unlabelled', -`page_views` FROM `post_day_views` WHERE `post_id` = new.`post_id`
    ON CONFLICT (`day`, `label`) DO UPDATE SET `page_views` = `page_views` + excluded.`page_views`;
  INSERT INTO `label_day_views` (`day`, `label`, `page_views`)
    SELECT `day`, new.`label`, `page_views` FROM `post_day_views` WHERE `post_id` = new.`post_id`
    ON CONFLICT (`day`, `label`) DO UPDATE SET `page_views` = `page_views` + excluded.`page_views`;
END;
--> statement-breakpoint
CREATE TRIGGER `label_day_views_label_delete` AFTER DELETE ON `authorship`
WHEN old.`label` IS NOT NULL AND (SELECT `status` FROM `posts` WHERE `id` = old.`post_id`) = 'publish'
BEGIN
  INSERT INTO `label_day_views` (`day`, `label`, `page_views`)
    SELECT `day`, old.`label`, -`page_views` FROM `post_day_views` WHERE `post_id` = old.`post_id`
    ON CONFLICT (`day`, `label`) DO UPDATE SET `page_views` = `page_views` + excluded.`page_views`;
  INSERT INTO `label_day_views` (`day`, `label`, `page_views`)
    SELECT `day`, 'unlabelled', `page_views` FROM `post_day_views` WHERE `post_id` = old.`post_id`
    ON CONFLICT (`day`, `label`) DO UPDATE SET `page_views` = `page_views` + excluded.`page_views`;
END;
--> statement-breakpoint
CREATE TABLE `__new_post_month_cum` (
	`month` text NOT NULL,
	`post_id` integer NOT NULL,
	`d01` integer DEFAULT 0 NOT NULL,
	`d02` integer DEFAULT 0 NOT NULL,
	`d03` integer DEFAULT 0 NOT NULL,
	`d04` integer DEFAULT 0 NOT NULL,
	`d05` integer DEFAULT 0 NOT NULL,
	`d06` integer DEFAULT 0 NOT NULL,
	`d07` integer DEFAULT 0 NOT NULL,
	`d08` integer DEFAULT 0 NOT NULL,
	`d09` integer DEFAULT 0 NOT NULL,
	`d10` integer DEFAULT 0 NOT NULL,
	`d11` integer DEFAULT 0 NOT NULL,
	`d12` integer DEFAULT 0 NOT NULL,
	`d13` integer DEFAULT 0 NOT NULL,
	`d14` integer DEFAULT 0 NOT NULL,
	`d15` integer DEFAULT 0 NOT NULL,
	`d16` integer DEFAULT 0 NOT NULL,
	`d17` integer DEFAULT 0 NOT NULL,
	`d18` integer DEFAULT 0 NOT NULL,
	`d19` integer DEFAULT 0 NOT NULL,
	`d20` integer DEFAULT 0 NOT NULL,
	`d21` integer DEFAULT 0 NOT NULL,
	`d22` integer DEFAULT 0 NOT NULL,
	`d23` integer DEFAULT 0 NOT NULL,
	`d24` integer DEFAULT 0 NOT NULL,
	`d25` integer DEFAULT 0 NOT NULL,
	`d26` integer DEFAULT 0 NOT NULL,
	`d27` integer DEFAULT 0 NOT NULL,
	`d28` integer DEFAULT 0 NOT NULL,
	`d29` integer DEFAULT 0 NOT NULL,
	`d30` integer DEFAULT 0 NOT NULL,
	`d31` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`month`, `post_id`)
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `__new_post_month_cum`("month", "post_id", "d01", "d02", "d03", "d04", "d05", "d06", "d07", "d08", "d09", "d10", "d11", "d12", "d13", "d14", "d15", "d16", "d17", "d18", "d19", "d20", "d21", "d22", "d23", "d24", "d25", "d26", "d27", "d28", "d29", "d30", "d31") SELECT "month", "post_id", "d01", "d02", "d03", "d04", "d05", "d06", "d07", "d08", "d09", "d10", "d11", "d12", "d13", "d14", "d15", "d16", "d17", "d18", "d19", "d20", "d21", "d22", "d23", "d24", "d25", "d26", "d27", "d28", "d29", "d30", "d31" FROM `post_month_cum` ORDER BY "month", "post_id";--> statement-breakpoint
DROP TABLE `post_month_cum`;--> statement-breakpoint
ALTER TABLE `__new_post_month_cum` RENAME TO `post_month_cum`;--> statement-breakpoint
CREATE TABLE `__new_post_month_views` (
	`post_id` integer NOT NULL,
	`month` text NOT NULL,
	`page_views` integer DEFAULT 0 NOT NULL,
	`bot_hits` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`post_id`, `month`)
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `__new_post_month_views`("post_id", "month", "page_views", "bot_hits") SELECT "post_id", "month", "page_views", "bot_hits" FROM `post_month_views` ORDER BY "post_id", "month";--> statement-breakpoint
DROP TABLE `post_month_views`;--> statement-breakpoint
ALTER TABLE `__new_post_month_views` RENAME TO `post_month_views`;--> statement-breakpoint
CREATE INDEX `post_month_views_month_idx` ON `post_month_views` (`month`);--> statement-breakpoint
CREATE TABLE `__new_unmatched_paths` (
	`path` text NOT NULL,
	`day` text NOT NULL,
	`source` text NOT NULL,
	`origin` text NOT NULL,
	`kind` text NOT NULL,
	`page_views` integer DEFAULT 0 NOT NULL,
	`bot_hits` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`path`, `kind`, `day`, `source`, `origin`),
	CONSTRAINT "unmatched_kind_check" CHECK("kind" in ('page','feed','asset','api','admin'))
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `__new_unmatched_paths`("path", "day", "source", "origin", "kind", "page_views", "bot_hits") SELECT "path", "day", "source", "origin", "kind", "page_views", "bot_hits" FROM `unmatched_paths` ORDER BY "path", "kind", "day", "source", "origin";--> statement-breakpoint
DROP TABLE `unmatched_paths`;--> statement-breakpoint
ALTER TABLE `__new_unmatched_paths` RENAME TO `unmatched_paths`;--> statement-breakpoint
CREATE INDEX `unmatched_origin_idx` ON `unmatched_paths` (`origin`);
