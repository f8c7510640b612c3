import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ out: 'build', precompress: true }),
		// The origin check is done in hooks.server.ts (see src/lib/server/csrf.ts for why).
		csrf: { trustedOrigins: ['*'] },
		alias: {
			$jobs: 'jobs'
		}
	}
};

export default config;
