/** `compression` (from @remix-run/serve's dependencies) ships no types; this is the part the server uses. */
declare module 'compression' {
  import type { RequestHandler } from 'express'
  export default function compression(): RequestHandler
}
