import { connection } from 'next/server';
import { ActionForm } from '@/components/settings/ActionForm';
import { AnnotationsSettings } from '@/components/settings/AnnotationsSettings';
import { CullSettings } from '@/components/settings/CullSettings';
import styles from '@/components/settings/settings.module.css';
import { getDb } from '@/db/client';
import { getCullThresholds, listCullSuggestions } from '@/db/queries/cull-suggestions';
import { listAnnotations } from '@/db/queries/metrics';
import { getSettings } from '@/db/settings';
import {
  addAnnotationAction,
  deleteAnnotationAction,
  resetCullAction,
  saveCullAction,
  saveSiteAction,
  updateAnnotationAction,
} from './actions';

export const metadata = { title: 'Settings · Tend' };

export default async function SettingsPage() {
  await connection();
  const db = getDb();
  const site = getSettings(db);
  const counts: Record<string, number> = {};
  for (const s of listCullSuggestions(db).values()) counts[s.verdict] = (counts[s.verdict] ?? 0) + 1;
  const envZone = Boolean(process.env.TEND_TIMEZONE);
  const envUrl = process.env.TEND_SITE_URL !== undefined;
  return (
    <>
      <h1>Settings</h1>
      <p className="lede">Your site, the thresholds behind the cull suggestions, and notes on the timeline.</p>

      <section className="panel" aria-labelledby="site-h" id="site">
        <h2 id="site-h" style={{ marginTop: 0 }}>
          Site
        </h2>
        <ActionForm action={saveSiteAction} label="Site" submit="Save site">
          <div className={styles.grid}>
            <label>
              Time zone (IANA name, e.g. Europe/Berlin)
              <input name="timeZone" defaultValue={site.timeZone} required />
            </label>
            <label>
              Site URL (for links to live posts)
              <input name="siteUrl" type="url" defaultValue={site.siteUrl} placeholder="https://blog.example" />
            </label>
          </div>
        </ActionForm>
        <p className="small muted">
          Days are counted in this time zone when traffic is imported: after changing it, re-import your traffic so past
          days move too.
          {envZone || envUrl
            ? ` Note: ${[envZone && 'TEND_TIMEZONE', envUrl && 'TEND_SITE_URL'].filter(Boolean).join(' and ')} in the environment override${envZone && envUrl ? '' : 's'} the stored value.`
            : ''}
        </p>
      </section>

      <CullSettings
        thresholds={getCullThresholds(db)}
        counts={counts}
        saveAction={saveCullAction}
        resetAction={resetCullAction}
      />

      <AnnotationsSettings
        annotations={listAnnotations(db)}
        addAction={addAnnotationAction}
        updateAction={updateAnnotationAction}
        deleteAction={deleteAnnotationAction}
      />
    </>
  );
}
