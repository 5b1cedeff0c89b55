// The sequence diagram's public surface.
export { Diagram, type DiagramProps } from './Diagram';
export { StateHeader } from './StateHeader';
export { arrowDurationMs, stepDurationMs } from './geometry';
export { DEFAULT_DIAGRAM_LABELS, type DiagramLabels } from './labels';
