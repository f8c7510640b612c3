/**
 * Every user-visible string comes from the dictionaries: this test parses every Svelte
 * component and fails on text (or a user-visible attribute: aria-label, title, placeholder,
 * alt, label) written into the markup with letters in it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'svelte/compiler';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../src');
const VISIBLE_ATTRIBUTES = new Set(['aria-label', 'title', 'placeholder', 'alt', 'label', 'aria-description', 'value']);

function svelteFiles(dir: string): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const full = path.join(dir, e.name);
		return e.isDirectory() ? svelteFiles(full) : e.name.endsWith('.svelte') ? [full] : [];
	});
}

type Node = { type: string; data?: string; name?: string; value?: unknown; start: number; [k: string]: unknown };

function literalText(source: string): string[] {
	const ast = parse(source, { modern: true }) as unknown as { fragment: Node };
	const found: string[] = [];
	const visit = (node: unknown, parentName?: string) => {
		if (!node || typeof node !== 'object') return;
		if (Array.isArray(node)) return node.forEach((n) => visit(n, parentName));
		const n = node as Node;
		if (n.type === 'Text' && typeof n.data === 'string' && /\p{L}/u.test(n.data) && parentName !== 'style') found.push(n.data.trim());
		if (n.type === 'Attribute' && VISIBLE_ATTRIBUTES.has(String(n.name)) && Array.isArray(n.value)) {
			// value="…" on an <option>/<input> is data, not text, unless it is a button's label.
			for (const part of n.value as Node[]) if (part.type === 'Text' && /\p{L}/u.test(String(part.data)) && n.name !== 'value') found.push(`${n.name}="${part.data}"`);
			return;
		}
		if (n.type === 'Attribute' || String(n.type).endsWith('Directive')) return;
		for (const [k, v] of Object.entries(n)) if (k !== 'start' && k !== 'end' && typeof v === 'object') visit(v, n.type === 'RegularElement' ? String(n.name) : parentName);
	};
	visit(ast.fragment);
	return found;
}

describe('components show only dictionary text', () => {
	const files = svelteFiles(ROOT);
	it('finds the components', () => expect(files.length).toBeGreaterThan(5));
	for (const file of files) {
		it(path.relative(ROOT, file), () => {
			expect(literalText(fs.readFileSync(file, 'utf8'))).toEqual([]);
		});
	}
	it('catches literal text and labels (the check itself works)', () => {
		expect(literalText('<p>Hello {x}</p><button aria-label="Close">×</button><p>{t("a")} · #{id}</p>')).toEqual(['Hello', 'aria-label="Close"']);
	});
});
