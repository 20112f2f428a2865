import { randomBytes } from 'node:crypto'
import {
  closeSync,
  constants,
  fstatSync,
  fsyncSync,
  lstatSync,
  openSync,
  readSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  type Stats,
  writeSync,
} from 'node:fs'
import { constants as bufferConstants } from 'node:buffer'
import { basename, dirname, join } from 'node:path'

/**
 * Files in a backup folder that another local account may write to (a shared stick, a folder
 * in /tmp): a name there can be a symlink to a file elsewhere, or a FIFO that never answers.
 * New files are therefore made under random names with an exclusive create that does not follow
 * a symlink, and existing ones are only read when they are regular files, opened without
 * waiting. Where the system lacks a flag (Windows) it is 0 and the rest still holds.
 */
const NO_FOLLOW = constants.O_NOFOLLOW ?? 0
const NO_WAIT = constants.O_NONBLOCK ?? 0

/** A file that is not a regular file (a FIFO, device, folder or symlink) where one was expected. */
export class NotARegularFileError extends Error {
  readonly code = 'ENOTREG'
  constructor(path: string) {
    super(`Not a regular file: ${path}`)
    this.name = 'NotARegularFileError'
  }
}

/** Whether a name in a folder is a regular file itself, without following a symlink. */
export function isRegularFile(path: string): boolean {
  try {
    return lstatSync(path).isFile()
  } catch {
    return false
  }
}

/** Whether anything (a dangling symlink included) has this name. */
export function nameTaken(path: string): boolean {
  try {
    lstatSync(path)
    return true
  } catch {
    return false
  }
}

/**
 * Opens an existing regular file for reading: a symlink fails (ELOOP), a FIFO or device is
 * refused after an open that does not block, so nothing can hold up main.
 */
export function openRegularFile(path: string): { fd: number; size: number } {
  const fd = openSync(path, constants.O_RDONLY | NO_FOLLOW | NO_WAIT)
  let stats: Stats
  try {
    stats = fstatSync(fd)
  } catch (err) {
    closeSync(fd)
    throw err
  }
  if (!stats.isFile()) {
    closeSync(fd)
    throw new NotARegularFileError(path)
  }
  return { fd, size: stats.size }
}

/** The whole of a regular file (see openRegularFile). */
export function readRegularFile(path: string): Buffer {
  const { fd, size } = openRegularFile(path)
  try {
    if (size > bufferConstants.MAX_LENGTH)
      throw Object.assign(new Error(`Too large: ${path}`), { code: 'ERR_FS_FILE_TOO_LARGE' })
    const buf = Buffer.alloc(size)
    let read = 0
    while (read < size) {
      const n = readSync(fd, buf, read, size - read, read)
      if (n === 0) break
      read += n
    }
    return read === size ? buf : buf.subarray(0, read)
  } finally {
    closeSync(fd)
  }
}

/** Creates a new file, failing when anything (a symlink included) already has the name. */
export function createExclusive(path: string, mode = 0o600): number {
  return openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NO_FOLLOW, mode)
}

/**
 * Writes `parts` to a new file under a random hidden name next to `path`, flushes it and moves
 * it into place: a power cut leaves the old or the new version, and a name planted in advance
 * (a symlink to another file) is never written through. The rename replaces a symlink at
 * `path` itself, never its target.
 */
export function writeFileAtomically(path: string, parts: Buffer[], mode = 0o600): void {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(8).toString('hex')}.tmp`)
  const fd = createExclusive(temp, mode)
  try {
    try {
      for (const part of parts) {
        let written = 0
        while (written < part.length) written += writeSync(fd, part, written)
      }
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    renameSync(temp, path)
  } catch (err) {
    rmSync(temp, { force: true })
    throw err
  }
}

/** Why a chosen backup folder is not safe to write in, or null when it is. */
export type FolderRisk = 'symlink' | 'othersCanWrite'

/**
 * Whether other local accounts could put files into `dir` (or swap it): the folder is a
 * symlink, or it or a folder above it can be written by another account without the sticky bit
 * (which stops others from replacing what the app made). On Windows the mode bits say nothing
 * of this, and the check is left to the system's own rights.
 */
export function folderRisk(dir: string): FolderRisk | null {
  if (process.platform === 'win32') return null
  let own: Stats
  try {
    own = lstatSync(dir)
  } catch {
    // Missing: said elsewhere (a stick not plugged in).
    return null
  }
  if (own.isSymbolicLink()) return 'symlink'
  if (!own.isDirectory()) return null
  if (othersCanWrite(own)) return 'othersCanWrite'
  let at: string
  try {
    at = realpathSync(dir)
  } catch {
    return null
  }
  for (let up = dirname(at); ; up = dirname(up)) {
    try {
      if (othersCanWrite(statSync(up))) return 'othersCanWrite'
    } catch {
      return null
    }
    if (dirname(up) === up) return null
  }
}

function othersCanWrite(s: Stats): boolean {
  const uid = process.getuid?.() ?? 0
  const gid = process.getgid?.() ?? 0
  // Another account's folder: that account can write in it whatever the other bits say.
  if (s.uid !== uid && s.uid !== 0 && (s.mode & 0o200) !== 0) return true
  // The sticky bit (01000): others may add files, but not replace or remove the app's own.
  if (s.mode & 0o1000) return false
  if (s.mode & 0o002) return true
  // A group that is neither the app's own nor root's: its other members can write.
  return (s.mode & 0o020) !== 0 && s.gid !== gid && s.gid !== 0
}
