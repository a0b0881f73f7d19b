/**
 * Site settings kept in the `settings` table, with defaults. `TEND_TIMEZONE` / `TEND_SITE_URL` in the
 * environment override the stored values (useful for cron jobs and tests).
 */
import { z } from 'zod';
import type { Db } from './client';
import { settings } from './schema';

export interface SiteSettings {
  /** IANA time zone used for days and for times without a zone (feed dump). Default `UTC`. */
  timeZone: string;
  /** The blog's own base URL (for live-post links), or empty. */
  siteUrl: string;
}

const DEFAULTS: SiteSettings = { timeZone: 'UTC', siteUrl: '' };

/** Throws when `tz` is not an IANA zone name this Node knows. */
export function validateTimeZone(tz: string): string {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return tz;
  } catch {
    throw new Error(`unknown time zone "${tz}": use an IANA name such as UTC or Europe/Berlin`);
  }
}

const schema = z.object({
  timeZone: z.string().min(1).transform(validateTimeZone),
  siteUrl: z.string(),
});

/** Current settings: environment, then the table, then defaults. */
export function getSettings(db: Db): SiteSettings {
  const rows = db.select().from(settings).all();
  const stored = Object.fromEntries(rows.map((r) => [r.key, r.value]));
  return schema.parse({
    timeZone: process.env.TEND_TIMEZONE || stored.timeZone || DEFAULTS.timeZone,
    siteUrl: process.env.TEND_SITE_URL ?? stored.siteUrl ?? DEFAULTS.siteUrl,
  });
}

/** Store one setting after validating it. */
export function setSetting(db: Db, key: keyof SiteSettings, value: string): void {
  if (key === 'timeZone') validateTimeZone(value);
  db.insert(settings).values({ key, value }).onConflictDoUpdate({ target: settings.key, set: { value } }).run();
}
