// The state-machine panel fed from the shown step (a part the lab is given). Only each socket's
// state and last transition (with the rule that made it) are read (as plain strings), so a step that changes neither re-renders
// nothing here. The panel's words (the `stateMachine` namespace) are fetched from here.

import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { TcpState } from '../../engine/types';
import { useNamespace } from '../../i18n';
import { useLab } from '../store/context';
import type { LabState } from '../store/labStore';
import { StateMachinePanel } from './StateMachinePanel';

const selectMachine = (s: LabState) => {
  const last = s.view?.lastTransition;
  return {
    client: s.view?.states.client ?? 'CLOSED',
    server: s.view?.states.server ?? 'CLOSED',
    // Left out where the run does not tell it (a capture).
    listener: s.view?.listenerKnown ? s.view.states.listener : null,
    clientFrom: last?.client?.from ?? null,
    clientTo: last?.client?.to ?? null,
    serverFrom: last?.server?.from ?? null,
    serverTo: last?.server?.to ?? null,
    listenerFrom: last?.listener?.from ?? null,
    listenerTo: last?.listener?.to ?? null,
    // The cause picks the arrow lit (causes.ts).
    clientRule: last?.client?.rule ?? null,
    serverRule: last?.server?.rule ?? null,
    listenerRule: last?.listener?.rule ?? null,
  };
};

export function StateMachineSection() {
  useNamespace('stateMachine');
  const m = useLab(useShallow(selectMachine));
  const { clientFrom, clientTo, serverFrom, serverTo, listenerFrom, listenerTo } = m;
  const { clientRule, serverRule, listenerRule } = m;
  const lastTransition = useMemo(
    () => ({
      client: change(clientFrom, clientTo, clientRule),
      server: change(serverFrom, serverTo, serverRule),
      listener: change(listenerFrom, listenerTo, listenerRule),
    }),
    [
      clientFrom,
      clientTo,
      clientRule,
      serverFrom,
      serverTo,
      serverRule,
      listenerFrom,
      listenerTo,
      listenerRule,
    ],
  );
  return (
    <StateMachinePanel
      client={m.client}
      server={m.server}
      listener={m.listener}
      lastTransition={lastTransition}
    />
  );
}

function change(from: TcpState | null, to: TcpState | null, rule: string | null) {
  if (!from || !to) return null;
  return rule === null ? { from, to } : { from, to, rule };
}
