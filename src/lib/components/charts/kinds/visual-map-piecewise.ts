// Loaded by ../echarts-kinds.ts when an option needs it.
export { VisualMapPiecewiseComponent as default } from 'echarts/components';
