/**
 * The torture harness's files: good files whose final rows are known exactly (ids overlap
 * between files, so later files update earlier ones), and bad files of many kinds, each with
 * the outcome it must get. Everything is generated from a seed, so a failing run can be
 * repeated.
 */
import { mulberry32 } from '../../jobs/demo/random';

export interface GoodRow {
	id: string;
	/** customers: the name; calls: the customer and the wait. */
	value: string;
}

export interface PlannedFile {
	dataset: 'customers' | 'calls';
	/** File name (sequence-numbered, so that load order is arrival order within a dataset). */
	name: string;
	content: Buffer;
	kind: string;
	/** Good files: the rows they hold (customers or calls). */
	rows?: GoodRow[];
	/** Calls' customers that may become stubs. */
	customers?: string[];
	/** What the file must end as. */
	expect: { statuses: string[]; key?: string; inserted?: number; rejected?: number };
}

/** The demo generator's seeded random source: a failing run can be repeated with its seed. */
export const prng = mulberry32;

const CALLS_HEADER = 'id,customer_id,direction,queue,started_at,answered_at,ended_at,wait_seconds,talk_seconds,outcome,agent,opened_case,ticket_id';

function callLine(id: string, customer: string, wait: number, day: number): string {
	const d = `2026-${String(1 + (day % 12)).padStart(2, '0')}-${String(1 + (day % 28)).padStart(2, '0')}T08:${String(day % 60).padStart(2, '0')}:00+03:30`;
	return `${id},${customer},inbound,support,${d},,,${wait},60,answered,agent${day % 5},true,`;
}

/** Good files: customers with overlapping ids and calls referring to them (and to a few unknown customers). */
export function goodFiles(count: number, rnd: () => number, seq: () => string): PlannedFile[] {
	const out: PlannedFile[] = [];
	for (let i = 0; i < count; i++) {
		if (i % 2 === 0) {
			const start = (i / 2) * 30;
			const rows = Array.from({ length: 50 }, (_, k) => ({ id: `C${start + k}`, value: `Customer ${start + k} v${i}` }));
			const content = Buffer.from(['id,name,segment', ...rows.map((r) => `${r.id},${r.value},enterprise`)].join('\n') + '\n');
			out.push({ dataset: 'customers', name: `${seq()}-good.csv`, content, kind: 'good', rows, expect: { statuses: ['loaded'], inserted: undefined } });
		} else {
			const start = ((i - 1) / 2) * 150;
			const rows: GoodRow[] = [];
			const customers: string[] = [];
			const lines = [CALLS_HEADER];
			for (let k = 0; k < 200; k++) {
				const id = `K${start + k}`;
				const customer = rnd() < 0.05 ? `S${Math.floor(rnd() * 20)}` : `C${Math.floor(rnd() * (count * 15 + 20))}`;
				const wait = Math.floor(rnd() * 300);
				rows.push({ id, value: `${customer}|${wait}` });
				customers.push(customer);
				lines.push(callLine(id, customer, wait, start + k));
			}
			out.push({ dataset: 'calls', name: `${seq()}-good.csv`, content: Buffer.from(lines.join('\n') + '\n'), kind: 'good', rows, customers, expect: { statuses: ['loaded'] } });
		}
	}
	return out;
}

type Maker = (rnd: () => number, n: number) => Omit<PlannedFile, 'name'> & { ext: string };

const failed = (key: string) => ({ statuses: ['failed'], key });

