import { connection } from 'next/server';
import { labelPostAction, undoLastLabelAction } from '@/app/posts/actions';
import { LabelReview } from '@/components/label/LabelReview';
import { getDb } from '@/db/client';
import { getModelSummary, listLabelQueue } from '@/db/queries/authorship';
import { describeAgreement } from '@/lib/authorship/agreement-words';

/** How many unlabelled posts one visit loads; "Load more" reloads the page for the next ones. */
const BATCH = 60;

// Review mode for labelling: unlabelled posts, most confident suggestion first, one at a time, keyboard driven.
export default async function LabelPage() {
  await connection();
  const db = getDb();
  const { items, total } = listLabelQueue(db, BATCH);
  const agreement = describeAgreement(getModelSummary(db));
  return (
    <>
      <h1>Label</h1>
      <p className="lede">
        Unlabelled posts one at a time, the most confident suggestions first. Your label is the truth: accept the
        suggestion or say who wrote it. Every label retrains the suggestions for the rest of your blog.
      </p>
      {total === 0 ? (
        <section className="panel">
          <p data-testid="label-empty">
            Every post is labelled. Change a label on its post page, or in bulk on <a href="/posts">Posts</a>.
          </p>
          <p className="muted small" data-testid="agreement">
            {agreement}
          </p>
        </section>
      ) : (
        <LabelReview
          items={items}
          total={total}
          agreement={agreement}
          labelAction={labelPostAction}
          undoAction={undoLastLabelAction}
        />
      )}
    </>
  );
}
