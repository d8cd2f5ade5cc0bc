import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'

export type Instance = { name: string; url: string; process: ChildProcess; output: string[] }

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

/**
 * Starts the production build (`npm start` in the project folder) on 127.0.0.1:`port` with `env`, in its own
 * process group so `stopInstance` ends npm and the server under it together; resolves once it answers HTTP.
 */
export async function startInstance(name: string, port: number, env: Record<string, string>): Promise<Instance> {
  const child = spawn('npm', ['start', '--silent'], {
    cwd: process.cwd(),
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  const output: string[] = []
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()))
  const instance = { name, url: `http://127.0.0.1:${port}`, process: child, output }
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break
    try {
      const response = await fetch(`${instance.url}/`, { redirect: 'manual' })
      await response.arrayBuffer()
      if (response.status < 500) return instance
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  await stopInstance(instance)
  throw new Error(`instance ${name} did not start:\n${output.join('').slice(-4000)}`)
}

export async function stopInstance(instance: Instance): Promise<void> {
  const { process: child } = instance
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  process.kill(-child.pid, 'SIGTERM')
  const timer = setTimeout(() => {
    if (child.pid && child.exitCode === null) process.kill(-child.pid, 'SIGKILL')
  }, 10_000)
  await exited
  clearTimeout(timer)
}
