/** The follow-up list's plan: capacity, order, hold-out draw and assignment (src/lib/server/churn/assignment.ts). */
import { describe, expect, it } from 'vitest';
import { assign, drawNumber, planList, priorityOf, type Candidate } from '../../src/lib/server/churn/assignment';
import { defaultChurnSettings, type ChurnSettings } from '../../src/lib/server/churn/settings';

const settings = (over: (s: ChurnSettings) => void = () => {}): ChurnSettings => {
	const s = defaultChurnSettings();
	over(s);
	return s;
};
const cand = (id: string, score: number, segment: string | null = 'small_business', owner: string | null = null, arm: Candidate['arm'] = null): Candidate => ({ customerId: id, score, segment, owner, arm });

describe('assign', () => {
	it('round robin gives each agent a turn, then the one with most room', () => {
		const items = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, owner: null }));
		const out = assign(items, ['Ali', 'Sara'], new Map(), 3, 'round_robin');
		expect(out.map((o) => o.assignee)).toEqual(['Ali', 'Sara', 'Ali', 'Sara', 'Ali']);
	});

	it('counts the items an agent carries over from earlier days', () => {
		const items = ['a', 'b', 'c'].map((id) => ({ id, owner: null }));
		// Ali carries 2 of his 3 calls: Sara (0) takes items until she has as many (2), then Ali (first in order).
		const out = assign(items, ['Ali', 'Sara'], new Map([['Ali', 2]]), 3, 'round_robin');
		expect(out.map((o) => o.assignee)).toEqual(['Sara', 'Sara', 'Ali']);
	});

	it('owner mode gives a customer to its owner while the owner has room, else to the agent with most room', () => {
		const items = [
			{ id: 'a', owner: 'Sara' },
			{ id: 'b', owner: 'Sara' },
			{ id: 'c', owner: 'Sara' },
			{ id: 'd', owner: 'Nobody' }
		];
		const out = assign(items, ['Ali', 'Sara'], new Map(), 2, 'owner');
		expect(out.map((o) => o.assignee)).toEqual(['Sara', 'Sara', 'Ali', 'Ali']);
	});

	it('leaves an item unassigned when nobody has room', () => {
		const out = assign([{ owner: null }, { owner: null }], ['Ali'], new Map(), 1, 'round_robin');
		expect(out.map((o) => o.assignee)).toEqual(['Ali', null]);
	});
});

describe('planList', () => {
	it('fills the free slots by priority (score × segment value), at-risk customers first', () => {
		const s = settings((x) => (x.holdout.share = 0));
		// priorities: bank 45 × 1.5 = 67.5; small 60 × 1 = 60; government 30 × 1.5 = 45 (below the at-risk 40: after the at-risk ones)
		const plan = planList([cand('small', 60), cand('bank', 45, 'bank'), cand('gov', 30, 'government'), cand('small2', 41)], s, '2026-06-01', 3, ['A'], new Map());
		expect(plan.picked.map((p) => [p.customerId, p.rank, p.priority])).toEqual([
			['bank', 1, 67.5],
			['small', 2, 60],
			['small2', 3, 41]
		]);
		expect(priorityOf(s, { score: 30, segment: 'government' })).toBe(45);
	});

	it('never holds more than the free slots', () => {
		const s = settings((x) => (x.holdout.share = 0));
		const many = Array.from({ length: 50 }, (_, i) => cand(`C${i}`, 90 - i));
		const plan = planList(many, s, '2026-06-01', 12, ['A', 'B', 'C'], new Map());
		expect(plan.picked).toHaveLength(12);
		expect(plan.picked.map((p) => p.customerId)).toEqual(many.slice(0, 12).map((c) => c.customerId));
	});

	it('draws the hold-out among customers entering the list, keeps them off, and does not draw again those already in an arm', () => {
		const s = settings((x) => (x.holdout.share = 0.5));
		const cands = Array.from({ length: 200 }, (_, i) => cand(`C${String(i).padStart(3, '0')}`, 50));
		const plan = planList(cands, s, '2026-06-01', 1000, ['A'], new Map());
		const held = plan.drawn.filter((d) => d.arm === 'holdout').length;
		expect(plan.drawn).toHaveLength(200);
		expect(held).toBeGreaterThan(70);
		expect(held).toBeLessThan(130);
		expect(plan.heldOut).toHaveLength(held);
		expect(plan.picked.every((p) => !plan.heldOut.includes(p.customerId))).toBe(true);
		// The same day draws the same customers (a list made twice is the same list).
		expect(planList(cands, s, '2026-06-01', 1000, ['A'], new Map()).heldOut).toEqual(plan.heldOut);
		// Already in an arm: no new draw; the hold-out arm stays off the list.
		const again = planList([cand('X', 50, null, null, 'holdout'), cand('Y', 50, null, null, 'list')], s, '2026-06-02', 5, ['A'], new Map());
		expect(again.drawn).toEqual([]);
		expect(again.picked.map((p) => p.customerId)).toEqual(['Y']);
	});
});

describe('drawNumber', () => {
	it('is spread evenly over [0, 1)', () => {
		const n = 20000;
		let below = 0;
		for (let i = 0; i < n; i++) if (drawNumber(`C${i}`, '2026-06-01') < 0.1) below++;
		// Binomial(20000, 0.1): sd = 42; 5 sd either way.
		expect(Math.abs(below - 2000)).toBeLessThan(215);
	});
});
