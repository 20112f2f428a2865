import { describe, expect, it } from 'vitest'
import { helpTopic } from '../../src/renderer/src/features/help/help-topics'
import { en, nl } from '../../src/renderer/src/features/help/i18n'

describe('help per screen', () => {
  it('gives every main screen its own text, and a record its page text rather than its list', () => {
    const cases: [string, string][] = [
      ['/', 'dashboard'],
      ['/households', 'households'],
      ['/households?q=jansen', 'households'],
      ['/households/new', 'householdNew'],
      ['/households/12', 'household'],
      ['/households/12/edit', 'household'],
      ['/appointments', 'appointments'],
      ['/appointments/day/2026-06-15', 'day'],
      ['/visits/new?household=3', 'visit'],
      ['/calllist', 'calllist'],
      ['/volunteers', 'volunteers'],
      ['/volunteers/people', 'people'],
      ['/volunteers/people/4', 'person'],
      ['/volunteers/vacancies/9', 'vacancies'],
      ['/complaints', 'complaints'],
      ['/complaints/new', 'complaints'],
      ['/complaints/7', 'complaint'],
      ['/reports', 'reports'],
      ['/users', 'users'],
      ['/backups', 'backups'],
      ['/iets-onbekends', 'general'],
    ]
    for (const [path, topic] of cases) expect(helpTopic(path), path).toBe(topic)
  })

  it('has a title and a text for every topic in Dutch and in English', () => {
    expect(Object.keys(en.topics).sort()).toEqual(Object.keys(nl.topics).sort())
    for (const lang of [nl, en])
      for (const [key, { title, body }] of Object.entries(lang.topics)) {
        expect(title.trim(), key).not.toBe('')
        expect(body.length, key).toBeGreaterThan(40)
      }
  })
})
