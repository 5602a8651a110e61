import * as assert from 'node:assert/strict';
import { analyze } from '../../../../src/core/analysis/analyze';
import { SpeakerGroups, looseWords, plainWords } from '../../../../src/core/analysis/speakers';
import type { MentionKind, SpeakerMention } from '../../../../src/core/analysis/types';
import { mentionName } from './helpers';

/** [case, text, start of the quote, expected mention text, expected canonical speaker] */
type Case = [string, string, string, string, string];

function check([, text, quoteStart, mention, speaker]: Case): void {
  const a = analyze(text);
  const q = a.quotes.find((x) => text.slice(x.start, x.end).startsWith(quoteStart));
  assert.ok(q, `quote starting “${quoteStart}” found`);
  assert.equal(mentionName(q.mention), mention);
  assert.equal(a.speakers.find((s) => s.id === q.speakerId)?.name, speaker);
}

describe('speakers: attribution patterns', () => {
  const cases: Case[] = [
    ['name before the verb after the quote', '“The international community is required to block extremists,” Lavrov said.', 'The international', 'Lavrov', 'Lavrov'],
    [
      'name with title and appositive',
      '“With the help of our Turkish friends, we have regained control of the town,” Yusef Hamoud, spokesman for the Turkish-backed National Army, said.',
      'With the help',
      'Yusef Hamoud',
      'Yusef Hamoud',
    ],
    ['inverted organisation', '“We are urging parties to allow civilians to move to safety”, said The International Committee of the Red Cross, and reminded the warring sides.', 'We are urging', 'International Committee of the Red Cross', 'International Committee of the Red Cross'],
    ['inverted name with appositive', '"It\'s completely unacceptable," said Fabrizio Carboni, the ICRC\'s director for the Near and Middle East.', "It's completely", 'Fabrizio Carboni', 'Fabrizio Carboni'],
    ['description', '“This will happen soon. The regime suffered heavy losses,” the Turkish official said.', 'This will happen', 'the Turkish official', 'Turkish official'],
    ['title stripped from the name', '“Russia would never agree to a truce akin to surrender to terrorists”, Russia’s foreign minister Sergey Lavrov said at UN meeting in Geneva.', 'Russia would never', 'Sergey Lavrov', 'Sergey Lavrov'],
    ['cue phrase with its object', '“Russia supports Syria at the highest level,” Erdogan told reporters before departing.', 'Russia supports', 'Erdogan', 'Erdogan'],
    ['according to', 'According to Lavrov, "there will be no reconciliation offered to the terrorist forces in the Idlib province".', 'there will be', 'Lavrov', 'Lavrov'],
    ['cue before a partial quote', 'Lavrov accused some governments of “a desire to justify outrageous acts committed by radical groupings.”', 'a desire', 'Lavrov', 'Lavrov'],
    ['subject separated from its verb', 'The Geneva-based International Committee of the Red Cross also on Tuesday said in a statement it was "deeply alarmed" by the situation.', 'deeply alarmed', 'International Committee of the Red Cross', 'International Committee of the Red Cross'],
    ['broadcast script', 'SOT, Sergei Lavrov, Russian Foreign Minister (Russian): “Together with our Turkish partners we facilitate local arrangements.”', 'Together with', 'Sergei Lavrov', 'Sergei Lavrov'],
    ['headline with a dash', 'Switzerland: Ceasefire with militants in Idlib would mean ‘surrendering to terrorists’ – Lavrov', 'surrendering', 'Lavrov', 'Lavrov'],
    ['headline subject', 'Lavrov rejects Idlib cease-fire as ‘capitulating before terrorists’', 'capitulating', 'Lavrov', 'Lavrov'],
    ['plural description', '“The school was hit twice in one hour,” Syrian opposition activists said, as regime forces moved forward.', 'The school', 'Syrian opposition activists', 'Syrian opposition activists'],
    ['sports report', '"Came down to a few points," Opelka said. "Thought I did my part, played well, served well."', 'Came down', 'Opelka', 'Opelka'],
    ['statement with a colon', 'Tottenham said in a statement: "Jose is one of the world\'s most accomplished managers having won 25 senior trophies."', 'Jose is one', 'Tottenham', 'Tottenham'],
    ['verb with a time phrase after it', '"He knows exactly what he\'s done," Giuffre said before the interview. "And I hope he comes clean about it."', 'And I hope', 'Giuffre', 'Giuffre'],
    ['title abbreviation and party tag', '"That\'s just not true," said Rep. Adam Schiff (D-Calif.), the top Democrat on the committee.', "That's just", 'Adam Schiff', 'Adam Schiff'],
    ['description with a role noun run', 'According to a senior administration official, "the president has no intention of cooperating with this."', 'the president', 'a senior administration official', 'senior administration official'],
    ['party tag after the name', '“Our assumption is that the veto will be overridden,” Senate Majority Leader Jane Roe, R-Ky., said Tuesday.', 'Our assumption', 'Jane Roe', 'Jane Roe'],
    ['abbreviation inside the attribution', '“The scientific community is against you,” Sen. Jane Roe (D-Mo.) said.', 'The scientific', 'Jane Roe', 'Jane Roe'],
    ['modifier before an inverted name', '“They are 100 percent wrong,” said 9/11 widow Jane Roe.', 'They are', 'Jane Roe', 'Jane Roe'],
    ['main clause over a nested one', 'Lynch said she recalled thinking, “This is what people have talked about.”', 'This is what', 'Lynch', 'Lynch'],
    ['sentence about a person, no reporting verb', 'Reid has gone after Trump as a “human leech who will bleed the country” in recent weeks.', 'human leech', 'Reid', 'Reid'],
    ['participle clause', 'President Donald Trump lashed out at House Democrats, calling the impeachment inquiry a "witch hunt" on Tuesday.', 'witch hunt', 'Donald Trump', 'Donald Trump'],
  ];
  for (const c of cases) it(c[0], () => check(c));
});

