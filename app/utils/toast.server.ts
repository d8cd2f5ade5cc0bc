import { createCookie, redirect } from '@remix-run/node'
import { z } from 'zod'

/** A one-time message shown after a redirect. `message` is a key in the common namespace. */
const toastSchema = z.object({
  kind: z.enum(['success', 'info', 'error']),
  message: z.string().max(200),
})
export type Toast = z.infer<typeof toastSchema>

const toastCookie = createCookie('toast', { path: '/', httpOnly: true, sameSite: 'lax', maxAge: 60 })

export async function redirectWithToast(url: string, toast: Toast, headers: HeadersInit = {}): Promise<Response> {
  const responseHeaders = new Headers(headers)
  responseHeaders.append('Set-Cookie', await toastCookie.serialize(toast))
  return redirect(url, { headers: responseHeaders })
}

/** Reads the toast and returns the header that clears it. */
export async function readToast(request: Request): Promise<{ toast: Toast | null; headers: HeadersInit }> {
  const parsed = toastSchema.safeParse(await toastCookie.parse(request.headers.get('Cookie')))
  if (!parsed.success) return { toast: null, headers: {} }
  return { toast: parsed.data, headers: { 'Set-Cookie': await toastCookie.serialize('', { maxAge: 0 }) } }
}
