import { json } from '@sveltejs/kit';
import { audit } from '$lib/server/audit';
import { by } from '$lib/server/auth/web';
import { saveMapping } from '$lib/server/imports/import-page';
import type { MappingSpec } from '$lib/server/imports/mapping';
import type { RequestHandler } from './$types';

/**
 * POST /data/import/mappings { spec, replace? }: save a mapping made on the upload page as
 * data/mappings/<id>.json → 200 { id, path, folder } or 400 { errors: { field: phrase } }.
 */
export const POST: RequestHandler = async ({ locals, request }) => {
	const body = (await request.json().catch(() => null)) as { spec?: MappingSpec; replace?: boolean } | null;
	if (!body || typeof body.spec !== 'object' || body.spec === null) return json({ error: 'send { spec: mapping, replace?: boolean }' }, { status: 400 });
	const rt = locals.runtime;
	const result = saveMapping(rt.config, body.spec, { replace: body.replace === true, readOnly: rt.db.readOnly });
	if (!result.ok) return json({ errors: result.errors }, { status: 400 });
	await audit(rt.db, { ...by(locals), action: 'mapping.save', target: result.id, detail: { dataset: body.spec.dataset, replace: body.replace === true } });
	return json(result);
};
