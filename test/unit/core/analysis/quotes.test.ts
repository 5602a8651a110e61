import * as assert from 'node:assert/strict';
import { quoteTexts } from './helpers';
import { findQuotes } from '../../../../src/core/analysis/quotes';
import { splitLines } from '../../../../src/core/analysis/text';

describe('quotes: mark styles', () => {
  const cases: [string, string, string[]][] = [
    ['straight double', '"The international community is required to act," Lavrov said.', ['The international community is required to act,']],
    ['curly double', '“This will happen soon,” the Turkish official said.', ['This will happen soon,']],
    ['straight single in a headline', "Russia's Lavrov rejects Idlib ceasefire as 'capitulating before terrorists'", ['capitulating before terrorists']],
    ['curly single in a headline', 'Lavrov rejects Idlib cease-fire as ‘capitulating before terrorists’', ['capitulating before terrorists']],
    ['guillemets', 'Lavrov said: «There will be no reconciliation with the terrorists.»', ['There will be no reconciliation with the terrorists.']],
    ['single guillemets', 'Lavrov said: ‹There will be no reconciliation with the terrorists.›', ['There will be no reconciliation with the terrorists.']],
    ['low-high German marks', 'Lavrov said: „There will be no reconciliation with the terrorists.“', ['There will be no reconciliation with the terrorists.']],
    ['double apostrophes of news archives', "''We are forced to be in this fight,'' Erdogan told reporters.", ['We are forced to be in this fight,']],
    ['partial quote in reported speech', 'The Red Cross said in a statement it was "deeply alarmed" by the situation.', ['deeply alarmed']],
  ];
  for (const [name, text, expected] of cases) {
    it(name, () => assert.deepEqual(quoteTexts(text), expected));
  }
});

// The spans paired from the marks, before the analysis weighs them (a one-letter quote stays here).
describe('quotes: rare marks at the edges of a line, as paired', () => {
  const cases: [string, string, string[]][] = [
    ['`` left open at the end', 'he said ``no', ['no']],
    ["'' ending the text", "ends ''", []],
    ['single guillemets either way round', 'says ‹a› and ›b‹', ['a']],
    ['guillemets and German marks in one line', '«Nein» und „ja“', ['Nein', 'ja']],
    ['three apostrophes opening and closing (the nested marks belong to the words)', "'''Quiz Night,''' he replied.", ["'Quiz Night,'"]],
    ['a straight single mark ending the text', "end '", []],
    ['curly single marks', 'They said ‘hi’', ['hi']],
  ];
  for (const [name, text, expected] of cases) {
    it(name, () => assert.deepEqual(findQuotes(text, splitLines(text)).map((q) => text.slice(q.start, q.end)), expected));
  }
});

describe('quotes: apostrophes are never quote marks', () => {
  const cases: [string, string][] = [
    ['curly possessive', 'Russia rejects idea of truce with Syria’s rebels in Syria’s Idlib region, officials said.'],
    ['straight possessive', "Russia's Lavrov met Turkey's foreign minister, officials said."],
    ['misprinted contraction', 'The automaker isn ‘t slowing down on stacking up concepts, VW said.'],
    ['elided decade', 'A design from the ’90s and the \'80s returns, the company said.'],
    ['plural possessive', "The leaders' meeting and the ministers' talks ended, officials said."],
    ['only apostrophes', "'''' ’’’ ‘‘ ' ’ ‘"],
  ];
  for (const [name, text] of cases) {
    it(name, () => assert.deepEqual(quoteTexts(text), []));
  }
  /** [case, text, the quotes] */
  const inSingle: [string, string, string[]][] = [
    ['a plural possessive inside a single quote', "'The players' attitude was superb today,' he said.", ["The players' attitude was superb today,"]],
    ['curly, a plural possessive before a noun', '‘It was the fans’ day, not ours,’ said the coach.', ['It was the fans’ day, not ours,']],
    ['the possessive in the middle of a long quote', "'We've secured a deal, but the drivers' determination won the day.' he said.", ["We've secured a deal, but the drivers' determination won the day."]],
    ['a single quote that ends with a plural noun still closes there', "He called it 'a waste of taxpayers' and left.", ['a waste of taxpayers']],
  ];
  for (const [name, text, quotes] of inSingle) {
    it(name, () => assert.deepEqual(quoteTexts(text), quotes));
  }
  it('keeps a quote that contains apostrophes', () => {
    assert.deepEqual(quoteTexts('“This is the worst wave of displacement we’ve seen during Syria’s conflict,” said Fabrizio Carboni.'), [
      'This is the worst wave of displacement we’ve seen during Syria’s conflict,',
    ]);
  });
});

