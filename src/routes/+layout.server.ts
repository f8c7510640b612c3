import { unseenAlerts } from '$lib/server/alerts/alerts';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals }) => ({
	locale: locals.locale,
	// The badge on Peaks in the navigation: alerts nobody has acknowledged yet.
	unseenAlerts: await unseenAlerts(locals.runtime.db)
});
