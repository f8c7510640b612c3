// Loaded by ../echarts-kinds.ts when an option needs it.
export { MarkLineComponent as default } from 'echarts/components';
