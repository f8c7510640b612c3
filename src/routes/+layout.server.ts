import { unseenAlerts } from '$lib/server/alerts/alerts';
import { publicViewer } from '$lib/server/auth/roles';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals }) => ({
	locale: locals.locale,
	user: publicViewer(locals.user),
	// The badge on Peaks in the navigation: alerts nobody has acknowledged yet.
	unseenAlerts: await unseenAlerts(locals.runtime.db)
});
