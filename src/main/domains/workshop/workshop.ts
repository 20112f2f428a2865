import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Clock } from '../../clock'
import { dateInZone } from '../../clock'
import { DB_FILE_NAME, KEYS_FILE_NAME, type Vault } from '../../vault/vault'
import type { TaskDefinition } from '../../workers/task'
import { WorkerPool } from '../../workers/pool'
import { AppError } from '../../../shared/errors'
import type { DemoLogin, WorkshopMode, WorkshopStatus } from '../../../shared/schemas/workshop'

/** The oefenomgeving's own data folder, inside the real one: its own database and key slots. */
export const DEMO_FOLDER = 'oefenomgeving'

/**
 * The one password of every demo login. The demo data is invented and its logins are printed on
 * a sheet for the trainer: this password opens nothing else (the real data has its own slots).
 */
export const DEMO_PASSWORD = 'oefenen-met-dichtbij'

/** The same seed, household count and today give the same demo data (scripts/demo-data.ts). */
export const DEMO_SEED = 1
export const DEMO_HOUSEHOLDS = 60

/** The logins the demo data makes (scripts/demo-data.ts DEMO_ACCOUNTS; a test keeps them equal). */
export const DEMO_LOGINS: readonly DemoLogin[] = [
  { username: 'beheerder', displayName: 'Bea Beheer', role: 'admin' },
  { username: 'coordinator', displayName: 'Cor Coördinator', role: 'coordinator' },
  { username: 'vrijwilliger', displayName: 'Vera Vrijwilliger', role: 'volunteer' },
]

/** The oefenomgeving's vaults, as the services that must refuse there ask. */
const demoVaults = new WeakSet<Vault>()

/**
 * Whether a vault is the oefenomgeving's. Its admin's password is printed for the whole room, so
 * what reaches outside its own folder (the backup folder, a restore) is refused there.
 */
export function isDemoVault(vault: Vault): boolean {
  return demoVaults.has(vault)
}

/** What the worker is given to make the demo data (see seed-task.ts). */
export interface DemoSeedInput {
  dataDir: string
  today: string
  households: number
  seed: number
  password: string
  nativeBinding?: string
}

/**
 * The worker's task by name: its code (the whole demo generator) lives only in the worker's
 * bundle (seed-task.ts, listed in workers/entry.ts), not in main's.
 */
export const SEED_DEMO_TASK: TaskDefinition<DemoSeedInput, void> = {
  name: 'workshop.seedDemo',
  run: () => {
    throw new Error('The demo data is made in a worker thread')
  },
}

/** Rough number of progress lines the demo generator writes (one per month, one per domain). */
export const SEED_STEPS = 22

export interface WorkshopOptions {
  /** The organisation's own data. */
  real: Vault
  /** The real data folder; the oefenomgeving is its subfolder DEMO_FOLDER. */
  dataDir: string
  clock: Clock
  /** Starts a vault on a data folder with the app's settings (native addon, slot cost). */
  startVault: (dataDir: string) => Promise<Vault>
  /**
   * Makes the demo data in `input.dataDir` (old files removed first), off main's thread, calling
   * `onProgress` per step.
   */
  seed: (input: DemoSeedInput, onProgress: (done: number, total: number) => void) => Promise<void>
  /** Households of the demo (DEMO_HOUSEHOLDS unless a test bridge asks for fewer). */
  households?: number
  logError?: (what: string, err: unknown) => void
}

/**
 * Which data is open: the real vault, or the oefenomgeving's vault in its own folder. The router
 * asks `active` on every call, so every service works on whichever is open without knowing.
 * Switching itself (checking the real login, ending sessions) is in switch.ts; this holds the
 * state and makes the demo data.
 */
export class Workshop {
  private current: WorkshopMode = 'real'
  private demoVault: Vault | null = null
  private progress: { done: number; total: number } | null = null
  private lastFailed = false
  private preparation: Promise<void> = Promise.resolve()
  private switches: Promise<unknown> = Promise.resolve()

  constructor(private readonly options: WorkshopOptions) {}

  get real(): Vault {
    return this.options.real
  }

  get mode(): WorkshopMode {
    return this.current
  }

  get demoDir(): string {
    return join(this.options.dataDir, DEMO_FOLDER)
  }

  /** The vault every call works on now. */
  get active(): Vault {
    if (this.current === 'real') return this.options.real
    // Only null while the demo data is first made; the router refuses calls then.
    if (!this.demoVault) throw new AppError({ code: 'CONFLICT', key: 'workshopPreparing' })
    return this.demoVault
  }

  get preparing(): boolean {
    return this.progress !== null
  }

  /** Waits until the demo data being made is ready (tests, closing the app). */
  ready(): Promise<void> {
    return this.preparation
  }

