// The reason shown beside a knob that changes nothing in the run shown: the knob is disabled and
// says why, rather than taking a change it would silently ignore.

import { useT } from '../../i18n';
import type { Knob, KnobReason } from '../../lab/types';

/** The id of a knob's reason, for its control's aria-describedby. */
export const reasonId = (base: string) => `${base}-reason`;

/** The ids a control is described by: its help, then its reason when it does not apply. */
export function describedBy(base: string, reason: KnobReason | null, help = `${base}-help`) {
  return reason === null ? help : `${help} ${reasonId(base)}`;
}

/** The attributes that disable a control whose knob does not apply, with the reason as a hook. */
export function disabledBy(reason: KnobReason | null) {
  return reason === null ? {} : { disabled: true, 'data-disabled-reason': reason };
}

export function KnobReasonNote({
  id,
  knob,
  reason,
}: {
  /** The control's id; the note's is `reasonId(id)`. */
  id: string;
  knob: Knob;
  reason: KnobReason | null;
}) {
  const t = useT();
  if (reason === null) return null;
  return (
    <p className="help knob-reason" id={reasonId(id)} data-testid="knob-reason" data-knob={knob}>
      {t(`ui.settings.notApplicable.${reason}`)}
    </p>
  );
}
