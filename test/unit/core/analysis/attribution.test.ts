import * as assert from 'node:assert/strict';
import { analyze } from '../../../../src/core/analysis/analyze';
import type { Attribution } from '../../../../src/core/analysis/attribution';
import { LineTokens, attribution, endsWithFullStop, passesWordTest, sameSentence, transcriptLabel } from '../../../../src/core/analysis/attribution';
import { lowerAt, tokenIs } from '../../../../src/core/analysis/mentions';
import type { QuoteSpan } from '../../../../src/core/analysis/quotes';
import { splitLines, tokenize } from '../../../../src/core/analysis/text';
import type { Cue, SpeakerMention } from '../../../../src/core/analysis/types';
import { mentionName } from './helpers';

/** [case, text, start of the quote, expected mention text (null: no source), expected canonical speaker] */
type Case = [string, string, string, string | null, string | null];

function check([, text, quoteStart, mention, speaker]: Case): void {
  const a = analyze(text);
  const q = a.quotes.find((x) => text.slice(x.start, x.end).startsWith(quoteStart));
  assert.ok(q, `quote starting “${quoteStart}” found`);
  assert.equal(mentionName(q.mention) ?? null, mention);
  assert.equal(a.speakers.find((s) => s.id === q.speakerId)?.name ?? null, speaker);
}

function table(title: string, cases: Case[]): void {
  describe(title, () => {
    for (const c of cases) it(c[0], () => check(c));
  });
}

table('speakers: transcripts', [
  [
    'label opening a quoted paragraph',
    'Gov. Mike Pence spoke to Fox News on Sunday.\n\n"WALLACE: Will Gennifer Flowers be at the debate?\n\n"PENCE: She will not be attending the debate tomorrow night.',
    'PENCE: She will',
    'PENCE',
    'Mike Pence',
  ],
  ['label of the other speaker', 'Gov. Mike Pence spoke to Fox News on Sunday.\n\n"WALLACE: Will Gennifer Flowers be at the debate?\n\n"PENCE: She will not.', 'WALLACE: Will', 'WALLACE', 'WALLACE'],
  ['label at the line start, before the quote', 'SANDERS: “We have to make public colleges and universities tuition free.”', 'We have to', 'SANDERS', 'SANDERS'],
  ['label with a title', '"MR. TRUMP: We are going to build the wall, and Mexico will pay for it.', 'MR. TRUMP: We', 'TRUMP', 'TRUMP'],
  ['a dateline is no label', 'WASHINGTON: “The vote has been postponed until Thursday,” the clerk said.', 'The vote', 'the clerk', 'clerk'],
  ['a label that names no speaker', 'UPDATE: “The vote has been postponed until Thursday,” the clerk said.', 'The vote', 'the clerk', 'clerk'],
]);

table('speakers: the sentence a quote closes', [
  [
    'a new sentence after a quote ending with a full stop',
    'South Korea accused the North of "fanatic recklessness." South Korean President Park Geun-hye said Kim was "spiraling out of control."',
    'fanatic',
    'South Korea',
    'South Korea',
  ],
  ['a short attribution after a closed sentence', '"We are going to win this state." Trump said.', 'We are going', 'Trump', 'Trump'],
  [
    'a new sentence with more than its source is not an attribution',
    'Pell Grants help students attend college.\n\nShe says Trump represents the “same rigged system that he claims he is going to change.” She said it again on Friday.',
    'same rigged',
    'She',
    null,
  ],
  [
    'a cue in a subordinate clause right after the quote',
    'Retired Lt. Gen. Michael Flynn said Donald Trump was “absolutely right” when he said the generals had been reduced to rubble.',
    'absolutely right',
    'Michael Flynn',
    'Michael Flynn',
  ],
  [
    'a cue after “but” right after the quote',
    'Kerr Putney, the police chief, said the footage did not give "definitive visual evidence," but he said that the investigation would continue.',
    'definitive',
    'Kerr Putney',
    'Kerr Putney',
  ],
]);

table('speakers: the subject of a reporting verb', [
  [
    'a verb joined to an earlier one by “and”',
    'Donald Trump, her Republican opponent, bemoaned the unrest and said drugs were a "very, very big factor" in the violence.',
    'very, very',
    'Donald Trump',
    'Donald Trump',
  ],
  [
    'a verb joined by “but”',
    'Mayor Jennifer Roberts said the video should be released but said "the question is the timing" of its release.',
    'the question',
    'Jennifer Roberts',
    'Jennifer Roberts',
  ],
  [
    'a manner adverb between subject and verb',
    'Marc Morial, the chief executive of the National Urban League, forcefully told a young woman that "this is not the first generation to be frustrated."',
    'this is not',
    'Marc Morial',
    'Marc Morial',
  ],
  ['a noun in -ly is not an adverb: the Smith family is not Smith', 'The Smith family said "we are devastated by the news."', 'we are devastated', 'The Smith family', 'Smith family'],
  ['a share of a poll', 'However, 63 percent said Clinton was "justified" in keeping her diagnosis private.', 'justified', '63 percent', '63 percent'],
  ['a share of a group', 'Sixty-two percent of Republicans agreed that he was "not fit" for the office.', 'not fit', 'Sixty-two percent of Republicans', 'Sixty-two percent of Republicans'],
  [
    'a place with a state abbreviation between commas',
    "Johnnie Wilson, of Springfield, Va., said he had fought in Vietnam ''for the nation's rights, knowing that back home we didn't have them.''",
    'for the nation',
    'Johnnie Wilson',
    'Johnnie Wilson',
  ],
  [
    'a party tag in parentheses before an apposition',
    '“They wouldn’t get an immunity deal,” Rep. Jim Jordan (R-Ohio), an oversight panel member, said in a phone interview.',
    'They wouldn',
    'Jim Jordan',
    'Jim Jordan',
  ],
  ['an inverted “reported”', 'Clinton leads by 4 points. This is “roughly the same advantage she has held all month,” reported Reuters.', 'roughly', 'Reuters', 'Reuters'],
  ['the pronoun of a contraction', 'Donald Trump spoke at a rally in Michigan on Friday.\n\nHe’s claiming that voting fraud is “a big, big problem in this country.”', 'a big, big', 'He', 'Donald Trump'],
  ['“calls” as a cue', 'Clinton calls his temper “unhinged, even for him.”', 'unhinged', 'Clinton', 'Clinton'],
  [
    'a naming verb in a relative clause quotes the main subject',
    'Secretary General Ban Ki-moon condemned what he called a "brazen breach" of U.N. resolutions.',
    'brazen breach',
    'Ban Ki-moon',
    'Ban Ki-moon',
  ],
  [
    'the relative pronoun “who” is the mention',
    'The guests included Oprah Winfrey and Stevie Wonder, who joked of the museum, "I haven\'t seen it yet, but I\'m going to."',
    "I haven't",
    'who',
    'Stevie Wonder',
  ],
]);

table('speakers: no reporting verb', [
  ['an opening phrase, then only the subject and its verb', 'In an August speech, Trump attacked “the hateful ideology of radical Islam.”', 'the hateful', 'Trump', 'Trump'],
  ['an opening phrase before the subject', 'At a rally, Trump likened the refugees to a “vicious snake” in a song about a woman.', 'vicious snake', 'Trump', 'Trump'],
  ['a time phrase before the subject', 'In recent weeks, Reid has gone after Trump as a “human leech who will bleed the country.”', 'human leech', 'Reid', 'Reid'],
  ['a country as the subject', 'Japan branded North Korea an “outlaw nation in the neighborhood.”', 'outlaw nation', 'Japan', 'Japan'],
  ['an opening date with its year', 'On July 6, 2015, Sanders made the following comment:\n\n“For young people who have graduated high school, the real unemployment rate is 51 percent.”', 'For young', 'Sanders', 'Sanders'],
  ['a subject followed by a clause of its own is not taken', 'When asked, Trump said nothing while critics described it as “a disgrace to the office.”', 'a disgrace', 'critics', 'critics'],
]);

table('speakers: headline conventions', [
  ['a name after a horizontal bar', '“He represents our greatest shame.” ― Sonya Herridge', 'He represents', 'Sonya Herridge', 'Sonya Herridge'],
  ['a name after a dash, no space', '“He makes simple blanket statements about people.”— Pamela Padilla', 'He makes', 'Pamela Padilla', 'Pamela Padilla'],
  ['a name and a colon opening a headline, single quotes', "Biden: 'We will not back down' on Ukraine\n\nWASHINGTON (AP) — President Joe Biden vowed on Tuesday to stand with Ukraine.", 'We will not', 'Biden', 'Joe Biden'],
  ['a name and a colon opening a headline, curly single quotes', 'Zelenskyy: ‘Every day we hold the line’\n\nKYIV (AP) — President Volodymyr Zelenskyy spoke on Tuesday night.', 'Every day', 'Zelenskyy', 'Volodymyr Zelenskyy'],
  ['a name and a colon opening a headline, double quotes', 'Peskov: “The Americans are prolonging the war”\n\nMOSCOW (AP) — Dmitry Peskov, the Kremlin spokesman, spoke on Tuesday.', 'The Americans', 'Peskov', 'Dmitry Peskov'],
  [
    'a headline quoting what a source says later, single quotes',
    "'We were left with nothing': flood victims demand answers\n\nResidents of Langport say they had no warning.\n\n'The water came through the door in ten minutes. We were left with nothing,' said Margaret Hill, 72.",
    'We were left',
    'Margaret Hill',
    'Margaret Hill',
  ],
  [
    'a headline quoting part of a later quote, curly double quotes',
    '“Not good enough”: MP attacks flood response\n\nResidents say they had no warning.\n\nLocal MP Sarah Dyson described the response as “simply not good enough”.',
    'Not good',
    'Sarah Dyson',
    'Sarah Dyson',
  ],
]);

