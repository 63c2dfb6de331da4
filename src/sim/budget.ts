// The step limit shared by everything that loops (TigerBeetle style: a limit on everything).
import { SimError } from './errors';

export const STEPS_MAX_DEFAULT = 1_000_000;

export class Budget {
  steps = 0;
  constructor(readonly stepsMax: number = STEPS_MAX_DEFAULT) {
    if (!Number.isInteger(stepsMax) || stepsMax <= 0) {
      throw new SimError('SIM_BAD_OPTIONS', `stepsMax must be a positive integer, got ${stepsMax}`);
    }
  }

  tick(): void {
    if (++this.steps > this.stepsMax) {
      throw new SimError(
        'SIM_STEPS_EXCEEDED',
        `the simulation took more than ${this.stepsMax} steps (durable operations + events + notifications); raise stepsMax or shrink the scenario`,
      );
    }
  }
}
