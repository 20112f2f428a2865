/*
 * Files travel between main and the renderer as bytes (`Uint8Array`): Electron's IPC carries
 * them as they are. Only the browser bridge (scripts/web-server.ts, JSON over loopback) needs a
 * text form, and there a Uint8Array anywhere in a call or a result is written as the tagged
 * object `{ "$bytes": "<base64>" }`. Both ends of the bridge use these two functions, each with
 * its own base64 coder (Node's Buffer in the bridge, a pieced atob/btoa in the page).
 */

export const BYTES_TAG = '$bytes'

/**
 * Base64 with padding, the form both coders write (with the length a multiple of four). One
 * character class, not groups of four: a grouped pattern overflows V8's regexp stack on the
 * hundreds of millions of characters a backup becomes.
 */
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/

function isBase64(text: string): boolean {
  return text.length % 4 === 0 && BASE64.test(text)
}

/** Sets a key as JSON.parse does (an own property even for `__proto__`). */
function put(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  })
}

/** A tag that is not a well-formed `{ "$bytes": "<base64>" }`, with where it was. */
export class MalformedBytesTag extends Error {
  constructor(readonly path: string) {
    super(`malformed ${BYTES_TAG} at ${path || '(root)'}`)
    this.name = 'MalformedBytesTag'
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** `value` with every Uint8Array in it (at any depth) replaced by its tagged text form. */
export function tagBytes(value: unknown, toBase64: (bytes: Uint8Array) => string): unknown {
  if (value instanceof Uint8Array) return { [BYTES_TAG]: toBase64(value) }
  if (Array.isArray(value)) return value.map((v) => tagBytes(v, toBase64))
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) put(out, k, tagBytes(v, toBase64))
    return out
  }
  return value
}

/**
 * `value` (parsed JSON) with every `{ "$bytes": ... }` turned back into a Uint8Array. Throws
 * MalformedBytesTag for an object that has the tag's key but is not exactly one base64 string:
 * what comes over the bridge is not trusted, and a bad tag is the caller's mistake, not a
 * fault in main. `fromBase64` only ever sees text that passed the strict check.
 */
export function untagBytes(
  value: unknown,
  fromBase64: (base64: string) => Uint8Array,
  path = '',
): unknown {
  if (Array.isArray(value))
    return value.map((v, i) => untagBytes(v, fromBase64, path ? `${path}.${i}` : String(i)))
  if (!isPlainObject(value)) return value
  if (Object.prototype.hasOwnProperty.call(value, BYTES_TAG)) {
    const text = value[BYTES_TAG]
    if (Object.keys(value).length !== 1 || typeof text !== 'string' || !isBase64(text))
      throw new MalformedBytesTag(path)
    return fromBase64(text)
  }
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value))
    put(out, k, untagBytes(v, fromBase64, path ? `${path}.${k}` : k))
  return out
}

/**
 * A file's bytes as they cross to the screen: a plain Uint8Array view on a Node Buffer, not a
 * copy. Files main reads or makes never sit in shared memory, whatever the Buffer type allows.
 */
export function plainBytes(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return new Uint8Array(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength)
}