describe('speakers: a headline quote is another’s only where its words are quoted later', () => {
  const cases: [string, string][] = [
    ['the words later outside quotes', '“We were left with nothing”: flood victims demand answers\n\nResidents said they were left with nothing after the river rose.'],
    ['a later quote sharing one word only', '“Never again” vow as village counts cost\n\n“We will never forget this night,” said Margaret Hill.'],
  ];
  for (const [name, text] of cases) {
    it(name, () => {
      const q = analyze(text).quotes.find((x) => x.start < text.indexOf('\n'));
      assert.ok(q, 'the headline quote is found');
      assert.equal(q.mention, null);
    });
  }
});

describe('speakers: a kicker before a headline’s colon is no speaker', () => {
  for (const kicker of ['Exclusive', 'Watch', 'Opinion', 'Washington']) {
    it(kicker, () => {
      const text = `${kicker}: ‘We were never told about the fire’\n\nResidents of the tower said they had no warning.`;
      const q = analyze(text).quotes.find((x) => text.slice(x.start, x.end).startsWith('We were'));
      assert.equal(q?.mention ?? null, null);
    });
  }
});

/** [case, text, start of the quote, expected mention text, expected cue text] */
type CueCase = [string, string, string, string, string];

describe('cues: reporting verbs beyond “said”', () => {
  const cases: CueCase[] = [
    ['“assured” before a quote', 'The mayor assured residents that the water was “perfectly safe to drink.”', 'perfectly', 'The mayor', 'assured'],
    ['“portrayed” before a partial quote', 'Clinton portrayed her rival as “temperamentally unfit” for the job.', 'temperamentally', 'Clinton', 'portrayed'],
    ['“expressed” before a partial quote', 'Warren expressed “deep concern” about the merger.', 'deep concern', 'Warren', 'expressed'],
    ['“chanted” before a quote', 'The crowd chanted “Four more years!” as he left the stage.', 'Four more', 'The crowd', 'chanted'],
    ['“notes” before a quote', 'Smith notes that the bill “does nothing for renters.”', 'does nothing', 'Smith', 'notes'],
    ['“mocks” after a quote', '“The market has not failed the working class,” he mocks.', 'The market', 'he', 'mocks'],
    ['“exclaimed” between two parts of a quote', '“Everything you said and everything I said,” the judge exclaimed, “has overlapped.”', 'Everything', 'the judge', 'exclaimed'],
    ['“cited” before a partial quote', 'Brown endorsed her, and Warren cited her “long experience” in office.', 'long experience', 'Warren', 'cited'],
    ['a participle after the main verb is the cue', 'The water has been contaminated for months, she said, adding, “I will tell you what happens next.”', 'I will tell', 'she', 'adding'],
    ['a participle after a quote and its source', '“It is not new here,” said Rep. Bobby Scott, adding that “we have been electing them for a long time.”', 'we have been', 'Bobby Scott', 'adding'],
    ['“claims” as a noun is no cue', 'PolitiFact rated 32 percent of the claims as “false” last year.', 'false', 'PolitiFact', 'rated'],
  ];
  for (const [title, text, quoteStart, mention, cue] of cases) {
    it(title, () => {
      const q = analyze(text).quotes.find((x) => text.slice(x.start, x.end).startsWith(quoteStart));
      assert.ok(q, `quote starting “${quoteStart}” found`);
      assert.equal(mentionName(q.mention) ?? null, mention);
      assert.equal(q.cue?.text ?? null, cue);
    });
  }
});

table('speakers: after the verb that follows a quote', [
  ['a middle initial inside the name', '“We run people against watch lists,” said Steven B. Marlow, a former security official.', 'We run', 'Steven B. Marlow', 'Steven B. Marlow'],
  ['a first name ending like an abstract noun', '“That is a rational way of looking at it,” said Lawrence Tribe, a law professor.', 'That is', 'Lawrence Tribe', 'Lawrence Tribe'],
  ['a description with a number', '“He has always been a good leader,” said the 46-year-old.', 'He has', 'the 46-year-old', '46-year-old'],
  ['a description before a relative clause', '“It is going to be hard,” said a longtime party data expert who worked for a rival.', 'It is going', 'a longtime party data expert', 'longtime party data expert'],
  ['a possessive opening a description before the verb', '“He was the reason I went into mining,” his colleague wrote on Facebook.', 'He was', 'his colleague', 'his colleague'],
  ['a possessive description before a name', '“It may have been his first attempt,” said his best friend at college, Bruce Tarry.', 'It may', 'his best friend', 'his best friend'],
  ['a text that reads the words', '“There are rocks with more spine than this senator,” reads a Sunday editorial in the Daily Ledger.', 'There are rocks', 'a Sunday editorial', 'Sunday editorial'],
  ['a text that states them', '“We share the same enemies as our allies,” states the white paper.', 'We share', 'the white paper', 'white paper'],
]);

table('speakers: an apposition or a second verb between the source and its cue', [
  ['a title abbreviation opening the apposition', "''It is long and tiring,'' Tina Torres, Mrs. Obama's chief of staff, said in an interview.", 'It is long', 'Tina Torres', 'Tina Torres'],
  ['an age before the apposition', "''I just don't think she has been truthful,'' Cecile Parner, 67, a retired teacher in Allentown, Pa., said.", 'I just', 'Cecile Parner', 'Cecile Parner'],
  ['another verb before “and said”', "When asked whom she supported, Ms. Sherry smiled and said, ''I'm waiting for someone else.''", "I'm waiting", 'Sherry', 'Sherry'],
  ['any reporting verb may stand before its subject after a quote', '"Our ideas of success are different," agrees Michelle Stevens, 30, of Gainesville, Fla.', 'Our ideas', 'Michelle Stevens', 'Michelle Stevens'],
]);

table('speakers: the subject of a sentence with no reporting verb', [
  ['an apposition between the subject and its verb', 'Mike Huckabee, the former Arkansas governor, proposed we “wake up and smell the coffee” at once.', 'wake up', 'Mike Huckabee', 'Mike Huckabee'],
  ['an organisation', 'The Daily News focuses on how the men were armed with “assault weapons” in the attack.', 'assault', 'Daily News', 'Daily News'],
  ['the possessor of the subject', 'Tom Becker ran against the mayor in 2010. Becker’s catch phrase in that race was that the mayor “would say anything to win.”', 'would say', 'Becker’s', 'Tom Becker'],
  ['an abstract subject says nothing', 'The debate ran late. The question posed by the panel is whether the plan will “work for everyone” in the state.', 'work for everyone', null, null],
  ['a body of people in -tion speaks', 'The vote came late. The administration has warned against “a rush to judgment” on the case.', 'a rush to', 'The administration', 'administration'],
  ['an imperative has no subject', 'Ask yourself: which state will she win with her message of “hope and change” this year?', 'hope and change', null, null],
  ['the possession of a place speaks for no one', 'The talks stalled again. Berlin’s hesitance may seem like a mere “speed bump” in the plan for the whole region.', 'speed bump', null, null],
  ['the “’s” of “is” is no possessive', 'Tom Becker ran against the mayor in 2010. Becker’s not going to close that gap by “picking off” a few votes.', 'picking off', null, null],
  ['a plural noun the article also writes in lower case is no source', 'The city has few rules on firearms and most homes have guns. Guns are “the ultimate public health crisis” in the county.', 'the ultimate', null, null],
  ['an adverb and its comma before the subject', 'Conversely, PolitiFact rated 22 percent of the claims as “entirely true” last year.', 'entirely', 'PolitiFact', 'PolitiFact'],
  ['a word that only opens sentences is no subject', 'Across town, “shouting from the rooftops” was the rule.', 'shouting', null, null],
  ['a participle opening the sentence is no source; the subject after its phrase is', 'Speaking at a town hall in Salem, New Hampshire, Trump went after Bush, calling him “a total stiff.”', 'a total', 'Trump', 'Trump'],
]);

table('speakers: a group of people named by their role', [
  ['agents, with their service before them', 'Border Patrol agents described the ground underneath the city as “Swiss cheese.”', 'Swiss', 'Border Patrol agents', 'Border Patrol agents'],
  ['agents, with an adjective before them', 'Federal agents said the tunnel was “the longest we have found.”', 'the longest', 'Federal agents', 'Federal agents'],
  ['commentators after a quantifier', 'Many commentators called him “the grownup on the stage” after the debate.', 'the grownup', 'Many commentators', 'commentators'],
  ['delegates after a number', 'Two delegates said the rules were “rigged from the start.”', 'rigged', 'Two delegates', 'delegates'],
  ['staffers of a campaign', 'Campaign staffers told reporters the schedule had been “cherry-picked.”', 'cherry', 'Campaign staffers', 'Campaign staffers'],
  ['representatives of a union', 'After the vote, union representatives said the offer was “an insult to every nurse.”', 'an insult', 'union representatives', 'union representatives'],
]);