/** Bad files, by kind. Rows they load have ids starting with X (never among the good ids). */
const MAKERS: Record<string, Maker> = {
	empty: () => ({ dataset: 'customers', ext: 'csv', kind: 'empty', content: Buffer.alloc(0), expect: failed('problem.emptyFile') }),
	blank: (rnd) => ({ dataset: 'calls', ext: 'csv', kind: 'blank', content: Buffer.from('\n \r\n\t\n'.repeat(1 + Math.floor(rnd() * 5))), expect: failed('problem.noHeader') }),
	binary: (rnd) => {
		const b = Buffer.alloc(2048 + Math.floor(rnd() * 8192));
		for (let i = 0; i < b.length; i++) b[i] = Math.floor(rnd() * 256);
		b[10] = 0;
		return { dataset: 'calls', ext: 'csv', kind: 'binary', content: b, expect: failed('problem.binaryFile') };
	},
	zip: () => ({ dataset: 'customers', ext: 'xlsx', kind: 'zip', content: Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(300, 1)]), expect: failed('problem.zipFile') }),
	'fake-parquet': () => ({ dataset: 'calls', ext: 'parquet', kind: 'fake-parquet', content: Buffer.from('id,name\n1,2\n'), expect: failed('problem.notParquet') }),
	'broken-parquet': (rnd) => ({
		dataset: 'calls',
		ext: 'parquet',
		kind: 'broken-parquet',
		content: Buffer.concat([Buffer.from('PAR1'), Buffer.from(Array.from({ length: 500 }, () => Math.floor(rnd() * 256))), Buffer.from('PAR1')]),
		expect: failed('problem.unreadableParquet')
	}),
	'deep-json': (rnd) => {
		const depth = 100 + Math.floor(rnd() * 30_000);
		return { dataset: 'customers', ext: 'json', kind: 'deep-json', content: Buffer.from(`[{"id":"X1","name":${'['.repeat(depth)}${']'.repeat(depth)}}]`), expect: failed('problem.jsonTooDeep') };
	},
	'broken-json': (rnd) => ({ dataset: 'customers', ext: 'json', kind: 'broken-json', content: Buffer.from(`[{"id": "X1", "name": "a"}, {"id": ${Math.floor(rnd() * 9)}`), expect: failed('problem.badJson') }),
	'json-no-records': () => ({ dataset: 'customers', ext: 'json', kind: 'json-no-records', content: Buffer.from('{"a": 1, "b": "two"}'), expect: failed('problem.noRecords') }),
	'unknown-columns': (rnd) => ({
		dataset: 'calls',
		ext: 'csv',
		kind: 'unknown-columns',
		content: Buffer.from(`foo,bar,baz\n${Math.floor(rnd() * 99)},2,3\n`),
		expect: failed('problem.noLayoutFor')
	}),
	'many-columns': () => ({
		dataset: 'customers',
		ext: 'csv',
		kind: 'many-columns',
		content: Buffer.from(Array.from({ length: 5000 }, (_, i) => `col${i}`).join(',') + '\n' + Array.from({ length: 5000 }, () => '1').join(',') + '\n'),
		expect: failed('problem.noLayoutFor')
	}),
	'duplicate-column': () => ({ dataset: 'customers', ext: 'csv', kind: 'duplicate-column', content: Buffer.from('id,name,Name\nX1,a,b\n'), expect: failed('problem.duplicateColumn') }),
	// The same bytes each time: the second one is recognised as a duplicate.
	'header-only': () => ({ dataset: 'customers', ext: 'csv', kind: 'header-only', content: Buffer.from('id,name\n'), expect: { statuses: ['loaded', 'duplicate'], inserted: 0 } }),
	'formulas-and-bad-rows': (rnd, n) => {
		// 3 good rows (with formula-looking names) and 2 bad ones.
		const lines = [
			CALLS_HEADER,
			callLine(`X${n}a`, '=1+2', 5, n),
			callLine(`X${n}b`, '@SUM(1+1)', 6, n),
			callLine(`X${n}c`, '-2+3', 7, n),
			`X${n}d,C1,inbound,support,not-a-date,,,1,1,answered,a,true,`,
			`X${n}e,C1,sideways,support,2026-01-01T08:00:00Z,,,1,1,answered,a,true,`
		];
		void rnd;
		return {
			dataset: 'calls',
			ext: 'csv',
			kind: 'formulas-and-bad-rows',
			content: Buffer.from(lines.join('\n') + '\n'),
			customers: ['=1+2', '@SUM(1+1)', '-2+3'],
			expect: { statuses: ['with_rejects'], inserted: 3, rejected: 2 }
		};
	},
	'ndjson-mixed': (rnd, n) => {
		const deep = '{"a":'.repeat(100 + Math.floor(rnd() * 3000)) + '1' + '}'.repeat(0);
		const lines = [`{"id":"X${n}p","name":"ok"}`, deep, '{"id": broken', `{"id":"X${n}q","name":"also ok"}`];
		return { dataset: 'customers', ext: 'ndjson', kind: 'ndjson-mixed', content: Buffer.from(lines.join('\n') + '\n'), expect: { statuses: ['with_rejects'], inserted: 2, rejected: 2 } };
	},
	'unclosed-quote': (rnd, n) => ({
		dataset: 'customers',
		ext: 'csv',
		kind: 'unclosed-quote',
		content: Buffer.from(`id,name\nX${n}u,"never closed\nX${n}v,fine\n${'more text '.repeat(Math.floor(rnd() * 50))}\n`),
		expect: { statuses: ['loaded', 'with_rejects'] }
	}),
	'long-value': (rnd, n) => ({
		dataset: 'customers',
		ext: 'csv',
		kind: 'long-value',
		content: Buffer.from(`id,name\nX${n}l,${'y'.repeat(1_000_000 + Math.floor(rnd() * 1_000_000))}\n`),
		expect: { statuses: ['loaded'], inserted: 1 }
	}),
	'utf16-no-bom': (_rnd, n) => ({ dataset: 'customers', ext: 'csv', kind: 'utf16-no-bom', content: Buffer.from(`id,name\nX${n}w,شرکت\n`, 'utf16le'), expect: failed('problem.binaryFile') }),
	'legacy-persian': (_rnd, n) => ({
		dataset: 'customers',
		ext: 'csv',
		kind: 'legacy-persian',
		// "شرکت" in Windows-1256 bytes: not UTF-8; read with the fallback encoding, loaded with a note.
		content: Buffer.concat([Buffer.from(`id,name\nX${n}z,`), Buffer.from([0xd4, 0xd1, 0xdf, 0xca]), Buffer.from('\n')]),
		expect: { statuses: ['loaded'], inserted: 1 }
	}),
	'wrong-widths': (_rnd, n) => ({
		dataset: 'calls',
		ext: 'csv',
		kind: 'wrong-widths',
		content: Buffer.from([CALLS_HEADER, `X${n}m,C1`, 'a,b,c', callLine(`X${n}n`, 'C2', 9, n)].join('\n') + '\n'),
		customers: ['C2'],
		expect: { statuses: ['with_rejects'], inserted: 1, rejected: 2 }
	}),
	'long-name': (_rnd, n) => ({
		dataset: 'customers',
		ext: 'csv',
		kind: 'long-name',
		content: Buffer.from(`id,name\nX${n}k,long name\n`),
		expect: { statuses: ['loaded'], inserted: 1 }
	})
};

export const BAD_KINDS = Object.keys(MAKERS);

/** `count` bad files, cycling through the kinds so every kind appears. */
export function badFiles(count: number, rnd: () => number, seq: () => string): PlannedFile[] {
	const out: PlannedFile[] = [];
	for (let i = 0; i < count; i++) {
		const kind = BAD_KINDS[i % BAD_KINDS.length]!;
		const made = MAKERS[kind]!(rnd, i);
		const base = `${seq()}-${kind}`;
		const name = kind === 'long-name' ? `${base}-${'ن'.repeat(100)}.${made.ext}` : `${base}.${made.ext}`;
		out.push({ dataset: made.dataset, name, content: made.content, kind: made.kind, customers: made.customers, expect: made.expect });
	}
	return out;
}
