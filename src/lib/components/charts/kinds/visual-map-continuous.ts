// Loaded by ../echarts-kinds.ts when an option needs it.
export { VisualMapContinuousComponent as default } from 'echarts/components';