table('speakers: a role before a preposition heads the subject, not its object', [
  ['a spokeswoman for an official', 'A spokeswoman for the governor said the review was “routine.”', 'routine', 'A spokeswoman for the governor', 'spokeswoman for the governor'],
  ['a reporter for an agency', 'A reporter for Agence France-Presse called it “absolute chaos.”', 'absolute', 'A reporter for Agence France-Presse', 'reporter for Agence France-Presse'],
  ['a head of state and the country', 'The president of Mexico said the wall was “an insult.”', 'an insult', 'The president of Mexico', 'president of Mexico'],
  ['a party’s members in a chamber, with its article', 'Democrats in the Senate said the deal was “a historic mistake.”', 'a historic', 'Democrats in the Senate', 'Democrats in the Senate'],
  ['leaders of a group', 'Leaders of the organization said they wanted to ensure that “our community develops a relationship.”', 'our community', 'Leaders of the organization', 'Leaders of the organization'],
  ['a role whose object is itself a role of a place', 'The senator from Vermont said the financial system was “corrupt.”', 'corrupt', 'The senator from Vermont', 'senator from Vermont'],
  ['after the quote, a noun in -ing modifying the role’s object', '“It is a start,” a spokesperson for the housing minister said Thursday.', 'It is a start', 'a spokesperson for the housing minister', 'spokesperson for the housing minister'],
  ['a role heading another role’s phrase', 'A spokesman for the chairman of the committee said the hearing was “postponed.”', 'postponed', 'A spokesman for the chairman of the committee', 'spokesman for the chairman of the committee'],
]);

table('speakers: a verb before an infinitive shares its subject with the cue after the conjunction', [
  ['declined to comment but said', 'A spokesman for the company declined to comment but said it was “reviewing the findings.”', 'reviewing', 'A spokesman for the company', 'spokesman for the company'],
  ['began to speak and said, a role’s phrase as the subject', 'An aide to the governor began to speak and then said the story was “fake news.”', 'fake news', 'An aide to the governor', 'aide to the governor'],
  ['an opening phrase before the clause', 'Asked about the report, a spokesman declined to comment but said it was “reviewing the findings.”', 'reviewing', 'a spokesman', 'spokesman'],
]);

table('speakers: a name opening a sentence is the nearest antecedent of a pronoun after it', [
  [
    'a surname and an apposition, no reporting verb',
    'Senator Elizabeth Warren met Governor Charlie Baker and Mayor Marty Walsh in Boston on Friday.\n\nBaker, a Republican, disagreed. “That is not how I see it,” he said.',
    'That is not',
    'he',
    'Charlie Baker',
  ],
  [
    'a surname opening the paragraph before',
    'Michael Ortiz and John Reyes ran against each other in the primary.\n\nOrtiz lost by ten points.\n\n“It was a fair fight,” he said on Tuesday.',
    'It was a fair',
    'he',
    'Michael Ortiz',
  ],
  [
    'a source of the same gender quoted between the full name and the surname',
    'Governor Charlie Baker and Mayor Marty Walsh met in Boston on Friday.\n\nA spokesman for the mayor said the city was “reviewing the findings.”\n\nBaker, a Republican, disagreed with the plan. “That is not how I see it,” he said.',
    'That is not',
    'he',
    'Charlie Baker',
  ],
  [
    'a full name with a title opening the sentence, its given name telling no gender',
    '“Every day we hold the line,” President Volodymyr Zelenskyy said.\n\nSen. Lindsey Graham, R-S.C., called for more weapons. “Give them what they need,” he said.',
    'Give them',
    'he',
    'Lindsey Graham',
  ],
  [
    'a name after a title’s dot inside a sentence opens none',
    'State Sen. Laura Diaz said the budget was fair and praised Gov. Newsom and Gov. Gavin Newsom for signing it.\n\n“We got most of what we asked for,” she said.',
    'We got most',
    'she',
    'Laura Diaz',
  ],
]);

table('speakers: a body whose name holds its members’ plural possessive', [
  ['before the verb, straight apostrophe', "The Canadian Home Builders' Association said the plan was “a step forward.”", 'a step', "Canadian Home Builders' Association", 'Canadian Home Builders Association'],
  ['after the quote, curly apostrophe', '“It is premature,” said the National Governors’ Association.', 'It is premature', 'National Governors’ Association', 'National Governors Association'],
  ['a possessive before another body stays apart', 'Obama’s Justice Department said the ruling was “under review.”', 'under review', 'Justice Department', 'Justice Department'],
]);

table('speakers: a group before the examples it includes', [
  [
    'a second clause with its own group subject',
    'Harvard law professor Laurence Tribe wrote that the case was “rock solid,” while others, including former federal prosecutor Andrew McCarthy, argued it was “a stretch.”',
    'a stretch',
    'others',
    'others',
  ],
  ['critics before their examples', 'Critics, including two former governors, said the plan was “reckless.”', 'reckless', 'Critics', 'Critics'],
]);

table('speakers: the subject past the opening words of a sentence', [
  ['an opening phrase that starts with an ordinary word', 'Early in his campaign, Trump attacked Romney, calling him, among other things, “a failed candidate.”', 'a failed', 'Trump', 'Trump'],
  ['an opening phrase of time with no preposition', 'Back in 1999, Mr. Trump expressed admiration for the senator’s “retail political skills.”', 'retail', 'Trump', 'Trump'],
  ['a conjunction before the opening phrase', 'But back on American soil, the governor returned to his “familiar lines” about trade.', 'familiar', 'the governor', 'governor'],
  ['a conjunction and a lone adverb before a titled name', 'And then Senator Warren went after the bank, calling its chief “a coward.”', 'a coward', 'Warren', 'Warren'],
  ['a date phrase with no comma', 'Ms. Hale said the charity was broke. In 2011 she spoke out for “shotgun marriages” as a cure.', 'shotgun', 'she', 'Hale'],
]);

table('speakers: a name given after a noun is not speech', [
  ['a work named after its noun', 'The campaign paid to broadcast a short film called “Our Families” on Sunday.', 'Our Families', null, null],
  ['an article between the verb and the name', 'Both candidates oppose an inflation formula called the “chained index” for pensions.', 'chained', null, null],
  ['an object between the verb and the quote is speech', 'One lawmaker called the mayor “a disgrace to the city.”', 'a disgrace', 'One lawmaker', 'lawmaker'],
  ['a source naming something is still the source', 'Trump called the plan “a disaster” on Monday.', 'a disaster', 'Trump', 'Trump'],
]);

table('speakers: “according to” a description', [
  ['a description opening the sentence', 'The paper ran a long piece on guns. According to the newspaper, “lax gun laws empower dealers.”', 'lax gun', 'the newspaper', 'newspaper'],
  ['a description inside the sentence', 'Over the long term, according to the budget office, the rise in deficits “is mainly due to spending.”', 'is mainly', 'the budget office', 'budget office'],
]);

describe('cues: the verb after the subject when there is no reporting verb', () => {
  const cases: CueCase[] = [
    ['a present tense', 'The Daily News focuses on how the men were armed with “assault weapons” in the attack.', 'assault', 'Daily News', 'focuses'],
    ['a past tense after an apposition', 'Mike Huckabee, the former Arkansas governor, proposed we “wake up and smell the coffee” at once.', 'wake up', 'Mike Huckabee', 'proposed'],
    ['a participle opening the sentence keeps its cue', 'Speaking at a town hall in Salem, New Hampshire, Trump went after Bush, calling him “a total stiff.”', 'a total', 'Trump', 'calling'],
    ['a participle after the clause takes the clause\'s subject', 'And then Senator Warren went after the bank, calling its chief “a coward.”', 'a coward', 'Warren', 'calling'],
  ];
  for (const [title, text, quoteStart, mention, cue] of cases) {
    it(title, () => {
      const q = analyze(text).quotes.find((x) => text.slice(x.start, x.end).startsWith(quoteStart));
      assert.ok(q, `quote starting “${quoteStart}” found`);
      assert.equal(mentionName(q.mention) ?? '', mention);
      assert.equal(q.cue?.text ?? null, cue);
    });
  }
});

table('speakers: sources kept anonymous, and subjects with a relative clause', [
  [
    'an anonymous source after the verb, with its phrase',
    '“It’s the emails, the foundation, all the old trust stuff,” said a person close to the Clintons. “That’s why Trump surged.”',
    'It’s the emails',
    'a person close to the Clintons',
    'person close to the Clintons',
  ],
  ['a source familiar with the talks, after the verb', '“We will win,” said a source familiar with the talks.', 'We will win', 'a source familiar with the talks', 'source familiar with the talks'],
  ['one person before the verb', '“Gov. Christie, blink twice if you’re in trouble!” one person tweeted.', 'Gov. Christie', 'one person', 'person'],
  ['a person after the verb, before a relative clause', '“We will win,” said a person who attended the meeting.', 'We will win', 'a person', 'person'],
  [
    'an anonymous source whose phrase ends in a name',
    'Another intelligence source speaking to Fox News said, “The agents are investigating the possible intersection.”',
    'The agents',
    'Another intelligence source speaking to Fox News',
    'intelligence source speaking to Fox News',
  ],
  [
    'a role noun, then a relative clause before the verb',
    'A White House official who spoke anonymously to discuss internal strategy said Wednesday, "Certainly there are discussions between the campaigns."',
    'Certainly',
    'A White House official',
    'White House official',
  ],
  ['a plural subject with a relative clause', 'The groups who wrote to her on Thursday say they are “concerned your campaign is sending mixed messages.”', 'concerned', 'The groups', 'groups'],
  ['a capitalised noun before "of" and a name is who speaks, not the name', 'Supporters of Bernie Sanders said the vote was “rigged.”', 'rigged', 'Supporters of Bernie Sanders', 'Supporters of Bernie Sanders'],
  [
    'a relative clause on a phrase\'s object gives no subject',
    'Supporters of Bernie Sanders who gathered in the park said the vote was “rigged.”',
    'rigged',
    'Supporters of Bernie Sanders',
    'Supporters of Bernie Sanders',
  ],
  ['the relative clause of an object leaves the subject', 'The senator met the voters who came to the rally and said, “We will win.”', 'We will win', 'The senator', 'senator'],
]);

