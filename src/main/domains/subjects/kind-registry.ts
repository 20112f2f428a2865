import type { SubjectKind } from '../../../shared/schemas/subjects'

/**
 * One concern's entry per kind of data subject (retention, erasure, subject access), so a new
 * kind (a volunteer, a complaint) is added with one entry per registry and no code that asks
 * "is this a household?". The kinds the app has are given to the constructor as a map over
 * `SubjectKind`: a kind added to `SUBJECT_KINDS` does not compile until every registry has its
 * entry. `register` adds a kind at run time, which only the tests do (a test-only kind proves
 * that nothing else needs to change).
 */
export class KindRegistry<T> {
  private readonly byKind = new Map<string, T>()

  constructor(
    /** Named in errors, e.g. "retention". */
    readonly concern: string,
    entries: { readonly [K in SubjectKind]: T },
  ) {
    for (const [kind, entry] of Object.entries(entries) as [string, T][])
      this.byKind.set(kind, entry)
  }

  /** Adds a kind; returns how to remove it again. */
  register(kind: string, entry: T): () => void {
    if (this.byKind.has(kind))
      throw new Error(`${this.concern}: kind "${kind}" is registered twice`)
    this.byKind.set(kind, entry)
    return () => void this.byKind.delete(kind)
  }

  has(kind: string): boolean {
    return this.byKind.has(kind)
  }

  /** The entry of a kind; an unknown kind is a programming error (inputs are checked before). */
  get(kind: string): T {
    const entry = this.byKind.get(kind)
    if (entry === undefined) throw new Error(`${this.concern}: no entry for kind "${kind}"`)
    return entry
  }

  /**
   * Every kind with its entry, in registration order. Typed as `SubjectKind`: a kind registered
   * at run time (tests only) is outside that union, and passes through as it is.
   */
  entries(): [SubjectKind, T][] {
    return [...this.byKind] as [SubjectKind, T][]
  }
}