describe('speakers: pronouns, continuation and canonical names', () => {
  it('resolves “he” to the earlier speaker', () => {
    const text = [
      'Russian Foreign Minister Sergei Lavrov rejected calls for a ceasefire in the Idlib region on Tuesday.',
      '“The international community is required to block extremists who have raised their heads,” Lavrov said.',
      '“This is not a concern for human rights, but surrendering to terrorists,” he added.',
    ].join('\n\n');
    const a = analyze(text);
    const last = a.quotes[a.quotes.length - 1];
    assert.equal(mentionName(last?.mention), 'he');
    assert.equal(a.speakers.find((s) => s.id === last?.speakerId)?.name, 'Sergei Lavrov');
    assert.equal(a.speakers.length, 1, 'Lavrov and he are one speaker');
  });
  it('a quote alone in its paragraph continues the attribution before it', () => {
    const text = [
      'Lavrov said that Russia will continue to abide by international humanitarian law in Syria.',
      '“We always stick to International humanitarian law when we conduct operations involving military action.”',
    ].join('\n\n');
    const a = analyze(text);
    assert.equal(a.quotes.length, 1);
    assert.equal(mentionName(a.quotes[0]?.mention), 'Lavrov');
  });
  it('a paragraph ending with a colon introduces the quote below it', () => {
    const text = 'On July 6, Sanders made the following comment:\n\n“For young people who have graduated high school, the real unemployment rate is high.”';
    const a = analyze(text);
    assert.equal(mentionName(a.quotes[0]?.mention), 'Sanders');
  });
  it('a quote opening a sentence continues the attribution just before it', () => {
    const text = 'The administration may be reluctant to act, Schiff said. “The other factor is the appearance of weakness.”';
    assert.equal(mentionName(analyze(text).quotes[0]?.mention), 'Schiff');
  });
  it('takes no passive verb for a cue', () => {
    const text = 'Fourteen Catholics and one Greek Orthodox were admitted as well as others who only specified “Christian” as their religion.';
    assert.deepEqual(analyze(text).cues, []);
  });
  it('a second quote in a paragraph keeps the speaker of the first', () => {
    const text = '“Russia supports Syria at the highest level,” Erdogan told reporters. “Even if they deny it, we have evidence.”';
    const a = analyze(text);
    assert.equal(a.quotes.length, 2);
    assert.equal(a.quotes[0]?.speakerId, a.quotes[1]?.speakerId);
    assert.equal(mentionName(a.quotes[1]?.mention), 'Erdogan');
  });
  it('merges name variants into the fullest form', () => {
    const text = [
      'Russian Foreign Minister Sergei Lavrov spoke in Geneva on Tuesday.',
      '“This is capitulating before terrorists,” Lavrov said.',
      '“Such a truce would encourage them,” Sergey Lavrov said.',
    ].join('\n');
    const a = analyze(text);
    assert.equal(a.speakers.length, 1);
    assert.equal(a.speakers[0]?.name, 'Sergei Lavrov');
    assert.equal(a.speakers[0]?.mentions.length, 2);
  });
  it('merges an acronym with the organisation it abbreviates', () => {
    const text = [
      '“We are deeply alarmed by the situation for civilians,” the International Committee of the Red Cross said.',
      '“We are urging parties to allow civilians to move to safety,” ICRC said.',
    ].join('\n');
    const a = analyze(text);
    assert.deepEqual(
      a.speakers.map((s) => s.name),
      ['International Committee of the Red Cross'],
    );
  });
  it('records the cue of every attributed quote', () => {
    const text = '“Russia supports Syria at the highest level,” Erdogan told reporters. Lavrov accused some governments of “a desire to justify outrageous acts.”';
    assert.deepEqual(
      analyze(text).cues.map((c) => c.text),
      ['told reporters', 'accused'],
    );
  });
});

