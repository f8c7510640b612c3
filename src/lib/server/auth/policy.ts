/**
 * The route policy: for every route of src/routes (keyed by SvelteKit's route id, e.g.
 * '/data/files/[id]/rejects.csv'), who may open it. The guard (./handle.ts) applies it to
 * every request: page loads and their __data.json, form actions, endpoints, downloads.
 *
 * Deny by default: a route missing here answers 403 (and test/unit/route-policy.test.ts
 * fails), so a new page must add its line. A page lists its form actions by name
 * ('default' for the unnamed one); an endpoint lists its methods (HEAD follows GET).
 * Relative imports only: the browser tests read this table to request every route.
 */
import { ROLES, type Role, type Viewer } from './roles';

/** 'public': anyone, signed in or not; otherwise the roles that may. */
export type Access = 'public' | readonly Role[];

export interface PagePolicy {
	/** Opening the page (GET of the page or its __data.json). */
	page: Access;
	/** Its form actions by name. */
	actions?: Readonly<Record<string, Access>>;
}

export const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type Method = (typeof METHODS)[number];

export type EndpointPolicy = { readonly [M in Method]?: Access } & {
	/** The command line's hand-off token (<db>.server.json) is accepted here as an admin. */
	cli?: boolean;
};

export type RoutePolicy = PagePolicy | EndpointPolicy;

const PUBLIC = 'public';
/** Every signed-in role. */
const SIGNED_IN: readonly Role[] = ROLES;
const ADMIN: readonly Role[] = ['admin'];
/** No role: only the command line's hand-off token, where the entry accepts it. */
const NOBODY: readonly Role[] = [];
/** Aggregated figures (KPIs, counts by day): every role may read them. */
const KPI: readonly Role[] = ROLES;
/** Support leads' work: ticket lists, releases and incidents, SLA settings. */
const SUPPORT: readonly Role[] = ['support_lead', 'admin'];
/** The follow-up list: care agents work it, support leads plan it. */
const FOLLOW_UPS: readonly Role[] = ['care_agent', 'support_lead', 'admin'];
/** Load and staffing, aggregated: support leads, and executives. */
const LOAD: readonly Role[] = ['executive', 'support_lead', 'admin'];

