import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { detectLanguage } from './detect-language.js';

describe('detectLanguage', () => {
  const samples: readonly (readonly [language: string, text: string])[] = [
    ['fr', "Le conseil municipal a adopté le budget de l'année : les travaux de l'école commenceront au printemps."],
    ['fr', "Qu'il pleuve ou qu'il vente, le marché d'été aura lieu sur la place."],
    ['en', 'The city council approved the budget for the new school, which will open in the spring of next year.'],
    ['de', 'Der Gemeinderat hat den Haushalt für die neue Schule beschlossen, die im Frühjahr eröffnet wird.'],
    ['es', 'El ayuntamiento aprobó el presupuesto para la nueva escuela, que se abrirá en la primavera.'],
    ['it', 'Il consiglio comunale ha approvato il bilancio per la nuova scuola, che sarà aperta in primavera.'],
    ['nl', 'De gemeenteraad heeft de begroting voor de nieuwe school goedgekeurd, die in het voorjaar wordt geopend.'],
    ['pt', 'A câmara municipal aprovou o orçamento para a nova escola, que será inaugurada na primavera.'],
  ];
  for (const [language, text] of samples) {
    test(`recognises ${language}: ${text.slice(0, 30)}…`, () => assert.equal(detectLanguage(text), language));
  }

  test('says nothing on a text too short to tell', () => {
    assert.equal(detectLanguage('Nantes 2026'), undefined);
    assert.equal(detectLanguage(''), undefined);
  });

  test('says nothing when no known language leads', () => {
    assert.equal(detectLanguage('Lorem ipsum dolor sit amet, consectetur adipiscing elit.'), undefined);
  });
});
