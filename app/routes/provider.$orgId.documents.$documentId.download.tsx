import type { LoaderFunctionArgs } from '@remix-run/node'
import { downloadHeaders } from '~/modules/documents/download'
import { documentForDownload, documentForStaffDownload, type DownloadableDocument } from '~/modules/documents/service.server'
import { log } from '~/utils/logger.server'
import { notFound, requireOrganisationPermission, requirePermission, requireUser } from '~/utils/session.server'
import { configuredStorage } from '~/utils/storage.server'

/**
 * A compliance document's file, always as an attachment. Members of the organisation get its own documents (the
 * document is looked up with the organisation id, so another organisation's ids give 404); staff get any document
 * of the organisation named in the address, and each staff download is written to the audit log.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const organisationId = params.orgId ?? ''
  const documentId = params.documentId ?? ''
  const user = await requireUser(request)
  let document: DownloadableDocument | null
  if (user.staffRole) {
    const staff = await requirePermission(request, 'staff:access')
    document = await documentForStaffDownload({ actorId: staff.id, documentId, organisationId })
  } else {
    const member = await requireOrganisationPermission(request, organisationId, 'organisation:view')
    document = await documentForDownload(member.organisationId, documentId)
  }
  if (!document) notFound()
  let bytes: Buffer
  try {
    bytes = await configuredStorage().get(document.storageKey)
  } catch (error) {
    log.error('stored document file cannot be read', { documentId: document.id, error })
    notFound()
  }
  return new Response(new Uint8Array(bytes), {
    status: 200,
    headers: downloadHeaders({ ...document, sizeBytes: bytes.byteLength }),
  })
}
