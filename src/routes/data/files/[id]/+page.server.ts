import { error } from '@sveltejs/kit';
import { getFileWithRejects } from '$lib/server/imports/status';
import type { PageServerLoad } from './$types';

const SHOWN = 500;

export const load: PageServerLoad = async ({ locals, params }) => {
	const id = Number(params.id);
	if (!Number.isInteger(id) || id < 1) error(404, 'not found');
	const found = await getFileWithRejects(locals.runtime, id, SHOWN);
	if (!found) error(404, 'not found');
	return { ...found, shown: SHOWN };
};
