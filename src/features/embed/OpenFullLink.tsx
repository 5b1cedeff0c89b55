// The compact layout's way out: the same situation (lesson, knobs, arrows dropped, language, theme,
// step) in the full page, in a new tab. The link is a share link without `embed`.

import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../i18n';
import { labLink } from '../../lab/shareLink';
import { useLab } from '../../ui/store/context';
import { selectLinkSource } from '../../ui/store/selectors';

// Its fields are primitives and references that change only with what they hold: `useShallow`.

export function OpenFullLink() {
  const t = useT();
  const source = useLab(useShallow(selectLinkSource));
  if (!source) return null;
  return (
    <a
      className="open-full"
      data-testid="open-full"
      href={labLink(window.location.href, source, { short: true })}
      target="_blank"
      rel="noopener"
    >
      {t('ui.embedded.openFull')}
      <span aria-hidden="true"> ↗</span>
      <span className="visually-hidden"> {t('ui.embedded.newTab')}</span>
    </a>
  );
}
