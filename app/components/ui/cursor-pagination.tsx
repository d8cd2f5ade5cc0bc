import { Link } from '@remix-run/react'

export type PageLink = { to: string; label: string }

/**
 * Links to the neighbouring pages of a list paged by cursor (keyset paging: "newer" and "older" rather than page
 * numbers), for lists that grow while they are read. Renders nothing when there is only one page.
 */
export function CursorPagination({
  label,
  first,
  previous,
  next,
}: {
  /** the navigation landmark's name */
  label: string
  /** back to the first page, shown when it is not the previous one */
  first?: PageLink | null
  previous?: PageLink | null
  next?: PageLink | null
}) {
  if (!previous && !next) return null
  return (
    <nav aria-label={label} className="mt-6">
      <ul className="flex flex-wrap items-center gap-6">
        {first ? (
          <li>
            <Link to={first.to}>{first.label}</Link>
          </li>
        ) : null}
        {previous ? (
          <li>
            <Link to={previous.to} rel="prev">
              {previous.label}
            </Link>
          </li>
        ) : null}
        {next ? (
          <li>
            <Link to={next.to} rel="next">
              {next.label}
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  )
}
