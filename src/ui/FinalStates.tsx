import { SIDES, type FinalStates as Final } from '../core/types';

/** Each endpoint's state once every timer has fired. */
export function FinalStates({ final }: { final: Final }) {
  return (
    <dl className="final-states">
      {SIDES.map((side) => (
        <div key={side} className="final-state">
          <dt>{side}</dt>
          <dd data-testid={`state-${side}`} data-state={final[side]}>
            {final[side]}
          </dd>
        </div>
      ))}
    </dl>
  );
}
