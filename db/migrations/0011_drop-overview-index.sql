-- The overview reads its post list from overview_post_list (built at import time, migration 0010), not from posts:
-- migration 0008's index would only steer the plans of the /posts list.
DROP INDEX `posts_overview_idx`;