describe('speakers: choosing among candidate mentions', () => {
  const cases: Case[] = [
    ['a pronoun subject of the cue beats a name of an earlier clause', 'When Jane Roe accused John Doe of lying, she said the plan was “a disaster for workers.”', 'a disaster', 'she', 'Jane Roe'],
    ['the issuer of a statement', 'The Teachers Union issued a statement saying the cuts were “a betrayal of every child.”', 'a betrayal', 'Teachers Union', 'Teachers Union'],
    ['according to after the attribution', '“We expect a close race,” Jane Roe said on Monday, according to a recording obtained by the station.', 'We expect', 'a recording obtained by the station', 'recording obtained by the station'],
    ['according to opening the sentence', 'According to the local newspaper, Jane Roe said the mayor was “out of touch.”', 'out of touch', 'the local newspaper', 'local newspaper'],
    ['an inverted attribution closing the sentence', 'Prices rose “faster than anyone expected” in the last quarter, said Jane Roe, an economist at the bank.', 'faster than', 'Jane Roe', 'Jane Roe'],
    ['an office with “of” before an inverted name', '“We will appeal,” said former secretary of state Jane Roe.', 'We will appeal', 'Jane Roe', 'Jane Roe'],
    ['a definite description as the subject, no reporting verb', 'The retired neurosurgeon likened the bill to “a tax on the sick.”', 'a tax on', 'The retired neurosurgeon', 'retired neurosurgeon'],
    ['an abbreviation before a number ends no sentence', 'John Doe spoke first. He added that praising the mayor for what happened after the Sept. 11 attacks was like saying the team “played pretty well.”', 'played pretty', 'He', 'John Doe'],
    ['a participle after “X said,”', 'The men left as soon as prayers ended, Jane Roe said, adding, “He was not very religious.”', 'He was not', 'Jane Roe', 'Jane Roe'],
    ['an ordinary word opening the sentence is no name', 'Jane Roe leads a council of eight members. Eight years ago, she supported the mayor and said, “He has never let us down.”', 'He has never', 'she', 'Jane Roe'],
    ['an earlier quote shares the cue after a later quote of its sentence', 'Donations were “stagnant for about a month” as donors waited to see how a “turbulent cycle” played out, Jane Roe said.', 'stagnant', 'Jane Roe', 'Jane Roe'],
    ['a closing clause of source and cue', '“We have built first-rate teams in each state” there and in states that vote in March, the memo stated.', 'We have built', 'the memo', 'memo'],
    ['a possessive opening an apposition', '“This campaign is changing politics,” Jeff Roe, Smith’s campaign manager, said in a statement.', 'This campaign', 'Jeff Roe', 'Jeff Roe'],
    ['a region after a place name between a source and its verb', 'Jane Roe, a teacher from Sumter, South Carolina, says the senator will “leave here with momentum.”', 'leave here', 'Jane Roe', 'Jane Roe'],
    ['a poll opening the sentence', 'In a March poll by the university, 60 percent of voters said the state was “on the wrong track.”', 'on the wrong', 'a March poll', 'March poll'],
  ];
  for (const c of cases) it(c[0], () => check(c));
});

