import * as assert from 'node:assert/strict';
import { analyze } from '../../../../src/core/analysis/analyze';
import type { Analysis, Quote } from '../../../../src/core/analysis/types';
import { mentionName } from './helpers';
import { LineTokens, lineEvents } from '../../../../src/core/analysis/attribution';
import { cueAt, mayBeCueWord } from '../../../../src/core/analysis/cues';
import { REPORTING_VERBS } from '../../../../src/core/analysis/lexicon';
import { findQuotes } from '../../../../src/core/analysis/quotes';
import { splitLines, tokenize } from '../../../../src/core/analysis/text';
import { seedArticles } from '../../support/fixtureFiles';

/** [case, text, start of the quote, expected cue, expected name of the speaker's mention] */
type Case = [string, string, string, string, string];

/** Checks the quote starting `quoteStart` has `cue` and a mention named `mention`; returns both for more checks. */
function checkCue([, text, quoteStart, cue, mention]: Case): { analysis: Analysis; quote: Quote } {
  const analysis = analyze(text);
  const quote = analysis.quotes.find((x) => text.slice(x.start, x.end).startsWith(quoteStart));
  assert.ok(quote, `quote starting “${quoteStart}” found`);
  assert.equal(quote.cue?.text, cue);
  assert.equal(mentionName(quote.mention), mention);
  return { analysis, quote };
}

describe('cues: the verb nearest the quote', () => {
  const cases: Case[] = [
    ['a participle after the first quote introduces the second', 'The mayor said of the closure, “I do not like it,” adding that “the city will reopen the road soon.”', 'the city', 'adding', 'The mayor'],
    ['the first quote keeps the first verb', 'The mayor said of the closure, “I do not like it,” adding that “the city will reopen the road soon.”', 'I do not', 'said', 'The mayor'],
    ['a verb joined by “and”', 'Jane Roe said the plan was “a mistake” and added that it would “cost the town dearly.”', 'cost the', 'added', 'Jane Roe'],
    ['a participle after the main verb', 'Jane Roe spoke for an hour on Tuesday, saying the plan was “a mistake from the start.”', 'a mistake', 'saying', 'Jane Roe'],
    ['a verb of an embedded clause is not the cue', 'Jane Roe said she recalls the council being “confused” about the plan.', 'confused', 'said', 'Jane Roe'],
    ['a verb in a relative clause is not the cue', 'Jane Roe told a man who suggested a delay that “this is not the first time.”', 'this is', 'told', 'Jane Roe'],
    ['a noun that looks like a verb is not the cue', 'Jane Roe said that her opponent’s tweet was only meant “to mock” the council.', 'to mock', 'said', 'Jane Roe'],
    ['a verb’s form after a possessive is a noun', 'Coulter told conservative radio host Hugh Hewitt on Wednesday that her tweet was “a joke.”', 'a joke', 'told', 'Coulter'],
    ['a phrase of time before the subject, then a participle', "Back in 1999, Mr. Trump expressed admiration for Mr. Clinton's retail political skills, telling CNBC: ''I wish I could be like that. I just can't.''", 'I wish', 'telling', 'Trump'],
    ['“in the words of” gives the source after it', "Mr. Obama made clear that Mrs. Clinton was, in the words of a senior adviser, ''the torchbearer'' of his legacy.", 'the torchbearer', 'in the words of', 'a senior adviser'],
    ['“in the words of” opening the sentence', 'In the words of Senator Jane Roe, the plan is “a disaster for the state.”', 'a disaster', 'In the words of', 'Jane Roe'],
    ['a verb’s form after an article is a noun', 'Coulter told host Hugh Hewitt on Wednesday that the tweet was “a joke.”', 'a joke', 'told', 'Coulter'],
  ];
  for (const c of cases) {
    it(c[0], () => {
      const { analysis, quote } = checkCue(c);
      assert.ok(analysis.cues.some((x) => x.start === quote.cue?.start), 'the cue is among the analysis cues');
    });
  }
});

describe('cues: a second source that relays the words', () => {
  it('takes the relaying source, with “according to” as its cue, before or after the quote', () => {
    for (const text of ['“We will vote for whoever wins,” Walker said, according to a news agency.', 'Walker said, according to a news agency, that “we will vote for whoever wins.”']) {
      const a = analyze(text);
      assert.deepEqual([a.cues.map((c) => c.text), a.speakers.map((s) => s.name)], [['according to'], ['news agency']], text);
    }
  });
  it('not inside the quoted words', () => {
    const text = 'Walker said “the plan will pass, according to the whip count” on Monday.';
    assert.deepEqual(analyze(text).cues.map((c) => c.text), ['said']);
  });
  it('not in the next sentence', () => {
    const text = '“We will vote for whoever wins,” Walker said. According to a news agency, the vote is set.';
    assert.deepEqual(analyze(text).cues.map((c) => c.text), ['said']);
  });
});

