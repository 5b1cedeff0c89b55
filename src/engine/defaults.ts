// What a scenario gets for the fields it leaves out (besides the profile's timers).
import type { Side } from './types';

export const DEFAULT_SEED = 1;
export const DEFAULT_PORTS: Readonly<Record<Side, number>> = { client: 40000, server: 8080 };
export const DEFAULT_DELAY_MS = 1;
