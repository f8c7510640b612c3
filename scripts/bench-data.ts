/**
 * The benchmark's datasets at a scale (`npm run bench -- --scale 100k|1m|10m`): N tickets,
 * N/200 customers, 3N calls and N/5 survey answers over two years up to 2026-11-22, written as
 * CSV files in the demo dataset's layout (jobs/demo/generate.ts: the same columns, in the same
 * order, with the same vocabularies) and shapes: Tehran office hours with a late-morning peak,
 * Saturday the busiest day and Friday nearly closed, a few large customers and many small ones,
 * inbound calls mostly to support, post-ticket answers about real tickets. Deterministic: the
 * same scale gives the same files. Streamed a megabyte at a time, so 10M tickets need no memory.
 */
import fs from 'node:fs';
import path from 'node:path';
import { demoHeader } from '../jobs/demo/generate';
import { mulberry32 } from '../jobs/demo/random';

export const SCALES: Record<string, number> = { '100k': 100_000, '1m': 1_000_000, '10m': 10_000_000 };

/** Tickets of a scale name, or of a plain number (the smoke test uses a tiny one). */
export function scaleTickets(scale: string): number {
	const n = SCALES[scale.toLowerCase()] ?? Number(scale);
	if (!Number.isInteger(n) || n < 200) throw new Error(`--scale ${scale}: use 100k, 1m, 10m or a number of tickets of at least 200`);
	return n;
}

export interface ScaleCounts {
	tickets: number;
	customers: number;
	calls: number;
	answers: number;
}

export function countsOf(tickets: number): ScaleCounts {
	return { tickets, customers: Math.max(10, Math.round(tickets / 200)), calls: 3 * tickets, answers: Math.round(tickets / 5) };
}

/** The last local day of the data (Asia/Tehran), and the number of days before it. */
export const LAST_DAY = '2026-11-22';
const DAYS = 730;
const TEHRAN = '+03:30'; // Iran has kept UTC+03:30 all year since 2022, and the data starts in 2024.

const SEGMENTS = ['government', 'bank', 'enterprise', 'small_business'];
const CHANNELS = ['phone', 'email', 'portal', 'in_app', 'letter'];
const CHANNEL_W = [0.35, 0.3, 0.2, 0.13, 0.02];
const CATEGORIES = ['bug', 'feature_request', 'how_to', 'user_error', 'customisation'];
const CATEGORY_W = [0.18, 0.07, 0.45, 0.22, 0.08];
const PRIORITIES = ['critical', 'high', 'normal', 'low'];
const PRIORITY_W = [0.03, 0.17, 0.6, 0.2];
/** Hours to resolve, median, per priority. */
const RESOLVE_H = [6, 20, 60, 120];
const SUPPORT = ['سارا کریمی', 'رضا محمدی', 'نگار حسینی', 'امیر جعفری', 'مهسا رستمی'];
const TECHNICAL = ['حمید نوری', 'پیمان شریفی', 'الهام طاهری'];
const CARE = ['مریم صادقی', 'علیرضا کاظمی', 'زهرا موسوی'];
const SUBJECTS: Record<string, string[]> = {
	bug: ['خطا در گزارش ماهانه', 'کندی صفحه ورود', 'خطای چاپ فاکتور'],
	feature_request: ['درخواست خروجی اکسل', 'امکان امضای دیجیتال'],
	how_to: ['نحوه تعریف کاربر جدید', 'راهنمای پشتیبان‌گیری', 'تنظیم دسترسی‌ها'],
	user_error: ['رمز عبور فراموش شده', 'ورود اطلاعات اشتباه'],
	customisation: ['تغییر قالب گزارش', 'افزودن فیلد سفارشی']
};
const COMMENTS = ['پاسخ سریع بود', 'مشکل حل نشد', 'کارشناس صبور بود', 'Slow answer', ''];

