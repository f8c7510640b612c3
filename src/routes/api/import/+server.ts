import { json } from '@sveltejs/kit';
import { inEnglishPhrase } from '$lib/i18n/translate';
import { audit } from '$lib/server/audit';
import { by } from '$lib/server/auth/web';
import { receiveUpload, UploadError } from '$lib/server/imports/upload';
import type { RequestHandler } from './$types';

/**
 * POST /api/import: load one file (multipart/form-data: `dataset`, optionally `layout` — a
 * preset, a mapping or "native" — and `force`, then `file`), streamed to the inbox and loaded
 * at once; answers the run's summary and the file's parts. For `npm run import` while the
 * server owns the database (the hand-off token) and for administrators' API tokens.
 */
export const POST: RequestHandler = async ({ locals, request }) => {
	try {
		const { run, upload } = await receiveUpload(locals.runtime, request, 'cli');
		await audit(locals.runtime.db, {
			...by(locals),
			action: 'import.upload',
			target: upload?.fileName ?? null,
			detail: { run: run.id, file: upload?.id ?? null, status: upload?.status ?? null, parts: upload?.parts.map((p) => `${p.dataset}/${p.mapping}:${p.status}`) ?? [] }
		});
		return json({ run, upload });
	} catch (e) {
		if (!(e instanceof UploadError)) throw e;
		locals.log.warn({ reason: e.message }, 'import refused');
		return json({ error: inEnglishPhrase(e.phrase), refused: e.phrase }, { status: e.status });
	}
};
