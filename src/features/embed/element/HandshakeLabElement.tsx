// <handshake-lab>: the lab as a custom element for course pages. Each element is a widget of its
// own: its own store and engine worker, language and theme, in an open shadow root that keeps the
// page's styles and its own apart. Attributes (see attributes.ts) set it up and, changed later,
// drive it; taking the element out of the page stops its worker and unmounts it.

import './preactDom';
import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { chooseLocale, type Locale } from '../../../i18n/core';
import { ErrorBoundary } from '../../../ui/ErrorBoundary';
import { Lab } from '../../../ui/Lab';
import { LabHostContext, type LabHost } from '../../../ui/labHost';
import { createLabStore, type LabStore } from '../../../ui/store/labStore';
import {
  applyAttribute,
  ELEMENT_ATTRIBUTES,
  labInitFor,
  readSettings,
  type ElementAttribute,
} from './attributes';
import { WIDGET_CSS } from './styles';
import { createWidgetRunner, widgetComponents, widgetDeps } from './widget';

interface Mounted {
  store: LabStore;
  root: Root;
  unsubscribe: () => void;
}

export class HandshakeLabElement extends HTMLElement {
  static readonly observedAttributes: readonly string[] = ELEMENT_ATTRIBUTES;

  private mounted: Mounted | null = null;

  connectedCallback(): void {
    this.mount();
  }

  disconnectedCallback(): void {
    const mounted = this.mounted;
    this.mounted = null;
    if (!mounted) return;
    mounted.unsubscribe();
    // Unmounting runs the widget's cleanups: its engine worker is terminated.
    mounted.root.unmount();
  }

  attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    const store = this.mounted?.store;
    if (!store || old === value) return;
    applyAttribute(store.getState(), name as ElementAttribute, value, {
      lesson: this.getAttribute('lesson'),
      defaultLessonId: widgetDeps.defaultLessonId,
      fallbackLocale: () => this.fallbackLocale(),
    });
  }

  /** The widget's store while the element is on the page (for scripts and tests). */
  get store(): LabStore | null {
    return this.mounted?.store ?? null;
  }

  /** Without a usable `lang`: the language of the page around it, else the reader's browser's. */
  private fallbackLocale(): Locale {
    return chooseLocale({
      param: this.parentElement?.closest('[lang]')?.getAttribute('lang'),
      navigatorLanguages: globalThis.navigator?.languages ?? [],
    }).locale;
  }

  private mount(): void {
    const settings = readSettings((name) => this.getAttribute(name));
    const init = labInitFor(settings, this.fallbackLocale());
    const store = createLabStore(init, widgetDeps);
    // Through the store's load: a scenario it cannot show leaves the lesson and says why.
    if (settings.scenario !== null) store.getState().loadScenario(settings.scenario);

    const shadow = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = WIDGET_CSS;
    const widgetRoot = document.createElement('div');
    // Focusable by a click anywhere inside, so that its keys (→ ← space R) then reach it.
    widgetRoot.tabIndex = -1;
    widgetRoot.style.outline = 'none';
    shadow.replaceChildren(style, widgetRoot);

    const showLang = () => {
      widgetRoot.lang = store.getState().locale;
    };
    showLang();
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.locale !== previous.locale) showLang();
    });

    const host: LabHost = { element: this, root: widgetRoot };
    const root = createRoot(widgetRoot);
    root.render(
      <StrictMode>
        <ErrorBoundary>
          <LabHostContext.Provider value={host}>
            <Lab store={store} createRunner={createWidgetRunner} components={widgetComponents} />
          </LabHostContext.Provider>
        </ErrorBoundary>
      </StrictMode>,
    );
    this.mounted = { store, root, unsubscribe };
  }
}
