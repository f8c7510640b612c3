import { json, redirect } from '@sveltejs/kit';
import { audit } from '$lib/server/audit';
import { by } from '$lib/server/auth/web';
import { receiveFollowedUpload, receiveUpload, UploadError, wantsFollow, type UploadOutcome } from '$lib/server/imports/upload';
import type { RequestHandler } from './$types';

/**
 * POST /data/upload: the Data page's upload form (multipart/form-data: dataset, optionally
 * layout and force and the upload page's read options, then file).
 * The body is streamed to disk, not buffered (a SvelteKit form action would read it whole).
 * With JavaScript the page posts with `accept: application/json` and shows the answer in
 * place; without, the browser follows a redirect back to /data, which shows the outcome. The
 * upload page (/data/import) sends x-care-follow: 1 and gets { job } as soon as the file is in
 * the inbox, then follows the load at /data/import/progress.
 */
/** Every dataset the file loaded into, for the audit entry. */
const partsOf = (upload: UploadOutcome | null) => upload?.parts.map((p) => `${p.dataset}/${p.mapping}:${p.status}`) ?? [];

export const POST: RequestHandler = async ({ locals, request }) => {
	const wantsJson = (request.headers.get('accept') ?? '').includes('application/json');
	try {
		if (wantsFollow(request)) {
			const db = locals.runtime.db;
			const who = by(locals);
			const { job, placed } = await receiveFollowedUpload(locals.runtime, request, (upload, run) =>
				audit(db, {
					...who,
					action: 'import.upload',
					target: placed.fileName,
					detail: { run: run?.id ?? null, file: upload?.id ?? null, status: upload?.status ?? null, inserted: upload?.inserted ?? 0, rejected: upload?.rejected ?? 0, inbox: placed.relative, parts: partsOf(upload) }
				})
			);
			return json({ job: job.job, relative: placed.relative }, { status: 202 });
		}
		const { run, upload } = await receiveUpload(locals.runtime, request);
		await audit(locals.runtime.db, {
			...by(locals),
			action: 'import.upload',
			target: upload?.fileName ?? null,
			detail: { run: run.id, file: upload?.id ?? null, status: upload?.status ?? null, inserted: upload?.inserted ?? 0, rejected: upload?.rejected ?? 0, parts: partsOf(upload) }
		});
		if (wantsJson) return json({ upload, problems: upload ? [] : run.problems });
		redirect(303, upload ? `/data?upload=${upload.id}` : `/data?uploadRun=${run.id}`);
	} catch (e) {
		if (!(e instanceof UploadError)) throw e;
		locals.log.warn({ reason: e.message }, 'upload refused');
		if (wantsJson) return json({ refused: e.phrase }, { status: e.status });
		const params = new URLSearchParams({ refused: e.phrase.key });
		for (const [k, v] of Object.entries(e.phrase.params ?? {})) params.set(`p.${k}`, String(v));
		redirect(303, `/data?${params}`);
	}
};
