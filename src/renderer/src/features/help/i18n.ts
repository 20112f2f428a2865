/**
 * Help per screen: a title and a few short paragraphs (separated by a blank line) for the side
 * panel that "Help" and F1 open. Which text a screen gets is in help-topics.ts.
 */
export const nl = {
  button: 'Help',
  buttonHint: 'Uitleg bij dit scherm (F1)',
  panelTitle: 'Help',
  guidesTitle: 'Snelstartgidsen om te printen',
  guides: {
    coordinator: 'Snelstartgids voor coördinatoren',
    counter: 'Snelstartgids voor de balie',
  },
  guideSaved: '{{filename}} is opgeslagen.',
  searchTip:
    'Tip: met Ctrl+K zoek je vanaf elk scherm een huishouden, deelnemer, vacature of klacht.',
  topics: {
    general: {
      title: 'Dichtbij',
      body:
        'Kies links in het menu het scherm dat je nodig hebt. Rechtsboven vergrendel je het scherm als je even wegloopt.\n\n' +
        'Met Ctrl+K zoek je overal naar een huishouden, deelnemer, vacature of klacht. Een gezin vind je ook op de voornaam van een gezinslid.',
    },
    dashboard: {
      title: 'Vandaag',
      body:
        'Hier begint de winkeldag: de afspraken van vandaag per dagdeel, de vrije plaatsen van de komende 7 dagen, gezinnen van wie het recht binnenkort afloopt en wie een uitnodiging tegoed heeft.\n\n' +
        'Komt een gezin binnen, zet de afspraak dan op "Gekomen" en registreer het bezoek. Bij een nieuwe installatie staan hier de eerste stappen.',
    },
    households: {
      title: 'Huishoudens',
      body:
        'Zoek een gezin op naam, nummer (H-00073), postcode of telefoonnummer; met Enter open je een enkel resultaat.\n\n' +
        'Een nieuw gezin meld je aan met "Nieuwe intake". Het lege aanmeldformulier kun je hier printen voor gezinnen die het op papier invullen.',
    },
    householdNew: {
      title: 'Nieuwe intake',
      body:
        'Vul het huishouden in met de gezinsleden (geboortejaar, geslacht, kledingmaat), de inkomensbron, het bewijs van inkomen en de toestemming, en daaronder het intakegesprek: onderwerpen, verwijzingen en notities.\n\n' +
        'De app waarschuwt als het gezin misschien al bestaat. Noteer nooit een BSN.',
    },
    household: {
      title: 'Een huishouden',
      body:
        'Hier staan de gegevens van het gezin, de afspraken en de bezoeken. Vanaf deze pagina boek je een afspraak of registreer je een bezoek.\n\n' +
        'Vrijwilligers zien alleen wat de balie nodig heeft; intakes, inkomen en notities zijn voor coördinatoren. Elke keer dat deze pagina opent, komt in het auditlog.',
    },
    appointments: {
      title: 'Afspraken',
      body:
        'De week met de dagdelen en hoeveel plaatsen er vrij zijn. Met "Boek" zet je een gezin op een dagdeel; de app waarschuwt als het recht verlopen is of het gezin vaker komt dan de richtlijn.\n\n' +
        'Met "Dagdelen aanmaken" maak je de dagdelen voor de komende weken uit het weekrooster. Open een dag voor de daglijst en print die voor de balie.',
    },
    day: {
      title: 'De daglijst',
      body:
        'Alle afspraken van deze dag per dagdeel. Zet een gezin op "Gekomen" of "Niet gekomen" en registreer het bezoek.\n\n' +
        'Met de printknop maak je de lijst voor de balie.',
    },
    visit: {
      title: 'Bezoek registreren',
      body: 'Vul per categorie in wat het gezin meeneemt. Waarschuwingen (recht verlopen, meer dan de richtlijn, al een bezoek vandaag) zie je vóór het opslaan; met "Toch opslaan" ga je bewust verder.',
    },
    calllist: {
      title: 'Bellijst',
      body: 'Gezinnen die een tijd niet zijn geweest. Zet "Gebeld" als je ze hebt gebeld of uitgenodigd; met "Boek" maak je meteen een afspraak. De lijst kun je printen of exporteren.',
    },
    collections: {
      title: 'Collecties',
      body: 'Een nieuwe collectie kleding of speelgoed: maak hem aan en houd bij welke gezinnen je erover hebt verteld, en hoe.',
    },
    stats: {
      title: 'Cijfers',
      body: 'Bereikte en nieuwe huishoudens, bezoeken, kinderen, niet gekomen, verwijzingen en onderwerpen, voor elke periode en wijk. Deze cijfers gaan ook naar de verantwoording.',
    },
    partners: {
      title: 'Sociale kaart',
      body: 'De organisaties waarnaar je gezinnen verwijst, zoals schuldhulp, maatschappelijk werk of de voedselbank. Iedereen kan ze opzoeken; coördinatoren voegen ze toe en wijzigen ze.',
    },
    volunteers: {
      title: 'Vrijwilligerswerk',
      body: 'Het dashboard toont wie het langst op een intake wacht, proefperiodes die binnen 14 dagen eindigen, uren van vorige maand die nog ontbreken en contacten die deze week gepland staan.',
    },
    people: {
      title: 'Deelnemers',
      body: 'Registreer iemand met de aanmelddatum: vanaf dan telt de wachttijd tot de intake. Zoek op naam, nummer (D-00042), telefoon of postcode.',
    },
    person: {
      title: 'Een deelnemer',
      body:
        'De gegevens, beschikbaarheid, wat iemand kan en wil leren, en de koppelingen. Met "Matchen" zie je de passende vacatures, met de redenen; jij beslist.\n\n' +
        'Elke keer dat deze pagina opent, komt in het auditlog.',
    },
    vacancies: {
      title: 'Vacatures',
      body: 'De vrijwilligersplekken per organisatie: taken, wat je er kunt leren, dagdelen en hoeveel mensen er nodig zijn. Met "Matchen" zie je wie het best past.',
    },
    organisations: {
      title: 'Organisaties',
      body: 'De organisaties waar vrijwilligers terechtkunnen, met hun vacatures.',
    },
    placements: {
      title: 'Koppelingen',
      body: 'Het bord met elke koppeling: voorgesteld, kennismaking, proefperiode, geplaatst, beëindigd. Schuif een koppeling door als er iets verandert, met de datum.',
    },
    hours: {
      title: 'Uren',
      body: 'Vul in één overzicht de uren van de maand in voor alle vrijwilligers die geplaatst zijn.',
    },
    volunteersSettings: {
      title: 'Instellingen vrijwilligerswerk',
      body: 'De lijsten van vaardigheden, interesses, leerdoelen, beperkingen en programma’s.',
    },
    complaints: {
      title: 'Klachten',
      body:
        'Elke open klacht met de volgende termijn: oranje binnen 7 dagen, rood als hij voorbij is. Een ontvangstbevestiging gaat standaard binnen 5 werkdagen, een beslissing binnen 6 weken (één keer te verlengen met hooguit 4 weken).\n\n' +
        'Vrijwilligers zien geen klachten.',
    },
    complaint: {
      title: 'Een klacht',
      body: 'De tijdlijn met elke stap. Regels worden nooit weggehaald: een correctie is een nieuwe regel. Vanaf hier maak je de brieven, verleng je de termijn en leg je de beslissing en maatregelen vast.',
    },
    activities: {
      title: 'Activiteiten',
      body: 'Registreer activiteiten, bewonersinitiatieven en informatie-en-adviescontacten. Ze tellen mee in de verantwoording voor de gemeente.',
    },
    outcomes: {
      title: 'Tevredenheid en verhalen',
      body: 'Vragenlijsten over tevredenheid na een traject of activiteit, en verhalen met toestemming om te publiceren, bij de cijfers van de verantwoording.',
    },
    reports: {
      title: 'Verantwoording',
      body: 'De subsidieverantwoording voor de gemeente als PDF, met het jaar ervoor en de streefwaarden ernaast. Licht elke afwijking van een streefwaarde toe voordat je hem definitief maakt.',
    },
    areas: {
      title: 'Gebieden',
      body: 'Gemeenten, gebieden, wijken en kernen, en welke cijfers elke gemeente vraagt.',
    },
    settings: {
      title: 'Instellingen',
      body: 'De regels van de winkel: plaatsen per dagdeel, het weekrooster, hoe lang een inkomensbewijs geldt en de richtlijnen voor bezoeken, en de lijsten van onderwerpen en categorieën.',
    },
    users: {
      title: 'Gebruikers',
      body: 'Ieder een eigen account met een rol: beheerder, coördinator of vrijwilliger. Deel nooit een inlog. Een nieuw account kiest bij de eerste keer een eigen wachtwoord.',
    },
    audit: {
      title: 'Auditlog',
      body: 'Wie wat heeft bekeken en gewijzigd, en wanneer. Het log kan niet worden aangepast; met de controle zie je of er niets in is veranderd.',
    },
    retention: {
      title: 'Bewaartermijnen',
      body: 'Huishoudens en deelnemers die lang geen contact meer hadden. Anonimiseren houdt de aantallen in de cijfers; de persoonsgegevens verdwijnen.',
    },
    backups: {
      title: 'Back-ups',
      body: 'Elke dag wordt er een back-up gemaakt en gecontroleerd. Bewaar het blad met de herstelsleutel op een veilige plek: zonder die sleutel en zonder wachtwoord is een back-up niet te openen.',
    },
  },
}