describe('cues: verbs of speech beyond “said”', () => {
  const cases: Case[] = [
    ['“confided”', 'Years later, Jane Roe confided to a friend that the move had been “the hardest thing I ever did.”', 'the hardest', 'confided', 'Jane Roe'],
    ['“barked” after the quote', '“Sit down and let me finish,” Jane Roe barked at the moderator.', 'Sit down', 'barked', 'Jane Roe'],
    ['“accusing” after the main clause', 'Jane Roe hit back at her rival on Monday, accusing him of “lying to the voters of this county.”', 'lying to', 'accusing', 'Jane Roe'],
    ['“stating” after the main clause', 'The council issued a notice on Friday, stating that the bridge was “closed until further notice.”', 'closed until', 'stating', 'The council'],
    ['“remarking” after the main clause', 'Jane Roe toured the plant for an hour, remarking that it was “cleaner than my kitchen.”', 'cleaner than', 'remarking', 'Jane Roe'],
  ];
  for (const c of cases) it(c[0], () => void checkCue(c));
});

describe('cues: accusations, shouts and titles', () => {
  const cases: Case[] = [
    ['“alleged” with its that-clause', 'The lawsuit, filed in a county court last week, alleged that the landlord “failed to make basic repairs.”', 'failed to', 'alleged', 'The lawsuit'],
    ['“shouting” after the main clause', 'Protesters interrupted the mayor twice, shouting “no more cuts!” from the back of the hall.', 'no more', 'shouting', 'Protesters'],
    ['“retweeted” before a colon', 'The senator retweeted a post from her aide: “The vote is on Thursday.”', 'The vote', 'retweeted', 'The senator'],
    ['“gloated” before a colon', 'And the challenger gloated: “I told you he would not last the night.”', 'I told', 'gloated', 'the challenger'],
  ];
  for (const c of cases) it(c[0], () => void checkCue(c));
});

describe('cues: “what he calls” names a thing and reports no words', () => {
  const cases: [string, string, string, string][] = [
    // [case, text, start of the quote, the cue it must not have]
    ['the main verb before the free relative', 'Jane Roe has railed against what she calls the “downtown cartel” for a year.', 'downtown', 'calls'],
    ['past tense', 'The mayor denounced what he called the “reckless” budget of his rival.', 'reckless', 'called'],
  ];
  for (const [name, text, quoteStart, notCue] of cases) {
    it(name, () => {
      const analysis = analyze(text);
      const quote = analysis.quotes.find((x) => text.slice(x.start, x.end).startsWith(quoteStart));
      assert.notEqual(quote?.cue?.text, notCue);
      assert.ok(!analysis.cues.some((c) => c.text === notCue), `no cue “${notCue}”`);
    });
  }
  it('with a name, the clause still reports the words', () => {
    const text = 'The town hoped to shed what Jane Roe called “a perception problem” before the fair.';
    assert.ok(analyze(text).cues.some((c) => c.text === 'called'));
  });
});

describe('cues: a verb after the source that reports nothing is no cue, and the source stays', () => {
  const cases: [string, string, string, string, string][] = [
    // [case, text, start of the quote, the word that must not be the cue, the speaker's mention]
    ['a verb of possession', 'Jane Roe took her phone everywhere she went, “sending and reading mail at all hours.”', 'sending', 'took', 'Jane Roe'],
    ['a verb of change', 'Jane Roe became the town’s “first real reformer” in a decade.', 'first real', 'became', 'Jane Roe'],
    ['a noun owned by a possessive subject', 'Jane Roe’s neighbours cast her victory in the county as “a clear win for the town.”', 'a clear', 'neighbours', 'Jane Roe’s'],
    ['a plural noun that looks like a verb in -s', 'Jane Roe’s aides cast her victory in the county as “a clear win for the town.”', 'a clear', 'aides', 'Jane Roe’s'],
  ];
  for (const [name, text, quoteStart, notCue, mention] of cases) {
    it(name, () => {
      const analysis = analyze(text);
      assert.ok(!analysis.cues.some((c) => c.text === notCue), `no cue “${notCue}”: ${JSON.stringify(analysis.cues.map((c) => c.text))}`);
      const quote = analysis.quotes.find((x) => text.slice(x.start, x.end).startsWith(quoteStart));
      assert.ok(quote, 'the quote is found');
      assert.equal(quote.mention?.text, mention);
    });
  }
});

