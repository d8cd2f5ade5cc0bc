/**
 * The fields of a form post. A body that is not a form (another Content-Type such as text/plain or JSON, or a
 * broken multipart body) is answered 400 Bad Request instead of failing as a 500: no page of ours sends one.
 */
export async function readFormData(request: Request): Promise<FormData> {
  let form: FormData
  try {
    form = await request.formData()
  } catch {
    throw new Response('Bad Request', { status: 400 })
  }
  return withoutNul(form)
}

/**
 * The form with every NUL character (U+0000) dropped from names and texts: nobody types one, and PostgreSQL cannot
 * store one in a text column (the insert would fail). Files are left as they are.
 */
export function withoutNul(form: FormData): FormData {
  const hasNul = [...form].some(([name, value]) => name.includes('\0') || (typeof value === 'string' && value.includes('\0')))
  if (!hasNul) return form
  const clean = new FormData()
  for (const [name, value] of form) clean.append(name.replaceAll('\0', ''), typeof value === 'string' ? value.replaceAll('\0', '') : value)
  return clean
}
