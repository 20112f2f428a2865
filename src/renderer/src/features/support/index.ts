/** What other screens use of help requests and informal carers: the two tabs of a person's page. */
export { PersonCarer } from './person-carer'
export { PersonHelp } from './person-help'
export { SupportFiguresSection } from './support-figures'
