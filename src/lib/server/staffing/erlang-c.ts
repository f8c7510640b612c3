/**
 * Erlang C (the M/M/n queue): calls arrive at random (Poisson) at rate λ, each takes an
 * exponential handle time of mean AHT, n agents answer them in order, and callers wait
 * (nobody hangs up). With offered load A = λ·AHT erlangs and n > A agents:
 *
 *   P(wait) = C(n, A) = n·B / (n − A·(1 − B)), B = Erlang B(n, A) from the stable recursion
 *             B(0) = 1, B(k) = A·B(k−1) / (k + A·B(k−1))   (no factorials, no overflow)
 *   service level SL(t) = P(wait ≤ t) = 1 − C·e^(−(n − A)·t / AHT)
 *   average speed of answer ASA = C·AHT / (n − A)
 *
 * With n ≤ A the queue grows without end: C = 1, SL = 0. Worked example and tables this is
 * tested against: test/unit/erlang-c.test.ts.
 */

/** Erlang B: the probability that a call finds all n lines busy (and, in Erlang B, is lost). */
export function erlangB(n: number, a: number): number {
	let b = 1;
	for (let k = 1; k <= n; k++) b = (a * b) / (k + a * b);
	return b;
}

/** Erlang C: the probability that a call has to wait, with n agents and a erlangs offered. */
export function erlangC(n: number, a: number): number {
	if (a <= 0) return 0;
	if (n <= a) return 1;
	const b = erlangB(n, a);
	return (n * b) / (n - a * (1 - b));
}

/** Share of calls answered within t seconds (0-1), for n agents, a erlangs, handle time aht seconds. */
export function serviceLevel(n: number, a: number, aht: number, t: number): number {
	if (a <= 0) return 1;
	if (n <= a) return 0;
	return 1 - erlangC(n, a) * Math.exp((-(n - a) * t) / aht);
}

/** Average wait of all calls in seconds (Infinity when n ≤ a). */
export function averageSpeedOfAnswer(n: number, a: number, aht: number): number {
	if (a <= 0) return 0;
	if (n <= a) return Infinity;
	return (erlangC(n, a) * aht) / (n - a);
}

/** The fewest agents that answer `target` (0-1) of calls within t seconds; 0 when nothing is offered. */
export function agentsNeeded(a: number, aht: number, target: number, t: number): number {
	if (a <= 0) return 0;
	let n = Math.max(1, Math.floor(a) + 1);
	while (serviceLevel(n, a, aht, t) < target) n++;
	return n;
}
