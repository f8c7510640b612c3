/**
 * `npm run backtest`: the churn model against the demo's planted churners (jobs/demo/backtest.ts),
 * printed as the table of the README's "Does it find the right customers?" section.
 */
import { BACKTEST_AS_OF, backtestTable, runDemoBacktest } from '../jobs/demo/backtest';

const t0 = performance.now();
const result = await runDemoBacktest();
console.log(`back-test on the demo as of ${BACKTEST_AS_OF}: ${result.days} evaluation days, ${result.churners} planted churners (${((performance.now() - t0) / 1000).toFixed(0)} s)\n`);
console.log(backtestTable(result));
