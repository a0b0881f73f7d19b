ALTER TABLE `authorship` ADD `features` text;--> statement-breakpoint
ALTER TABLE `authorship` ADD `rule_score_pct` integer;--> statement-breakpoint
ALTER TABLE `authorship` ADD `model_score_pct` integer;--> statement-breakpoint
ALTER TABLE `authorship_events` ADD `batch` text;--> statement-breakpoint
ALTER TABLE `authorship_events` ADD `undoes` integer;--> statement-breakpoint
CREATE INDEX `authorship_events_post_idx` ON `authorship_events` (`post_id`);