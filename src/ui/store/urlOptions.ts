// The page's URL query options (CONTRACT.md section 4), read once at load. Pure: tests pass a string.

export type ThemeChoice = 'light' | 'dark';

export interface UrlOptions {
  /** `lesson=ID`, as written (checked against the lessons by the store). */
  lesson: string | null;
  /** `lang=en|zh` (also `zh-CN`), or null to follow the browser. */
  lang: 'en' | 'zh-CN' | null;
  /** `step=N`: the step to show once the run is ready (clamped to the run). */
  step: number | null;
  /** `autoplay=1`. */
  autoplay: boolean;
  /** `theme=light|dark`, or null to follow `prefers-color-scheme`. */
  theme: ThemeChoice | null;
  /** `controls=0` hides every control but the step controls. */
  controls: boolean;
  /** `embed=1`: diagram and step controls only (issue 4; read but not yet acted on). */
  embed: boolean;
}

function flag(value: string | null): boolean {
  return value === '1' || value === 'true' || value === '';
}

export function parseUrlOptions(search: string): UrlOptions {
  const query = new URLSearchParams(search);
  const lang = query.get('lang')?.toLowerCase();
  const theme = query.get('theme');
  const stepText = query.get('step');
  const step = stepText !== null && /^\d+$/.test(stepText) ? Number(stepText) : null;
  const controls = query.get('controls');
  return {
    lesson: query.get('lesson'),
    lang: lang === 'en' ? 'en' : lang === 'zh' || lang === 'zh-cn' ? 'zh-CN' : null,
    step,
    autoplay: query.has('autoplay') && flag(query.get('autoplay')),
    theme: theme === 'light' || theme === 'dark' ? theme : null,
    controls: !(controls === '0' || controls === 'false'),
    embed: query.has('embed') && flag(query.get('embed')),
  };
}
