// The page's language layer: import everything from here.
//   core.ts          the typed dictionary, translate(), chooseLocale(), loadLocale() (no React)
//   format.ts        formatDuration(): simulated time in the locale's words
//   I18nProvider.tsx a provider per widget, useT(), useLocale(), useMessages()
export * from './core';
export * from './format';
export * from './I18nProvider';
