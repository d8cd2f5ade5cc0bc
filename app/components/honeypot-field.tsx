import { useId } from 'react'

/** The honeypot's name: innocuous to a bot, and not one that browsers or password managers fill in. */
export const honeypotFieldName = 'homepage_url'

/**
 * A field people never meet (visually hidden, hidden from screen readers, out of the tab order, no autofill) and
 * bots that fill in every input do. Put it inside a public form; the action checks it with `honeypotFilled`.
 */
export function HoneypotField() {
  const id = useId()
  return (
    <div aria-hidden="true" className="sr-only">
      <label htmlFor={id}>Homepage</label>
      <input id={id} type="text" name={honeypotFieldName} tabIndex={-1} autoComplete="off" defaultValue="" />
    </div>
  )
}
