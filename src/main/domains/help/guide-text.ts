import type { QuickGuide } from '../../../shared/schemas/search'

/**
 * The words of the two printed quick guides. Dutch only, like the paper intake form: they are
 * handed to a new coordinator or to a volunteer on their first shop day, and speak of the screens
 * by their Dutch menu names.
 */
export interface GuideSection {
  heading: string
  /** Paragraphs before the steps. */
  text?: string[]
  /** Numbered steps, in the order they are done. */
  steps?: string[]
  /** Points to remember. */
  points?: string[]
}

export interface GuideText {
  title: string
  intro: string
  sections: GuideSection[]
  /** The last lines: where to find more help. */
  closing: string
}

const COORDINATOR: GuideText = {
  title: 'Snelstartgids voor coördinatoren',
  intro:
    'Deze gids helpt je in je eerste weken met Dichtbij. Hij volgt de menu-items aan de linkerkant ' +
    'van het scherm. Op elk scherm staat rechtsboven de knop "Help" (of druk op F1) met uitleg ' +
    'over dat scherm, en met Ctrl+K zoek je overal naar een huishouden, deelnemer, vacature of klacht.',
  sections: [
    {
      heading: 'Eerste stappen',
      text: [
        'De beheerder maakt voor iedereen een eigen account aan onder Gebruikers: deel nooit een ' +
          'inlog. Het scherm vergrendelt vanzelf als je een paar minuten niets doet; met je ' +
          'wachtwoord ga je verder waar je was.',
      ],
      steps: [
        'Controleer onder Instellingen de plaatsen per dagdeel, het weekrooster, hoe lang een ' +
          'inkomensbewijs geldig is en de richtlijnen voor bezoeken.',
        'Maak onder Afspraken de dagdelen voor de komende weken aan met "Dagdelen aanmaken". ' +
          'Een feestdag sluit je door dat dagdeel te verwijderen.',
        'Zet de organisaties waarnaar je verwijst in de Sociale kaart, zodat vrijwilligers ze ' +
          'kunnen kiezen.',
      ],
    },
    {
      heading: 'Een winkeldag',
      steps: [
        'Open Vandaag: de afspraken van vandaag per dagdeel, de vrije plaatsen van de komende ' +
          'week en gezinnen van wie het recht binnenkort afloopt.',
        'Print de daglijst voor de balie vanuit Afspraken (kies de dag, dan de printknop).',
        'Komt een gezin binnen: zet de afspraak op "Gekomen" en registreer het bezoek, met wat ' +
          'het gezin meenam per categorie.',
        'Waarschuwingen (recht verlopen, meer dan de richtlijn, tweede bezoek) zie je vóór het ' +
          'opslaan. Ze blokkeren niet: met "Toch opslaan" ga je bewust verder.',
        'Na afloop: wie niet kwam staat op "Niet gekomen"; bel ze eventueel voor een nieuwe afspraak.',
      ],
    },
    {
      heading: 'Intake en huishoudens',
      text: [
        'Een nieuw gezin meld je aan onder Huishoudens > Nieuwe intake: het huishouden met de ' +
          'gezinsleden (geboortejaar, geslacht, kledingmaat), de inkomensbron, het bewijs van ' +
          'inkomen en de toestemming voor het bewaren van de gegevens, en in hetzelfde formulier ' +
          'het intakegesprek: besproken onderwerpen, verwijzingen en notities.',
      ],
      points: [
        'De app waarschuwt als een gezin misschien al bestaat. Kijk dat na voor je opslaat.',
        'Noteer nooit een burgerservicenummer (BSN).',
        'Vrijwilligers zien geen intakenotities, inkomen of klachten; alleen wat de balie nodig heeft.',
        'Boeken kan vanuit de weekweergave (knop "Boek"), vanuit de daglijst of vanaf de pagina ' +
          'van het huishouden.',
        'Een nieuwe collectie? De Bellijst toont gezinnen die een tijd niet zijn geweest; zet ' +
          '"Gebeld" als je ze hebt uitgenodigd.',
      ],
    },
    {
      heading: 'Vrijwilligers',
      steps: [
        'Registreer iemand onder Vrijwilligerswerk > Deelnemers, met de aanmelddatum: vanaf dan ' +
          'loopt de wachttijd tot de intake.',
        'Vul bij de intake de beschikbaarheid in (weekdag en dagdeel), wat iemand kan, wil leren ' +
          'en waar de beperkingen liggen.',
        'Met "Matchen" op een deelnemer of vacature zie je de beste plekken of mensen, met de ' +
          'redenen. Jij beslist; stel voor en volg de koppeling op het bord: voorgesteld, ' +
          'kennismaking, proefperiode, geplaatst.',
        'Vul elke maand de uren in via Uren, en houd contact: het dashboard toont wie een ' +
          'gesprek tegoed heeft.',
      ],
    },
    {
      heading: 'Klachten',
      steps: [
        'Leg een klacht vast onder Klachten > Nieuwe klacht: wie klaagt (of anoniem), waarover, ' +
          'de categorie en wat de klager wil.',
        'Stuur binnen de termijn een ontvangstbevestiging (standaard 5 werkdagen). De app ' +
          'maakt de brief.',
        'Een beslissing volgt binnen 6 weken; één keer verlengen met een reden kan met ' +
          'hooguit 4 weken.',
        'Elke stap komt op de tijdlijn en wordt nooit weggehaald: een correctie is een nieuwe ' +
          'regel. Het overzicht kleurt oranje binnen 7 dagen en rood als een termijn voorbij is.',
      ],
    },
    {
      heading: 'Rapportage',
      points: [
        'Cijfers toont bereikte huishoudens, nieuwe huishoudens, bezoeken, kinderen, niet ' +
          'gekomen, verwijzingen en onderwerpen, voor elke periode en wijk.',
        'Registreer activiteiten en informatie-en-adviescontacten onder Activiteiten: ze tellen ' +
          'mee in de verantwoording.',
        'De beheerder maakt de subsidieverantwoording voor de gemeente onder Verantwoording, met ' +
          'het jaar ervoor en de streefwaarden ernaast.',
        'Lijsten zijn te exporteren; een export bevat alleen wat nodig is en wordt gelogd.',
      ],
    },
    {
      heading: 'Privacy',
      points: [
        'Elke keer dat iemand persoonsgegevens bekijkt of wijzigt, komt in het auditlog.',
        'Vergrendel het scherm (knop rechtsboven) als je wegloopt.',
        'Onder Bewaartermijnen ziet de beheerder wie lang niet is geweest: die gegevens worden ' +
          'geanonimiseerd; de aantallen blijven tellen.',
      ],
    },
  ],
  closing:
    'Vragen over de app? Open "Help" op het scherm waar je bent, of vraag de beheerder van je organisatie.',
}

