// Loaded by ../echarts-kinds.ts when an option needs it.
export { MarkPointComponent as default } from 'echarts/components';
