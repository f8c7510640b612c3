/**
 * Who is looking, as far as peaks, staffing and annotations care: whether customer names may
 * be shown. Domain functions take the viewer and leave names out for those who may not see
 * them (executives see aggregated peaks only). The viewer is the signed-in user of the
 * request (src/lib/server/auth, `locals.user`); these domains look at its role only.
 */
import { canSeeCustomerPii, type Viewer as SignedIn } from '../auth/roles';

export type Viewer = Pick<SignedIn, 'role'>;

/** The viewer of a request (the route policy lets no one in without one). */
export function viewerOf(locals: App.Locals): Viewer | null {
	return locals.user;
}

/**
 * Customer names, ticket subjects and lists of single tickets: not for executives. Null is an
 * internal caller with no viewer (a test, a job), which sees everything.
 */
export function mayIdentifyCustomers(viewer: Viewer | null): boolean {
	return viewer === null || canSeeCustomerPii(viewer);
}
