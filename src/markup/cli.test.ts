import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { CliUsageError, type CliContext } from '../cli/command.js';
import { markupCommand } from './cli.js';

async function run(args: readonly string[], input: string): Promise<{ code: number; out: string }> {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const chunks: Buffer[] = [];
  stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ctx: CliContext = { stdin, stdout, stderr: new PassThrough(), env: {} };
  stdin.end(input);
  const code = await markupCommand.run(args, ctx);
  return { code, out: Buffer.concat(chunks).toString('utf8') };
}

describe('relais markup', () => {
  test('renders standard input as an article', async () => {
    const { code, out } = await run([], "{{Bonjour}} l'équipe !");
    assert.equal(code, 0);
    assert.equal(out, '<p><strong>Bonjour</strong> l&#8217;équipe&nbsp;!</p>\n');
  });

  test('renders as a forum contribution with --forum', async () => {
    const { out } = await run(['--forum'], '[a->https://e.fr]');
    assert.match(out, /rel="nofollow external"/);
  });

  test('appends the notes block with --notes only', async () => {
    const withNotes = await run(['--notes'], 'Texte[[Une note.]]');
    assert.match(withNotes.out, /<div id="nb1">/);
    const without = await run([], 'Texte[[Une note.]]');
    assert.doesNotMatch(without.out, /<div id="nb1">/);
  });

  test('uses the default SPIP link pattern', async () => {
    const { out } = await run([], '[->art12]');
    assert.match(out, /href="spip\.php\?article12"/);
  });

  test('renders one JSON object per line, in order, with --jsonl', async () => {
    const input = `${JSON.stringify({ id: 1, text: '{a}' })}\n\n${JSON.stringify({ id: 'b', text: 'x[[n]]' })}\n`;
    const { code, out } = await run(['--jsonl', '--forum'], input);
    assert.equal(code, 0);
    const lines = out.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    assert.deepEqual(lines.map((line) => line.id), [1, 'b']);
    assert.equal(lines[0]?.html, '<p><i>a</i></p>');
    assert.equal(lines[0]?.notes, '');
    assert.match(String(lines[1]?.notes), /nb1/);
  });

  test('reports a bad JSON line in place and exits with 1', async () => {
    const { code, out } = await run(['--jsonl'], `not json\n${JSON.stringify({ id: 2, text: 'ok' })}\n`);
    assert.equal(code, 1);
    const lines = out.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    assert.equal(lines.length, 2);
    assert.ok(typeof lines[0]?.error === 'string');
    assert.equal(lines[1]?.html, '<p>ok</p>');
  });

  test('refuses an unknown option as a usage error', async () => {
    await assert.rejects(run(['--markdown'], ''), CliUsageError);
  });
});
