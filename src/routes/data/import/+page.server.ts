import { importPageData } from '$lib/server/imports/import-page';
import { uploadLimitBytes } from '$lib/server/imports/upload';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const rt = locals.runtime;
	return {
		...importPageData(rt.config),
		timeZone: rt.settings.unit.timeZone,
		readOnly: rt.db.readOnly,
		uploadLimit: Number.isFinite(uploadLimitBytes()) ? uploadLimitBytes() : null
	};
};