export const POLICY: Readonly<Record<string, RoutePolicy>> = {
	// Public: signing in, the first administrator, monitoring, the language switch.
	'/login': { page: PUBLIC, actions: { default: PUBLIC } },
	'/logout': { POST: PUBLIC },
	'/setup/[token]': { page: PUBLIC, actions: { default: PUBLIC } },
	'/api/health': { GET: PUBLIC },
	'/lang': { POST: PUBLIC },

	// Everyone signed in: their own account.
	'/account': { page: SIGNED_IN, actions: { password: SIGNED_IN, logoutEverywhere: SIGNED_IN } },

	// KPIs and aggregated figures.
	'/': { page: KPI },
	'/api/overview': { GET: KPI },
	'/surveys': { page: KPI },
	'/calls': { page: KPI },
	'/api/kpi/nps': { GET: KPI },
	'/api/kpi/csat': { GET: KPI },
	'/api/kpi/calls': { GET: KPI },
	// One ticket: executives see it without the customer's name or any comment (kpi/answers.ts).
	'/tickets/[id]': { page: KPI },
	'/sla': { page: KPI },
	'/api/kpi/sla': { GET: KPI },

	// Churn risk: scores and reasons for everyone; customer names, contacts and comments only
	// for the roles the auth predicates allow (src/lib/server/churn/viewer.ts).
	'/at-risk': { page: KPI },
	'/at-risk/track-record': { page: KPI },
	'/customers': { page: KPI },
	'/customers/[id]': { page: KPI },
	'/api/customers/risk': { GET: KPI },
	// The follow-up list: the care unit's work (and the leads who plan it).
	'/follow-ups': { page: FOLLOW_UPS, actions: { outcome: FOLLOW_UPS, snooze: FOLLOW_UPS } },
	'/follow-ups/export.csv': { GET: FOLLOW_UPS },
	'/follow-ups/export.xlsx': { GET: FOLLOW_UPS },
	'/api/followups': { GET: FOLLOW_UPS, POST: FOLLOW_UPS },
	// The hold-out comparison: aggregated (did calling help?), for everyone.
	'/follow-ups/hold-out': { page: KPI },

	// SLA: the open tickets at risk (single tickets with customers) and the business calendar.
	'/sla/at-risk': { page: SUPPORT },
	'/sla/at-risk.csv': { GET: SUPPORT },
	'/api/sla/at-risk': { GET: SUPPORT },
	'/settings/sla': { page: SUPPORT, actions: { save: SUPPORT, importIcal: SUPPORT, restoreShipped: SUPPORT } },

	// Load: peaks and staffing (aggregated; executives get no customer names, see peaks/viewer.ts),
	// the tickets of a peak (single tickets with customers), releases and incidents.
	'/peaks': { page: LOAD, actions: { seen: LOAD } },
	'/peaks/[key]/tickets': { page: SUPPORT },
	'/staffing': { page: LOAD },
	'/annotations': { page: SUPPORT, actions: { save: SUPPORT, delete: SUPPORT } },

	// Imports: raw rows with customer data.
	'/data': { page: ADMIN, actions: { run: ADMIN } },
	'/data/files/[id]': { page: ADMIN, actions: { loadAgain: ADMIN } },
	'/data/files/[id]/rejects.csv': { GET: ADMIN },
	'/data/upload': { POST: ADMIN },
	'/api/ingest': { POST: ADMIN, cli: true },
	// Bringing one's own data: a file loaded with its layout named (`npm run import`), the layouts
	// a header fits (the upload page), loading a kept file again, and the mappings.
	'/api/import': { POST: ADMIN, cli: true },
	'/api/import/detect': { POST: ADMIN, cli: true },
	'/api/import/[id]/load-again': { POST: ADMIN, cli: true },
	'/api/mappings': { GET: ADMIN, POST: ADMIN, cli: true },
	// Backups: an administrator's token or the command line; restoring replaces the whole
	// database, so only from the command line on the server's machine (`npm run restore`).
	'/api/backup': { POST: ADMIN, cli: true },
	'/api/restore': { POST: NOBODY, cli: true },

	// Administration.
	'/admin/users': {
		page: ADMIN,
		actions: { create: ADMIN, role: ADMIN, password: ADMIN, disable: ADMIN, enable: ADMIN, signOut: ADMIN }
	},
	'/admin/tokens': { page: ADMIN, actions: { create: ADMIN, revoke: ADMIN } },
	'/admin/audit': { page: ADMIN },
	'/api/users': { GET: ADMIN, POST: ADMIN, cli: true },
	'/api/users/[login]': { PATCH: ADMIN, cli: true },
	'/api/tokens': { GET: ADMIN, POST: ADMIN, cli: true },
	'/api/tokens/[id]': { DELETE: ADMIN, cli: true }
};

export function isPagePolicy(p: RoutePolicy): p is PagePolicy {
	return 'page' in p;
}

/** The form action a POST to a page names: "?/upload" → 'upload'; none → 'default'. */
export function actionName(url: URL): string {
	const key = [...url.searchParams.keys()].find((k) => k.startsWith('/'));
	return key ? key.slice(1) || 'default' : 'default';
}

export interface Decision {
	/** Who may; null when the policy says nothing (denied). */
	access: Access | null;
	/** The CLI's token is accepted. */
	cli: boolean;
	/** What was looked up, for messages and logs ("/data POST ?/upload"). */
	what: string;
}

/** The access rule of a request to a route, or access null when none is written (deny). */
export function accessFor(routeId: string, method: string, url: URL): Decision {
	const entry = POLICY[routeId];
	const m = method === 'HEAD' ? 'GET' : method;
	if (!entry) return { access: null, cli: false, what: `${routeId} (no policy entry)` };
	if (isPagePolicy(entry)) {
		if (m === 'GET') return { access: entry.page, cli: false, what: `${routeId} GET` };
		if (m === 'POST') {
			const action = actionName(url);
			return { access: entry.actions?.[action] ?? null, cli: false, what: `${routeId} POST ?/${action}` };
		}
		return { access: null, cli: false, what: `${routeId} ${m}` };
	}
	const access = (METHODS as readonly string[]).includes(m) ? (entry[m as Method] ?? null) : null;
	return { access, cli: !!entry.cli, what: `${routeId} ${m}` };
}

/** Whether a viewer (null: anonymous) passes an access rule. */
export function permits(access: Access | null, viewer: Viewer | null): boolean {
	if (access === null) return false;
	if (access === 'public') return true;
	return !!viewer && access.includes(viewer.role);
}

/** Whether a role may open a route with GET (the navigation shows only those links). */
export function roleMayOpen(routeId: string, role: Role): boolean {
	const entry = POLICY[routeId];
	if (!entry) return false;
	const access = isPagePolicy(entry) ? entry.page : entry.GET;
	return access === 'public' || (access?.includes(role) ?? false);
}
