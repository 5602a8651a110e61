import * as assert from 'node:assert/strict';
import { analyze } from '../../../../src/core/analysis/analyze';
import { mentionName } from './helpers';

// Short articles written for these tests in styles the tuning sets seldom show (wire copy, British
// single quotes, an interview, German and French marks, a quote over several paragraphs, posts on
// social media, scare quotes and titles): every quote found, with its mention and its speaker, and
// nothing else taken for someone's words.

/** [the quoted words, the mention's name (null: no source), the canonical speaker] */
type Expected = [string, string | null, string | null];

interface Article {
  readonly name: string;
  readonly text: string;
  readonly quotes: readonly Expected[];
}

const ARTICLES: readonly Article[] = [
  {
    name: 'wire copy: a dateline, “told reporters” after the quote, an agency “said in a statement”',
    text: "Council delays vote on harbour bridge\n\nPORTLAND, Maine (AP) — The city council on Tuesday postponed a vote on the harbour bridge for a second time.\n\n\"We need more time to read the engineers' report,\" council chair Dana Whitfield told reporters after the meeting.\n\nThe state transportation department said in a statement that it \"remains committed to the project.\"\n",
    quotes: [
      ["We need more time to read the engineers' report,", 'Dana Whitfield', 'Dana Whitfield'],
      ['remains committed to the project.', 'The state transportation department', 'state transportation department'],
    ],
  },
  {
    name: 'British single quotes, a pronoun over two sentences, an apposition with a possessive',
    text: "Ministers split over rail fares\n\nThe transport secretary, Helen Carver, said the rise was 'painful but necessary'.\n\n'Nobody likes paying more for a train that is late,' she told the BBC. 'But the network has to be paid for.'\n\nLabour's spokesman, Tom Ridley, called the decision 'a kick in the teeth for commuters'.\n",
    quotes: [
      ['painful but necessary', 'Helen Carver', 'Helen Carver'],
      ['Nobody likes paying more for a train that is late,', 'she', 'Helen Carver'],
      ['But the network has to be paid for.', 'she', 'Helen Carver'],
      ['a kick in the teeth for commuters', 'Tom Ridley', 'Tom Ridley'],
    ],
  },
  {
    name: 'an interview: “A:” before a quoted answer, then a name with a colon',
    text: 'Five questions for the new museum director\n\nLena Ortiz took over the city museum in March. She spoke to us about her plans.\n\nQ: What will visitors notice first?\n\nA: "The doors will open an hour earlier, and the first Sunday of each month will be free."\n\nOrtiz added: "We want families to feel the museum is theirs."\n',
    quotes: [
      ['The doors will open an hour earlier, and the first Sunday of each month will be free.', 'A', 'Lena Ortiz'],
      ['We want families to feel the museum is theirs.', 'Ortiz', 'Lena Ortiz'],
    ],
  },
  {
    name: 'German marks „…“ in English copy, a source after the quote',
    text: 'Rail strike called off\n\nUnion leader Klaus Berger said on Monday: „We will not be blackmailed.“\n\nThe railway called the strike „completely out of proportion“, a spokesman said.\n',
    quotes: [
      ['We will not be blackmailed.', 'Klaus Berger', 'Klaus Berger'],
      ['completely out of proportion', 'a spokesman', 'spokesman'],
    ],
  },
  {
    name: 'French guillemets with and without inner spaces',
    text: 'Paris mayor defends cycle lanes\n\n«We will not go back», the mayor told reporters on Tuesday.\n\nThe deputy mayor, Paul Girard, said the lanes were « a success by every measure ».\n',
    quotes: [
      ['We will not go back', 'the mayor', 'mayor'],
      ['a success by every measure', 'Paul Girard', 'Paul Girard'],
    ],
  },
  {
    name: 'a quote running over three paragraphs, each reopened, the source after the last',
    text: 'Retiring judge looks back\n\nJudge Miriam Okafor, who retires this week after 31 years on the bench, read a short statement to the court.\n\n"When I started, there were two women judges in this building.\n\n"Today there are eleven, and none of them had to ask permission to be here.\n\n"That is the change I am proudest of," she said.\n',
    quotes: [
      ['When I started, there were two women judges in this building.', 'she', 'Miriam Okafor'],
      ['Today there are eleven, and none of them had to ask permission to be here.', 'she', 'Miriam Okafor'],
      ['That is the change I am proudest of,', 'she', 'Miriam Okafor'],
    ],
  },
  {
    name: '“wrote on X” and a post introduced by a colon',
    text: 'Senator attacks budget plan\n\nSen. Rachel Huang wrote on X that the plan was "a giveaway to the largest polluters."\n\nHer colleague, Sen. Omar Diallo, posted a reply an hour later: "Read the bill before you tweet about it."\n',
    quotes: [
      ['a giveaway to the largest polluters.', 'Rachel Huang', 'Rachel Huang'],
      ['Read the bill before you tweet about it.', 'Omar Diallo', 'Omar Diallo'],
    ],
  },
  {
    name: '“she” two sentences after the name, not the federation that announced',
    text: 'Coach stays on\n\nMargaret Ellis will coach the national team for two more years, the federation announced on Friday.\n\nEllis led the team to the semi-finals last summer. She said the squad was "only getting started."\n\n"I have unfinished business here," she added.\n',
    quotes: [
      ['only getting started.', 'She', 'Margaret Ellis'],
      ['I have unfinished business here,', 'she', 'Margaret Ellis'],
    ],
  },
  {
    name: 'a long apposition after an inverted verb; a possessive title before the name',
    text: "Hospital opens night clinic\n\n\"We see people who cannot take a day off work to see a doctor,\" said Maria Lopez, a nurse who helped set up the clinic, which opens at 6 p.m.\n\nThe hospital's chief executive, David Brandt, called the clinic \"the best money we have spent in years.\"\n",
    quotes: [
      ['We see people who cannot take a day off work to see a doctor,', 'Maria Lopez', 'Maria Lopez'],
      ['the best money we have spent in years.', 'David Brandt', 'David Brandt'],
    ],
  },
  {
    name: 'scare quotes, a so-called phrase and a film title are no one’s words',
    text: 'Streaming wars heat up\n\nThe company, which calls its service the "home of stories", lost subscribers in the spring.\n\nViewers have flocked to the so-called "prestige dramas" on rival services, and the film "Harbour Lights" drew record numbers.\n\nAnalyst Priya Nair said the company was "losing the argument on price."\n',
    quotes: [
      ['home of stories', 'which', 'company'],
      ['losing the argument on price.', 'Priya Nair', 'Priya Nair'],
    ],
  },
  {
    name: '“according to” before and after the words',
    text: 'Flood warnings extended\n\nThe river is expected to peak on Thursday, according to the national weather service, which warned of "significant flooding" in low areas.\n\nAccording to the county sheriff, "roughly 400 homes" were evacuated overnight.\n',
    quotes: [
      ['significant flooding', 'the national weather service', 'national weather service'],
      ['roughly 400 homes', 'the county sheriff', 'county sheriff'],
    ],
  },
  {
    name: 'partial quotes in paraphrase: “calling it”, “described … as”',
    text: "Mayor rejects housing plan\n\nMayor Alan Pierce on Monday rejected the developer's plan, calling it \"a disaster for renters.\"\n\nThe developer, Northgate Homes, described the mayor's position as \"short-sighted\" and promised to appeal.\n",
    quotes: [
      ['a disaster for renters.', 'Alan Pierce', 'Alan Pierce'],
      ['short-sighted', 'Northgate Homes', 'Northgate Homes'],
    ],
  },
  {
    name: 'terms set apart: a quoted modifier before its noun, one quoted word where nothing reports speech',
    text: "Council weighs parking plan\n\nThe \"park and ride\" scheme would add 400 spaces near the ring road.\n\nCritics say the plan is a \"giveaway\" to developers.\n\nA sharp \"rebound\" in car trips followed the last expansion.\n\nThe term \"gridlock\" appeared in every submission, according to the clerk.\n",
    quotes: [
      ['giveaway', 'Critics', 'Critics'],
      ['gridlock', 'the clerk', 'clerk'],
    ],
  },
  {
    name: 'a role with its phrase, a phrase of time between name and verb, a subordinate clause’s “and”',
    text: "Budget talks stall\n\nThe former secretary of state mocked the governor for calling the deficit a \"rounding error\" in front of donors.\n\nLater, Okafor during a town hall thanked volunteers \"for keeping the shelters open.\"\n\nThe mood soured when Brandt in his closing remarks called the proposal \"dead on arrival.\"\n\nThere were sharper moments, such as when Alvarez questioned the figures and called them \"pure fiction.\"\n",
    quotes: [
      ['rounding error', 'The former secretary of state', 'former secretary of state'],
      ['for keeping the shelters open.', 'Okafor', 'Okafor'],
      ['dead on arrival.', 'Brandt', 'Brandt'],
      ['pure fiction.', 'Alvarez', 'Alvarez'],
    ],
  },
  {
    name: 'a one-word name before a colon, an opening adverb phrase, a relative clause with its own subject',
    text: "Candidates split on transit\n\nBoth candidates, Ama Mensah and Erik Lindqvist, spoke at the forum on Tuesday.\n\nMensah: \"We will build the light rail line within four years.\"\n\nImmediately after the forum, Lindqvist issued a statement, \"The numbers in that plan do not add up.\"\n\nRidership has fallen for a decade, a trend that the authority predicts will continue \"well into the next decade.\"\n",
    quotes: [
      ['We will build the light rail line within four years.', 'Mensah', 'Ama Mensah'],
      ['The numbers in that plan do not add up.', 'Lindqvist', 'Erik Lindqvist'],
      ['well into the next decade.', 'the authority', 'authority'],
    ],
  },
];

describe('analysis: articles in other styles', () => {
  for (const article of ARTICLES) {
    it(article.name, () => {
      const a = analyze(article.text);
      const found: Expected[] = a.quotes.map((q) => [article.text.slice(q.start, q.end), mentionName(q.mention) ?? null, a.speakers.find((s) => s.id === q.speakerId)?.name ?? null]);
      assert.deepEqual(found, article.quotes);
    });
  }
});
