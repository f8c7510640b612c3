/**
 * The short version of `npm run torture` (scripts/torture/harness.ts): a few SIGKILLs at
 * the points that matter (inside a file's transaction, between its commit and its move,
 * between the move and its record, and from outside at a random moment) while a few dozen
 * good and bad files arrive; then every row is where it should be, every file recorded once
 * with a reason a user can act on, nothing stuck, nothing crashed.
 */
import { describe, expect, it } from 'vitest';
import { BAD_KINDS } from '../../scripts/torture/files';
import { formatReport, runTorture } from '../../scripts/torture/harness';

describe('crash and fuzz (short)', () => {
	it('survives SIGKILLs at every critical point and a few dozen bad files', { timeout: 600_000 }, async () => {
		const report = await runTorture({ kills: 4, bad: BAD_KINDS.length + 14, good: 8, seed: 20261122 });
		expect(report.failures, formatReport(report)).toEqual([]);
		expect(report.kills.total).toBe(4);
		expect(report.crashes).toBe(0);
		expect(report.files.stuck).toBe(0);
		for (const r of report.rows) expect(r.found, r.table).toBe(r.expected);
		expect(report.rows[1]!.expected).toBeGreaterThan(0);
	});
});
