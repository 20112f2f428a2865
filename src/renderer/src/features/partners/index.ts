// What other domains may use of the sociale kaart: the active partners for a referral picker
// (intakes, visits) and how one is shown there.
export { partnerOption, useActivePartners } from './use-partners'
