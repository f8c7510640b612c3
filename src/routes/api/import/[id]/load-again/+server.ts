import { json } from '@sveltejs/kit';
import { inEnglish } from '$lib/i18n/translate';
import { by } from '$lib/server/auth/web';
import { loadAgainAs, LoadAgainError } from '$lib/server/imports/ingest';
import type { RequestHandler } from './$types';

/**
 * POST /api/import/[id]/load-again { layout?: string }: load the kept file of import [id]
 * again through the mappings as they are now (after a fix), updating by key, never doubling;
 * `layout` reads it through another preset or mapping. Answers the run's summary.
 */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const id = Number(params.id);
	if (!Number.isInteger(id) || id < 1) return json({ error: 'not found' }, { status: 404 });
	let layout: string | null = null;
	const text = await request.text();
	if (text.trim()) {
		try {
			const body = JSON.parse(text) as { layout?: unknown };
			if (body?.layout !== undefined && body.layout !== null && body.layout !== '') layout = String(body.layout);
		} catch {
			return json({ error: 'expected JSON: { "layout": "zendesk" } or nothing' }, { status: 400 });
		}
	}
	try {
		const run = await loadAgainAs(locals.runtime.db, locals.runtime.config, { importId: id, layoutId: layout }, by(locals));
		return json(run);
	} catch (e) {
		if (!(e instanceof LoadAgainError)) throw e;
		return json({ error: inEnglish(e.problem), problem: e.problem }, { status: e.problem.key === 'problem.reloadNoImport' ? 404 : 409 });
	}
};
