import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PAGES, pageQueryImports } from './run-queries';

describe('pageQueryImports', () => {
  it('lists value imports from db/queries, with aliases resolved and type imports left out', () => {
    const src = `import { connection } from 'next/server';
import { getTotals } from '@/db/queries/overview';
import type { PostRow } from '@/db/queries/posts';
import {
  getPost,
  type SortKey,
  listPosts as list,
} from '@/db/queries/posts';
import { helper } from '@/lib/queries/x';`;
    expect(pageQueryImports(src)).toEqual([
      { module: 'overview', name: 'getTotals' },
      { module: 'posts', name: 'getPost' },
      { module: 'posts', name: 'listPosts' },
    ]);
  });

  it('finds queries in each page the bench measures (the pages exist and read through db/queries)', () => {
    for (const page of PAGES) {
      const file = path.join(__dirname, '..', '..', page.files[0]);
      expect(pageQueryImports(fs.readFileSync(file, 'utf8')).length, page.route).toBeGreaterThan(0);
    }
  });
});