table('speakers: the subject past an opening participle phrase', [
  [
    'a past participle and its preposition open the sentence',
    'Ramos met reporters on Monday.\n\nHorrified at the prospect of a second term for the president, Ramos believes in journalism that “takes sides.”',
    'takes sides',
    'Ramos',
    'Ramos',
  ],
  ['armed with a phrase', 'The mayor spoke first.\n\nArmed with new figures from the treasury, Okafor called the budget “a fantasy.”', 'a fantasy', 'Okafor', 'Okafor'],
]);

describe('speakers: an adverb opening the sentence before a preposition is no name', () => {
  it('"Long before" gives no speaker "Long"', () => {
    const text = 'The agency knew of the plot for weeks.\n\nLong before White House officials started to portray the shooting as a “workplace” dispute, the agency knew.';
    const a = analyze(text);
    const q = a.quotes.find((x) => text.slice(x.start, x.end).startsWith('workplace'));
    assert.notEqual(q === undefined ? null : mentionName(q.mention), 'Long');
    assert.ok(!a.speakers.some((s) => s.name === 'Long'));
  });
});

table('speakers: a pronoun stands for a subject before an object of a preposition', [
  [
    'the group addressed is not "he"',
    'Sen. Lindsey Graham spoke to La Raza in Washington on Monday.\n\nIn his address to La Raza, Graham assures his audience he will tell the “bigots” who oppose a path to citizenship to leave.',
    'bigots',
    'he',
    'Lindsey Graham',
  ],
  [
    'a place is no "he"',
    'Berhanu Nega taught economics for years in the United States. “Was I going to remain an academic?” he told me.',
    'Was I going',
    'he',
    'Berhanu Nega',
  ],
  [
    'a day is no "he"',
    'When Robby Mook was asked whether a press conference would be held before Election Day, he laughed and said, “We’ll see.”',
    'We’ll see',
    'he',
    'Robby Mook',
  ],
  [
    'the agent after "by" still is',
    'Senator John Roe held a call with reporters on Tuesday. He was joined on the call by Ilyse Hogue, president of a rights group. She said Rubio “has failed to do anything.”',
    'has failed',
    'She',
    'Ilyse Hogue',
  ],
]);

table('speakers: a name after a preposition or a verb of telling is an object', [
  [
    'the listener of a source kept anonymous: the source speaks',
    'The mayor had kept quiet for days. Another aide speaking to Channel Nine said, “The budget will not pass this week.”',
    'The budget',
    'Another aide speaking to Channel Nine',
    'aide speaking to Channel Nine',
  ],
  [
    'the subject before the object still speaks',
    'Senator Jane Roe wrote a letter to Governor Bill Doe asking him to reopen the “failed” inquiry.',
    'failed',
    'Jane Roe',
    'Jane Roe',
  ],
  ['a name after “with” and a participle is its subject', 'Critics were quick to respond, with Mark Hale calling the plan “a giveaway to the banks.”', 'a giveaway', 'Mark Hale', 'Mark Hale'],
]);

table('speakers: a reporting verb before a quote inside its sentence', [
  [
    'a later clause with its own verb reports something else',
    'Roe told supporters on Tuesday that “we have turned a page tonight,” and he vowed to keep fighting.',
    'we have turned',
    'Roe',
    'Roe',
  ],
  [
    'a subject of a later clause after a partial quote',
    'Kate Lin has warned against “a rush to judgment” in the way the city council responds to the case.',
    'a rush',
    'Kate Lin',
    'Kate Lin',
  ],
  [
    'an attribution right after the quote still wins',
    'The senator said the plan would “hurt working families,” the Daily Ledger reported on Monday.',
    'hurt working',
    'Daily Ledger',
    'Daily Ledger',
  ],
]);

table('speakers: a later quote of the same sentence', [
  [
    'a subject between two quotes of one sentence is not the source',
    'After the vote, Senator Ana Ruiz says her “old friend” Tom Becker ran “a campaign about the future of our state.”',
    'a campaign about',
    'Ana Ruiz',
    'Ana Ruiz',
  ],
  [
    'a quote that ends its sentence lets the next sentence have its own subject',
    'The mayor ended his list by saying “Too many.” The audience gathered in the hall followed him by softly echoing “too many.”',
    'too many.',
    'The audience',
    'audience',
  ],
  [
    'a conjunction and a pronoun open a clause of their own',
    'Governor Lee praised the “hard work of the volunteers,” and he pledged “a new start for every family in the county.”',
    'a new start',
    'he',
    'Lee',
  ],
]);

table('speakers: a region after a place in an opening phrase is no subject', [
  [
    'city and state before the subject',
    'Speaking at a town hall in Dover, Delaware, Ruth Kim went after her rival, calling him “a total failure.”',
    'a total failure',
    'Ruth Kim',
    'Ruth Kim',
  ],
  [
    'an abbreviated state and a day',
    'At a rally in Dover, Del., on Tuesday, Senator Paul Hart endorsed the governor, saying she would “make an outstanding president.”',
    'make an outstanding',
    'Paul Hart',
    'Paul Hart',
  ],
]);

describe('speakers: the byline of a quoted article', () => {
  it('an author after “by” before the colon wrote the article (its excerpt is no speech), he did not say it', () => {
    const a = analyze('THEATER NEWS—"The Blue Room to close at the end of May," by Ledger\'s Anna Perez: "The Blue Room, a small club that gave an early start to many bands, will close its doors."');
    assert.deepEqual(a.speakers.map((s) => s.name), []);
  });
});

table('speakers: the byline of a quoted article, and a name that is no byline', [
  ['a name before the colon still introduces its words', 'RED STATES OUTNUMBER BLUE STATES - Anna Perez: "The partisanship of a state is only a starting point."', 'The partisanship', 'Anna Perez', 'Anna Perez'],
]);

table('speakers: a name after a dash signs the quote', [
  [
    'a signature paragraph after a quoted paragraph',
    'The claim came up again at the forum.\n\n"I helped write that bill, and I am proud of every line of it."\n\n- Anna Perez.\n\nThe record shows a single amendment.',
    'I helped write',
    'Anna Perez',
    'Anna Perez',
  ],
  [
    'a dash and a name with a comma after the quote',
    'The crowd cheered. "She is tested. She is ready. She never quits." -Paul Hart, writing after the speech. The hall emptied slowly.',
    'She is tested',
    'Paul Hart',
    'Paul Hart',
  ],
  ['a language glossing the words after a dash is no source', "His friends jeered as he left, ''Do svidaniya!'' - Russian for ''goodbye.'' He never came back.", 'Do svidaniya', 'His friends', 'His friends'],
  ['a dash before an ordinary paragraph signs nothing', 'The claim came up again.\n\n"I helped write that bill, and I am proud of it."\n\n- The record shows a single amendment.', 'I helped write', null, null],
]);

table('speakers: the agent of a passive verb of naming or saying', [
  ['a name given before the quote, its giver after “by”', 'The long inquiry has often been labeled a “partisan fishing trip” by Senate Democrats, who want it closed.', 'partisan fishing', 'Senate Democrats', 'Senate Democrats'],
  ['“as described by” after the quote', 'She was found to be “extremely careless” as described by the inspector general.', 'extremely careless', 'the inspector general', 'inspector general'],
  ['a phrase uttered once, by someone', 'The phrase “tax reform” was uttered once, by Governor Anna Perez.', 'tax reform', 'Anna Perez', 'Anna Perez'],
]);

table('speakers: a naming verb in a relative clause quotes the main subject', [
  ['a description heads the sentence', 'The president denounced what he called the “deeply pessimistic” vision of his rival.', 'deeply pessimistic', 'The president', 'president'],
  ['“whom” after a name', 'Anna Perez said she had two options: vote for Tom Becker, whom she called “the most divisive figure in the state,” or stay home.', 'the most divisive', 'Anna Perez', 'Anna Perez'],
]);

table('speakers: a pronoun opening the complement after a listener', [
  ['“told a show that he”: the teller', 'But Tom Becker told the station’s morning show that he agrees his rival is a “total opportunist” on trade.', 'total opportunist', 'Tom Becker', 'Tom Becker'],
]);

