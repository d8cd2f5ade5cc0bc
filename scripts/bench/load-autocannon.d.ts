/** The part of autocannon 8's API that scripts/bench/load.ts uses (the package ships no types). */
declare module 'autocannon' {
  export type RequestParams = { method?: string; path?: string; headers?: Record<string, string>; body?: string }
  export type RequestSpec = RequestParams & {
    setupRequest?: (request: RequestParams, context: Record<string, unknown>) => RequestParams
  }
  export type Options = {
    url: string
    connections?: number
    duration?: number
    timeout?: number
    headers?: Record<string, string>
    requests?: RequestSpec[]
  }
  export type Histogram = { average: number; mean: number; stddev: number; min: number; max: number; total: number; p50: number; p90: number; p99: number }
  export type Result = {
    requests: Histogram
    latency: Histogram
    errors: number
    timeouts: number
    non2xx: number
    duration: number
    statusCodeStats: Record<string, { count: number }>
  }
  export type Instance = Promise<Result> & { stop: () => void }
  export default function autocannon(options: Options): Instance
}
