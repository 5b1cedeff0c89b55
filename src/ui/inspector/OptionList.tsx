// The inspector's list of a segment's TCP options, each by name with its values, its kind number
// and length (to find it in the header bytes) and a line on what it is for.

import type { TcpOption } from '../../engine/types';
import { tcpOptionKindLength } from '../../engine/wire/tcpHeader';
import { useT } from '../../i18n';

function OptionName({ option }: { option: TcpOption }) {
  const t = useT();
  switch (option.kind) {
    case 'mss':
      return t('inspector.optionNames.mss', { value: option.value });
    case 'sackPermitted':
      return t('inspector.optionNames.sackPermitted');
    case 'timestamps':
      return t('inspector.optionNames.timestamps', { tsval: option.tsval, tsecr: option.tsecr });
    case 'windowScale':
      return t('inspector.optionNames.windowScale', {
        factor: 2 ** option.shift,
        shift: option.shift,
      });
  }
}

function optionValue(option: TcpOption): string {
  switch (option.kind) {
    case 'mss':
      return String(option.value);
    case 'sackPermitted':
      return '';
    case 'timestamps':
      return `${option.tsval} ${option.tsecr}`;
    case 'windowScale':
      return String(option.shift);
  }
}

export function OptionList({ options }: { options: readonly TcpOption[] }) {
  const t = useT();
  return (
    <ul className="seg-inspector__options" data-testid="inspector-options">
      {options.map((option, i) => {
        const { code, length } = tcpOptionKindLength(option);
        return (
          <li
            key={i}
            data-testid="inspector-option"
            data-kind={option.kind}
            data-value={optionValue(option)}
          >
            <span className="seg-inspector__option-name">
              <OptionName option={option} />
            </span>{' '}
            <span className="seg-inspector__aside">
              {t('inspector.optionKind', { code, length })}
            </span>
            <div className="seg-inspector__help">
              {option.kind === 'windowScale'
                ? t('inspector.optionHelp.windowScale', { shift: option.shift })
                : t(`inspector.optionHelp.${option.kind}`)}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