table('speakers: clauses and appositions around the subject', [
  [
    'a capitalised participle opens a phrase, not a name',
    'Tom Becker spoke at noon.\n\nAnswering questions from both parties, Mr. Becker issued a statement on Sunday, describing the audit as “long overdue.”',
    'long overdue',
    'Becker',
    'Tom Becker',
  ],
  ['a number opening a phrase of time', 'Jane Roe voted no. Thirteen years earlier, she had voted for the war as “a senator from a grieving city.”', 'a senator', 'she', 'Jane Roe'],
  [
    'a participle after the object of the verb reports the subject',
    'Anna Perez released a new video ad calling the plan “a tax on working families.”',
    'a tax on',
    'Anna Perez',
    'Anna Perez',
  ],
  [
    'a name inside a “whose” clause is not the source',
    'Mr. Becker, whose latest company, Brightwell, sells solar panels, said the tariff was “a gift to our competitors.”',
    'a gift to',
    'Becker',
    'Becker',
  ],
  [
    'a name after a role that follows a name is the role’s object',
    'Anna Perez, the editor of the city’s weekly newspaper, The Harbour Times, said the council was “hiding the numbers.”',
    'hiding the',
    'Anna Perez',
    'Anna Perez',
  ],
  [
    'a reporting verb in an opening subordinate clause gives way to the main clause',
    'When Tom Becker criticized the budget on Monday, Anna Perez fired back: “He voted for every line of it.”',
    'He voted',
    'Anna Perez',
    'Anna Perez',
  ],
  [
    'an irregular past tense ends a description subject',
    'The retired teacher began by thanking the volunteers, saying the school was “finally safe again.”',
    'finally safe',
    'The retired teacher',
    'retired teacher',
  ],
  ['an apposition between dashes', 'Maria Lopez — a nurse from the east side — says the new clinic is “a lifeline.”', 'a lifeline', 'Maria Lopez', 'Maria Lopez'],
  [
    'a long apposition between a subject and its verb',
    'The mayor, celebrating a narrow victory in the spring primary in her home district on the northern coast of the state, is promising to “fix the roads first” next year.',
    'fix the roads',
    'The mayor',
    'mayor',
  ],
  [
    'an apposition holding a list after the quote',
    '“These steps help, but they are not enough,” Anna Perez, deputy director for housing, transport, and planning, said on a call.',
    'These steps',
    'Anna Perez',
    'Anna Perez',
  ],
  ['a party tag after the name', "''You gave a fine speech tonight,'' Representative Tom Becker, Democrat of Oregon, told the governor.", 'You gave', 'Tom Becker', 'Tom Becker'],
  [
    'a name after a role ending with its organisation',
    'On Tuesday, however, the director of the National Weather Service, Anna Perez, said the storm was “weakening fast.”',
    'weakening',
    'Anna Perez',
    'Anna Perez',
  ],
]);

table('speakers: a source relaying the whole attribution', [
  [
    'a bare phrase after “according to”',
    '“We will not raise fares this year,” Anna Perez said on Monday, according to audio provided by a local radio station.',
    'We will not',
    'audio provided by a local radio station',
    'audio provided by a local radio station',
  ],
  ['after an inverted verb', '“We will not raise fares,” said Anna Perez, according to notes taken at the meeting.', 'We will not', 'notes taken at the meeting', 'notes taken at the meeting'],
  ['one bare word after “according to” names no source: the speaker stays', '“We will win,” Anna Perez declared, according to notes.', 'We will win', 'Anna Perez', 'Anna Perez'],
]);

table('speakers: a subject and any verb closing the quote’s sentence', [
  ['an unlisted verb after a question', 'The hearing ran late.\n\n“Is that your final answer?” Becker repeated.', 'Is that', 'Becker', 'Becker'],
  ['an unlisted verb and an adverb after a comma', 'The hearing ran late.\n\n“We will see about that,” the chairwoman retorted sharply.', 'We will see', 'the chairwoman', 'chairwoman'],
  ['an unlisted verb and a phrase of manner', 'The hearing ran late.\n\n“They are here for the free lunch,” Becker shot back with a laugh.', 'They are here', 'Becker', 'Becker'],
  ['a full stop inside the quote ends its sentence: no source after it', 'The hearing ran late.\n\n“We will see about that.” The chairwoman smiled.', 'We will see', null, null],
  ['a reporting verb before the quote keeps it: the words after an exclamation are another sentence', 'Jane Roe spoke at noon.\n\nShe said, “We will win!” Prices rose sharply.', 'We will win', 'She', 'Jane Roe'],
]);

table('speakers: the pronoun of the clause holding a partial quote', [
  ['a pronoun right after a subordinating word', 'Tom Becker led the inquiry. The board closed the case even though he found “clear evidence” of fraud.', 'clear evidence', 'he', 'Tom Becker'],
  ['another subject after the subordinating word gives no source', 'Tom Becker led the inquiry. The board closed the case even though the auditors found “clear evidence” of fraud.', 'clear evidence', null, null],
]);

table('speakers: a decimal point does not end the sentence', [
  ['an amount before the quote', 'Jane Roe spoke first. In April, Jane Roe called the $1.6 billion plan for a new plant “an absolute disgrace.”', 'an absolute', 'Jane Roe', 'Jane Roe'],
]);

table('speakers: an attribution that introduces the next quote', [
  ['not the source of the quote before', 'Tom Becker spoke last. Tom Becker said, “The case was brought with unusual zeal.” She added, “We found nothing like it.”', 'The case', 'Tom Becker', 'Tom Becker'],
  ['a short closing attribution still is', 'Tom Becker spoke last. “The case was brought with unusual zeal.” Becker said.', 'The case', 'Becker', 'Tom Becker'],
]);

table('speakers: subjects the reading of a clause finds', [
  ['a role and its phrase before the verb', 'The budget passed. The former secretary of state mocked the mayor for calling the gap a “rounding error” on Monday.', 'rounding', 'The former secretary of state', 'former secretary of state'],
  ['a role phrase running into a verb is no subject', 'The chair of the board gave the treasurer authority to call a “special meeting” of the members.', 'special', null, null],
  ['a description after “that” opens its own clause', 'Enrolment keeps falling, a trend that the foundation predicts will continue “for several more years.”', 'for several', 'the foundation', 'foundation'],
  ['a phrase of time between the name and its verb', 'The shelters stayed open. Later, Okafor during a town hall thanked the volunteers “for every night they gave.”', 'for every', 'Okafor', 'Okafor'],
  ['a phrase of place between the name and its verb', 'The mood soured when Brandt in his closing remarks called the proposal “dead on arrival.”', 'dead', 'Brandt', 'Brandt'],
  ['“and” in a subordinate clause shares its subject', 'There were sharper moments, such as when Alvarez questioned the figures and called them “pure fiction.”', 'pure', 'Alvarez', 'Alvarez'],
  ['a short participle opens a phrase', 'Facing criticism, Ms. Haddad released a statement, describing the ruling as “a setback for tenants.”', 'a setback', 'Haddad', 'Haddad'],
  ['a long adverb and its preposition open a phrase', 'Immediately after the vote, Lindqvist issued a statement, “The numbers in that plan do not add up.”', 'The numbers', 'Lindqvist', 'Lindqvist'],
  ['a one-word name before a colon', 'The forum heard from Ama Mensah and Erik Lindqvist.\n\nMensah: “We will build the line within four years.”', 'We will', 'Mensah', 'Ama Mensah'],
  ['a one-word name after a preposition is an object', 'The forum heard from Ama Mensah. She posted a reply on Twitter: “We will build the line.”', 'We will', 'She', 'Ama Mensah'],
]);

describe('attribution: the word tests, at either end of a line', () => {
  const text = 'Hours later, Trump said, Many were there';
  const tokens = tokenize(text, 0, text.length);
  /** [token index, capitalised inside a sentence, written in lower case] */
  const cases: [number, boolean, boolean][] = [
    [-1, false, false], // before the first token
    [0, false, false], // "Hours": capitalised, but opens the line
    [1, false, true], // "later"
    [2, false, false], // ","
    [3, true, false], // "Trump" after a comma
    [6, true, false], // "Many" after a comma
    [8, false, true], // "there": the last token
    [9, false, false], // past the last token
  ];
  for (const [k, capitalisedMid, lowerCase] of cases) {
    it(`token ${k} (${tokens[k]?.text ?? 'none'})`, () => {
      assert.equal(passesWordTest('capitalised-mid-sentence', tokens, k), capitalisedMid);
      assert.equal(passesWordTest('lower-case', tokens, k), lowerCase);
    });
  }
  it('an empty line passes neither', () => {
    assert.equal(passesWordTest('capitalised-mid-sentence', [], 0), false);
    assert.equal(passesWordTest('lower-case', [], 0), false);
  });
});

describe('attribution: every attribution is built with one shape', () => {
  const mention: SpeakerMention = { start: 0, end: 5, text: 'Trump', kind: 'name' };
  const cue: Cue = { start: 6, end: 10, text: 'said' };
  const evidence = [{ rule: 'cue-after-quote', detail: 'x' }];
  const cases: [string, Attribution][] = [
    ['with a source and a cue', attribution(mention, cue, 0.9, evidence, false)],
    ['without either', attribution(null, null, 0.6, evidence, false)],
    ['inherited', attribution(mention, null, 0.5, evidence, true)],
  ];
  for (const [name, a] of cases) {
    it(name, () => {
      assert.deepEqual(Object.keys(a), ['mention', 'cue', 'confidence', 'evidence', 'inherited']);
    });
  }
  it('keeps the values given', () => {
    assert.deepEqual(attribution(mention, cue, 0.9, evidence, true), { mention, cue, confidence: 0.9, evidence, inherited: true });
  });
});

