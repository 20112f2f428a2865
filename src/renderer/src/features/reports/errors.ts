/** Main's messages for the report and the register, in Dutch and English (beside the app's own). */
export const nl = {
  validation: {
    figureKey: 'Dit cijfer staat niet in de verantwoording',
    tooMany: 'Te veel tegelijk',
    tooLarge: 'Dit getal is te groot',
    yearTooEarly: 'Kies een jaar vanaf 2000',
    yearTooLate: 'Kies een jaar vóór 2200',
  },
  errors: {
    explanationsMissing:
      'Licht eerst elke afwijking van de streefwaarde toe; daarna kunt u definitief maken',
  },
}

export const en: typeof nl = {
  validation: {
    figureKey: 'This figure is not in the report',
    tooMany: 'Too many at once',
    tooLarge: 'This number is too large',
    yearTooEarly: 'Choose a year from 2000',
    yearTooLate: 'Choose a year before 2200',
  },
  errors: {
    explanationsMissing:
      'First explain every deviation from its target; then you can make it final',
  },
}
