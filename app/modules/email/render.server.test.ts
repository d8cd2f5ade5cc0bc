import { describe, expect, it } from 'vitest'
import { renderEmail } from './render.server'

describe('renderEmail', () => {
  it('renders subject, HTML and text in the recipient language with the values filled in', async () => {
    const props = { name: 'Greta', values: { organisation: 'Närpes hemvård Ab', inviter: 'Anna', role: 'redigerare' }, link: 'http://localhost:3000/invitations/x' }
    const sv = await renderEmail('organisation-invitation', 'sv', props)
    expect(sv.subject).toBe('Inbjudan att bli användare för Närpes hemvård Ab')
    expect(sv.html).toContain('lang="sv"')
    expect(sv.text).toContain('Hej Greta')
    expect(sv.text).toContain(props.link)
    const fi = await renderEmail('organisation-invitation', 'fi', props)
    expect(fi.subject).toBe('Kutsu organisaation Närpes hemvård Ab käyttäjäksi')
  })

  it('refuses unknown templates', async () => {
    await expect(renderEmail('no-such-template', 'en', {})).rejects.toThrow(/Unknown email template/)
  })
})