describe('quotes: nesting and unbalanced marks', () => {
  it('keeps a nested quote inside the outer one', () => {
    const text = '“They call it ‘surrender to terrorists’ and we refuse it,” Lavrov said.';
    assert.deepEqual(quoteTexts(text), ['They call it ‘surrender to terrorists’ and we refuse it,']);
  });
  it('keeps nested straight single marks inside straight double marks', () => {
    const text = '"He called it \'a gross violation\' of the conventions," the official said.';
    assert.deepEqual(quoteTexts(text), ["He called it 'a gross violation' of the conventions,"]);
  });
  it('keeps nested straight double marks inside curly double marks', () => {
    const text = '“He told me the offensive was a \"gross violation\" of the conventions,” the official said.';
    assert.deepEqual(quoteTexts(text), ['He told me the offensive was a "gross violation" of the conventions,']);
  });
  it('keeps nested curly marks inside straight double marks, whatever the mark that ends the inner quote', () => {
    const table: [string, string[]][] = [
      ['"Well, look, they think this is an episode of “Shark Tank.” But this is a ceasefire," the minister said.', ['Well, look, they think this is an episode of “Shark Tank.” But this is a ceasefire,']],
      ['"I read you the question: “Do you think the talks will resume?”" the pollster said.', ['I read you the question: “Do you think the talks will resume?”']],
      ['"As “The Guardian” wrote, it shows the gap," he said. "We disagree."', ['As “The Guardian” wrote, it shows the gap,', 'We disagree.']],
    ];
    for (const [text, quotes] of table) assert.deepEqual(quoteTexts(text), quotes, text);
  });
  it('ends an unclosed quote at its paragraph end instead of swallowing the document', () => {
    const text = [
      'Lavrov accused some governments of “a desire to justify outrageous acts committed by radical and terrorist groupings.',
      '“Otherwise, it would be difficult to explain admonishments about the possibility of concluding peace agreements with bandits,” he said.',
      'A months-long offensive has seen hundreds of thousands of people flee the violence.',
    ].join('\n');
    assert.deepEqual(quoteTexts(text), [
      'a desire to justify outrageous acts committed by radical and terrorist groupings.',
      'Otherwise, it would be difficult to explain admonishments about the possibility of concluding peace agreements with bandits,',
    ]);
  });
  it('ignores a stray closing mark', () => {
    assert.deepEqual(quoteTexts('The regime suffered heavy losses” in the clashes last night, the official said.'), []);
  });
});

