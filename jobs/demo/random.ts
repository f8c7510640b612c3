/**
 * A small seeded random source for the demo data: mulberry32 (public domain, by Tommy Ettinger)
 * and the few distributions the generator needs. Never Math.random: the same seed must give
 * byte-identical files.
 */

export function mulberry32(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** FNV-1a of a label, to give each part of the generator its own stream from one seed. */
function hashLabel(label: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < label.length; i++) {
		h ^= label.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}

export class Rng {
	private readonly next: () => number;
	private spare: number | null = null;

	constructor(
		readonly seed: number,
		label = ''
	) {
		this.next = mulberry32((seed ^ hashLabel(label)) >>> 0);
	}

	/** An independent stream for one part of the generator, so that changing one part leaves the others as they were. */
	fork(label: string): Rng {
		return new Rng(this.seed, label);
	}

	/** Uniform in [0, 1). */
	float(): number {
		return this.next();
	}

	uniform(lo: number, hi: number): number {
		return lo + (hi - lo) * this.next();
	}

	/** Integer in [lo, hi], both included. */
	int(lo: number, hi: number): number {
		return lo + Math.floor(this.next() * (hi - lo + 1));
	}

	chance(p: number): boolean {
		return this.next() < p;
	}

	pick<T>(items: readonly T[]): T {
		if (items.length === 0) throw new Error('pick from an empty list');
		return items[Math.floor(this.next() * items.length)]!;
	}

	/** A key of a table of weights, drawn in proportion to its weight. */
	weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
		const keys = Object.keys(weights) as K[];
		let total = 0;
		for (const k of keys) total += weights[k];
		let x = this.next() * total;
		for (const k of keys) {
			x -= weights[k];
			if (x < 0) return k;
		}
		return keys[keys.length - 1]!;
	}

	/** Standard normal (Box-Muller, keeping the second value). */
	normal(): number {
		if (this.spare !== null) {
			const s = this.spare;
			this.spare = null;
			return s;
		}
		let u = 0;
		while (u === 0) u = this.next();
		const v = this.next();
		const r = Math.sqrt(-2 * Math.log(u));
		this.spare = r * Math.sin(2 * Math.PI * v);
		return r * Math.cos(2 * Math.PI * v);
	}

	/** Log-normal with the given median and sigma of the underlying normal. */
	lognormal(median: number, sigma: number): number {
		return median * Math.exp(sigma * this.normal());
	}

	/** Poisson count; Knuth's method for small means, a rounded normal for large ones. */
	poisson(mean: number): number {
		if (mean <= 0) return 0;
		if (mean > 40) return Math.max(0, Math.round(mean + Math.sqrt(mean) * this.normal()));
		const limit = Math.exp(-mean);
		let k = 0;
		let p = this.next();
		while (p > limit) {
			k++;
			p *= this.next();
		}
		return k;
	}

	shuffle<T>(items: T[]): T[] {
		for (let i = items.length - 1; i > 0; i--) {
			const j = Math.floor(this.next() * (i + 1));
			[items[i], items[j]] = [items[j]!, items[i]!];
		}
		return items;
	}
}
