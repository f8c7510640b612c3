/**
 * Audit entries cannot be edited through the product: no SQL statement of it updates,
 * deletes, truncates or drops audit_log, and the only writer inserts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const QUERIES = path.resolve(import.meta.dirname, '../../queries');
const SOURCES = ['src', 'jobs'].map((d) => path.resolve(import.meta.dirname, '../..', d));

function files(dir: string, ext: RegExp): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name), ext) : ext.test(e.name) ? [path.join(dir, e.name)] : []));
}

const CHANGES = /\b(update\s+audit_log|delete\s+from\s+audit_log|truncate\s+(table\s+)?audit_log|drop\s+table\s+(if\s+exists\s+)?audit_log|alter\s+table\s+audit_log)\b/i;

describe('audit log', () => {
	it('has no statement that changes or deletes entries, in SQL files or in code', () => {
		const sql = files(QUERIES, /\.sql$/);
		expect(sql.length).toBeGreaterThan(20);
		const offenders = [...sql, ...SOURCES.flatMap((d) => files(d, /\.(ts|js|svelte)$/))].filter((f) => CHANGES.test(fs.readFileSync(f, 'utf8')));
		expect(offenders.map((f) => path.relative(QUERIES, f))).toEqual([]);
	});
	it('the check finds such a statement (it can fail)', () => {
		expect(CHANGES.test('delete from audit_log where id = 1')).toBe(true);
		expect(CHANGES.test('UPDATE audit_log SET actor = null')).toBe(true);
		expect(CHANGES.test('insert into audit_log (id) values (1)')).toBe(false);
	});
});
