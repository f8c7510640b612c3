// Find the PostgreSQL the scale benchmark runs side by side with DuckDB (Debian's packages:
// /usr/lib/postgresql/<version>/bin; the benchmark starts its own temporary server, never the
// system's). Installs Debian's "postgresql" package with apt-get when running as root, the way
// scripts/chromium.js installs Chromium, so CI on a clean machine has it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const INSTALL_HINT =
	'PostgreSQL is not installed: on Debian or Ubuntu run `apt-get install -y postgresql` (the benchmark uses /usr/lib/postgresql/<version>/bin and starts its own temporary server), then run the benchmark again.';

/**
 * The newest PostgreSQL installed from Debian's packages (its bin folder), or null.
 * @param {string} [root] where Debian puts the versions
 * @returns {string | null}
 */
export function findPostgres(root = '/usr/lib/postgresql') {
	if (!fs.existsSync(root)) return null;
	const versions = fs
		.readdirSync(root)
		.filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')) && fs.existsSync(path.join(root, v, 'bin', 'pg_ctl')))
		.sort((a, b) => Number(b) - Number(a));
	return versions[0] ? path.join(root, versions[0], 'bin') : null;
}

/**
 * PostgreSQL's bin folder: found, else installed with apt-get when root (first without
 * `apt-get update`, which needs the network to the Debian mirror, then with it). When it
 * cannot be had, throws the hint under CI (CI=true: the benchmark's smoke test must run it)
 * and returns null elsewhere (the smoke test then skips the PostgreSQL part visibly).
 * @returns {string | null}
 */
export function ensurePostgres() {
	const found = findPostgres();
	if (found) return found;
	const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
	const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
	if (isRoot && hasApt) {
		console.log('[test] PostgreSQL not found: installing Debian package "postgresql" with apt-get…');
		const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
		const install = () => spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'postgresql'], { stdio: 'inherit', env });
		let r = install();
		if (r.status !== 0 && spawnSync('apt-get', ['update'], { stdio: 'inherit', env }).status === 0) r = install();
		const installed = findPostgres();
		if (installed) return installed;
	}
	if (process.env.CI === 'true') throw new Error(`CI=true but PostgreSQL is missing (the scale benchmark's smoke test runs it). ${INSTALL_HINT}`);
	return null;
}