describe('speakers: gender and number of pronouns, people sharing a surname', () => {
  const cases: Case[] = [
    ['“she” skips a nearer man', 'Senator Jane Roe spoke after Governor John Doe left the stage on Monday.\n\n“We will not give up on this bill,” she said.', 'We will not', 'she', 'Jane Roe'],
    ['“he” skips a nearer woman', 'Governor John Doe spoke after Senator Jane Roe left the stage on Monday.\n\n“We will not give up on this bill,” he said.', 'We will not', 'he', 'John Doe'],
    ['a gendered noun tells the gender', '“We have a deal,” the spokeswoman said. John Doe did not comment.\n\n“It took months of work,” she added.', 'It took', 'she', 'spokeswoman'],
  ];
  for (const c of cases) it(c[0], () => check(c));

  it('“they” does not refer back to one person', () => {
    const text = 'Jane Roe met the union leaders on Monday. “We need a fair contract,” they said.';
    const a = analyze(text);
    const q = a.quotes[0];
    assert.equal(q?.mention?.text, 'they');
    assert.notEqual(a.speakers.find((s) => s.id === q?.speakerId)?.name, 'Jane Roe');
  });

  it('two people sharing a surname stay two speakers; a title sends the bare surname to the one it fits', () => {
    const text = [
      'Bill Roe and Hillary Roe campaigned in Iowa on Monday.',
      '“The economy is strong,” Mrs. Roe said.',
      '“We will win this state,” Mr. Roe said.',
      '“Nobody can stop us now,” Mrs. Roe added.',
    ].join('\n\n');
    const a = analyze(text);
    const names = a.quotes.map((q) => a.speakers.find((s) => s.id === q.speakerId)?.name);
    assert.deepEqual(names, ['Hillary Roe', 'Bill Roe', 'Hillary Roe']);
  });

  it('a bare surname shared by two people goes to the one named last before it', () => {
    const text = [
      '“Taxes are too high,” Hillary Roe said on Monday.',
      '“We will cut them,” Bill Roe said on Tuesday.',
      '“And we will start with the payroll tax,” Roe said.',
    ].join('\n\n');
    const a = analyze(text);
    const last = a.quotes[a.quotes.length - 1];
    assert.equal(a.speakers.find((s) => s.id === last?.speakerId)?.name, 'Bill Roe');
  });
});

