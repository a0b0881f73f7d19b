import { getDb } from '@/db/client';
import { getPlanExportInput } from '@/db/queries/plan-export';
import { sessionDenied } from '@/lib/auth/session';
import { attachmentHeader, isPlanFormat, PLAN_FORMATS } from '@/lib/plan-export';

export const dynamic = 'force-dynamic';

/**
 * GET /api/export/<format>: one cull-plan export as a download (formats in lib/plan-export.ts PLAN_FORMATS:
 * nginx, apache, netlify, redirection-csv, gone, decisions-csv, archive). 404 for an unknown format. Read-only.
 */
export async function GET(_req: Request, { params }: { params: Promise<{ format: string }> }): Promise<Response> {
  const denied = await sessionDenied();
  if (denied) return denied;
  const { format } = await params;
  if (!isPlanFormat(format)) {
    return new Response(
      `unknown export format "${format.slice(0, 40)}"; use one of ${Object.keys(PLAN_FORMATS).join(', ')}\n`,
      {
        status: 404,
        headers: { 'Content-Type': 'text/plain; charset=utf-8' },
      },
    );
  }
  const spec = PLAN_FORMATS[format];
  const { input } = getPlanExportInput(getDb());
  const body = spec.render(input);
  return new Response(typeof body === 'string' ? body : new Blob([body as Uint8Array<ArrayBuffer>]), {
    headers: {
      'Content-Type': spec.contentType,
      'Content-Disposition': attachmentHeader(spec.filename),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
