import { createRoot } from 'react-dom/client';
import { useMemo, useState, useEffect } from 'react';
import { runWithCauses } from '../src/ui/model/run';
import { createStepper } from '../src/ui/model/view';
import { buildTimeAxis } from '../src/ui/model/timeAxis';
import { Diagram, collectStateChanges, stateChangesUpTo, stepDurationMs } from '../src/ui/diagram';
import type { Scenario } from '../src/core/types';

const q = new URLSearchParams(location.search);
if (q.get('full') === '1') document.documentElement.classList.add('full');
if (q.get('theme') === 'dark') document.documentElement.classList.add('dark');
const open = [
  { at: 0, who: 'server', do: 'listen' },
  { at: 100, who: 'client', do: 'connect' },
] as const;
const scenarios: Record<string, Scenario> = {
  close: {
    client: { port: 40000, isn: 1000 }, server: { port: 8080, isn: 5000 },
    actions: [...open, { at: 300, who: 'client', do: 'send', bytes: 5 }, { at: 450, who: 'client', do: 'close' }, { at: 600, who: 'server', do: 'close' }],
  },
  lostack: {
    actions: [...open, { at: 200, who: 'client', do: 'close' }, { at: 300, who: 'server', do: 'close' }],
    faults: [{ who: 'client', flags: 'ACK', nth: 1, after: 300, fate: 'drop' }],
  },
  simopen: {
    actions: [{ at: 0, who: 'server', do: 'connect' }, { at: 0, who: 'client', do: 'connect' }],
    faults: [{ who: 'client', flags: 'SYN', nth: 1, fate: 'duplicate' }],
  },
  lossy: {
    seed: 3, network: { lossRate: 0.2 },
    actions: [...open, ...Array.from({ length: Number(q.get('n') ?? 6) }, (_, i) => ({ at: 300 + i * 50, who: 'client' as const, do: 'send' as const, bytes: 100 })), { at: 5000, who: 'client', do: 'close' }, { at: 5100, who: 'server', do: 'close' }],
  },
};

function Case({ name }: { name: string }) {
  const data = useMemo(() => {
    const run = runWithCauses(scenarios[name]!);
    const stepper = createStepper(run);
    const axis = buildTimeAxis(run.events.map((e) => e.t));
    const changes = collectStateChanges(run.events);
    return { run, stepper, axis, changes };
  }, [name]);
  const want = q.get('step');
  const [step, setStep] = useState(want === null ? data.stepper.stepsCount : want === 'mid' ? Math.floor(data.stepper.stepsCount / 2) : Number(want));
  const [anim, setAnim] = useState<number | null>(null);
  const view = data.stepper.viewAt(step);
  const end = data.stepper.steps[step - 1]?.end ?? 0;
  const changes = useMemo(() => stateChangesUpTo(data.changes, end), [data.changes, end]);
  useEffect(() => {
    if (q.get('play') !== '1' || step >= data.stepper.stepsCount) return;
    const id = setTimeout(() => { setStep(step + 1); setAnim(step + 1); }, stepDurationMs(Number(q.get('speed') ?? 1)));
    return () => clearTimeout(id);
  }, [step, data]);
  (window as unknown as Record<string, unknown>).__step = (k: number) => { setStep(k); setAnim(k); };
  return (
    <section>
      <h2>{name} — step {step} / {data.stepper.stepsCount}</h2>
      <Diagram
        segments={data.stepper.segments}
        view={view}
        axis={data.axis}
        stateChanges={changes}
        endpoints={{ client: { label: '192.0.2.1:40000' }, server: { label: '198.51.100.7:8080' } }}
        numbering="relative"
        speed={Number(q.get('speed') ?? 1)}
        reducedMotion={false}
        animateStep={anim}
        onSegmentClick={(id) => console.log('inspect', id)}
        onDropInFlight={(id) => console.log('drop', id)}
      />
    </section>
  );
}

const names = (q.get('s') ?? 'close').split(',');
createRoot(document.getElementById('root')!).render(<>{names.map((n) => <Case key={n} name={n} />)}</>);