describe('speakers: a person named later by the first word of their name', () => {
  const cases: Case[] = [
    ['a family name written first', 'At a briefing in Beijing, the foreign ministry spokesman, Mao Lin, said the measures broke trade rules.\n\n“We will take all necessary steps to protect our interests,” Mao said.', 'We will take', 'Mao', 'Mao Lin'],
    ['a family name of a Korean name', 'Ban Ki-moon, the secretary general, flew to Paris on Monday.\n\n“I am not a scientist,” Ban said.', 'I am not', 'Ban', 'Ban Ki-moon'],
    ['a first name in a feature', 'Maria Delgado has run the bakery on Fifth Street for 20 years.\n\n“Every morning I come in at four,” Maria said.', 'Every morning', 'Maria', 'Maria Delgado'],
    ['an accented first name', 'Her son, Tomás Delgado, now helps in the bakery.\n\n“She never takes a day off,” Tomás said.', 'She never', 'Tomás', 'Tomás Delgado'],
    ['a surname goes first', 'Lee Smith spoke before Jessica Lee took the stage.\n\n“The plan is sound,” Lee said.', 'The plan', 'Lee', 'Jessica Lee'],
    ['two people opening alike leave the word its own', 'Wang Yi met Wang Wei in Beijing on Monday.\n\n“Dialogue remains open,” Wang told reporters.', 'Dialogue', 'Wang', 'Wang'],
    ['a name named only after the bare word stays apart', '“We will not move,” Mao said on Monday.\n\nMao Lin, a ministry spokesman, spoke later.', 'We will not', 'Mao', 'Mao'],
  ];
  for (const c of cases) it(c[0], () => check(c));
});

describe('speakers: names as written, without what stands before or after them', () => {
  const cases: Case[] = [
    ['an apostrophe inside a surname', 'Kate O’Brien, a councillor for the north inner city, backed the plan.\n\n“We are paying the price for years of delay,” O’Brien said.', 'We are paying', 'O’Brien', 'Kate O’Brien'],
    ['a barrister’s letters after the name', 'Simon Hartley KC, for the defence, spoke next.\n\n“These were people who trusted her,” Hartley said.', 'These were', 'Hartley', 'Simon Hartley'],
    ['an Indian honorific', 'Home Minister Amit Shah hit back at the opposition on Tuesday.\n\n“They cannot digest our success,” Shri Shah said.', 'They cannot', 'Shah', 'Amit Shah'],
    ['an occupation opening the sentence', 'Teacher Marcus Olufemi spoke at the meeting on Monday.\n\n“I love my building,” Olufemi said.', 'I love', 'Olufemi', 'Marcus Olufemi'],
    ['an occupation in the plural of a pair', 'Singer-guitarists Tom Johnston and Pat Simmons will tour.\n\n“We are truly excited,” Johnston said.', 'We are truly', 'Johnston', 'Tom Johnston'],
    ['a title with capitals after “the”', 'Prime Minister Narendra Modi opened the debate in parliament on Monday.\n\n“For seventy years they did nothing,” the Prime Minister said.', 'For seventy', 'Prime Minister', 'Narendra Modi'],
    ['a title with a place before it is not the title alone', 'Sen. Joni Ernst spoke to reporters in Des Moines on Monday.\n\n“We will see what it translates to,” the Florida senator told reporters.', 'We will see', 'the Florida senator', 'Florida senator'],
    ['a given name the lexicon knows is no occupation', 'Carrie Ann Inaba judged the final on Monday.\n\n“This is not easy,” Carrie Ann Inaba noted.', 'This is not', 'Carrie Ann Inaba', 'Carrie Ann Inaba'],
  ];
  for (const c of cases) it(c[0], () => check(c));
});

describe('speakers: the words of a mention text (plainWords, looseWords)', () => {
  /** [text, the words of plainWords (null: not plain), the words of looseWords] */
  const cases: [string, string[] | null, string[]][] = [
    ['Sergei Lavrov', ['Sergei', 'Lavrov'], ['Sergei', 'Lavrov']],
    ['  James B. Comey ', ['James', 'B.', 'Comey'], ['James', 'B.', 'Comey']],
    ['', [], []],
    ["Clinton's", null, ['Clinton']],
    ['Sanders’ campaign manager', null, ['Sanders', 'campaign', 'manager']],
    ['Recep Tayyip Erdoğan', null, ['Recep', 'Tayyip', 'Erdoğan']],
    ['“ — ”', null, []],
    ['Jean-Luc (R-Ky.)', null, ['Jean-Luc', 'R-Ky.']],
    // An apostrophe between letters is the name's; one at a word's edge is a mark.
    ["Kate O'Brien", null, ['Kate', "O'Brien"]],
    ['Siobhán O’Brien’s', null, ['Siobhán', 'O’Brien']],
    ["Kimani Ichung'wah", null, ['Kimani', "Ichung'wah"]],
    ["'Joe' O'Connor'", null, ['Joe', "O'Connor"]],
  ];
  for (const [text, plain, loose] of cases) {
    it(`“${text}”`, () => {
      assert.deepEqual(plainWords(text), plain);
      assert.deepEqual(looseWords(text), loose);
    });
  }
});

