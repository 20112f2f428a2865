/**
 * The shape of a subject access export (AVG art. 15), shared by every part of the app that keeps
 * personal data and by both output formats.
 *
 * The JSON file is this structure as it is: English, stable keys for programs, and a Dutch
 * `title` or `label` next to every key for people. Values stay as stored: days as `YYYY-MM-DD`,
 * instants as ISO 8601 in UTC, lists as arrays; fixed choices (status, gender, ...) are written
 * out in Dutch, because their codes mean nothing to the person the data is about. The PDF shows
 * the same tables with dates as dd-mm-jjjj and times in Dutch time.
 *
 * {
 *   "format": "dichtbij-inzage", "version": 1,
 *   "title": "Inzage persoonsgegevens",
 *   "subject": { "kind": "household", "id": 1, "reference": "H-00001", "name": "…", "label": "…" },
 *   "organisation": { "name": "…", "address": "…", "postcode": "…", "city": "…" },
 *   "exportedAt": "2026-06-15T10:00:00.000Z", "exportedBy": "Bea Beheer",
 *   "parts": [
 *     { "key": "processing", "title": "Waarvoor wij uw gegevens gebruiken en wat uw rechten zijn",
 *       "tables": [{ "key": "processing", "layout": "record", "columns": […], "rows": [{
 *         "controller": "…", "purposes": […], "categories": […], "recipients": […],
 *         "retention": "tot 24 maanden na het laatste contact; …", "sources": […] }] },
 *       { "key": "rights", "title": "Uw rechten", "layout": "record", "columns": […], "rows": [{
 *         "access": "…", "rectification": "…", "erasure": "…", "restriction": "…",
 *         "objection": "…", "contact": "…", "complaint": "…" }] }] },
 *     { "key": "household", "title": "Huishouden", "tables": [
 *       { "key": "details", "title": "Gegevens", "layout": "record",
 *         "columns": [{ "key": "contactName", "label": "Naam contactpersoon", "type": "text" }, …],
 *         "rows": [{ "contactName": "…", … }] }, … ] }, … ]
 * }
 */
import type { SubjectKind } from '../../../shared/schemas/subjects'
import type { Organisation } from '../../../shared/schemas/accounts'

export type { SubjectKind }

/** How a value is meant: the JSON keeps it as stored, the PDF formats it by this. */
export type SubjectValueType = 'text' | 'number' | 'date' | 'datetime' | 'list'

export type SubjectValue = string | number | boolean | null | string[]

export interface SubjectColumn {
  key: string
  label: string
  type: SubjectValueType
}

export interface SubjectTable {
  key: string
  title?: string
  /**
   * `record`: each row is one thing, shown as label and value lines (a household, an intake).
   * `table`: rows under column heads (members, visits, audit entries).
   */
  layout: 'record' | 'table'
  columns: SubjectColumn[]
  rows: Record<string, SubjectValue>[]
  /** Said instead of an empty table, e.g. "Geen intakes vastgelegd." */
  empty?: string
}

/** What one part found about the subject. */
export interface SubjectContent {
  /** A sentence on what this part holds and why, for the person reading it. */
  intro?: string
  tables: SubjectTable[]
}

export interface SubjectSection extends SubjectContent {
  key: string
  title: string
}

export interface SubjectRef {
  kind: SubjectKind
  id: number
}

/** Who an export is about, as the export and its audit entry name them. */
export interface SubjectIdentity extends SubjectRef {
  /** e.g. "Huishouden H-00001". */
  label: string
  reference: string
  name: string
  /**
   * The record the export's audit entry names; the entry's subject is this subject (kind and
   * id), so the export shows up under them.
   */
  audit: { entityType: string; entityId: string | number }
}

export interface SubjectReport {
  format: 'dichtbij-inzage'
  version: 1
  title: string
  subject: Omit<SubjectIdentity, 'audit'>
  /** Without the logo: it is no data about the subject. */
  organisation: Omit<Organisation, 'logo'>
  exportedAt: string
  exportedBy: string
  parts: SubjectSection[]
}
