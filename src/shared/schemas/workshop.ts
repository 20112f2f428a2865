import type { Role } from './accounts'

/** Which data is open: the organisation's own, or the oefenomgeving (invented demo data). */
export type WorkshopMode = 'real' | 'demo'

/** One demo login as the trainer's sheet and the login screen of the oefenomgeving show it. */
export interface DemoLogin {
  username: string
  displayName: string
  role: Role
}

/** What every screen needs to know about the oefenomgeving (asked before anyone logs in). */
export interface WorkshopStatus {
  mode: WorkshopMode
  /** The demo data is being made (again): steps done of the total, until it is ready. */
  preparing: { done: number; total: number } | null
  /** The last time the demo data was made it failed; opening it again tries once more. */
  failed: boolean
  /** Only while the oefenomgeving is open: its logins (invented data, not secret). */
  logins: DemoLogin[] | null
  /** Only while the oefenomgeving is open: the one password of every demo login. */
  password: string | null
}

/** The first steps of a new organisation, each ticked once main counts it done. */
export type FirstStepKey = 'halfDays' | 'accounts' | 'intake'

export interface FirstSteps {
  /** False once there are half-days and a first intake: the start screen then shows no list. */
  show: boolean
  steps: { key: FirstStepKey; done: boolean }[]
}

/** A PDF the page saves itself (small, made on request), as the recovery sheet is handed. */
export interface SheetFile {
  pdf: { filename: string; mime: string; bytes: Uint8Array<ArrayBuffer> }
}