/** Local weekday weights, Sunday first: Saturday the busiest (work piled up over the weekend), Friday nearly closed. */
const WEEKDAY_W = [1.0, 1.0, 0.95, 0.9, 0.55, 0.08, 1.35];
/** Local hour weights 08:00-16:00, a late-morning peak. */
const HOUR_W = [0.6, 1.0, 1.25, 1.2, 0.7, 0.9, 1.0, 0.8, 0.45];

function pickW<T>(values: T[], weights: number[], u: number): T {
	let acc = 0;
	const total = weights.reduce((a, b) => a + b, 0);
	for (let i = 0; i < values.length; i++) {
		acc += weights[i]! / total;
		if (u < acc) return values[i]!;
	}
	return values[values.length - 1]!;
}

/** Calendar days (no time zone: the local calendar), as YYYY-MM-DD with their weekday. */
function days(): { day: string; weekday: number }[] {
	const [y, m, d] = LAST_DAY.split('-').map(Number) as [number, number, number];
	const out: { day: string; weekday: number }[] = [];
	for (let back = DAYS - 1; back >= 0; back--) {
		const date = new Date(Date.UTC(y, m - 1, d - back));
		out.push({ day: date.toISOString().slice(0, 10), weekday: date.getUTCDay() });
	}
	return out;
}

/**
 * n moments in time order over the two years: the k-th falls on the day where the cumulative
 * weekday weight reaches k/n, at a weighted office hour. Returns local date-times with the offset.
 */
function* moments(n: number, seed: number): Generator<{ local: string; day: number; secondOfDay: number }> {
	const rnd = mulberry32(seed);
	const cal = days();
	const cum: number[] = [];
	let total = 0;
	for (const d of cal) cum.push((total += WEEKDAY_W[d.weekday]!));
	let day = 0;
	for (let k = 0; k < n; k++) {
		const target = ((k + 0.5) / n) * total;
		while (cum[day]! < target && day < cal.length - 1) day++;
		const hour = 8 + pickW(HOUR_W.map((_, h) => h), HOUR_W, rnd());
		const second = Math.floor(rnd() * 3600);
		const sod = hour * 3600 + second;
		const hh = String(Math.floor(sod / 3600)).padStart(2, '0');
		const mm = String(Math.floor((sod % 3600) / 60)).padStart(2, '0');
		const ss = String(sod % 60).padStart(2, '0');
		yield { local: `${cal[day]!.day}T${hh}:${mm}:${ss}${TEHRAN}`, day, secondOfDay: sod };
	}
}

/** An instant later than a local date-time by some seconds, in the same notation (no zone arithmetic: the offset is fixed). */
function later(local: string, seconds: number): string {
	const ms = Date.parse(local) + Math.round(seconds) * 1000;
	const shifted = new Date(ms + 3.5 * 3600_000).toISOString().slice(0, 19);
	return `${shifted}${TEHRAN}`;
}