describe('quotes: multi-paragraph', () => {
  it('runs on into the next paragraph when that paragraph closes it', () => {
    const text =
      '"This is the worst wave of displacement we\'ve seen during the Syrian conflict. Amid the harsh winter conditions in Idlib, we see people trapped.\n\nIt\'s completely unacceptable," said Fabrizio Carboni, the ICRC\'s director for the Near and Middle East.';
    assert.deepEqual(quoteTexts(text), [
      "This is the worst wave of displacement we've seen during the Syrian conflict. Amid the harsh winter conditions in Idlib, we see people trapped.\n\nIt's completely unacceptable,",
    ]);
  });
  const endsWithParagraph: [string, string, string[]][] = [
    ['a credit line before the closing mark', '"We will not be able to pay the pensions we promised without new revenue.\nMaria Lopez, state treasurer."\n\nThe bill passed.', ['We will not be able to pay the pensions we promised without new revenue.']],
    ['a broken line ending with the closing mark', '“Our rivals have spent their money on television that does little to bring\nvoters to the polls.”\n\nThe race goes on.', ['Our rivals have spent their money on television that does little to bring']],
  ];
  it('ends a straight quote where a straight mark reopens the words after an interruption', () => {
    const text = '"Without a force on the ground of real size, he added, "this is how the group will be beaten."';
    assert.deepEqual(quoteTexts(text), ['Without a force on the ground of real size, he added,', 'this is how the group will be beaten.']);
  });
  for (const [name, text, expected] of endsWithParagraph) {
    it(`ends the quote with its paragraph: ${name}`, () => assert.deepEqual(quoteTexts(text), expected));
  }
  it('gives each paragraph its own span when the next paragraph reopens the quote', () => {
    const text = '“This is the first paragraph of a long statement.\n\n“And this is the second paragraph, which ends it,” Pelosi said.';
    assert.deepEqual(quoteTexts(text), ['This is the first paragraph of a long statement.', 'And this is the second paragraph, which ends it,']);
  });
});