const COUNTER: GuideText = {
  title: 'Snelstartgids voor de balie',
  intro:
    'Welkom bij de winkel! Deze gids laat zien wat je aan de balie met Dichtbij doet. Je hebt een ' +
    'eigen inlog; deel die met niemand. Kom je er niet uit, vraag het aan de coördinator.',
  sections: [
    {
      heading: 'Inloggen en vergrendelen',
      points: [
        'Log in met je eigen gebruikersnaam en wachtwoord.',
        'Loop je weg van de computer, klik dan rechtsboven op "Vergrendelen". Na een paar ' +
          'minuten zonder iets te doen vergrendelt het scherm vanzelf.',
        'Klaar? Kies rechtsboven bij je naam "Afmelden".',
      ],
    },
    {
      heading: 'Een winkeldag',
      text: [
        'De winkel werkt met afspraken: per dagdeel (ochtend, middag of avond) komen ongeveer ' +
          'vier tot vijf gezinnen. Op Vandaag zie je de afspraken van vandaag per dagdeel.',
      ],
      steps: [
        'Open Vandaag en kijk welke gezinnen er vandaag komen.',
        'Komt een gezin binnen, klik bij de afspraak op "Gekomen".',
        'Registreer het bezoek: vul per categorie (kleding, schoenen, speelgoed, babyspullen) ' +
          'in wat het gezin meeneemt en sla op.',
        'Ziet de app iets bijzonders (recht verlopen, meer dan de richtlijn, al geweest ' +
          'vandaag), dan zie je een waarschuwing vóór het opslaan. Overleg bij twijfel met de ' +
          'coördinator; met "Toch opslaan" gaat het bezoek door.',
      ],
    },
    {
      heading: 'Een gezin opzoeken',
      steps: [
        'Druk op Ctrl+K (of klik op "Zoeken" bovenin) of open Huishoudens.',
        'Typ minstens twee letters van de naam, het nummer (H-00073) of de postcode. Met Ctrl+K ' +
          'vind je een gezin ook op de voornaam van een gezinslid, zoals een kind.',
        'Klik op het gezin om de pagina te openen. Je ziet alleen wat je aan de balie nodig hebt.',
      ],
    },
    {
      heading: 'Afspraken en aanmelden',
      points: [
        'Mag jouw organisatie vrijwilligers laten boeken, dan zie je de knop "Boek" bij een ' +
          'gezin of een dagdeel. Anders maakt de coördinator de afspraak.',
        'Een nieuw gezin? Geef het papieren aanmeldformulier mee (te printen vanaf Huishoudens). ' +
          'De coördinator doet de intake en zet het gezin in de app.',
        'Een verwijzing (bijvoorbeeld naar schuldhulp of de voedselbank) vind je in de Sociale ' +
          'kaart.',
      ],
    },
    {
      heading: 'Privacy',
      points: [
        'De gezinnen vertrouwen ons hun gegevens toe. Praat er niet over buiten de winkel.',
        'Alles wat je opent wordt gelogd. Open alleen de gezinnen die je aan de balie helpt.',
        'Laat niemand meekijken en laat het scherm nooit open achter.',
      ],
    },
  ],
  closing: 'Vragen? De knop "Help" rechtsboven (of F1) legt elk scherm kort uit.',
}

export const GUIDE_TEXT: Record<QuickGuide, GuideText> = {
  coordinator: COORDINATOR,
  counter: COUNTER,
}
