/**
 * The churn model's back-test on the demo data: generate the demo as of a fixed day into a
 * fresh data folder, load it through the ordinary ingest (whose refresh computes the risk and
 * reconstructs its history), then evaluate the ranking on the planted churners
 * (src/lib/server/churn/backtest.ts says how). Used by `npm run backtest` (figures for the
 * README) and by test/integration/churn-backtest.test.ts, which checks the README's figures.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BACKTEST_DEFAULTS, readTruth, runBacktest, type BacktestResult } from '../../src/lib/server/churn/backtest';
import { readConfig } from '../../src/lib/server/config';
import { closeDatabase, openDatabase } from '../../src/lib/server/db/database';
import { migrate } from '../../src/lib/server/db/migrate';
import { runIngest } from '../../src/lib/server/imports/ingest';
import { loadSettings, saveSetting, seedSettings } from '../../src/lib/server/settings';
import { writeDemoData } from './generate';

/** The demo's last day for the back-test (fixed, so the figures do not move with the calendar). */
export const BACKTEST_AS_OF = '2026-10-01';

export async function runDemoBacktest(asOf = BACKTEST_AS_OF): Promise<BacktestResult> {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'care-backtest-'));
	try {
		const config = readConfig({ CARE_DATA_DIR: dir }, dir);
		const db = await openDatabase(config.dbPath);
		await migrate(db);
		await seedSettings(db, config);
		const demo = await writeDemoData(config.inboxDir, path.join(dir, 'demo'), { asOf });
		const settings = await loadSettings(db);
		// The demo's business calendar (its holidays over the demo's years), as the server stores it.
		settings.business_calendar = demo.businessCalendar;
		await saveSetting(db, 'business_calendar', settings.business_calendar);
		const run = await runIngest(db, config, 'cli');
		if (run.status !== 'ok') throw new Error(`the demo did not load: ${run.status} ${run.error ?? ''}`);
		const truth = readTruth(path.join(dir, 'demo', 'demo-churn-truth.csv'));
		return await runBacktest(db, await loadSettings(db), truth, { ...BACKTEST_DEFAULTS, lastDay: demo.lastDay });
	} finally {
		closeDatabase();
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

/** The figures as the README shows them (the test compares this text with the README). */
export function backtestTable(r: BacktestResult): string {
	const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
	const days = (x: number | null) => (x === null ? '–' : `${Math.round(x)} days`);
	return [
		'| ranking | precision in the top 20 | recall in the top 20 | churners caught | median lead time |',
		'| --- | --- | --- | --- | --- |',
		`| churn model (score) | ${pct(r.model.precision)} | ${pct(r.model.recall)} | ${r.model.caught} of ${r.churners} | ${days(r.model.medianLeadDays)} |`,
		`| baseline: days since the last contact | ${pct(r.baseline.precision)} | ${pct(r.baseline.recall)} | ${r.baseline.caught} of ${r.churners} | ${days(r.baseline.medianLeadDays)} |`,
		`| best possible (${r.meanPositives.toFixed(1)} churners leaving within 120 days, on average) | ${pct(r.precisionCeiling)} | 100.0% | ${r.churners} of ${r.churners} | – |`
	].join('\n');
}
