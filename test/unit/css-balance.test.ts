/**
 * Every style sheet closes what it opens: an unclosed rule swallows every rule after it
 * without an error from the build (a merge once left `.btn:disabled {` open, and the whole
 * layout lost its styles).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

function sheets(dir: string): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const full = path.join(dir, e.name);
		if (e.isDirectory()) return sheets(full);
		return e.name.endsWith('.css') ? [full] : [];
	});
}

/** Depth of braces outside comments and strings; -1 as soon as a brace closes nothing. */
export function braceDepth(css: string): number {
	const text = css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/"(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'/g, '""');
	let depth = 0;
	for (const c of text) {
		if (c === '{') depth++;
		else if (c === '}' && --depth < 0) return -1;
	}
	return depth;
}

describe('style sheets', () => {
	it('counts braces outside comments and strings', () => {
		expect(braceDepth('a { b: c; } /* { */ d[x="}"] { e: f; }')).toBe(0);
		expect(braceDepth('a { b: c;\n.d { e: f; }')).toBe(1);
		expect(braceDepth('}')).toBe(-1);
	});
	const files = sheets(path.resolve('src'));
	it('finds the style sheets', () => expect(files.map((f) => path.basename(f))).toContain('app.css'));
	for (const file of files) {
		it(`${path.relative(process.cwd(), file)} closes every rule it opens`, () => expect(braceDepth(fs.readFileSync(file, 'utf8'))).toBe(0));
	}
});
