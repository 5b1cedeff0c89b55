// The compact layout (`embed=1`) must not capture the course page's scroll wheel before the student
// has touched it: until the first click, tap, key or focus inside, neither the document nor the
// diagram can be scrolled by the user (embed.css), so a wheel over the iframe scrolls the course
// page. After that, the widget scrolls as usual.

import { useEffect } from 'react';

/**
 * Marks the document `data-embed="idle"`, then `"engaged"` from the first interaction inside it.
 * `embed`: the compact layout is on and the lab is the whole page (a lab in a web component's shadow
 * root must not restyle the course page).
 */
export function useEmbedEngagement(embed: boolean): void {
  useEffect(() => {
    if (!embed) return;
    const html = document.documentElement;
    // The page starts idle (App.tsx); this starts after the first diagram: a student who clicked or
    // tabbed in before that has given this document focus.
    if (document.hasFocus()) {
      html.dataset.embed = 'engaged';
      return () => void delete html.dataset.embed;
    }
    html.dataset.embed = 'idle';
    const events = ['pointerdown', 'keydown', 'focusin'] as const;
    const engage = (): void => {
      html.dataset.embed = 'engaged';
      for (const type of events) document.removeEventListener(type, engage, true);
    };
    // Capture phase and passive: seen before anything inside handles it, and never cancelled here.
    for (const type of events) {
      document.addEventListener(type, engage, { capture: true, passive: true });
    }
    return () => {
      for (const type of events) document.removeEventListener(type, engage, true);
      delete html.dataset.embed;
    };
  }, [embed]);
}
