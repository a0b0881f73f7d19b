CREATE INDEX `posts_list_idx` ON `posts` ("title" collate nocase,`path`,`published_at`);--> statement-breakpoint
CREATE INDEX `posts_status_day_idx` ON `posts` (`status`,`published_day`);