export const en: typeof nl = {
  button: 'Help',
  buttonHint: 'About this screen (F1)',
  panelTitle: 'Help',
  guidesTitle: 'Quick guides to print',
  guides: {
    coordinator: 'Quick guide for coordinators (Dutch)',
    counter: 'Quick guide for the counter (Dutch)',
  },
  guideSaved: '{{filename}} has been saved.',
  searchTip: 'Tip: Ctrl+K finds a household, participant, vacancy or complaint from every screen.',
  topics: {
    general: {
      title: 'Dichtbij',
      body:
        'Pick the screen you need in the menu on the left. Lock the screen (top right) when you step away.\n\n' +
        "Ctrl+K finds a household, participant, vacancy or complaint from anywhere. A family is also found by a family member's first name.",
    },
    dashboard: {
      title: 'Today',
      body:
        "The shop day starts here: today's appointments per half-day, the free places of the coming 7 days, families whose right ends soon and who is due for an invitation.\n\n" +
        'When a family arrives, mark the appointment "Came" and register the visit. A new installation shows its first steps here.',
    },
    households: {
      title: 'Households',
      body:
        'Find a family by name, reference (H-00073), postcode or phone; Enter opens a single result.\n\n' +
        '"New intake" registers a new family. Print the blank intake form here for families who fill it in on paper.',
    },
    householdNew: {
      title: 'New intake',
      body:
        'Enter the household with its members (birth year, gender, clothing size), income source, proof of income and consent, and below it the intake conversation: topics, referrals and notes.\n\n' +
        'The app warns about a family that may already exist. Never record a citizen service number.',
    },
    household: {
      title: 'A household',
      body:
        "The family's details, appointments and visits. Book an appointment or register a visit from here.\n\n" +
        'Volunteers see what the counter needs only; intakes, income and notes are for coordinators. Every opening of this page is in the audit log.',
    },
    appointments: {
      title: 'Appointments',
      body:
        'The week with its half-days and free places. "Book" puts a family on a half-day; the app warns when the right has expired or the family comes more often than the guideline.\n\n' +
        '"Create half-days" makes the coming weeks from the weekly template. Open a day for its list and print it for the counter.',
    },
    day: {
      title: 'The day list',
      body:
        'Every appointment of the day per half-day. Mark a family "Came" or "No show" and register the visit.\n\n' +
        'The print button makes the list for the counter.',
    },
    visit: {
      title: 'Register a visit',
      body: 'Enter what the family takes per category. Warnings (right expired, more than the guideline, a visit today already) show before saving; "Save anyway" goes on deliberately.',
    },
    calllist: {
      title: 'Call list',
      body: 'Families not seen for a while. Mark "Called" when you called or invited them; "Book" makes an appointment at once. Print or export the list.',
    },
    collections: {
      title: 'Collections',
      body: 'A new collection of clothes or toys: create it and keep track of which families you told, and how.',
    },
    stats: {
      title: 'Figures',
      body: 'Households reached and new, visits, children, no-shows, referrals and topics, for any period and district. The report uses the same figures.',
    },
    partners: {
      title: 'Social map',
      body: 'The organisations families are referred to, such as debt help, social work or the food bank. Everyone can look them up; coordinators add and change them.',
    },
    volunteers: {
      title: 'Volunteering',
      body: "The dashboard shows who has waited longest for an intake, trials ending within 14 days, last month's missing hours and contacts due this week.",
    },
    people: {
      title: 'Participants',
      body: 'Register someone with the day they signed up: the waiting time to the intake counts from then. Search by name, reference (D-00042), phone or postcode.',
    },
    person: {
      title: 'A participant',
      body:
        'Details, availability, skills and learning goals, and placements. "Match" ranks fitting vacancies with the reasons; you decide.\n\n' +
        'Every opening of this page is in the audit log.',
    },
    vacancies: {
      title: 'Vacancies',
      body: 'Volunteer places per organisation: tasks, what one can learn, half-days and how many people are needed. "Match" shows who fits best.',
    },
    organisations: {
      title: 'Organisations',
      body: 'The organisations where volunteers can go, with their vacancies.',
    },
    placements: {
      title: 'Placements',
      body: 'The board with every placement: proposed, introduction, trial, placed, ended. Move a placement on when something changes, with the date.',
    },
    hours: {
      title: 'Hours',
      body: "Fill in the month's hours of every placed volunteer in one grid.",
    },
    volunteersSettings: {
      title: 'Volunteering settings',
      body: 'The lists of skills, interests, learning goals, limitations and programmes.',
    },
    complaints: {
      title: 'Complaints',
      body:
        'Every open complaint with its next deadline: orange within 7 days, red when late. An acknowledgement goes out within 5 working days by default, a decision within 6 weeks (extendable once by at most 4 weeks).\n\n' +
        'Volunteers do not see complaints.',
    },
    complaint: {
      title: 'A complaint',
      body: 'The timeline with every step. Entries are never removed: a correction is a new entry. Make the letters, extend the term and record the decision and measures from here.',
    },
    activities: {
      title: 'Activities',
      body: "Register activities, residents' initiatives and information-and-advice contacts. They count in the report to the municipality.",
    },
    outcomes: {
      title: 'Satisfaction and stories',
      body: 'Questionnaires on satisfaction after a trajectory or activity, and stories with consent to publish, beside the figures of the report.',
    },
    reports: {
      title: 'Report',
      body: 'The subsidy report for the municipality as a PDF, with the year before and the targets beside it. Explain every deviation from a target before making it final.',
    },
    areas: {
      title: 'Areas',
      body: 'Municipalities, areas, districts and villages, and which figures each municipality asks for.',
    },
    settings: {
      title: 'Settings',
      body: "The shop's rules: places per half-day, the weekly template, how long a proof of income counts and the visit guidelines, and the lists of topics and categories.",
    },
    users: {
      title: 'Users',
      body: 'Everyone their own account with a role: admin, coordinator or volunteer. Never share a login. A new account chooses its own password the first time.',
    },
    audit: {
      title: 'Audit log',
      body: 'Who saw and changed what, and when. The log cannot be edited; the check shows that nothing in it has changed.',
    },
    retention: {
      title: 'Retention',
      body: 'Households and participants without contact for a long time. Anonymising keeps the counts in the figures; the personal data goes.',
    },
    backups: {
      title: 'Backups',
      body: 'A backup is made and checked every day. Keep the recovery key sheet somewhere safe: without that key and without a password a backup cannot be opened.',
    },
  },
}
