import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runRelaisCli } from '../../test-support/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'relais-match-'));
after(() => rmSync(dir, { recursive: true, force: true }));

describe('relais watch test', () => {
  test('says it matches and prints the text with the matched words marked', async () => {
    const result = await runRelaisCli(['watch', 'test', 'festiv* -annulé', '--text', 'Le Festival d’été & ses festivités'], {});
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, 'Correspond\nLe <mark>Festival</mark> d’été &amp; ses <mark>festivités</mark>\n');
  });

  test('says it does not match, with exit code 1', async () => {
    const result = await runRelaisCli(['watch', 'test', 'festival SAUF annulé', '--text', 'Festival annulé'], {});
    assert.equal(result.code, 1);
    assert.match(result.stdout, /^Ne correspond pas\n/);
  });

  test('explains a syntax error in French with a caret under the position, exit code 2', async () => {
    const result = await runRelaisCli(['watch', 'test', 'NEAR/5(budget vote)', '--text', 'x'], {});
    assert.equal(result.code, 2);
    assert.equal(result.stderr, 'Requête incorrecte au caractère 15 : on attendait « , » entre les deux termes de NEAR, mais on trouve « vote ».\n'
      + '  NEAR/5(budget vote)\n'
      + '                ^\n');
  });
});

describe('relais match', () => {
  test('prints, for each item, the line numbers of the queries it matches', async () => {
    const queries = join(dir, 'queries.txt');
    const items = join(dir, 'items.jsonl');
    writeFileSync(queries, ['budget', '"conseil municipal"', '', 'NOT budget', 'title:festival*', 'NEAR/2(école, travaux)'].join('\n'));
    writeFileSync(items, [
      JSON.stringify({ id: 'a', title: 'Budgets votés', text: 'Le conseil municipal a voté.' }),
      JSON.stringify({ id: 2, title: 'Festivals', text: 'Les travaux de l’école commencent.' }),
      '',
      JSON.stringify({ id: 'c', title: 'Rien', text: 'Le budget du festival.' }),
    ].join('\n'));
    const result = await runRelaisCli(['match', '--queries', queries, '--items', items], {});
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, 'a\t1,2\n2\t4,5,6\nc\t1\n');
  });

  test('names the query line with a syntax error and stops, exit code 2; reports a bad item line and goes on, exit code 1', async () => {
    const queries = join(dir, 'bad-queries.txt');
    const items = join(dir, 'bad-items.jsonl');
    writeFileSync(queries, 'budget\n(festival\n');
    writeFileSync(items, '{"id":"x","title":"budget","text":""}\n{oops\n{"id":"y","title":"","text":"budget"}\n');
    const bad = await runRelaisCli(['match', '--queries', queries, '--items', items], {});
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /bad-queries\.txt, ligne 2 : Requête incorrecte au caractère 10/);
    writeFileSync(queries, 'budget\n');
    const partly = await runRelaisCli(['match', '--queries', queries, '--items', items], {});
    assert.equal(partly.code, 1);
    assert.equal(partly.stdout, 'x\t1\ny\t1\n');
    assert.match(partly.stderr, /bad-items\.jsonl, ligne 2 : ce n’est pas du JSON/);
  });
});
