import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	server: { fs: { allow: ['queries', 'jobs'] } },
	// ECharts' core (zrender, the model, bars, grid, tooltip, legend, the SVG renderer) goes into
	// one chunk, ~490 KB, ~165 KB gzipped: split into many small shared chunks it costs more to
	// send. Chart kinds that pages load on demand (src/lib/components/charts/kinds/: line,
	// heatmap, markers …) keep their own chunks. Rolldown's plugin-timing report is noise in
	// `npm start` output.
	build: {
		chunkSizeWarningLimit: 600,
		rolldownOptions: {
			checks: { pluginTimings: false },
			output: {
				codeSplitting: {
					groups: [
						{
							name: 'echarts',
							test: /node_modules[\\/](zrender|echarts[\\/](?!lib[\\/](chart[\\/](line|scatter|heatmap|helper[\\/](Symbol|SymbolDraw|LargeSymbolDraw|EffectSymbol|Line|LineDraw|LargeLineDraw|Polyline|EffectLine|EffectPolyline|LinePath)\.js)|component[\\/](visualMap|marker|aria)|visual[\\/]aria|layout[\\/]points|processor[\\/]dataSample|component[\\/]legend[\\/](Scroll|scroll))))/
						}
					]
				}
			}
		}
	},
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
					hookTimeout: 60_000,
					// The same as the integration project's (Vitest groups projects by it).
					maxWorkers: 2
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
					// Each test file opens its own DuckDB files in its own folder and process: two
					// at a time. Much of their time is spent waiting (child processes, file moves,
					// a browser-less server), so two files share the two cores well; one at a time
					// took 11 minutes, the whole CI run's critical path.
					maxWorkers: 2
				}
			}
		]
	}
});
