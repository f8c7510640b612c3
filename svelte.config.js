import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ out: 'build', precompress: true }),
		// The origin check is done in hooks.server.ts (see src/lib/server/csrf.ts for why).
		csrf: { trustedOrigins: ['*'] },
		// Content-Security-Policy of every page: nothing from any other origin, scripts only from
		// this server (SvelteKit adds a nonce to its own inline start-up script). Style attributes
		// are allowed (style-src-attr): Svelte's style: directives and ECharts' tooltip and SVG
		// set them; style sheets and <style> elements still come only from this server.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self'],
				'style-src-attr': ['unsafe-inline'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		},
		alias: {
			$jobs: 'jobs'
		}
	}
};

export default config;
