import { defineTask } from '../../workers/task'
import { writeSubjectFile, type SubjectFileInput } from './render-file'

/**
 * A subject access export written in a worker thread: laying out the PDF of a long-standing
 * family takes up to a second, which on main's thread would freeze every window. The report is
 * collected by main (one transaction) and crosses as plain data; the worker writes the file
 * into the download folder and answers with its size.
 */
export const renderSubjectFileTask = defineTask<SubjectFileInput, number>(
  'subjects.renderFile',
  (input) => writeSubjectFile(input),
)
