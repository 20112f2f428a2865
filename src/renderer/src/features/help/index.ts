/** What the app shell uses of the help: the header's button with its side panel (and F1). */
export { HelpButton } from './help-panel'
export { helpTopic, type HelpTopic } from './help-topics'
