// All of Mantine's component styles, for every part read in through load-part.ts. The login
// screen's bundle has only its own components' rules (see main.tsx); each of those is also in
// this file, in the same order, so once this is added after them every rule wins or loses
// exactly as with this file alone.
import '@mantine/core/styles.css'
// After the core styles, as Mantine asks; the messages' container is read in through load-part.ts.
import '@mantine/notifications/styles.css'
