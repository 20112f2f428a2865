import { spawn, type ChildProcess } from 'node:child_process'

export interface Bridge {
  url: string
  child: ChildProcess
  stop(): Promise<void>
}

/**
 * Starts `scripts/serve-web.ts` on a random port with the given data folder; `extra` passes
 * options such as `--today=YYYY-MM-DD` (a fixed clock).
 */
export async function startBridge(dataDir: string, extra: string[] = []): Promise<Bridge> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'scripts/serve-web.ts', `--data-dir=${dataDir}`, '--port=0', ...extra],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  const url = await new Promise<string>((ok, fail) => {
    let out = ''
    const timer = setTimeout(() => fail(new Error(`serve-web did not start:\n${out}`)), 30_000)
    const onData = (chunk: Buffer): void => {
      out += chunk.toString()
      const m = /Open: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out)
      if (m) {
        clearTimeout(timer)
        ok(m[1])
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.on('exit', (code) => fail(new Error(`serve-web exited with ${code}:\n${out}`)))
  })
  return {
    url,
    child,
    stop: async () => {
      if (child.exitCode !== null) return
      child.kill('SIGTERM')
      await new Promise((ok) => child.once('exit', ok))
    },
  }
}

/** One call to the bridge's API outside a page; returns the result and any new session token. */
export async function post(
  url: string,
  method: string,
  input: unknown,
  token?: string,
): Promise<{ body: { ok: boolean; value?: unknown; error?: unknown }; session: string | null }> {
  const res = await fetch(new URL('api', url), {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ method, input }),
  })
  return {
    body: (await res.json()) as { ok: boolean; value?: unknown; error?: unknown },
    session: res.headers.get('x-dichtbij-session'),
  }
}
