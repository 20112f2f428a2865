import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  fileErasureLog,
  memoryErasureLog,
  type ErasureEntry,
} from '../../src/main/vault/erasure-log'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dichtbij-erasures-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const entry = (id: number, action: ErasureEntry['action'] = 'anonymise'): ErasureEntry => ({
  at: `2026-06-15T10:00:0${id % 10}.000Z`,
  action,
  kind: 'household',
  id,
})

describe('fileErasureLog', () => {
  it('keeps entries in the order they were appended, one JSON line each, across opens', () => {
    const path = join(dir, 'sub', 'erasures.jsonl')
    expect(fileErasureLog(path).entries()).toEqual([])
    const log = fileErasureLog(path)
    log.append(entry(3))
    log.append(entry(1, 'delete'))
    log.append(entry(2))
    expect(fileErasureLog(path).entries()).toEqual([entry(3), entry(1, 'delete'), entry(2)])
    const lines = readFileSync(path, 'utf8').split('\n')
    expect(lines).toHaveLength(4)
    expect(lines[3]).toBe('')
    expect(JSON.parse(lines[1])).toEqual(entry(1, 'delete'))
  })

  it('skips a torn last line, and the next entry starts on a line of its own', () => {
    const path = join(dir, 'erasures.jsonl')
    const log = fileErasureLog(path)
    log.append(entry(1))
    // A crash in the middle of writing the second entry.
    appendFileSync(path, '{"at":"2026-06-15T10:00:02.000Z","action":"del')
    expect(log.entries()).toEqual([entry(1)])
    log.append(entry(3, 'delete'))
    expect(log.entries()).toEqual([entry(1), entry(3, 'delete')])
    expect(readFileSync(path, 'utf8').split('\n')).toHaveLength(4)
  })

  it('ignores lines that are not erasures and writes only the known fields', () => {
    const path = join(dir, 'erasures.jsonl')
    writeFileSync(
      path,
      [
        JSON.stringify(entry(1)),
        JSON.stringify({ ...entry(2), action: 'restore' }),
        JSON.stringify({ ...entry(3), id: -3 }),
        'niet eens json',
        '',
      ].join('\n'),
    )
    const log = fileErasureLog(path)
    expect(log.entries()).toEqual([entry(1)])
    log.append({ ...entry(4), name: 'Anna de Vries' } as ErasureEntry)
    expect(readFileSync(path, 'utf8')).not.toContain('Anna')
    expect(() => log.append({ ...entry(5), id: 0 })).toThrow()
  })
})

describe('kinds of data subject', () => {
  it('reads a file the previous version wrote, and entries of any registered-style kind', () => {
    const path = join(dir, 'erasures.jsonl')
    // Exactly as the version that knew only households wrote it.
    writeFileSync(
      path,
      '{"at":"2026-01-05T09:00:00.000Z","action":"anonymise","kind":"household","id":4,' +
        '"dataId":"ab12"}\n{"at":"2026-01-06T09:00:00.000Z","action":"delete","kind":"household","id":7}\n',
    )
    const log = fileErasureLog(path)
    log.append({ at: '2026-02-01T09:00:00.000Z', action: 'delete', kind: 'person', id: 3 })
    expect(fileErasureLog(path).entries()).toEqual([
      {
        at: '2026-01-05T09:00:00.000Z',
        action: 'anonymise',
        kind: 'household',
        id: 4,
        dataId: 'ab12',
      },
      { at: '2026-01-06T09:00:00.000Z', action: 'delete', kind: 'household', id: 7 },
      { at: '2026-02-01T09:00:00.000Z', action: 'delete', kind: 'person', id: 3 },
    ])
  })

  it('refuses a kind that is free text rather than a short name, so no name can hide in it', () => {
    const log = fileErasureLog(join(dir, 'erasures.jsonl'))
    for (const kind of ['Anna de Vries', '', 'household\n', 'a'.repeat(40), '1household'])
      expect(() => log.append({ ...entry(1), kind }), JSON.stringify(kind)).toThrow()
    expect(log.entries()).toEqual([])
  })
})

describe('memoryErasureLog', () => {
  it('keeps order and hands out copies', () => {
    const log = memoryErasureLog()
    log.append(entry(2))
    log.append(entry(1, 'delete'))
    const seen = log.entries()
    seen[0].id = 99
    expect(log.entries()).toEqual([entry(2), entry(1, 'delete')])
  })
})
