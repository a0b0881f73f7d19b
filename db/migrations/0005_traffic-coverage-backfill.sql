-- Existing traffic gets its coverage (days with any row) and the default winner per day
-- (access-log > plausible > goatcounter > views-csv > any other source, by name).
INSERT OR IGNORE INTO `traffic_coverage` (`source`, `origin`, `day`)
  SELECT DISTINCT `source`, `origin`, `day` FROM `daily_views`
  UNION SELECT DISTINCT `source`, `origin`, `day` FROM `unmatched_paths`;
--> statement-breakpoint
INSERT OR REPLACE INTO `traffic_winners` (`day`, `source`)
  SELECT `day`, `source` FROM (
    SELECT `day`, `source`, row_number() OVER (PARTITION BY `day` ORDER BY
      CASE `source` WHEN 'access-log' THEN 0 WHEN 'plausible' THEN 1 WHEN 'goatcounter' THEN 2 WHEN 'views-csv' THEN 3 ELSE 4 END,
      `source`) AS `rn`
    FROM (SELECT DISTINCT `day`, `source` FROM `traffic_coverage`)
  ) WHERE `rn` = 1;
