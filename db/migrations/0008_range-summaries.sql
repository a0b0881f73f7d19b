CREATE TABLE `label_day_views` (
	`day` text NOT NULL,
	`label` text NOT NULL,
	`page_views` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`day`, `label`),
	CONSTRAINT "label_day_views_label_check" CHECK("label_day_views"."label" in ('human','ai-assisted','ai-generated','unlabelled'))
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `post_curve_rows` (
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
	PRIMARY KEY(`published_day`, `post_id`),
	FOREIGN KEY (`post_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE cascade
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `post_month_cum` (
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
	PRIMARY KEY(`month`, `post_id`),
	FOREIGN KEY (`post_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE cascade
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `authorship_label_idx` ON `authorship` (`label`);--> statement-breakpoint
CREATE INDEX `posts_overview_idx` ON `posts` (`status`,`published_day`,`title`,`word_count`);
--> statement-breakpoint
-- label_day_views follows every label write in the same statement: a post's counted views (post_day_views) move
-- from its old label to its new one. Only published posts count there. The tables above are filled on first use
-- (db/mutations/range-summaries.ts ensureRangeSummaries) or by the next import.
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
