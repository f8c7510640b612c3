/**
 * Erlang C against published worked figures.
 *
 * 1. Call Centre Helper, "Erlang C Formula – Made Simple With an Easy Worked Example"
 *    (https://www.callcentrehelper.com/erlang-c-formula-example-121281.htm): 100 calls in 30
 *    minutes, AHT 180 s, target 80% answered within 20 s. Traffic intensity A = 100 × 180 /
 *    1800 = 10 erlangs. With 11 agents the probability of waiting is 68.21%; the target needs
 *    14 agents, which answer 88.8% within 20 s at an occupancy of 10/14 = 71.4%. (The same example is the test case of pyworkforce, ErlangC(transactions=100,
 *    aht=3, interval=30, asa=20/60): raw positions 14, service level 0.888, occupancy 0.714.)
 * 2. The Erlang B table of traffic engineering (e.g. the table in ITU-T's Teletraffic
 *    Engineering Handbook, and every "Erlang B table" reprint): at a grade of service of 1%,
 *    5 lines carry 1.361 erlangs, 10 lines 4.461 and 20 lines 12.031.
 * 3. Closed forms of the textbook queues: one agent (M/M/1) waits with probability ρ = A; two
 *    agents (M/M/2) with 2ρ² / (1 + ρ), ρ = A/2, which is A² / (2 + A).
 */
import { describe, expect, it } from 'vitest';
import { agentsNeeded, averageSpeedOfAnswer, erlangB, erlangC, serviceLevel } from '../../src/lib/server/staffing/erlang-c';

describe('Erlang C, Call Centre Helper worked example (A = 10 erlangs, AHT 180 s, 80/20)', () => {
	const a = (100 * 180) / 1800;
	it('traffic intensity is 10 erlangs', () => expect(a).toBe(10));
	it('11 agents: 68.21% of calls wait', () => {
		expect(erlangC(11, a)).toBeCloseTo(0.6821, 4);
		// By hand from the article's formula: 1 − 0.6821 × e^(−(11 − 10) × 20 / 180) = 1 − 0.6821 × 0.8948 = 0.3897.
		expect(serviceLevel(11, a, 180, 20)).toBeCloseTo(0.3897, 3);
	});
	it('14 agents are needed, giving 88.8% within 20 s at 71.4% occupancy', () => {
		expect(agentsNeeded(a, 180, 0.8, 20)).toBe(14);
		expect(serviceLevel(14, a, 180, 20)).toBeCloseTo(0.888, 3);
		expect(serviceLevel(13, a, 180, 20)).toBeLessThan(0.8);
		expect(a / 14).toBeCloseTo(0.714, 3);
	});
	it('the average speed of answer falls as agents are added', () => {
		const asa = [11, 12, 13, 14].map((n) => averageSpeedOfAnswer(n, a, 180));
		// 11 agents: ASA = 0.6821 × 180 / (11 − 10) = 122.8 s.
		expect(asa[0]).toBeCloseTo(122.8, 0);
		for (let i = 1; i < asa.length; i++) expect(asa[i]!).toBeLessThan(asa[i - 1]!);
	});
});

describe('Erlang B table at 1% blocking', () => {
	it.each([
		[5, 1.361],
		[10, 4.461],
		[20, 12.031]
	])('%i lines carry %f erlangs at 1%%', (n, a) => {
		expect(erlangB(n, a)).toBeCloseTo(0.01, 4);
	});
});

describe('closed forms and limits', () => {
	it('one agent: the probability of waiting is the load', () => {
		for (const a of [0.2, 0.5, 0.8]) expect(erlangC(1, a)).toBeCloseTo(a, 12);
	});
	it('two agents: C = A² / (2 + A)', () => {
		// M/M/2: P(wait) = 2ρ² / (1 + ρ) with ρ = A/2, which is A² / (2 + A).
		for (const a of [0.5, 1, 1.5]) expect(erlangC(2, a)).toBeCloseTo((a * a) / (2 + a), 12);
	});
	it('an overloaded queue always waits and never meets a target', () => {
		expect(erlangC(5, 5)).toBe(1);
		expect(serviceLevel(4, 5, 180, 20)).toBe(0);
		expect(averageSpeedOfAnswer(5, 6, 180)).toBe(Infinity);
		expect(agentsNeeded(5, 180, 0.8, 20)).toBeGreaterThan(5);
	});
	it('no calls need no agents', () => {
		expect(agentsNeeded(0, 180, 0.8, 20)).toBe(0);
		expect(serviceLevel(0, 0, 180, 20)).toBe(1);
	});
	it('stays finite for a large centre (no factorial overflow)', () => {
		const n = agentsNeeded(500, 300, 0.9, 15);
		expect(n).toBeGreaterThan(500);
		expect(n).toBeLessThan(560);
		expect(Number.isFinite(serviceLevel(n, 500, 300, 15))).toBe(true);
	});
});