describe('speakers: the form of a mention (formOfMention)', () => {
  /** [text, kind, its words, its name, its joined lower-case words, its last word in lower case, the first character of its letters] */
  const cases: [string, MentionKind, string[], string, string, string, string][] = [
    ['Sergei Lavrov', 'name', ['Sergei', 'Lavrov'], 'Sergei Lavrov', 'sergei lavrov', 'lavrov', 'S'],
    // Articles are dropped from the front (but a word alone stays), whatever their case; longer words are kept.
    ['The Associated Press', 'organisation', ['Associated', 'Press'], 'Associated Press', 'associated press', 'press', 'A'],
    ['AN Official', 'description', ['Official'], 'Official', 'official', 'official', 'O'],
    ['The', 'organisation', ['The'], 'The', 'the', 'the', 'T'],
    ['Anne Roe', 'name', ['Anne', 'Roe'], 'Anne Roe', 'anne roe', 'roe', 'A'],
    ['Them Roe', 'name', ['Them', 'Roe'], 'Them Roe', 'them roe', 'roe', 'T'],
    ['two Turkish officials', 'description', ['Turkish', 'officials'], 'Turkish officials', 'turkish officials', 'officials', 'T'],
    ["Recep Tayyip Erdoğan's", 'name', ['Recep', 'Tayyip', 'Erdoğan'], 'Recep Tayyip Erdoğan', 'recep tayyip erdoğan', 'erdoğan', 'R'],
    ['ICRC', 'organisation', ['ICRC'], 'ICRC', 'icrc', 'icrc', 'I'],
  ];
  for (const [text, kind, words, name, joined, last, initial] of cases) {
    it(`“${text}” (${kind})`, () => {
      const groups = new SpeakerGroups();
      const m = { start: 0, end: text.length, text, kind };
      const form = groups.formOfMention(m);
      assert.deepEqual([...form.words], words);
      assert.equal(form.name, name);
      assert.deepEqual(form.facts, { joined, last });
      assert.equal(form.initial, initial.charCodeAt(0));
      // One form per kind and text: asked again, the very same.
      assert.equal(groups.formOfMention({ ...m }), form);
    });
  }

  it('renames a group by a fuller mention of its kind and files it under the new words', () => {
    const groups = new SpeakerGroups();
    const mention = (text: string, start: number): SpeakerMention => ({ start, end: start + text.length, text, kind: 'name' });
    const lavrov = groups.groupOf(mention('Lavrov', 0));
    assert.equal(groups.groupOf(mention('Sergei Lavrova', 20)), lavrov);
    assert.equal(lavrov.name, 'Sergei Lavrova');
    assert.deepEqual(lavrov.words, ['Sergei', 'Lavrova']);
    // Past the groups compared one by one (40 people of four-letter surnames), a surname one edit from the new last word only ("Lavrovaa",
    // two from "Lavrov") finds the group under the keys of its new words.
    for (let i = 0; i < 40; i++) groups.groupOf(mention(`Anna Zq${String.fromCharCode(97 + (i % 26), 97 + Math.floor(i / 26))}`, 100 + i * 30));
    assert.equal(groups.groups.length, 41);
    assert.equal(groups.groupOf(mention('Lavrovaa', 2000)), lavrov);
    assert.notEqual(groups.groupOf(mention('Mark Lavrova', 2100)), lavrov);
  });
});