describe('quotes: spans', () => {
  it('excludes the marks and never overlaps', () => {
    const text = '“Russia supports Syria at the highest level,” Erdogan told reporters. “Even if they deny it, we have evidence.”';
    const quotes = quoteTexts(text);
    assert.deepEqual(quotes, ['Russia supports Syria at the highest level,', 'Even if they deny it, we have evidence.']);
  });
  it('drops scare quotes and names of works, keeps partial quotes', () => {
    assert.deepEqual(quoteTexts('The so-called "deep state" has become a rallying cry.'), []);
    assert.deepEqual(quoteTexts('The senator said on CNN\'s "State of the Union" that the plan was "dead on arrival."'), ['dead on arrival.']);
    assert.deepEqual(quoteTexts('Organisers said thousands of parents took part in a nationwide “walk-in” at schools.'), ['walk-in']);
    assert.deepEqual(quoteTexts('Russia says no reconciliation with "terrorists" in Idlib'), ['terrorists']);
  });
  it('drops the headline of a piece named with its author or outlet, keeps a passive agent', () => {
    const table: [string, string[]][] = [
      ['GENEVA AT ITS CORE—"For the new envoy, a job of balancing talks with truces," by The Times\' Ana Roe.', []],
      ['I stand with the envoy ("Envoy blasts both sides as \'reckless\'," GENEVA DAILY, Thursday).', []],
      ['STAGE BEAT—"Ana Roe is leaving \'Midnight,\'" by The Post\'s Tom Reed.', []],
      ['SHORT READS: "A sketch artist gets a gallery show," by the City Paper\'s Tom Reed.', []],
      ['The talks have been labeled a “witch hunt” by the opposition.', ['witch hunt']],
      ['He has declared the truce “anointed” by history.', ['anointed']],
      // A title given by its author is their words: the ad, the editorial, the campaign says it.
      ['The campaign released an ad titled “Love Trumps Hate,” aides said.', ['Love Trumps Hate,']],
      ['The paper ran an editorial entitled “Peace Talks Must Resume,” its editor said.', ['Peace Talks Must Resume,']],
      ['She appeared on CBS\'s “Face the Nation” on Sunday.', []],
      ['He told CNN\'s “Morning Talk with Ana Roe” that he would run.', []],
      ['The senator said on ABC\'s “Top Day” that the bill was dead.', []],
      ['“We will win,” the governor told “Good Day Ohio” on Monday.', ['We will win,']],
      ['In an interview with “The Panel,” the mayor said he would sign the bill.', []],
      ['She wrote in her memoir, “Hard Roads,” that she had doubts.', []],
      ['The crowd broke into chants of “Ted! Ted! Ted!” as he spoke.', ['Ted! Ted! Ted!']],
      // A slogan in Title Case is still words said: chanted, on a sign or a hat, or called a slogan.
      ['Marchers filled the square, chanting “Stop The Dam.”', ['Stop The Dam.']],
      ['Walking in to chants of “Ana! Ana!,” the senator waved.', ['Ana! Ana!,']],
      ['He wore a campaign hat reading, “Keep Ohio Working Again” on stage.', ['Keep Ohio Working Again']],
      ['The mural bears the party’s old slogan, “Build It Here.”', ['Build It Here.']],
      ['She went on to star in the comedy “Hail, Partner!” last year.', []],
      // A Title Case name opening a paragraph and read on by its sentence is what the sentence is about.
      ['The play opens in May.\n\n"Sons of the Harbor" is an adaptation of an older comedy.', []],
      ['The play opens in May.\n\n“Really,” she added, “we will see.”', ['Really,', 'we will see.']],
      // A single-quoted phrase alone on its line heads a section; a double-quoted one is still speech.
      ["The plant will close in May, workers said.\n\n'A really hard choice.'\n\nAs the shifts ended, many stayed.", []],
      ['The plant will close in May, workers said.\n\n“We are not leaving without a fight.”\n\nAs the shifts ended, many stayed.', ['We are not leaving without a fight.']],
      ["She called the move 'a really hard choice' for the town.", ['a really hard choice']],
      // A pronoun in marks is a word talked about; a one-word answer is still speech.
      ['Why back him just because “she” is a “he”? A loud, white “he.”', []],
      ['Asked whether he would run, the mayor said, “No.”', ['No.']],
      ['He hosted the “Keepin\' It Real” radio program for years, the station said.', []],
      // The passage quoted after a headline and its byline is the piece's text, not speech.
      ['ON STAGE—"Theater names a new director," by The Post\'s Ana Roe: "Ms. Smith, 48, has never led a theater before, but she spent two decades raising money for one." http://example.com/x.', []],
      ['PSA—"Free passes end this month," by City News\' Tom Reed: "You have a few more weeks to sign up for a free pass to the city\'s museums."', []],
      // Words said after a headline in the same line are still speech.
      ['The column, "Talks must resume," by Ana Roe, drew replies. "It is naive," the minister said.', ['It is naive,']],
    ];
    for (const [text, quotes] of table) assert.deepEqual(quoteTexts(text), quotes, text);
  });
});

describe('quotes: names of works told by their Title Case words', () => {
  // [sentence, the quotes kept]: the words that count open with four letters or a digit (small
  // words in lower case aside); capitals beyond the Basic Multilingual Plane count as capitals.
  const table: [string, string[]][] = [
    ['She wrote in her memoir, “Years With the Union,” that she had doubts.', []],
    ['He starred in the film “Élan Vital” last year.', []],
    ['She appeared on “60 Minutes” on Sunday.', []],
    ['He starred in the film “𝐁ig 𝐒hot” last year.', []],
    ['The senator said on ABC\'s “top of the Morning” that the bill was dead.', []],
    // Short words only: a name when each is capitalised, but not with an exclamation mark.
    ['The play opens in May.\n\n"New Day" is an adaptation of an older comedy.', []],
    ['The play opens in May.\n\n"New Day!" is an adaptation of an older comedy.', ['New Day!']],
    ['The crowd waved signs reading “New Day” all night.', ['New Day']],
  ];
  for (const [text, quotes] of table) it(`reads ${JSON.stringify(text)}`, () => assert.deepEqual(quoteTexts(text), quotes));
});

