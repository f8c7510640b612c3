/** An upload is only ever a file the product reads: other types are refused and nothing is written. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uploadAndIngest, UploadError } from '../../src/lib/server/imports/upload';
import type { Runtime } from '../../src/lib/server/runtime';
import { tempDb, type TempDb } from '../helpers/temp-db';

let t: TempDb;
beforeAll(async () => {
	t = await tempDb();
});
afterAll(() => t.close());

describe('uploads', () => {
	it('refuses a type the product does not read, and writes nothing', async () => {
		const rt = { db: t.db, config: t.config } as Runtime;
		for (const name of ['run.sh', 'report.xlsx', 'page.html', 'noextension', '../../../x.csv.exe']) {
			const e = await uploadAndIngest(rt, 'calls', name, new TextEncoder().encode('id,started_at,outcome\n')).catch((x: unknown) => x);
			expect(e, name).toBeInstanceOf(UploadError);
			expect((e as UploadError).phrase.key).toBe('data.uploadType');
		}
		expect(fs.existsSync(path.join(t.config.inboxDir, 'calls')) ? fs.readdirSync(path.join(t.config.inboxDir, 'calls')) : []).toEqual([]);
	});

	it('takes a CSV under a safe name', async () => {
		const rt = { db: t.db, config: t.config } as Runtime;
		const { fileName, run } = await uploadAndIngest(rt, 'calls', '../evil/calls.csv', new TextEncoder().encode('id,started_at,outcome\nu1,2026-11-21 09:00,answered\n'));
		expect(fileName).toBe('calls.csv');
		expect(run.inserted).toBe(1);
	});
});
