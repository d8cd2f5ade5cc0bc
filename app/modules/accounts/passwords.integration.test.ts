import { describe, expect, it } from 'vitest'
import { prisma } from '~/utils/db.server'
import { makeRequest } from '../../../tests/support/request'
import { requestPasswordReset } from './service.server'

// sign-up and reset are exercised here, through their actions
const { action: signupAction } = await import('~/routes/signup')
const { action: resetAction } = await import('~/routes/reset-password')

type Reply = { data: { result: { error?: Record<string, string[] | null> } }; init: { status: number } }

describe('common passwords', () => {
  it('sign-up refuses a listed password with a translated field error and creates nothing', async () => {
    const form = { name: 'Anna', email: 'anna.common@example.com', password: 'Password2024!', confirmPassword: 'Password2024!' }
    const reply = (await signupAction({ request: makeRequest('/signup', { form }), params: {}, context: {} })) as unknown as Reply
    expect(reply.init.status).toBe(400)
    expect(reply.data.result.error?.password).toEqual(['security:errors.passwordCommon'])
    expect(await prisma.user.count({ where: { email: form.email } })).toBe(0)
  })

  it('a reset (also a staff invitation) refuses one too, and leaves the link usable', async () => {
    const user = await prisma.user.create({ data: { email: 'bo.common@example.com', name: 'Bo', emailVerifiedAt: new Date() } })
    await requestPasswordReset(user.email)
    const mail = await prisma.emailOutbox.findFirstOrThrow({ where: { toAddress: user.email, template: 'reset-password' } })
    const token = new URL((mail.props as { link: string }).link).searchParams.get('token') ?? ''
    const reset = (password: string) =>
      resetAction({ request: makeRequest('/reset-password', { form: { token, password, confirmPassword: password } }), params: {}, context: {} })
    const refused = (await reset('qwertyuiop123')) as unknown as Reply
    expect(refused.init.status).toBe(400)
    expect(refused.data.result.error?.password).toEqual(['security:errors.passwordCommon'])
    expect(((await reset('a sentence nobody else uses')) as Response).status).toBe(302)
  })

  it('a filled honeypot looks like success and does nothing', async () => {
    const form = { name: 'Bot', email: 'bot@example.com', password: 'bot password 12345', confirmPassword: 'bot password 12345', homepage_url: 'http://spam.example' }
    const response = (await signupAction({ request: makeRequest('/signup', { form }), params: {}, context: {} })) as Response
    expect(response.headers.get('Location')).toBe('/signup/sent')
    expect(await prisma.user.count({ where: { email: form.email } })).toBe(0)
  })
})
