/** Colours of chart series, in order (teal first, the product's accent), and of good / neutral / bad. */
export const PALETTE = ['#0f5c5c', '#d08c2f', '#5b7db1', '#9c4f7a', '#6b9e4a', '#c0504d', '#7a6c5d', '#3f9fb5', '#a3a847', '#8a8fa3', '#b8734e'] as const;
export const TONES = { good: '#1e6b3a', neutral: '#9aa5b1', bad: '#b3261e', band: '#0f5c5c' } as const;

/** The colour of the i-th series (wrapping round). */
export const colorAt = (i: number): string => PALETTE[i % PALETTE.length]!;
