ALTER TABLE `decision_events` ADD `rereview_on` text;--> statement-breakpoint
ALTER TABLE `decision_events` ADD `undoes` integer;--> statement-breakpoint
CREATE INDEX `decision_events_undoes_idx` ON `decision_events` (`undoes`);