describe('cues: verbs of publishing a text', () => {
  it('report the text they have as object', () => {
    const text = 'The town council released a statement on Monday: “The road will reopen in May.”';
    checkCue(['released a statement', text, 'The road', 'released', 'The town council']);
  });
  it('are no cue as a participle after a noun', () => {
    const text = 'A county report released last year found that the bridge was “unsafe for heavy traffic.”';
    assert.ok(!analyze(text).cues.some((c) => c.text === 'released'));
  });
});

describe('cues: the pre-test of a word, and the cues of a line', () => {
  /** [word in lower case, whether it may be the verb of a cue] */
  const words: [string, boolean][] = [
    ['said', true],
    ['told', true],
    ['according', true],
    ['put', true],
    ['announced', true],
    ['the', false],
    ['house', false],
    ['sai', false],
    ['saidd', false],
    ['1999', false],
    ['', false],
    // Words sharing a cue word's length and first or last letters, a capital, a closing mark.
    ['voters', false],
    ['because', false],
    ['candidate', false],
    ['change', false],
    ['saying', true],
    ['sayings', false],
    ['a', false],
    ['said\u2019', false],
    ['Said', false],
  ];
  for (const [word, may] of words) {
    it(`“${word}”`, () => assert.equal(mayBeCueWord(word), may));
  }

  it('takes every reporting verb of the lexicon, and "according" and "put"', () => {
    for (const verb of [...REPORTING_VERBS, 'according', 'put']) assert.ok(mayBeCueWord(verb), verb);
  });

  it('never turns away a word at which a cue is found (every token of the seed articles)', () => {
    let cues = 0;
    for (const { name, text } of seedArticles()) {
      for (const line of splitLines(text)) {
        const tokens = tokenize(text, line.start, line.end);
        for (let k = 0; k < tokens.length; k++) {
          if (!cueAt(text, tokens, k)) continue;
          cues++;
          assert.ok(mayBeCueWord(tokens[k]?.lower ?? ''), `${name}: ${tokens[k]?.text ?? ''}`);
        }
      }
    }
    assert.ok(cues > 50);
  });

  /** [case, paragraph, the mention and cue of each attribution of the paragraph] */
  const lines: [string, string, string[]][] = [
    ['the subject of the sentence holding the verb', 'Jane Roe arrived late. The mayor said the road would close.', ['The mayor/said']],
    ['each sentence its own subject', 'Jane Roe said the plan was dead. Her deputy told reporters it was not.', ['Jane Roe/said', 'Her deputy/told reporters']],
    ['a verb inside a quote is the speaker’s, not the article’s', 'Jane Roe said: “He said no.”', ['Jane Roe/said']],
    ['a full stop inside a quote ends no sentence of the article', 'Jane Roe called it “a mistake. A big one” and said the plan was dead.', ['Jane Roe/said']],
    ['no cue word, no attribution', 'The road was closed on Tuesday after a storm.', []],
    // The words of each quote are passed over as a whole: the cues before, between and after quotes stay.
    ['a cue right after a quote that opens the line', '“The plan is dead,” Jane Roe said.', ['Jane Roe/said']],
    ['cues between two quotes, none inside the second', '“It is over,” Jane Roe said, adding: “We said so, and they told us.”', ['Jane Roe/said', 'Jane Roe/adding']],
    ['two short quotes inside the sentence', 'Jane Roe said “the vote” and “the count” were wrong, her deputy said.', ['Jane Roe/said', 'her deputy/said']],
    ['a cue word opening each quote', '“We said so,” he says, “and we meant it,” Roe added.', ['he/says', 'Roe/added']],
    ['a quote that runs to the end of the line', 'Roe said: “They told us they would wait', ['Roe/said']],
    ['a capitalised cue word inside straight quotes', '"Said and done," said Roe.', ['Roe/said']],
  ];
  for (const [name, text, expected] of lines) {
    it(name, () => {
      const all = splitLines(text);
      const quoted = findQuotes(text, all);
      const events = lineEvents(text, new LineTokens(text, all), 0, quoted);
      assert.deepEqual(
        events.map((e) => `${e.mention.text}/${e.cue.text}`),
        expected,
      );
    });
  }
});
