/**
 * Says in words how well the suggestions agree with the author's labels, from the summary the retraining stores
 * (db/mutations/authorship-model.ts). Pure, for the post page and /label.
 */
import type { Agreement } from './learn';
import { MIN_PER_SIDE } from './learn';

/** The parts of a ModelSummary this needs. */
export interface AgreementInput {
  learned: boolean;
  nHuman: number;
  nAi: number;
  agreement: Agreement;
  rules: Agreement;
  method: 'leave-one-out' | 'k-fold' | 'rules-only';
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * One or two sentences, e.g. "The suggestion agrees with 17 of your 19 labels (1 unsure, 1 disagrees), checked
 * leave-one-out: each post judged by a model trained without its label. The rules alone agree with 15."
 * Before enough labels: how many more are needed on which side.
 */
export function describeAgreement(s: AgreementInput | null): string {
  if (!s || s.nHuman + s.nAi === 0)
    return `No labels yet: suggestions come from the rules alone. Label ${MIN_PER_SIDE} human and ${MIN_PER_SIDE} AI posts and Tend starts learning your blog.`;
  const a = s.agreement;
  const rest: string[] = [];
  if (a.unsure) rest.push(`${a.unsure} unsure`);
  if (a.disagree) rest.push(`${a.disagree} ${a.disagree === 1 ? 'disagrees' : 'disagree'}`);
  const counts = (verb: string) =>
    `${verb} with ${a.agree} of your ${plural(a.n, 'label')}${rest.length ? ` (${rest.join(', ')})` : ''}`;
  const fp = a.humanCalledAi ? ` ${plural(a.humanCalledAi, 'human post')} called AI.` : '';
  if (!s.learned) {
    const needH = Math.max(0, MIN_PER_SIDE - s.nHuman);
    const needA = Math.max(0, MIN_PER_SIDE - s.nAi);
    const need = [needH ? `${needH} more human` : '', needA ? `${needA} more AI` : ''].filter(Boolean).join(' and ');
    return `The rules ${counts('agree')}.${fp} Label ${need} ${needH + needA === 1 ? 'post' : 'posts'} and Tend starts learning your blog.`;
  }
  const how =
    s.method === 'k-fold'
      ? 'checked in 10 groups: each post judged by a model trained without its label'
      : 'checked leave-one-out: each post judged by a model trained without its label';
  return `The suggestion ${counts('agrees')}, ${how}.${fp} The rules alone agree with ${s.rules.agree}.`;
}
