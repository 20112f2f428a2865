import { defineTask } from '../../workers/task'
import { seedDemo } from '../../../../scripts/demo-data'
import { SEED_DEMO_TASK, SEED_STEPS, type DemoSeedInput } from './workshop'

/**
 * Makes the oefenomgeving's demo data in a worker thread: the same generator as
 * `npm run seed:demo` (every write through the router), into the demo folder, old files removed
 * first. Each progress line of the generator is one step.
 */
export const seedDemoTask = defineTask<DemoSeedInput, void>(
  SEED_DEMO_TASK.name,
  async (input, ctx) => {
    let done = 0
    await seedDemo({
      dataDir: input.dataDir,
      seed: input.seed,
      today: input.today,
      households: input.households,
      password: input.password,
      nativeBinding: input.nativeBinding,
      reset: true,
      onProgress: () => ctx.progress(++done, Math.max(SEED_STEPS, done)),
    })
  },
)
