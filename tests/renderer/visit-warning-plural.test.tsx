// @vitest-environment jsdom
import './setup-dom'
import i18n from '../../src/renderer/src/i18n'
import { afterEach, expect, it } from 'vitest'
import { warningText } from '../../src/renderer/src/common/forms'

afterEach(async () => {
  await i18n.changeLanguage('nl')
})

it('says "1 kind" and "2 kinderen" in the items warning, not "kind(eren)", in Dutch and English', async () => {
  const warn = (children: number): string =>
    warningText(i18n.t, { key: 'itemsPerChild', params: { items: 40, children, max: 15 } })
  await i18n.changeLanguage('nl')
  expect(warn(1)).toBe('Let op: 40 artikelen voor 1 kind (richtlijn: 15 per kind).')
  expect(warn(2)).toBe('Let op: 40 artikelen voor 2 kinderen (richtlijn: 15 per kind).')
  await i18n.changeLanguage('en')
  expect(warn(1)).toBe('Note: 40 items for 1 child (guideline: 15 per child).')
  expect(warn(2)).toBe('Note: 40 items for 2 children (guideline: 15 per child).')
})
