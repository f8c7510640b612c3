// Loaded by ../echarts-kinds.ts when an option needs it.
export { LegendScrollComponent as default } from 'echarts/components';
