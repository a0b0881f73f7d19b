/**
 * Measures Tend's authorship suggestions on the evaluation set in fixtures/authorship/eval (manifest.json: human
 * blog posts from before 2020 under CC BY, and AI-written posts), for the rules alone and for the per-blog model
 * checked leave-one-out (each text scored by a model trained on the labels of all the others). Texts are read the
 * way the importer reads them (Markdown or HTML to plain text); publish times are left out (the AI side has none).
 *
 * Usage: npm run eval:authorship [-- --verbose] [--json FILE]
 * Prints precision and recall (positive = AI) and the false-positive rate on human posts.
 * Exit codes: 0 done, 1 the evaluation set could not be read.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type Confusion, confusion, fmtRate } from '../lib/authorship/evaluate';
import { featureValues, fitScaler, rawVector, standardize } from '../lib/authorship/features';
import { heldOutScores, type LabelledPost } from '../lib/authorship/learn';
import { suggestAuthorship } from '../lib/authorship/suggest';
import { markdownToText } from '../lib/posts/markdown';
import { htmlToText } from '../lib/text';

interface Item {
  file: string;
  side: 'human' | 'ai';
  title: string;
}

const DIR = path.resolve(__dirname, '..', 'fixtures', 'authorship', 'eval');

/** Plain text of one evaluation file, the title line removed when the body repeats it. */
function readText(item: Item): string {
  const raw = fs.readFileSync(path.join(DIR, item.file), 'utf8');
  const text = item.file.endsWith('.html') ? htmlToText(raw) : markdownToText(raw);
  const [first, ...rest] = text.split('\n\n');
  return first.trim() === item.title.trim() ? rest.join('\n\n') : text;
}

function line(name: string, c: Confusion): string {
  return `${name.padEnd(30)} precision ${fmtRate(c.precision)}  recall ${fmtRate(c.recall)}  false positives on human posts ${c.fp}/${c.fp + c.tn + c.unsureHuman} (${fmtRate(c.falsePositiveRate)})  AI called AI ${c.tp}/${c.tp + c.fn + c.unsureAi}, unsure ${c.unsureAi + c.unsureHuman}`;
}

function main(): number {
  const { values } = parseArgs({
    options: {
      verbose: { type: 'boolean', short: 'v' },
      json: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log('Usage: npm run eval:authorship [-- --verbose] [--json FILE]');
    return 0;
  }
  let items: Item[];
  try {
    items = (JSON.parse(fs.readFileSync(path.join(DIR, 'manifest.json'), 'utf8')) as { items: Item[] }).items;
  } catch (err) {
    console.error(`cannot read ${path.join(DIR, 'manifest.json')}: ${(err as Error).message}`);
    return 1;
  }
  const judged = items.map((it) => {
    const s = suggestAuthorship({ title: it.title, content: readText(it), publishedAt: null });
    return { ...it, s };
  });
  const usable = judged.filter((j) => j.s.signals.length > 0);
  const skipped = judged.filter((j) => j.s.signals.length === 0);
  const raw = usable.map((j) => rawVector(featureValues(j.s.signals)));
  const scaler = fitScaler(raw);
  const posts: LabelledPost[] = usable.map((j, i) => ({
    x: standardize(raw[i], scaler),
    ai: j.side === 'ai',
    ruleScore: j.s.score,
  }));
  const held = heldOutScores(posts);

  const rules = confusion(posts.map((p) => ({ score: p.ruleScore, ai: p.ai })));
  const blended = confusion(posts.map((p, i) => ({ score: held[i].score, ai: p.ai })));
  const modelOnly = confusion(posts.map((p, i) => ({ score: held[i].model ?? p.ruleScore, ai: p.ai })));

  const nAi = usable.filter((j) => j.side === 'ai').length;
  console.log(
    `Evaluation set: ${items.length} texts (${items.filter((i) => i.side === 'human').length} human, ${items.filter((i) => i.side === 'ai').length} AI); ${usable.length} judged (${nAi} AI), ${skipped.length} declined${skipped.length ? `: ${skipped.map((s) => `${s.file} (${s.s.reason})`).join(', ')}` : ''}.`,
  );
  console.log('Positive = AI-written. A score >= 0.60 calls a text AI, < 0.30 human, in between unsure.');
  console.log(line('Rules alone', rules));
  console.log(line('Rules + learned (held out)', blended));
  console.log(line('Learned model alone (held out)', modelOnly));
  if (values.verbose) {
    console.log('\nrule  blend model  truth  file');
    usable.forEach((j, i) => {
      const mark = (sc: number) =>
        sc >= 0.6 ? (j.side === 'ai' ? ' ' : '!') : sc < 0.3 ? (j.side === 'human' ? ' ' : '!') : '?';
      console.log(
        `${j.s.score.toFixed(2)}${mark(j.s.score)} ${held[i].score.toFixed(2)}${mark(held[i].score)} ${(held[i].model ?? Number.NaN).toFixed(2)}  ${j.side.padEnd(5)}  ${j.file}`,
      );
    });
  }
  if (values.json) {
    fs.writeFileSync(
      values.json,
      JSON.stringify(
        {
          rules,
          blended,
          modelOnly,
          items: usable.map((j, i) => ({
            file: j.file,
            side: j.side,
            rule: j.s.score,
            blended: held[i].score,
            model: held[i].model,
          })),
        },
        null,
        2,
      ),
    );
  }
  return 0;
}

process.exitCode = main();
