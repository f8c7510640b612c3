import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	server: { fs: { allow: ['queries', 'jobs'] } },
	// The overview chunk carries ECharts core + bar chart + SVG renderer: ~530 KB, ~175 KB gzipped.
	// Rolldown's plugin-timing report is noise in `npm start` output.
	build: { chunkSizeWarningLimit: 600, rolldownOptions: { checks: { pluginTimings: false } } },
	test: {
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['test/unit/**/*.test.ts', 'src/**/*.test.ts', 'jobs/**/*.test.ts'],
					environment: 'node',
					// A floor, not a budget: Vitest's 5 s default fails on a busy 2-core machine
					// (a test importing ECharts alone took 5.2 s with a CPU hog beside it).
					// Heavy tests still set their own, longer timeouts.
					testTimeout: 30_000,
					hookTimeout: 60_000
				}
			},
			{
				extends: true,
				test: {
					name: 'integration',
					include: ['test/integration/**/*.test.ts'],
					environment: 'node',
					testTimeout: 120_000,
					hookTimeout: 120_000,
					// Each test file opens its own DuckDB files; run them one at a time so that
					// two native instances do not compete for the two cores.
					fileParallelism: false
				}
			}
		]
	}
});
