/**
 * Who is looking, as far as peaks, staffing and annotations care: whether customer names may
 * be shown. Domain functions take the viewer and leave names out for those who may not see
 * them (executives see aggregated peaks only).
 *
 * The signed-in user comes from the auth work (`locals.user`, with a role); until it lands no
 * one signs in and the viewer is null, which is the single local operator of today's product
 * and sees everything, as every other page does.
 */
export interface Viewer {
	role: string;
}

/** The viewer of a request: `locals.user` when the auth layer sets one. */
export function viewerOf(locals: object): Viewer | null {
	const user = (locals as { user?: Viewer | null }).user;
	return user && typeof user.role === 'string' ? user : null;
}

/** Customer names, ticket subjects and lists of single tickets: not for executives. */
export function mayIdentifyCustomers(viewer: Viewer | null): boolean {
	return viewer?.role !== 'executive';
}
