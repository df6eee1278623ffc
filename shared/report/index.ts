/** The report's public surface: renderers, the writer and the shared counts. */
export { renderHtml } from './html/render-html';
export { renderJson, parseJsonReport, REPORT_SCHEMA_VERSION } from './json/render-json';
export { renderText, type TextOptions } from './text/render-text';
export { writeReport, type WrittenReport } from './write-report';
export { computeStats, allFindings, type ReportStats } from './stats';
export type * from './model';