describe('attribution: whether quoted words end with a full stop', () => {
  function span(text: string, close: number | null): QuoteSpan {
    return { start: 1, end: close ?? text.length, open: 0, close, closeLen: 1, family: 'double', lineIndex: 0, endLineIndex: 0, evidence: [] };
  }
  /** [text, offset of the closing mark (null: closed by the paragraph's end), ends with a full stop] */
  const cases: [string, number | null, boolean][] = [
    ['"even for him."', 14, true],
    ['"even for him"', 13, false],
    ['"and then..."', 12, false], // an ellipsis
    ['“it is done.’ ”', 14, true], // marks and spaces before the closing mark are passed
    ['“Ölçek. ”', 8, true], // letters beyond Latin-1 before the stop
    ['“—”', 2, false], // a mark beyond Latin-1 where the stop would be
    ['"."', 2, true], // the stop right after the opening mark
    ['"', 0, false], // nothing before the closing mark
    ['"not closed.', null, false],
    ['“done.\t\u00A0”', 8, true], // a tab and a no-break space are white space too
    ['"done.)"', 7, false], // a bracket is no closing mark
  ];
  for (const [text, close, ends] of cases) {
    it(JSON.stringify(text), () => assert.equal(endsWithFullStop(text, span(text, close)), ends));
  }
});

describe('attribution: a token read by its index, at either end of a line', () => {
  const text = 'Said Roe, quietly.';
  const tokens = tokenize(text, 0, text.length);
  /** [token index, its lower case, whether it is a comma] */
  const cases: [number, string, boolean][] = [
    [-1, '', false],
    [0, 'said', false],
    [2, ',', true],
    [4, '.', false], // the last token
    [5, '', false], // past the last token
  ];
  for (const [k, low, comma] of cases) {
    it(`token ${k}`, () => {
      assert.equal(lowerAt(tokens, k), low);
      assert.equal(tokenIs(tokens, k, ','), comma);
    });
  }
  it('an empty line has no token', () => {
    assert.equal(lowerAt([], 0), '');
    assert.equal(tokenIs([], 0, ','), false);
  });
});

describe('attribution: two offsets of a line in one sentence, a full stop at either end of the line', () => {
  /** [line, from, to, no sentence ends between them] */
  const cases: [string, number, number, boolean][] = [
    ['. He said it was over.', 0, 22, false], // the first token is a full stop
    ['. He said it was over.', 1, 21, true], // neither end's full stop is between them
    ['He said it was over.', 0, 21, false], // the last token is a full stop
    ['He said it was over', 0, 19, true],
    ['Mr. Roe said it', 0, 15, true], // a title's dot
    ['', 0, 0, true], // an empty line
  ];
  for (const [line, from, to, same] of cases) {
    it(`${JSON.stringify(line)} ${from}-${to}`, () => {
      assert.equal(sameSentence(new LineTokens(line, splitLines(line)), 0, from, to), same);
    });
  }
});

describe('attribution: the speaker label of a transcript, a word in capitals before a colon', () => {
  /** [line, the label found at its first token (null: none)] */
  const cases: [string, string | null][] = [
    ['PENCE: Well, look.', 'PENCE'],
    ['Pence: Well, look.', null], // a lower-case second letter: not in capitals
    ['MR. TRUMP: Yes.', 'TRUMP'], // the title is left out
    ['O’BRIEN: Right.', 'O’BRIEN'], // an apostrophe inside the label
    ['McCAIN: No.', null], // a lower-case letter second
    ['iPHONE: new', null],
    ['Éric: no', null], // a capital beyond ASCII, then lower case
    ['A: Yes.', null], // one letter is no label
    ['UPDATE: x', null], // a heading word
    ['We will win: yes', null],
  ];
  for (const [line, label] of cases) {
    it(JSON.stringify(line), () => assert.equal(transcriptLabel(line, tokenize(line, 0, line.length), 0)?.text ?? null, label));
  }
});


table('speakers: a description with a participle and its object after its noun', [
  ['the union representing the workers', 'In a statement, the union representing the factory workers called the offer “an insult to every family on the line.”', 'an insult', 'the union representing the factory workers', 'union representing the factory workers'],
  [
    'the union representing a company’s workers',
    'In a statement, the union representing Nortek’s factory workers called the results “proof that workers deserve a raise.”',
    'proof that',
    'the union representing Nortek’s factory workers',
    'union representing Nortek’s factory workers',
  ],
  ['a group opposing the plan', 'A group opposing the plan said it was “reckless and rushed.”', 'reckless', 'A group opposing the plan', 'group opposing the plan'],
  ['the firm running the port', 'The firm running the port said the delay was “unavoidable in this weather.”', 'unavoidable', 'The firm running the port', 'firm running the port'],
  ['its object a noun in -ly', 'The lawyer representing the family said, “It is a travesty of justice.”', 'It is', 'The lawyer representing the family', 'lawyer representing the family'],
  ['a time before the subject is no participle', 'After a long hearing the judge said it was “a close call for everyone.”', 'a close', 'the judge', 'judge'],
]);

table('speakers: a description is about its noun, not the noun after its preposition', [
  [
    'the family and the lawyer for the family are two sources',
    'The family said, “It is a travesty of justice.”\n\nThe lawyer for the family said, “We will appeal the verdict.”',
    'It is',
    'The family',
    'family',
  ],
  [
    'the spokesman and a spokesman for the plant are one',
    'A spokesman for the plant said the vote was “a setback for everyone.”\n\nThe spokesman said, “We will review the vote.”',
    'We will',
    'The spokesman',
    'spokesman for the plant',
  ],
]);

table('speakers: a description is shown as written, its possessive kept', [
  ['an office of a person', 'The mayor’s office said in an email that it was “monitoring the situation closely.”', 'monitoring', 'The mayor’s office', 'mayor’s office'],
  ['a family of a victim', 'The victim\'s family said the sentence was "far too lenient for what he did."', 'far too', 'The victim\'s family', 'victim\'s family'],
  ['two of them, the number left out as before', 'Two Turkish officials said the talks were “going nowhere at all.”', 'going', 'Two Turkish officials', 'Turkish officials'],
]);

table('speakers: a pronoun goes to the subject a clause opening the sentence leads to', [
  [
    'after "Asked …,"',
    'Sen. Luis Ortega, a Democrat from New Mexico, spent the morning in closed-door talks with Republican leaders over the spending bill that has stalled for weeks.\n\n“Nothing is agreed until everything is agreed,” a senior Senate aide said.\n\nAsked whether he would support a short-term extension, Ortega shrugged. “We will see about that,” he said.',
    'We will',
    'he',
    'Luis Ortega',
  ],
  [
    'after "After …,"',
    'Sen. Luis Ortega, a Democrat from New Mexico, spent the morning in closed-door talks with Republican leaders over the spending bill that has stalled for weeks.\n\n“Nothing is agreed until everything is agreed,” a senior Senate aide said.\n\nAfter the vote, Ortega left the chamber. “I am tired of all this,” he said.',
    'I am',
    'he',
    'Luis Ortega',
  ],
]);

table('speakers: a given name alone after a noun of relation, and a street, for a pronoun', [
  [
    'her son, named alone between commas',
    'Elena Petrova runs the bakery on Main Street with her family and has done so for many years now.\n\nHer son, Dmitri, 31, joined the business last year after losing his job in tech.\n\n“In tech, nobody knew what I did all day,” he says.',
    'In tech',
    'he',
    'Dmitri',
  ],
  [
    'a street is no "he"',
    'The bakery on Main Street opens at four in the morning and closes when the bread runs out.\n\n“In tech, nobody knew what I did all day,” he says.',
    'In tech',
    'he',
    null,
  ],
]);

table('speakers: a role, then a name with words of its office before its title', [
  ['"state Sen."', 'The law’s sponsor, state Sen. Mike Dunn, called the decision “judicial activism at its worst.”', 'judicial', 'Mike Dunn', 'Mike Dunn'],
  ['"former state Rep."', 'The bill’s sponsor, former state Rep. Ann Cole, said it was “a sad day for parents.”', 'a sad day', 'Ann Cole', 'Ann Cole'],
]);

table('speakers: everyday sources and a preposition’s object', [
  ['"one investor" after the quote, before its listener', 'Shares rose 3% on Monday.\n\n“It’s a bold bet,” one investor told CNBC.', 'It’s a bold', 'one investor', 'investor'],
  ['"One investor" before the verb and its listener', 'Shares rose 3% on Monday.\n\nOne investor told CNBC: “It is a bold bet.”', 'It is a bold', 'One investor', 'investor'],
  ['passengers as a source', 'The train stopped for two hours outside Leeds.\n\n“Nobody told us anything,” one passenger said.', 'Nobody told', 'one passenger', 'passenger'],
  [
    'a statement read to the court is no subject of "read"',
    'The court heard the case on Friday.\n\nOne victim, an 84-year-old widow, said in a statement read to the court: “I no longer feel safe in my own home.”',
    'I no longer',
    'One victim',
    'victim',
  ],
  [
    'a noun no list knows, between the quote and its verb, after an anonymous source',
    'The fault hit the navigation software, according to two people familiar with the matter.\n\n“It’s a mess,” one pilot said. “Nobody knows when we will fly again.”',
    'It’s a mess',
    'one pilot',
    'pilot',
  ],
  ['a councillor’s title is no part of her name', 'The council voted 7-2.\n\nCouncillor Ruth Adebayo, who proposed the scheme, called it “a once-in-a-generation chance to make our streets safer”.', 'a once-in', 'Ruth Adebayo', 'Ruth Adebayo'],
  ['a bystander who told reporters', 'The fire spread quickly.\n\n“The flames were taller than the houses,” a bystander told reporters.', 'The flames', 'a bystander', 'bystander'],
  ['analysts at a firm', 'Chips matter.\n\nAnalysts at Bernstein said: “Apple is doubling down on chips.”', 'Apple is', 'Analysts at Bernstein', 'Analysts at Bernstein'],
  ['economists at a bank, before a partial quote', 'Prices rose.\n\nEconomists at Goldman Sachs said the rise was “a surprise to everyone.”', 'a surprise', 'Economists at Goldman Sachs', 'Economists at Goldman Sachs'],
  [
    'a company named by what it makes is no "he"',
    'Apple will open a centre in Munich.\n\nThe iPhone maker said the centre would employ 400 people.\n\nBavaria’s economy minister, Hubert Aiwanger, welcomed the decision. “Das ist ein großer Tag für Bayern,” he told reporters.',
    'Das ist',
    'he',
    'Hubert Aiwanger',
  ],
  [
    'a share of voters after "in" is still the subject',
    'About four in 10 South Carolina voters say that the most important quality in a candidate is that they “share my values.”',
    'share my',
    '10 South Carolina voters',
    '10 South Carolina voters',
  ],
]);

