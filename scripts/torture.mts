/**
 * `npm run torture [-- --kills 26] [--bad 300] [--good 60] [--seed N] [--keep]`: the
 * crash-and-fuzz harness (scripts/torture/harness.ts). Not part of CI by default; a short
 * run is (test/integration/torture.test.ts). The last full run's figures are in
 * docs/reliability.md. Exits non-zero when a guarantee does not hold.
 */
import { formatReport, runTorture } from './torture/harness';

const arg = (name: string, fallback: number) => {
	const i = process.argv.indexOf(`--${name}`);
	return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const report = await runTorture({
	kills: arg('kills', 26),
	bad: arg('bad', 300),
	good: arg('good', 60),
	seed: arg('seed', Date.now() % 1_000_000),
	keep: process.argv.includes('--keep'),
	log: (line) => console.log(line)
});
console.log('\n' + formatReport(report));
if (process.argv.includes('--keep')) console.log(`  data folder kept: ${report.dir}`);
process.exitCode = report.ok ? 0 : 1;
