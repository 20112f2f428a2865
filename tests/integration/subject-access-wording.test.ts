import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../helpers/db'
import { downloaded } from '../helpers/downloads'
import { addHousehold } from '../helpers/fixtures'
import { pdfText } from '../helpers/pdf'

let app: TestApp
beforeEach(async () => {
  app = await createTestApp('2026-06-15T10:00:00Z')
})
afterEach(async () => app.close())

/** The letter's text on one line, so a sentence broken over lines by the layout still matches. */
async function letter(kind: 'household' | 'person' | 'complaint', id: number): Promise<string> {
  const file = await app.call('subjects.export', { kind, id, format: 'pdf' })
  return pdfText(await downloaded(app, file)).replace(/\s+/g, ' ')
}

async function person(): Promise<number> {
  const p = await app.call('people.create', {
    firstName: 'Roos',
    lastName: 'Brink',
    registeredOn: '2026-02-01',
    intakeOn: '2026-02-10',
    place: 'Zwolle',
    availability: [{ weekday: 2, part: 'morning' }],
  })
  return p.id
}

describe('the subject access letter speaks of whom it is about', () => {
  it("a participant's letter says it holds what is kept about them, not about a household", async () => {
    const text = await letter('person', await person())
    expect(text).toContain('Deelnemer D-00001 (Roos Brink)')
    expect(text).toContain(
      'alle persoonsgegevens die Stichting Testwinkel in Dichtbij over u bewaart',
    )
    expect(text).not.toMatch(/huishouden/i)
  })

  it("a household's letter still speaks of the household", async () => {
    const id = await addHousehold(app, 'Fam. Bakker')
    const text = await letter('household', id)
    expect(text).toContain('in Dichtbij over dit huishouden bewaart')
  })

  it("a complaint's own letter speaks of the complainant and the complaint, not a household", async () => {
    const [cat] = await app.call('complaints.categories', {})
    const c = await app.call('complaints.create', {
      receivedOn: '2026-06-01',
      channel: 'letter',
      complainantKind: 'person',
      personId: await person(),
      aboutKind: 'service',
      categoryId: cat!.id,
      description: 'Niemand belde terug',
      step: 1,
    })
    const text = await letter('complaint', c.id)
    expect(text).toContain('in Dichtbij over u en uw klacht bewaart')
    expect(text).not.toMatch(/over dit huishouden/)
  })
})
