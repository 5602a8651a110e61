import * as assert from 'node:assert/strict';
import { analyze } from '../../../../src/core/analysis/analyze';

/** [case, text, start of the quote, the whole mention shown, the name inside it, the canonical speaker] */
type Case = [string, string, string, string, string, string];

const cases: Case[] = [
  ['an appositive between the name and its verb', 'Jeff Weaver, the senator’s campaign manager, said in a statement: “We will win this.”', 'We will', 'Jeff Weaver, the senator’s campaign manager', 'Jeff Weaver', 'Jeff Weaver'],
  ['a long appositive', 'Mark Johnson, a 55-year-old salesman from Sumter, said: “We will leave here with momentum.”', 'We will', 'Mark Johnson, a 55-year-old salesman from Sumter', 'Mark Johnson', 'Mark Johnson'],
  ['lower-case titles and modifiers before the name', 'Former secretary of state Hillary Clinton said: “We are ready.”', 'We are', 'Former secretary of state Hillary Clinton', 'Hillary Clinton', 'Hillary Clinton'],
  [
    'a party, an office and a modifier before the name',
    'Republican presidential front-runner Donald Trump said the count was “a total disgrace.”',
    'a total',
    'Republican presidential front-runner Donald Trump',
    'Donald Trump',
    'Donald Trump',
  ],
  ['an abbreviated title and a party tag', 'Sen. Rand Paul (R-Ky.) said the bill was “dead on arrival.”', 'dead on', 'Sen. Rand Paul (R-Ky.)', 'Rand Paul', 'Rand Paul'],
  ['the article of an organisation', '“The report is wrong,” the Pentagon said on Monday.', 'The report', 'the Pentagon', 'Pentagon', 'Pentagon'],
  ['an appositive after an inverted verb runs to the end of the clause', '“We have no choice,” said Luis Miranda, a spokesman for the party convention.', 'We have', 'Luis Miranda, a spokesman for the party convention', 'Luis Miranda', 'Luis Miranda'],
  ['a title before a comma is the same person', 'The mayor’s spokeswoman, Ann Lee, said: “The streets are open.”', 'The streets', 'The mayor’s spokeswoman, Ann Lee', 'Ann Lee', 'Ann Lee'],
  ['a name particle', '“I have great respect for him,” Bill de Blasio said.', 'I have', 'Bill de Blasio', 'Bill de Blasio', 'Bill de Blasio'],
  ['an age, then the appositive', '“It was a long night,” said Mary Ford, 24, a student from Fresno.', 'It was', 'Mary Ford, 24, a student from Fresno', 'Mary Ford', 'Mary Ford'],
  [
    'an employer and a role before the name, with a participle as the cue',
    'Clinton campaign spokesman Brian Fallon responded on Twitter, calling the charge “pathetic” and “dangerous.”',
    'pathetic',
    'Clinton campaign spokesman Brian Fallon',
    'Brian Fallon',
    'Brian Fallon',
  ],
  ['the clause after the source of “according to” is no appositive', 'According to Senator Jane Roe, the plan is “a disaster for the state.”', 'a disaster', 'Senator Jane Roe', 'Jane Roe', 'Jane Roe'],
  ['a role noun before a one-word name', 'Band member Flea shared the news last week, writing “Feels great to support someone I believe in.”', 'Feels great', 'Band member Flea', 'Flea', 'Flea'],
  [
    'a possessive employer, a role, then the name',
    'Hillary Clinton’s campaign manager Robby Mook spoke to reporters on Thursday, arguing that Trump “lashed out at our nation’s military.”',
    'lashed out',
    'Hillary Clinton’s campaign manager Robby Mook',
    'Robby Mook',
    'Robby Mook',
  ],
  [
    'an appositive closed before the clause’s own verb, with a participle after it',
    'Ed Rendell (D), a Clinton supporter, praised Sanders for what he has accomplished, calling him “a great candidate.”',
    'a great',
    'Ed Rendell (D), a Clinton supporter',
    'Ed Rendell',
    'Ed Rendell',
  ],
];

/** The mention stays the name where what surrounds it is no description of the person. */
const unchanged: [string, string, string, string][] = [
  ['a sentence opener is no title', 'But Trump said the poll was “a joke.”', 'a joke', 'Trump'],
  ['a phrase of time or place after the comma is no appositive', '“It is a joke,” said Trump, in a statement to reporters.', 'It is', 'Trump'],
  ['a participle phrase is no appositive', '“It is a joke,” said Trump, adding that the poll was rigged.', 'It is', 'Trump'],
  ['a weekday before the name', 'On Tuesday Trump said the poll was “a joke.”', 'a joke', 'Trump'],
  ['a pronoun stays a pronoun', 'Trump spoke for an hour. “It is a joke,” he said.', 'It is', 'he'],
  ['a thing before a comma is not the person', 'In a statement, Jane Roe said the poll was “a joke.”', 'a joke', 'Jane Roe'],
];

function quoteOf(text: string, quoteStart: string): ReturnType<typeof analyze>['quotes'][number] {
  const q = analyze(text).quotes.find((x) => text.slice(x.start, x.end).startsWith(quoteStart));
  assert.ok(q, `quote starting “${quoteStart}” found`);
  return q;
}

describe('speaker mentions: the whole phrase naming the source', () => {
  for (const [title, text, quoteStart, shown, head, speaker] of cases) {
    it(title, () => {
      const a = analyze(text);
      const q = quoteOf(text, quoteStart);
      const m = q.mention;
      assert.ok(m, 'the quote has a mention');
      assert.equal(m.text, shown);
      assert.equal(text.slice(m.start, m.end), shown, 'the span is the text');
      assert.equal(m.head ?? m.text, head);
      assert.equal(a.speakers.find((s) => s.id === q.speakerId)?.name, speaker, 'the canonical speaker is the name alone');
      assert.ok(a.speakers.some((s) => s.mentions.some((x) => x.start === m.start && x.end === m.end)), 'the speaker lists the whole mention');
    });
  }
  for (const [title, text, quoteStart, shown] of unchanged) {
    it(title, () => {
      const m = quoteOf(text, quoteStart).mention;
      assert.equal(m?.text, shown);
      assert.equal(m?.head, undefined);
    });
  }

  it('a name after a verb and a role is the verb’s object, never the subject', () => {
    for (const text of ['Clinton praised host Bill Maher on Friday, calling him “a good friend.”', 'A campaign TV ad released Thursday accuses Trump of buying influence “in a pattern of sleaze.”']) {
      const m = analyze(text).quotes[0]?.mention;
      assert.ok(!/Bill Maher|TV/.test(m?.head ?? m?.text ?? ''), `${text}: ${m?.text}`);
    }
  });

  it('never covers the quote or its cue', () => {
    const text = 'Sanders campaign manager Jeff Weaver told reporters that “the race is not over,” and Weaver, a veteran of many races, repeated it.';
    const a = analyze(text);
    for (const q of a.quotes) {
      const m = q.mention;
      if (!m) continue;
      assert.ok(m.end <= q.start || m.start >= q.end, 'mention outside the quote');
      if (q.cue) assert.ok(m.end <= q.cue.start || m.start >= q.cue.end, 'mention outside the cue');
    }
  });
});
