/**
 * A small tmpfs for tests of a full disk or a read-only folder. Mounting needs root (or
 * CAP_SYS_ADMIN); elsewhere the test that asks for one skips with a visible message (the
 * same behaviour is also tested with an injected failure, which runs everywhere).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface Tmpfs {
	dir: string;
	remount(mode: 'ro' | 'rw'): void;
	unmount(): void;
}

export function mountTmpfs(sizeMb: number): Tmpfs | null {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'care-tmpfs-'));
	const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeMb}m`, 'tmpfs', dir], { encoding: 'utf8' });
	if (r.status !== 0) {
		fs.rmSync(dir, { recursive: true, force: true });
		console.warn(`\n[tmpfs] SKIPPED: cannot mount a tmpfs here (${(r.stderr || r.error?.message || '').trim()}); run as root to test a real full disk.\n`);
		return null;
	}
	return {
		dir,
		remount(mode) {
			const m = spawnSync('mount', ['-o', `remount,${mode}`, dir], { encoding: 'utf8' });
			if (m.status !== 0) throw new Error(`remount ${mode} failed: ${m.stderr}`);
		},
		unmount() {
			spawnSync('umount', ['-l', dir]);
			fs.rmSync(dir, { recursive: true, force: true });
		}
	};
}

/** Fill the file system holding `dir` until about `leaveKb` KB are free; returns the ballast file. */
export function fillDisk(dir: string, leaveKb: number): string {
	const ballast = path.join(dir, 'ballast.bin');
	const s = fs.statfsSync(dir);
	const free = s.bavail * s.bsize;
	const size = Math.max(0, free - leaveKb * 1024);
	const fd = fs.openSync(ballast, 'w');
	const chunk = Buffer.alloc(1 << 20, 7);
	let written = 0;
	try {
		while (written < size) written += fs.writeSync(fd, chunk, 0, Math.min(chunk.length, size - written));
	} finally {
		fs.closeSync(fd);
	}
	return ballast;
}
