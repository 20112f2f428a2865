/** Texts of the users screen; `en` has the same keys (a test checks). */
export const nl = {
  title: 'Gebruikers',
  intro:
    'Iedereen die met Dichtbij werkt heeft een eigen account. Wat iemand ziet, hangt af van de rol.',
  new: 'Nieuwe gebruiker',
  you: 'u',
  never: 'Nog nooit',
  empty: 'Nog geen gebruikers.',
  columns: {
    name: 'Naam',
    username: 'Gebruikersnaam',
    role: 'Rol',
    status: 'Status',
    lastLogin: 'Laatst aangemeld',
    managerOf: 'Leidinggevende: {{name}}',
    actions: 'Acties',
  },
  status: {
    active: 'Actief',
    disabled: 'Uitgeschakeld',
    mustChange: 'Kiest nieuw wachtwoord',
  },
  roleHelp: {
    admin: 'Alles, ook gebruikers, instellingen en het auditlog.',
    coordinator: 'De winkel: huishoudens, intakes, afspraken, bellijst, cijfers en lijsten.',
    volunteer:
      'De balie: huishoudens opzoeken, afspraken, aanmelden en bezoeken. Geen intakes, inkomensgegevens of exports.',
  },
  actions: {
    edit: 'Wijzigen',
    editOf: '{{name}} wijzigen',
    reset: 'Wachtwoord resetten',
    resetOf: 'Wachtwoord van {{name}} resetten',
    disable: 'Uitschakelen',
    disableOf: '{{name}} uitschakelen',
    enable: 'Inschakelen',
    enableOf: '{{name}} inschakelen',
    ownAccount: 'Uw eigen account kunt u niet uitschakelen.',
  },
  create: {
    title: 'Nieuwe gebruiker',
    password: 'Eerste wachtwoord',
    explain:
      'Geef dit wachtwoord persoonlijk door. Bij de eerste keer aanmelden kiest de gebruiker zelf een nieuw wachtwoord; dit eerste wachtwoord werkt daarna niet meer.',
    submit: 'Gebruiker aanmaken',
    created: 'Account voor {{name}} aangemaakt.',
  },
  edit: {
    title: '{{name}} wijzigen',
    ownRole: 'Uw eigen rol kunt u niet veranderen.',
    manager: 'Leidinggevende',
    managerHelp:
      'Wie een klacht over deze persoon in stap 1 behandelt (bemiddeling door de leidinggevende).',
    submit: 'Opslaan',
    saved: 'Gegevens van {{name}} opgeslagen.',
  },
  reset: {
    title: 'Wachtwoord van {{name}} resetten',
    password: 'Nieuw tijdelijk wachtwoord',
    explain:
      'Geef dit wachtwoord persoonlijk door. {{name}} moet bij de volgende aanmelding een eigen wachtwoord kiezen.',
    submit: 'Wachtwoord resetten',
    done: 'Het wachtwoord van {{name}} is gereset.',
  },
  disable: {
    title: '{{name}} uitschakelen?',
    text: '{{name}} kan zich dan niet meer aanmelden; wie nu aangemeld is, wordt afgemeld. U kunt het account later weer inschakelen.',
    confirm: 'Uitschakelen',
    done: 'Het account van {{name}} is uitgeschakeld.',
    enabled: 'Het account van {{name}} is weer ingeschakeld.',
  },
}

export const en: typeof nl = {
  title: 'Users',
  intro:
    'Everyone who works with Dichtbij has their own account. What they see depends on the role.',
  new: 'New user',
  you: 'you',
  never: 'Never',
  empty: 'No users yet.',
  columns: {
    name: 'Name',
    username: 'Username',
    role: 'Role',
    status: 'Status',
    lastLogin: 'Last logged in',
    managerOf: 'Manager: {{name}}',
    actions: 'Actions',
  },
  status: {
    active: 'Active',
    disabled: 'Switched off',
    mustChange: 'Chooses new password',
  },
  roleHelp: {
    admin: 'Everything, including users, settings and the audit log.',
    coordinator: 'The shop: households, intakes, appointments, call list, figures and lists.',
    volunteer:
      'The counter: look up households, appointments, check-in and visits. No intakes, income details or exports.',
  },
  actions: {
    edit: 'Edit',
    editOf: 'Edit {{name}}',
    reset: 'Reset password',
    resetOf: 'Reset the password of {{name}}',
    disable: 'Switch off',
    disableOf: 'Switch off {{name}}',
    enable: 'Switch on',
    enableOf: 'Switch on {{name}}',
    ownAccount: 'You cannot switch off your own account.',
  },
  create: {
    title: 'New user',
    password: 'First password',
    explain:
      'Hand this password over in person. At the first login the user chooses a new password; this first password then stops working.',
    submit: 'Create user',
    created: 'Account for {{name}} created.',
  },
  edit: {
    title: 'Edit {{name}}',
    ownRole: 'You cannot change your own role.',
    manager: 'Manager',
    managerHelp: 'Who handles a complaint about this person at step 1 (mediation by the manager).',
    submit: 'Save',
    saved: 'Details of {{name}} saved.',
  },
  reset: {
    title: 'Reset the password of {{name}}',
    password: 'New temporary password',
    explain:
      'Hand this password over in person. {{name}} must choose their own password at the next login.',
    submit: 'Reset password',
    done: 'The password of {{name}} has been reset.',
  },
  disable: {
    title: 'Switch off {{name}}?',
    text: '{{name}} can then no longer log in; if logged in now, they are logged out. You can switch the account on again later.',
    confirm: 'Switch off',
    done: 'The account of {{name}} has been switched off.',
    enabled: 'The account of {{name}} has been switched on again.',
  },
}