function lognormal(rnd: () => number, median: number, sigma: number): number {
	const u = Math.max(1e-12, rnd());
	const v = rnd();
	return median * Math.exp(sigma * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
}

/**
 * A CSV file with the dataset's whole header. Rows give the leading columns; the optional ones
 * after them (a help desk's own SLA figures, reopen counts, tags, survey offers: fields added to
 * the datasets later) are left empty, so every row has as many fields as the header.
 */
class CsvOut {
	private fd: number;
	private buf = '';
	private width: number;
	rows = 0;
	constructor(file: string, header: string[]) {
		fs.mkdirSync(path.dirname(file), { recursive: true });
		this.fd = fs.openSync(file, 'w');
		this.buf = header.join(',') + '\n';
		this.width = header.length;
	}
	row(cells: (string | number | boolean | null)[]) {
		if (cells.length > this.width) throw new Error(`a row of ${cells.length} cells under a header of ${this.width}`);
		const padded = cells.length < this.width ? [...cells, ...Array<null>(this.width - cells.length).fill(null)] : cells;
		this.buf += padded.map((c) => (c === null ? '' : String(c))).join(',') + '\n';
		this.rows++;
		if (this.buf.length > 1 << 20) this.flush();
	}
	flush() {
		fs.writeSync(this.fd, this.buf);
		this.buf = '';
	}
	close() {
		this.flush();
		fs.closeSync(this.fd);
	}
}

/** A customer index, skewed: a few customers hold much of the traffic (u² of the uniform draw). */
const customerOf = (u: number, customers: number) => `C${String(Math.floor(u * u * customers) + 1).padStart(6, '0')}`;

export interface WrittenFiles {
	bytes: number;
	rows: ScaleCounts;
}

/** Write the scale's four files into inbox/<dataset>/bench.csv. */
export function writeScale(inbox: string, tickets: number): WrittenFiles {
	const counts = countsOf(tickets);
	const file = (dataset: string) => path.join(inbox, dataset, `bench-${dataset}.csv`);
	const rnd = mulberry32(1405);

	const customers = new CsvOut(file('customers'), demoHeader('customers'));
	for (let i = 1; i <= counts.customers; i++) {
		const segment = SEGMENTS[i % 4]!;
		const start = `20${18 + (i % 7)}-0${1 + (i % 9)}-1${i % 10}`;
		const renewal = `2027-0${1 + (i % 9)}-1${i % 10}`;
		customers.row([`C${String(i).padStart(6, '0')}`, `مشتری ${i}`, segment, start, renewal, CARE[i % 3]!, `رابط ${i}`, `0912${String(i).padStart(7, '0')}`, `contact${i}@example.ir`, i % 5 === 0 ? 'gold' : null, null]);
	}
	customers.close();

	const t = new CsvOut(file('tickets'), demoHeader('tickets'));
	let i = 0;
	for (const m of moments(counts.tickets, 1)) {
		const category = pickW(CATEGORIES, CATEGORY_W, rnd());
		const priority = pickW(PRIORITIES, PRIORITY_W, rnd());
		const p = PRIORITIES.indexOf(priority);
		const level = category === 'bug' || category === 'customisation' ? 'technical' : 'support';
		const open = rnd() < 0.02;
		const firstResponse = later(m.local, lognormal(rnd, 40 * 60, 0.9));
		const resolved = open ? null : later(firstResponse, lognormal(rnd, RESOLVE_H[p]! * 3600, 0.8));
		const closed = resolved && rnd() < 0.7 ? later(resolved, 2 * 86_400) : null;
		const status = open ? 'open' : closed ? 'closed' : 'resolved';
		const team = level;
		const agents = team === 'technical' ? TECHNICAL : SUPPORT;
		t.row([`T${i}`, customerOf(rnd(), counts.customers), pickW(CHANNELS, CHANNEL_W, rnd()), category, priority, level, status, team, agents[i % agents.length]!, SUBJECTS[category]![i % SUBJECTS[category]!.length]!, m.local, firstResponse, resolved, closed]);
		i++;
	}
	t.close();

	const k = new CsvOut(file('calls'), demoHeader('calls'));
	i = 0;
	for (const m of moments(counts.calls, 2)) {
		const inbound = rnd() < 0.9;
		const queue = inbound ? (rnd() < 0.72 ? 'support' : 'technical') : 'care';
		const answered = inbound ? rnd() < 0.92 : rnd() < 0.7;
		const wait = inbound ? Math.round(lognormal(rnd, 35, 0.9)) : 0;
		const talk = answered ? Math.round(lognormal(rnd, queue === 'technical' ? 420 : 320, 0.5)) : null;
		const answeredAt = answered ? later(m.local, wait) : null;
		const ended = later(m.local, wait + (talk ?? 0));
		const opened = inbound && answered && rnd() < 0.35;
		// A call that opened a case names a ticket of about the same time.
		const ticket = opened ? `T${Math.min(counts.tickets - 1, Math.floor(i / 3))}` : null;
		const agents = queue === 'technical' ? TECHNICAL : queue === 'care' ? CARE : SUPPORT;
		k.row([`K${i}`, customerOf(rnd(), counts.customers), inbound ? 'inbound' : 'outbound', queue, m.local, answeredAt, ended, wait, talk, answered ? 'answered' : 'abandoned', answered ? agents[i % agents.length]! : null, inbound ? opened : null, ticket]);
		i++;
	}
	k.close();

	const s = new CsvOut(file('survey_answers'), demoHeader('survey_answers'));
	i = 0;
	for (const m of moments(counts.answers, 3)) {
		const nps = rnd() < 0.6;
		const u = rnd();
		// NPS: about a fifth detractors (0-6), a quarter passives; CSAT: about 15% below 4.
		const score = nps ? (u < 0.2 ? Math.floor((u / 0.2) * 7) : u < 0.45 ? 7 + (i % 2) : 9 + (i % 2)) : u < 0.15 ? 1 + (i % 3) : 4 + (i % 2);
		const occasion = pickW(['post_ticket', 'periodic', 'happy_call', 'other'], [0.55, 0.25, 0.15, 0.05], rnd());
		const ticket = occasion === 'post_ticket' ? `T${Math.min(counts.tickets - 1, i * 5)}` : null;
		const channel = occasion === 'happy_call' ? 'phone' : rnd() < 0.6 ? 'email' : 'web';
		s.row([`S${i}`, customerOf(rnd(), counts.customers), ticket, nps ? 'nps' : 'csat', occasion, score, rnd() < 0.1 ? COMMENTS[i % COMMENTS.length]! : null, m.local, channel]);
		i++;
	}
	s.close();

	let bytes = 0;
	for (const d of ['customers', 'tickets', 'calls', 'survey_answers']) bytes += fs.statSync(file(d)).size;
	return { bytes, rows: { tickets: t.rows, customers: customers.rows, calls: k.rows, answers: s.rows } };
}

/** A small file of new calls on the last day (the incremental load the target is about). */
export function writeNewCalls(inbox: string, name: string, n: number, prefix: string, customers: number): string {
	const file = path.join(inbox, 'calls', `${name}.csv`);
	const out = new CsvOut(file, demoHeader('calls'));
	const rnd = mulberry32(prefix.length * 7919 + n);
	for (let i = 0; i < n; i++) {
		const local = `${LAST_DAY}T${String(9 + (i % 7)).padStart(2, '0')}:${String((i * 7) % 60).padStart(2, '0')}:00${TEHRAN}`;
		const wait = Math.round(lognormal(rnd, 35, 0.9));
		out.row([`${prefix}${i}`, customerOf(rnd(), customers), 'inbound', 'support', local, later(local, wait), later(local, wait + 300), wait, 300, 'answered', SUPPORT[i % SUPPORT.length]!, false, null]);
	}
	out.close();
	return file;
}

/** A small file re-exporting existing tickets with a new status (updates by key, on old days); `tag` makes its bytes new. */
export function writeTicketUpdates(inbox: string, name: string, n: number, tickets: number, customers: number, tag: string): string {
	const file = path.join(inbox, 'tickets', `${name}.csv`);
	const out = new CsvOut(file, demoHeader('tickets'));
	const step = Math.max(1, Math.floor(tickets / n));
	let k = 0;
	for (const m of moments(tickets, 1)) {
		if (k % step === 0 && out.rows < n) {
			out.row([`T${k}`, customerOf(((k * 7919) % 1000) / 1000, customers), 'email', 'how_to', 'normal', 'support', 'closed', 'support', SUPPORT[k % SUPPORT.length]!, `${SUBJECTS.how_to![0]!} ${tag}`, m.local, later(m.local, 1800), later(m.local, 7200), later(m.local, 86_400)]);
		}
		k++;
	}
	out.close();
	return file;
}
