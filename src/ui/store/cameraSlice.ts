// How the diagram is looked at: following the step (the camera, see diagram/useCamera.ts) or the
// whole run fitted into view, and where the last change of a knob first shows in the run.

import type { StateCreator } from 'zustand/vanilla';
import type { LabState } from './labStore';

type CameraSlice = Pick<LabState, 'fit' | 'knobEffect' | 'setFit' | 'toggleFit'>;

export const createCameraSlice: StateCreator<LabState, [], [], CameraSlice> = (set, get) => ({
  fit: false,
  knobEffect: null,
  setFit(fit) {
    set({ fit });
  },
  toggleFit() {
    set({ fit: !get().fit });
  },
});