table('speakers: a name, then "of" and the body it belongs to', [
  ['a rank, a name and a police force', 'Lamb was jailed for six years.\n\nDetective Constable Ian Hart of Sussex Police said outside court: “Today’s sentence sends a clear message.”', 'Today’s', 'Ian Hart', 'Ian Hart'],
  ['a name and an institute after "the"', 'The tax plan drew criticism.\n\n“It is a mess,” said James Pethokoukis of the American Enterprise Institute.', 'It is a mess', 'James Pethokoukis', 'James Pethokoukis'],
  ['a bank named with "of" stays whole', 'Markets fell on Monday.\n\nBank of America said in a note that it was “cautious on equities.”', 'cautious', 'Bank of America', 'Bank of America'],
  ['an office with "of" before a name', 'The talks ended late.\n\nSecretary of State John Kerry said the talks were “constructive and frank.”', 'constructive', 'John Kerry', 'John Kerry'],
  ['a middle initial, then a state, after an office', 'The vote was close.\n\nHouse Speaker Paul D. Ryan of Wisconsin said he was “disheartened.”', 'disheartened', 'Paul D. Ryan', 'Paul D. Ryan'],
]);

describe('speakers: the shown mention keeps the body a name belongs to', () => {
  const cases: [string, string, string][] = [
    ['up to the verb', 'Lamb was jailed.\n\nDetective Constable Ian Hart of Sussex Police said outside court: “Justice was done.”', 'Detective Constable Ian Hart of Sussex Police'],
    ['not a body whose phrase goes on in lower case', 'The vote was close.\n\n“It was a fair fight,” said Robert Antonacci of the New York delegation.', 'Robert Antonacci'],
  ];
  for (const [name, text, shown] of cases) {
    it(name, () => {
      const q = analyze(text).quotes[0];
      assert.equal(q?.mention?.text, shown);
    });
  }
});

table('speakers: a preposition opening a sentence, and the last word of a company’s name', [
  [
    'a preposition before a name is no first name',
    'Outside Carrier’s plant in Santa Catarina, a worker named Antonio Arroyo has nothing but praise for his job. \'\'The atmosphere is relaxed,\'\' he said.',
    'The atmosphere',
    'he',
    'Antonio Arroyo',
  ],
  [
    '"Despite" before a surname',
    'Marco Rubio spoke in Iowa on Sunday.\n\nDespite Rubio’s efforts, the crowd was thin. “We cannot ignore the threat,” Rubio said.',
    'We cannot',
    'Rubio',
    'Marco Rubio',
  ],
  [
    'a body named by its last word is no person a pronoun stands for',
    'The network will sit out the primaries.\n\nMark Holden, who chairs Freedom Partners, is wary. “We have not decided,” he said. Freedom Partners warned donors.\n\n“That hasn’t happened yet,” he added.',
    'That hasn’t',
    'he',
    'Mark Holden',
  ],
  [
    'a company named by its last word is an organisation',
    'Regulators fined Harbor Freight Lines on Tuesday.\n\n“We are reviewing the findings,” Harbor Freight Lines said.',
    'We are reviewing',
    'Harbor Freight Lines',
    'Harbor Freight Lines',
  ],
]);

table('speakers: a role given to a name, then the apposition of the body the role ends with', [
  [
    'a role of a body, then the body’s apposition',
    'Mark Holden, chairman of the board of Freedom Partners, the network’s funding arm, said it would act only if “a candidate were able to garner support.”',
    'a candidate',
    'Mark Holden',
    'Mark Holden',
  ],
  [
    'a role at a body, then the body’s apposition',
    'Willie Minor, an actor in Dallas, who runs a small theater company, recalled that in 2009, “I called all my lenders.”',
    'I called',
    'Willie Minor',
    'Willie Minor',
  ],
]);

table('speakers: titles, tags and bodies around a name', [
  ['a title set off before the name', 'Parliament sat late.\n\nThe Prime Minister, Daniel Harcourt, has accused the opposition of “playing games with people’s homes.”', 'playing games', 'Daniel Harcourt', 'Daniel Harcourt'],
  ['a party tag, then a relative clause', 'The hearing ran for hours.\n\nRep. Luis Ortega, R-Texas, who attended the briefing, said he was “genuinely scared.”', 'genuinely', 'Luis Ortega', 'Luis Ortega'],
  [
    'a place in an opening phrase, then a role and a name',
    'Talks resumed.\n\nAt a regular briefing in Beijing, the spokesman for the foreign ministry, Mao Lin, said China would “continue to play a constructive role.”',
    'continue to play',
    'Mao Lin',
    'Mao Lin',
  ],
  ['a body, its role and the role’s holder after the verb', 'Teachers left.\n\n“We were losing people to the districts next door,” said Carver Valley spokesperson Denise Albright.', 'We were losing', 'Denise Albright', 'Denise Albright'],
  ['a phrase of manner after the source after the verb', 'Trump spoke on Tuesday.\n\n“This is simple,” said Clinton campaign manager Robby Mook in a statement.', 'This is simple', 'Robby Mook', 'Robby Mook'],
  ['a military rank written short', 'Strikes went on.\n\n“We are already at war,” said Pentagon spokesman Navy Capt. Jeff Davis.', 'We are already', 'Jeff Davis', 'Jeff Davis'],
  ['a councillor written short', 'Councillor Amira Shah spoke first.\n\n“People here have been asking for help for years,” Cllr Shah said.', 'People here', 'Shah', 'Amira Shah'],
]);

table('speakers: what “he” or “she” may stand for', [
  [
    'a statement is no “he”',
    'The ministry released a statement on Monday. “We will restore every service,” the statement said.\n\nThe clinic in Tema is run by Kwabena Osei. “We have heard this before,” he said.',
    'We have heard',
    'he',
    'Kwabena Osei',
  ],
  [
    'a law is no “he”',
    'The bill, dubbed the Fair Pay Act by its sponsors, passed on Monday.\n\nFans of the Bramley club booed Steve Haldane. “We stopped playing,” he said.',
    'We stopped',
    'he',
    'Steve Haldane',
  ],
  [
    'a surname that is a place’s word, after a known given name',
    'Helena Marsh led the study. “The effect was large,” Marsh said.\n\nSusan Park, a researcher at Lakeside University, was more cautious. “I worry when studies are oversold,” she said.',
    'I worry',
    'she',
    'Susan Park',
  ],
]);

table('speakers: a surname of two words, and given names with accents', [
  [
    'a surname opening with a particle, named alone',
    'Talks opened in Cairo.\n\nSameh Abdel Rahman, a shipping official, spoke first.\n\n“The canal is a global artery,” Abdel Rahman told reporters.',
    'The canal',
    'Abdel Rahman',
    'Sameh Abdel Rahman',
  ],
  [
    'two given names with accents and a surname of two words',
    'Madrid offered to host.\n\nMaría José García López spoke for the government.\n\n“We are ready to offer Madrid,” García López said.',
    'We are ready',
    'García López',
    'María José García López',
  ],
  [
    'a given name written with its accent shows its gender',
    'The clinic, run by María Fernández, opened in May. Its funder is Tomás Ruiz.\n\n“We are ready,” she said.',
    'We are ready',
    'she',
    'María Fernández',
  ],
  [
    'a word before a full name is no given name of it',
    'Rival Hillary Clinton spoke in Reno. “We are in this together,” Hillary Clinton said.\n\n“This one is for you,” Clinton said.',
    'This one',
    'Clinton',
    'Hillary Clinton',
  ],
]);

