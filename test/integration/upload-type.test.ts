/** An upload is only ever a file the product reads: other types are refused and nothing stays behind. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { receiveUpload, UploadError } from '../../src/lib/server/imports/upload';
import type { Runtime } from '../../src/lib/server/runtime';
import { tempDb, type TempDb } from '../helpers/temp-db';

let t: TempDb;
let rt: Runtime;
beforeAll(async () => {
	t = await tempDb();
	rt = { db: t.db, config: t.config } as unknown as Runtime;
});
afterAll(() => t.close());

function upload(name: string, content: string): Request {
	const form = new FormData();
	form.set('dataset', 'calls');
	form.set('file', new File([content], name, { type: 'text/csv' }));
	return new Request('http://127.0.0.1/data/upload', { method: 'POST', body: form });
}

/** Everything under the inbox, hidden staging folder included. */
function inboxFiles(): string[] {
	const dir = t.config.inboxDir;
	return fs.existsSync(dir) ? (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(dir, f)).isFile()) : [];
}

describe('uploads', { timeout: 60_000 }, () => {
	it('refuses a type the product does not read, and keeps nothing', async () => {
		for (const name of ['run.sh', 'report.xls', 'page.html', 'noextension', '../../../x.csv.exe']) {
			const e = await receiveUpload(rt, upload(name, 'id,started_at,outcome\n')).catch((x: unknown) => x);
			expect(e, name).toBeInstanceOf(UploadError);
			expect((e as UploadError).phrase.key).toBe('data.uploadType');
		}
		expect(inboxFiles()).toEqual([]);
	});

	it('refuses a file named .xlsx that is not a workbook, and keeps nothing', async () => {
		const e = await receiveUpload(rt, upload('report.xlsx', 'id,started_at,outcome\n')).catch((x: unknown) => x);
		expect((e as UploadError).phrase.key).toBe('import.xlsxUnreadable');
		expect(inboxFiles()).toEqual([]);
	});

	it('takes a CSV under a safe name', async () => {
		const { upload: outcome } = await receiveUpload(rt, upload('../evil/calls.csv', 'id,started_at,outcome\nu1,2026-11-21 09:00,answered\n'));
		expect(outcome).toMatchObject({ fileName: 'calls.csv', inserted: 1 });
	});
});
