import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** `scripts/serve-web.ts` in a process of its own, as `npm run web` starts it. */
export interface BridgeProcess {
  port: number
  child: ChildProcess
  dataDir: string
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string
  /** Whether the process is still running. */
  alive(): boolean
  stop(): Promise<void>
}

/**
 * Starts the real bridge (real vault, router and web server, production settings) on a fresh data
 * folder and a stand-in renderer folder, so it needs no build.
 */
export async function startBridgeProcess(
  options: {
    /** Puts files into the data folder before the bridge starts (an earlier version's, say). */
    prepare?: (dataDir: string) => void
  } = {},
): Promise<BridgeProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'dichtbij-bridge-'))
  const dataDir = join(dir, 'data')
  options.prepare?.(dataDir)
  const rendererDir = join(dir, 'renderer')
  mkdirSync(rendererDir)
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Dichtbij</title>')
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'scripts/serve-web.ts',
      `--data-dir=${dataDir}`,
      `--renderer-dir=${rendererDir}`,
      '--port=0',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let out = ''
  child.stdout?.on('data', (c: Buffer) => (out += c.toString()))
  child.stderr?.on('data', (c: Buffer) => (out += c.toString()))
  const port = await new Promise<number>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`serve-web did not start:\n${out}`)), 60_000)
    const look = (): void => {
      const m = /Open: http:\/\/127\.0\.0\.1:(\d+)\//.exec(out)
      if (m) {
        clearTimeout(timer)
        ok(Number(m[1]))
      }
    }
    child.stdout?.on('data', look)
    child.on('exit', (code) => {
      clearTimeout(timer)
      fail(new Error(`serve-web exited with ${code}:\n${out}`))
    })
  })
  return {
    port,
    child,
    dataDir,
    output: () => out,
    alive: () => child.exitCode === null && child.signalCode === null,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((ok) => child.once('exit', ok))
        child.kill('SIGTERM')
        await exited
      }
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

export interface Reply {
  status: number
  body: string
  headers: Record<string, string | string[] | undefined>
}

/**
 * One raw HTTP request. The body may be text, bytes, or a generator of chunks (sent chunked,
 * unless the headers declare a Content-Length).
 */
export function rawRequest(
  port: number,
  path: string,
  options: {
    method?: string
    headers?: Record<string, string>
    body?: string | Buffer | (() => Iterable<Buffer> | AsyncIterable<Buffer>)
  } = {},
): Promise<Reply> {
  return new Promise((ok, fail) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: options.method ?? 'POST',
        // Node's client sends a GET's body without a length (nor chunked), which is no valid
        // request: the server's parser rightly drops the connection. Say the length, so an odd
        // verb with a body is a well-formed request the bridge itself must answer.
        headers:
          typeof options.body === 'string' || Buffer.isBuffer(options.body)
            ? { 'Content-Length': String(Buffer.byteLength(options.body)), ...options.headers }
            : options.headers,
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () =>
          ok({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            headers: res.headers,
          }),
        )
      },
    )
    req.on('error', fail)
    const body = options.body
    if (typeof body === 'function') {
      // Respect back-pressure, so a large body does not pile up in this process.
      void (async () => {
        for await (const chunk of body())
          if (!req.write(chunk)) await new Promise((w) => req.once('drain', w))
        req.end()
      })()
    } else req.end(body)
  })
}

/** `count` chunks of `chunk`, as a body generator for `rawRequest`. */
export function repeated(chunk: Buffer, count: number): () => Iterable<Buffer> {
  return function* () {
    for (let i = 0; i < count; i++) yield chunk
  }
}
