// Loaded by ../echarts-kinds.ts when an option needs it.
export { AriaComponent as default } from 'echarts/components';
