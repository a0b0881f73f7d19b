import { connection } from 'next/server';
import { getDb } from '@/db/client';

/** Liveness and readiness: 200 with the post count when the database answers. Public, reveals nothing else. */
export async function GET() {
  await connection();
  const n = (getDb().$client.prepare('select count(*) as n from posts').get() as { n: number }).n;
  return Response.json({ ok: true, posts: n });
}
