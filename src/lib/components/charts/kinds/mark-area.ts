// Loaded by ../echarts-kinds.ts when an option needs it.
export { MarkAreaComponent as default } from 'echarts/components';
