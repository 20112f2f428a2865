// What other screens show of complaints: the late count on the coordinator's start screen. Its
// texts are the dashboard's, so importing this does not bring the complaints screens' texts along.
export { LateComplaintsLine } from './late-complaints-line'
