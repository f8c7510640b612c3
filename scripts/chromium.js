// Find the Chromium the browser tests drive (Debian's package; Playwright's own download
// cannot work without internet). Installs it with apt-get when running as root.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/snap/bin/chromium'];

export function findChromium() {
	if (process.env.CHROMIUM_PATH) {
		if (fs.existsSync(process.env.CHROMIUM_PATH)) return process.env.CHROMIUM_PATH;
		throw new Error(`CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist`);
	}
	return CANDIDATES.find((p) => fs.existsSync(p)) ?? null;
}

export function ensureChromium() {
	const found = findChromium();
	if (found) return found;
	const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
	const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
	if (isRoot && hasApt) {
		console.log('[test] Chromium not found: installing Debian package "chromium" with apt-get…');
		const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
		let r = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { stdio: 'inherit', env });
		if (r.status !== 0) {
			execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
			r = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { stdio: 'inherit', env });
		}
		const installed = findChromium();
		if (r.status === 0 && installed) return installed;
	}
	throw new Error(
		'The browser tests need Chromium and none was found.\n' +
			'  Debian/Ubuntu: sudo apt-get install -y chromium   (package "chromium"; on Ubuntu "chromium-browser")\n' +
			'  or point CHROMIUM_PATH at an installed Chromium or Chrome binary.'
	);
}