describe('quotes: marks that quote nobody', () => {
  const cases: [string, string, string[]][] = [
    ['the value of a markup attribute left in a scraped page', '<tweet pic="" author="realTrumpFan" timestamp="1449075600">We will win,</tweet> he wrote.', []],
    ['the text of an embedded post inside its tags', '<tweet author="@fan" datetime="2016-02-15">“Great crowd tonight, thank you all”</tweet>', []],
    ['a short quoted label alone on its line', 'The plan was rejected, aides said.\n\n"See also:"\n\nVoters react to the plan', []],
    ['a web address in marks', 'Watch the video at "http://video.example.com/clip" or read “www.example.org”.', []],
    ['a misprinted closing mark after a word', 'The senator called the remark “abhorrent“ in a tweet on Sunday.', ['abhorrent']],
    ['a misprinted closing mark after a comma', '“It was a long night,“ said the mayor’s aide. “We will rebuild the bridge.”', ['It was a long night,', 'We will rebuild the bridge.']],
    ['a misprinted closing mark after a question mark', 'The host pressed on. “Do you want to run again?“ she asked.', ['Do you want to run again?']],
    ['a misprinted opening mark at the paragraph start', '” … the vote is already lost,” the newspaper wrote on Friday.', ['… the vote is already lost,']],
    ['a misprinted opening mark before a word', 'Aides refused to let the advisers ”come near the candidate on policy.”', ['come near the candidate on policy.']],
    ['a quote holding an address is still a quote', '“Read it at www.example.org before you vote,” the mayor said.', ['Read it at www.example.org before you vote,']],
  ];
  for (const [name, text, expected] of cases) {
    it(name, () => assert.deepEqual(quoteTexts(text), expected));
  }
});

describe('quotes: terms set apart in the writer’s own sentence', () => {
  // [sentence, the quotes kept]
  const table: [string, string[]][] = [
    // A few quoted words between a determiner or possessive and the noun they qualify.
    ['Much of the week went to the “gun violence” narrative.', []],
    ['The party’s “establishment” candidate won the seat.', []],
    ['Part of this “binary choice” framework is a bet on turnout.', []],
    // Not a modifier: the quote ends with its own punctuation, or a function word follows it.
    ['The plan was a “total disaster,” a rival wrote on Monday.', ['total disaster,']],
    ['Voters want a “fair shake” from the next council.', ['fair shake']],
    // One quoted word where nothing reports speech …
    ['There was a global “divergence” in rates last year.', []],
    ['The earlier “undercard” debate drew few viewers.', []],
    // … but kept where a verb reports it or a word makes it someone's.
    ['The mayor said the budget was “balanced” this year.', ['balanced']],
    ['The route was seen by organisers as a “lifeboat” for the festival.', ['lifeboat']],
    ['Aides dislike the term “pivot” when they talk about trade.', ['pivot']],
    ['Protesters were heard outside the hall: “Liar!”', ['Liar!']],
    // The sentence is read in lower case, letters beyond ASCII included, and ends at its mark or line.
    ['The Élysée SAID the budget was “balanced” this year.', ['balanced']],
    ['Ministers in Zürich, déjà vu, said it was “balanced” again.', ['balanced']],
    ['The aide said so. There was a global “divergence” in rates.', []],
    ['The aide said so\nThere was a global “divergence” in rates.', []],
    ['There was a global “divergence” in rates. The aide said so.', []],
    ['Seen from Zürich: a global “divergence” in rates.', ['divergence']],
  ];
  for (const [text, kept] of table) {
    it(text, () => assert.deepEqual(quoteTexts(text), kept));
  }
});

describe('quotes: three apostrophes', () => {
  it('keep the nested quote’s own mark inside the words, opening and closing', () => {
    const closing = "''I would use the word 'old-school,''' said a former aide.";
    assert.deepEqual(quoteTexts(closing), ["I would use the word 'old-school,'"]);
    const opening = "Asked which show should return, he paused. '''Quiz Night,''' he replied.";
    assert.deepEqual(quoteTexts(opening), ["'Quiz Night,'"]);
  });
});
