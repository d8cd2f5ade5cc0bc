import { notFound } from '~/utils/session.server'

/** Any unknown address: the root error boundary shows the translated 404 page. */
export async function loader() {
  notFound()
}

export default function NotFound() {
  return null
}
