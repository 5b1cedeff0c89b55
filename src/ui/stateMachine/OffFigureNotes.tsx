// Under the figure: each socket whose last change Figure 5 does not draw, with why it happened.
// Such a change lights no arrow (there is none to light), so without this note the highlight
// would just jump to CLOSED with nothing said.
import { RULES } from '../../engine/rules';
import type { SocketOwner } from '../../engine/types';
import { useT } from '../../i18n';
import { edgeOf, isOffFigureRule } from './causes';
import type { StateMachinePanelProps, Transition } from './StateMachinePanel';

const refOf = (rule: string) => (RULES as Readonly<Record<string, string>>)[rule] ?? rule;

export function OffFigureNotes({
  lastTransition,
  withListener,
}: {
  lastTransition: StateMachinePanelProps['lastTransition'];
  withListener: boolean;
}) {
  const t = useT();
  const owners: SocketOwner[] = withListener
    ? ['client', 'server', 'listener']
    : ['client', 'server'];
  const off = owners
    .map((who) => ({ who, change: lastTransition[who] ?? null }))
    .filter((o): o is { who: SocketOwner; change: Transition } => {
      return o.change !== null && edgeOf(o.change) === undefined;
    });
  if (off.length === 0) return null;
  const stateName = (s: string) => t(`stateMachine.states.${s as 'CLOSED'}.name`);
  return (
    <ul className="state-machine__off-figure">
      {off.map(({ who, change }) => {
        const { rule } = change;
        const reason = isOffFigureRule(rule)
          ? t(`stateMachine.offFigure.reasons.${rule}`)
          : rule === undefined
            ? t('stateMachine.offFigure.unknown')
            : t('stateMachine.offFigure.other', { ref: refOf(rule) });
        return (
          <li
            key={who}
            className={`sm-off-figure sm-off-figure--${who}`}
            data-testid="sm-off-figure"
            data-side={who}
            data-rule={rule}
          >
            <strong>
              {t('stateMachine.lastTransitionValue', {
                side: t(`ui.sides.${who}`),
                from: stateName(change.from),
                to: stateName(change.to),
              })}
            </strong>{' '}
            {t('stateMachine.offFigure.note', { reason })}
          </li>
        );
      })}
    </ul>
  );
}