table('speakers: a description of a body or an office stands for the one named', [
  ['a governor named with the short title', 'Fires spread overnight.\n\nGov. Alan Marchetti toured the area on Monday. “The state will provide every resource,” the governor said.', 'The state will', 'the governor', 'Alan Marchetti'],
  [
    'a title with a lower rank before it is another office',
    'President Barack Obama spoke first. Vice President Joe Biden followed him.\n\n“This is a good day,” the president said.',
    'This is a good',
    'the president',
    'president',
  ],
  [
    'a body named whole, then by its own words',
    '“Winds will pick up,” the National Weather Service said on Monday.\n\n“Critical conditions will continue,” the weather service said.',
    'Critical',
    'the weather service',
    'National Weather Service',
  ],
  [
    'a company that declined to comment, then “the company”',
    'Regulators fined three shippers.\n\nA spokesperson for Apex Logistics Inc. declined to comment. The company said in March that it was “cooperating fully with investigators.”',
    'cooperating',
    'The company',
    'Apex Logistics Inc',
  ],
  [
    'a body that released a statement, then “the statement”',
    'Clinics reopened.\n\nThe Ministry of Health released a statement on Monday.\n\n“We will restore every service by Friday,” the statement said.',
    'We will restore',
    'the statement',
    'Ministry of Health',
  ],
  [
    'a person who said something in a statement, then “the statement”',
    'Clinics reopened.\n\nHarbor Freight Lines said in a statement that it would appeal. “We take every finding seriously,” the statement continued.',
    'We take',
    'the statement',
    'Harbor Freight Lines',
  ],
  [
    'a company that declined to comment, then “it”',
    'Regulators fined Harbor Freight Lines on Tuesday.\n\nHarbor Freight Lines declined to comment on the fine. In a statement last month, it said it had “invested heavily in crew training.”',
    'invested',
    'it',
    'Harbor Freight Lines',
  ],
]);

table('speakers: a name’s possessive, a part of a group, and an auxiliary before the verb', [
  ['a body owned by a name', 'The war went on.\n\nCarpathia’s army said in a statement that its forces had struck “military facilities.”', 'military', 'Carpathia’s army', 'Carpathia’s army'],
  ['one of a group named before', 'Two officials said the army was short of shells. One of them described the front as “very difficult but holding.”', 'very difficult', 'One of them', 'One of them'],
  ['an adverb of time between the subject and its verb', 'The bill passed.\n\nPress secretary Dana Whitley first said the president objected to its “reckless spending.”', 'reckless', 'Dana Whitley', 'Dana Whitley'],
  ['a place’s abbreviation ends no sentence', 'Gov. Priya Anand signed the bill on Monday.\n\nAnand defended the law at a ceremony in St. Paul, insisting it would “make every community safer.”', 'make every', 'Anand', 'Priya Anand'],
  ['an auxiliary between the subject and its verb', 'The manager did concede that his side had been passive.\n\n“We stopped playing,” the manager did admit.', 'We stopped', 'the manager', 'manager'],
]);

table('speakers: pronouns and initials', [
  [
    'a given name shows a man, before a source of another sentence',
    'Striker Tom Baines scored the winner. “I just hit it,” the 24-year-old said.\n\nCity boss Neil Hart was furious with the referee. “It was never a penalty,” he fumed.',
    'It was never',
    'he',
    'Neil Hart',
  ],
  [
    'the listener after "told" is no antecedent',
    'Ryan spoke on Thursday.\n\n“I am not there right now,” Ryan told CNN’s Jake Tapper about his support.\n\nIt was a partial reversal. He said on Thursday that the nominee “needs to do more work.”',
    'needs to do',
    'He',
    'Ryan',
  ],
  [
    'a name after a preposition is no antecedent',
    'Donald Trump spoke for an hour. He could not resist taking swipes at Marco Rubio, who he dubbed “the little senator.”',
    'the little',
    'he',
    'Donald Trump',
  ],
  [
    'names joined by "and" after a past verb are objects',
    'Donald Trump spoke for an hour in Ohio.\n\nTrump also attacked Hillary Clinton and Marco Rubio during the rant.\n\nHe said that Clinton was playing “the women’s card” again.',
    'the women',
    'He',
    'Donald Trump',
  ],
  [
    'a middle initial inside the name the pronoun stands for',
    'The bank changed course.\n\n“These are new emphases,” said Ian H. Solomon, who was a director.\n\nHe called the plan “a very ambitious internal reorganization.”',
    'a very ambitious',
    'He',
    'Ian H. Solomon',
  ],
  [
    'a suffix is no surname',
    'Adm. Harry B. Harris Jr. leads the Pacific Command.\n\n“We will fly wherever the law allows,” Admiral Harris said.',
    'We will fly',
    'Harris',
    'Harry B. Harris',
  ],
  [
    'a governor of a state, after the verb, with an initial',
    'The vote was close.\n\n“It was a fair fight,” said Gov. Terry E. Branstad of Iowa.',
    'It was a fair',
    'Terry E. Branstad',
    'Terry E. Branstad',
  ],
  [
    'a senator of a state before an apposition and the verb',
    'The plan drew support.\n\nSenator Ben Cardin of Maryland, a Democrat on the finance committee, advocates a “progressive consumption tax” modeled on one abroad.',
    'progressive',
    'Ben Cardin',
    'Ben Cardin',
  ],
]);

table('speakers: an adverb between the subject’s auxiliary and the verb', [
  ['"has even claimed"', 'Trump spoke in Ohio on Monday.\n\nTrump has even claimed he will enact a plan that would be “the biggest ever.”', 'the biggest', 'Trump', 'Trump'],
  ['"has long argued"', 'The law was passed in 2010 after a year of debate in Congress.\n\nBrill has long argued that the law “left the drug companies untouched.”', 'left the drug', 'Brill', 'Brill'],
]);

table('speakers: a lower-case particle inside a name', [
  [
    '"ten", opening the mention after a quote',
    'Ten Hag insists United can still finish fourth\n\nManchester United manager Erik ten Hag insisted on Friday that his side could still qualify.\n\n“We are only six points behind,” ten Hag told reporters.',
    'We are only',
    'Hag',
    'Erik ten Hag',
  ],
  [
    '"dos" inside a full name',
    'Brazil’s coach Dorival dos Santos named his squad on Tuesday. “The door is open for everyone,” dos Santos said.',
    'The door',
    'Santos',
    'Dorival dos Santos',
  ],
]);

table('speakers: a description stands for the one it was given to', [
  [
    'the head of an apposition after the name',
    'Hans Keller, the billionaire who made his fortune in logistics, said on Monday he would invest $500 million.\n\n“Space is the next frontier for trade,” the billionaire said.',
    'Space is',
    'the billionaire',
    'Hans Keller',
  ],
  [
    'right before the name, with "former" in both',
    'Former United captain Gary Neville was less optimistic on Sunday. “I do not see it happening,” the former captain said.',
    'I do not',
    'the former captain',
    'Gary Neville',
  ],
  [
    'an organisation named in an apposition opening the sentence',
    'The company, Orbital Freight AG, was founded two years ago in Zurich. “We are on schedule,” the company said.',
    'We are on',
    'the company',
    'Orbital Freight AG',
  ],
  [
    'a former holder is no "the governor"',
    'Christine Todd Whitman, the former New Jersey governor, criticised the plan. “I am proud of our record,” the governor said.',
    'I am proud',
    'the governor',
    'governor',
  ],
  [
    'a noun before a comma and a name, not opening its sentence',
    'In the July 2012 cable, Stevens reported growing unrest in the city. “The situation is deteriorating,” the cable said.',
    'The situation',
    'the cable',
    'cable',
  ],
  [
    'a subject after an opening phrase is no apposition',
    'After the speech by John Smith, the crowd cheered for ten minutes. “Four more years!” the crowd chanted.',
    'Four more',
    'the crowd',
    'crowd',
  ],
]);

table('speakers: an epithet of a public figure, and a pronoun standing for an epithet', [
  [
    'the actress',
    'Sienna Vale has spoken about the burnout that led her to step away from acting.\n\nVale said she had hidden how she felt. “I thought if I said it out loud, it would become real,” the actress said.',
    'I thought',
    'the actress',
    'Sienna Vale',
  ],
  [
    'a pronoun standing for an age and a title',
    'Sienna Vale has spoken about her burnout.\n\nIn an interview for Vogue, the 34-year-old Oscar nominee said she reached breaking point.\n\n“I was on set 16 hours a day,” she told Vogue.',
    'I was on set',
    'she',
    'Sienna Vale',
  ],
  [
    'a name ending with a gendered noun is a title, not a woman',
    'Selenis Leyva Got Real About Being Called “A Real Woman.”\n\nThe star Selenis Leyva spoke about being described as a “real woman” in a blog post. The actress explained why that is a “backhanded compliment.”',
    'backhanded',
    'The actress',
    'Selenis Leyva',
  ],
]);

table('speakers: an epithet stands for the person named before it', [
  [
    'a nationality',
    'City beat Arsenal 3-1 on Sunday to go top of the league for the first time this season.\n\nManager Pep Guardiola praised his side’s character after the game. “We never stopped believing,” the Spaniard said.',
    'We never',
    'Spaniard',
    'Pep Guardiola',
  ],
  [
    'an age, after a nationality',
    'City beat Arsenal 3-1 on Sunday to go top of the league for the first time this season.\n\nManager Pep Guardiola praised his side’s character after the game. “We never stopped believing,” the Spaniard said.\n\nStriker Erling Haaland scored twice. “The team made it easy for me,” the 23-year-old said.',
    'The team',
    'the 23-year-old',
    // What he does, capitalised at the start of the sentence, is no part of his name.
    'Erling Haaland',
  ],
  [
    'the Vatican is no nationality',
    'Pope Francis met the president on Monday for an hour of private talks at his residence.\n\n“The meeting was cordial and frank,” the Vatican said.',
    'The meeting',
    'Vatican',
    'Vatican',
  ],
]);