  status(): WorkshopStatus {
    const demo = this.current === 'demo'
    return {
      mode: this.current,
      preparing: this.progress ? { ...this.progress } : null,
      failed: this.lastFailed,
      logins: demo ? DEMO_LOGINS.map((l) => ({ ...l })) : null,
      password: demo ? DEMO_PASSWORD : null,
    }
  }

  private demoExists(): boolean {
    return (
      existsSync(join(this.demoDir, DB_FILE_NAME)) && existsSync(join(this.demoDir, KEYS_FILE_NAME))
    )
  }

  /**
   * Switches to the oefenomgeving (the real vault must already be closed by the caller): its
   * demo data is made first when there is none yet, or when making it failed last time.
   */
  async enterDemo(): Promise<void> {
    // The mode changes first: until the demo vault is there, every call waits for it.
    this.current = 'demo'
    try {
      if (this.demoExists() && !this.lastFailed) this.demoVault = await this.startDemoVault()
      else this.prepare()
    } catch (err) {
      // Its files would not open: back on the real data (closed), and made anew next time.
      this.lastFailed = true
      this.demoVault = null
      this.current = 'real'
      throw err
    }
  }

  /**
   * Closes the oefenomgeving; the real vault is active again (still closed), also when closing
   * the demo vault failed: a switch back never leaves the app between the two.
   */
  async leaveDemo(): Promise<void> {
    try {
      await this.preparation
      await this.demoVault?.close()
    } finally {
      this.demoVault = null
      this.current = 'real'
    }
  }

  /**
   * Runs a switch (open, leave, reset) after the one under way has ended, so two never mix
   * their steps: the second sees the mode the first left, and is refused by it if need be.
   */
  serially<T>(task: () => Promise<T>): Promise<T> {
    const result = this.switches.then(task, task)
    this.switches = result.catch(() => undefined)
    return result
  }

  /** The same demo data again, with today's dates: closes the demo vault and makes it anew. */
  async reset(): Promise<void> {
    if (this.current !== 'demo') throw new Error('Only the oefenomgeving can be reset')
    this.prepare()
  }

  private async startDemoVault(): Promise<Vault> {
    const vault = await this.options.startVault(this.demoDir)
    demoVaults.add(vault)
    return vault
  }

  /** Makes the demo data in the background; `status().preparing` shows how far it is. */
  private prepare(): void {
    if (this.progress) return
    this.progress = { done: 0, total: SEED_STEPS }
    this.lastFailed = false
    const old = this.demoVault
    // The demo's "today" is the day the reset was asked (the seed below starts a moment later).
    const today = dateInZone(this.options.clock.now())
    this.preparation = (async () => {
      try {
        // The old demo vault lets go of its files (and key) before they are made anew.
        await old?.close()
        await this.options.seed(
          {
            dataDir: this.demoDir,
            today,
            households: this.options.households ?? DEMO_HOUSEHOLDS,
            seed: DEMO_SEED,
            password: DEMO_PASSWORD,
          },
          (done, total) => {
            if (this.progress) this.progress = { done: Math.min(done, total), total }
          },
        )
        // A new vault reads the new key slots; the old one knew the previous key.
        this.demoVault = await this.startDemoVault()
      } catch (err) {
        this.lastFailed = true
        this.demoVault = null
        // Nothing to work on: back to the real data (closed), whose login is asked again.
        this.current = 'real'
        ;(this.options.logError ?? console.error)('workshop.prepare', err)
      } finally {
        this.progress = null
      }
    })()
  }

  /** At quit: the demo vault lets go of its key. */
  async close(): Promise<void> {
    await this.preparation
    await this.demoVault?.close()
  }
}

/**
 * The app's seeder: the demo generator as a worker task (seed-task.ts) on a pool of its own, as
 * the real vault's pool closes with the real data.
 */
export function workerSeeder(pool: WorkerPool, nativeBinding?: string): WorkshopOptions['seed'] {
  return (input, onProgress) =>
    pool.run(
      SEED_DEMO_TASK,
      { ...input, nativeBinding },
      { onProgress: (d, t) => onProgress(d, t) },
    )
}

/** The oefenomgeving as the app and the browser bridge set it up beside the real vault. */
export function createWorkshop(options: {
  real: Vault
  dataDir: string
  clock: Clock
  /** Starts a vault with the app's settings; the settings file of the demo folder is its own. */
  startVault: (dataDir: string) => Promise<Vault>
  nativeBinding?: string
  households?: number
}): Workshop {
  const demoDir = join(options.dataDir, DEMO_FOLDER)
  const pool = new WorkerPool({
    dbFile: join(demoDir, DB_FILE_NAME),
    dataDir: demoDir,
    // The seed opens its own vault inside the worker: this pool hands out no key.
    key: () => null,
    nativeBinding: options.nativeBinding,
    maxThreads: 1,
  })
  return new Workshop({
    real: options.real,
    dataDir: options.dataDir,
    clock: options.clock,
    startVault: options.startVault,
    seed: workerSeeder(pool, options.nativeBinding),
    households: options.households,
  })
}
