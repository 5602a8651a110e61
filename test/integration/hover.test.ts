import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SourceAnnotatorApi } from '../../src/api';
import type { ShownHighlights } from '../../src/detections/painter';
import { LANGUAGE_ID } from '../../src/base/constants';
import { closeAll, extensionApi, hoversAt, hoverText, openArticle, waitFor } from './support';

describe('Hover tooltips', () => {
  let api: SourceAnnotatorApi;
  before(async () => {
    api = await extensionApi();
  });
  after(closeAll);

  /** Opens `content` as an untitled article, waits for its highlights, runs `check`, then closes it unsaved. */
  async function withUntitledArticle(content: string, check: (doc: vscode.TextDocument, shown: ShownHighlights) => Promise<void>): Promise<void> {
    const doc = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content });
    await vscode.window.showTextDocument(doc, { preview: false });
    try {
      const shown = await waitFor('its highlights', () => (api.shownHighlights(doc.uri)?.version === doc.version ? api.shownHighlights(doc.uri) : undefined));
      await check(doc, shown);
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  }

  /** The hover's text, backslashes dropped, two characters into the first place `words` stand in `doc`. */
  async function hoverOnWords(doc: vscode.TextDocument, words: string): Promise<string> {
    return hoverText(await hoversAt(doc, doc.getText().indexOf(words) + 2)).replace(/\\/g, '');
  }

  /** The speaker the hover names for the quote holding `words`. */
  async function speakerOnWords(doc: vscode.TextDocument, words: string): Promise<string> {
    return /\*\*Speaker:\*\* ([^\n(]*)/.exec(await hoverOnWords(doc, words))?.[1]?.trim() ?? '';
  }

  it('explains a quote: speaker, mention, cue, confidence and why', async () => {
    const { document: doc } = await openArticle('seeds', '000_03cb73ca90429b2a.txt');
    const analysis = api.analysisFor(doc.uri);
    const quote = analysis?.quotes.find((q) => doc.getText().slice(q.start, q.end).startsWith('The international community'));
    assert.ok(quote, 'the quote is detected');
    const text = hoverText(await hoversAt(doc, quote.start + 5));
    assert.match(text, /\*\*Quote\*\*/);
    assert.match(text, /confidence \d+%/);
    assert.match(text, /\*\*Speaker:\*\* Sergei Lavrov/);
    assert.match(text, /\*\*Cue:\*\* said/);
    assert.match(text, /\*\*Why:\*\*/);
    const why = /\*\*Why:\*\*(.*)/.exec(text)?.[1] ?? '';
    assert.equal(why.split('closed in the same paragraph').length - 1, 1, `each reason said once: ${why}`);
  });

  it('lists the quotes of a speaker when hovering a mention', async () => {
    const { document: doc } = await openArticle('seeds', '000_03cb73ca90429b2a.txt');
    const analysis = api.analysisFor(doc.uri);
    const lavrov = analysis?.speakers.find((s) => s.name === 'Sergei Lavrov');
    const mention = lavrov?.mentions[0];
    assert.ok(mention, 'Sergei Lavrov has a mention');
    const text = hoverText(await hoversAt(doc, mention.start + 1));
    assert.match(text, /\*\*Speaker:\*\* Sergei Lavrov/);
    assert.match(text, /\*\*Quotes\*\* \(\d+ in this article/);
    assert.match(text, /command:sourceAnnotator\.revealRange/);
  });

  it('paints the whole mention of a speaker and names the person in its hovers', async () => {
    const { document: doc } = await openArticle('seeds', '004_7c365add9fe75bb6.txt');
    const analysis = api.analysisFor(doc.uri);
    const hamoud = analysis?.speakers.find((s) => s.name === 'Yusef Hamoud');
    const mention = hamoud?.mentions[0];
    assert.ok(mention, 'Yusef Hamoud has a mention');
    // The mention is the phrase with its appositive; the speaker stays the person's name.
    assert.equal(doc.getText().slice(mention.start, mention.end), 'Yusef Hamoud, spokesman for the Turkish-backed National Army');
    const painted = api.shownHighlights(doc.uri)?.speakers.map((r) => doc.getText(r)) ?? [];
    assert.ok(painted.includes('Yusef Hamoud, spokesman for the Turkish-backed National Army'), 'the whole mention is painted');
    // Article text is escaped in hovers (“Hamoud\\, spokesman”): compare without the escapes.
    const onMention = hoverText(await hoversAt(doc, mention.end - 3)).replace(/\\/g, '');
    assert.match(onMention, /\*\*Speaker:\*\* Yusef Hamoud \(mentioned as “Yusef Hamoud, spokesman for the Turkish/);
    const quote = analysis?.quotes.find((q) => q.speakerId === hamoud?.id);
    assert.ok(quote, 'a quote of his');
    const onQuote = hoverText(await hoversAt(doc, quote.start + 2)).replace(/\\/g, '');
    assert.match(onQuote, /\*\*Speaker:\*\* Yusef Hamoud \(from \[“Yusef Hamoud, spokesman/);
  });

  it('names the person after an employer and a role, and paints the whole phrase, when a participle introduces the quote', async () => {
    const content = [
      'Clinton campaign spokesman Brian Fallon responded on Twitter, calling the charge “pathetic and dangerous.”',
      'Ed Rendell, a Clinton supporter, praised Sanders for what he has accomplished, calling him “a great candidate.”',
    ].join('\n\n');
    await withUntitledArticle(content, async (doc, shown) => {
      const painted = shown.speakers.map((r) => doc.getText(r));
      assert.ok(painted.includes('Clinton campaign spokesman Brian Fallon'), `painted: ${painted.join(' | ')}`);
      assert.ok(painted.includes('Ed Rendell, a Clinton supporter'), `the appositive ends at its comma: ${painted.join(' | ')}`);
      const onFallon = hoverText(await hoversAt(doc, content.indexOf('pathetic') + 2)).replace(/\\/g, '');
      assert.match(onFallon, /\*\*Speaker:\*\* Brian Fallon \(from \[“Clinton campaign spokesman Brian Fallon/);
      assert.match(onFallon, /\*\*Cue:\*\* calling/);
      const onRendell = hoverText(await hoversAt(doc, content.indexOf('a great candidate') + 2)).replace(/\\/g, '');
      assert.match(onRendell, /\*\*Speaker:\*\* Ed Rendell/);
    });
  });

  it('gives a quote to the source after “in the words of”, and dims a site’s note to its readers', async () => {
    const paragraphs = [
      'Mr. Obama made clear on Tuesday that Mrs. Clinton was, in the words of a senior adviser, “the torchbearer” of his legacy in the years to come.',
      'The president spent most of the afternoon with his staff, going over the speech he will give at the convention next week in Philadelphia.',
      'Aides said the speech would look back over eight years in office and ask voters to finish the work he had started, from health care to the climate.',
    ];
    const note = 'This article originally appeared in the Valley Courier.';
    const content = [...paragraphs, note, 'Privacy Policy'].join('\n\n');
    await withUntitledArticle(content, async (doc, shown) => {
      const onQuote = hoverText(await hoversAt(doc, content.indexOf('the torchbearer') + 3)).replace(/\\/g, '');
      assert.match(onQuote, /\*\*Speaker:\*\* senior adviser \(from \[“a senior adviser/);
      assert.match(onQuote, /\*\*Cue:\*\* in the words of/);
      const at = content.indexOf(note) + 5;
      assert.ok(shown.noise.some((r) => r.contains(doc.positionAt(at))), 'the note is dimmed');
      assert.match(hoverText(await hoversAt(doc, at)), /\*\*Boilerplate\*\* · other/);
    });
  });

  it('gives a quote to the role before a preposition, to a group named by its role, to the subject of a verb before an infinitive, and to the person a sentence opened by their surname is about', async () => {
    const content = [
      'Governor Charlie Baker and Mayor Marty Walsh met in Boston on Friday to discuss the budget.',
      'A spokeswoman for the governor said the review was “routine and long planned.”',
      'Border Patrol agents described the ground underneath the city as “Swiss cheese.”',
      'A spokesman for the mayor declined to comment but said the city was “reviewing the findings.”',
      'Baker, a Republican, disagreed with the plan. “That is not how I see it,” he said.',
    ].join('\n\n');
    await withUntitledArticle(content, async (doc) => {
      assert.equal(await speakerOnWords(doc, 'routine and long'), 'spokeswoman for the governor');
      assert.equal(await speakerOnWords(doc, 'Swiss cheese'), 'Border Patrol agents');
      assert.equal(await speakerOnWords(doc, 'reviewing the findings'), 'spokesman for the mayor');
      assert.equal(await speakerOnWords(doc, 'That is not how'), 'Charlie Baker');
    });
  });

  it('keeps a three-word headline over the article undimmed, and gives quotes to a participle’s subject, to the person an epithet or a pronoun stands for, and to a description as written', async () => {
    const content = [
      'Chipmaker beats forecasts',
      'In a statement, the union representing the factory workers called the offer “an insult to every family on the line.”',
      'Manager Pep Guardiola praised his side’s character after the game. “We never stopped believing,” the Spaniard said.',
      'Her son, Dmitri, 31, joined the bakery on Main Street last year after losing his job in tech.',
      '“In tech, nobody knew what I did all day,” he says.',
      'The mayor’s office said in an email that it was “monitoring the situation closely.”',
    ].join('\n\n');
    await withUntitledArticle(content, async (doc, shown) => {
      assert.ok(!shown.noise.some((r) => r.contains(doc.positionAt(3))), 'the headline is not dimmed');
      assert.equal(await speakerOnWords(doc, 'an insult to every'), 'union representing the factory workers');
      assert.equal(await speakerOnWords(doc, 'We never stopped'), 'Pep Guardiola');
      assert.equal(await speakerOnWords(doc, 'In tech, nobody'), 'Dmitri');
      assert.equal(await speakerOnWords(doc, 'monitoring the situation'), 'mayor’s office');
    });
  });

  it('keeps the article going past a subheading that opens with “More” and past a picture’s credit, and says why the credit is dimmed', async () => {
    const paragraphs = [
      'Russian Foreign Minister Sergei Lavrov rejected calls for a ceasefire between the government troops and militants in the region, speaking at a conference in Geneva on Tuesday.',
      '“The international community is required to block extremists who have raised their heads,” Lavrov said.',
      'On Monday the state news agency reported that the government forces had advanced further into the countryside, taking over four new villages from the militants.',
      'The announcement came after the president made major gains in the northwest of the country that led to his troops consolidating control over the province.',
    ];
    const [p1 = '', p2 = '', p3 = '', p4 = ''] = paragraphs;
    const credit = 'Sergei Lavrov speaks to reporters in Geneva on Tuesday. Credit: Reuters';
    const content = ['Menu', 'World', 'Politics', p1, 'More talks than results', p2, credit, p3, p4, 'Privacy Policy'].join('\n\n');
    await withUntitledArticle(content, async (doc, shown) => {
      const dimmed = (offset: number): boolean => shown.noise.some((r) => r.contains(doc.positionAt(offset)));
      for (const line of [...paragraphs, 'More talks than results']) assert.ok(!dimmed(content.indexOf(line) + 5), `not dimmed: ${line.slice(0, 40)}`);
      const at = content.indexOf(credit) + 5;
      assert.ok(dimmed(at), 'the credit is dimmed');
      const text = hoverText(await hoversAt(doc, at));
      assert.match(text, /\*\*Boilerplate\*\* · other/);
      assert.match(text, /credit phrase list/);
    });
  });

  it('keeps the headline above the byline undimmed when a caption’s label and caption stand above the article, and dims an advertisement’s notice, a pager link and a list of related topics', async () => {
    const paragraphs = [
      'The flood defences protecting 3,000 homes in Langport are to be upgraded at a cost of £12m, the Environment Agency has announced on Monday.',
      'Work on the new embankments will start in the spring and is expected to take two years, with the road along the river closed for much of that time.',
      '“We have been waiting a long time for this,” said Margaret Hill, 72, whose home on Bow Street was flooded in January.',
    ];
    const title = 'Local flood defences to get £12m upgrade';
    const caption = 'The River Parrett burst its banks in January';
    const [p1 = '', p2 = '', p3 = ''] = paragraphs;
    const notice = 'Story continues below advertisement';
    const content = ['Menu', 'News', title, 'By Sarah Jennings', 'Published 3 hours ago', 'Image source, Environment Agency', 'Image caption,', caption, p1, notice, p2, p3, '← Previous post', 'Related topics', 'Somerset', 'Flooding'].join('\n\n');
    await withUntitledArticle(content, async (doc, shown) => {
      const dimmed = (offset: number): boolean => shown.noise.some((r) => r.contains(doc.positionAt(offset)));
      assert.ok(!dimmed(content.indexOf(title) + 3), 'the headline is not dimmed');
      assert.ok(dimmed(content.indexOf(caption) + 3), 'the caption is dimmed');
      assert.match(hoverText(await hoversAt(doc, content.indexOf(caption) + 3)), /\*\*Boilerplate\*\*/);
      assert.ok(dimmed(content.lastIndexOf('Somerset') + 3), 'the related topic is dimmed');
      assert.ok(dimmed(content.indexOf(notice) + 3), 'the advertisement’s notice is dimmed');
      assert.ok(dimmed(content.indexOf('← Previous post') + 3), 'the pager link is dimmed');
      for (const p of paragraphs) assert.ok(!dimmed(content.indexOf(p) + 5), `not dimmed: ${p.slice(0, 30)}`);
    });
  });

  it('gives a headline’s quote to the name before its colon, in single quotes too', async () => {
    const content = "Biden: 'We will not back down' on Ukraine\n\nWASHINGTON (AP) — President Joe Biden vowed on Tuesday that the United States would stand with Ukraine, and Biden met his advisers.\n";
    await withUntitledArticle(content, async (doc) => {
      const hover = hoverText(await hoversAt(doc, content.indexOf('not back down'))).replace(/\\/g, '');
      assert.match(hover, /\*\*Speaker:\*\* Joe Biden/);
      assert.match(hover, /name before the colon of a headline/);
    });
  });

  it('gives a headline’s quote to the source who says those words later, a description to the one it was given to, a quote to an everyday source, to a name before its body and to the man a pronoun stands for', async () => {
    const content = [
      "'We were left with nothing': flood victims demand answers",
      'Residents of the village say they were given no warning before the river burst its banks.',
      "'The water came through the door in ten minutes. We were left with nothing,' said Margaret Hill, 72.",
      'Hans Keller, the billionaire who owns the mill, said he would pay for the repairs.',
      '“Nobody should be left alone with this,” the billionaire said.',
      '“It is a bold bet,” one investor told CNBC.',
      'Detective Constable Ian Hart of Sussex Police said outside the mill: “Nobody was hurt.”',
      'Striker Tom Baines scored twice. “I just hit it,” the 24-year-old said.',
      'City boss Neil Baxter was furious with the referee. “It was never a penalty,” he fumed.',
      'Analysts at Bernstein said the club was “worth more than ever.”',
    ].join('\n\n');
    await withUntitledArticle(content, async (doc) => {
      const headline = await hoverOnWords(doc, 'left with nothing');
      assert.match(headline, /\*\*Speaker:\*\* Margaret Hill/);
      assert.match(headline, /the headline quotes words that “Margaret Hill” says later/);
      assert.match(await hoverOnWords(doc, 'Nobody should be'), /\*\*Speaker:\*\* Hans Keller/);
      assert.match(await hoverOnWords(doc, 'It is a bold bet'), /\*\*Speaker:\*\* investor/);
      assert.match(await hoverOnWords(doc, 'Nobody was hurt'), /\*\*Speaker:\*\* Ian Hart \(from \[“Detective Constable Ian Hart of Sussex Police/);
      assert.match(await hoverOnWords(doc, 'never a penalty'), /\*\*Speaker:\*\* Neil Baxter/);
      assert.match(await hoverOnWords(doc, 'worth more than'), /\*\*Speaker:\*\* Analysts at Bernstein/);
    });
  });

  it('names the one a title, a company’s description, a statement or a surname of two words stands for', async () => {
    const content = [
      'Shipping firms fined over safety lapses',
      'The Prime Minister, Daniel Harcourt, has accused the operators of “playing games with people’s lives.”',
      'A spokesperson for Apex Logistics Inc. declined to comment. The company said in March that it was “cooperating fully with investigators.”',
      'Harbor Freight Lines declined to comment on the fine. In a statement last month, it said it had “invested heavily in crew training.”',
      'The Ministry of Transport released a statement on Monday. “Every finding will be published,” the statement said.',
      'Sameh Abdel Rahman, a canal official, spoke after the minister.',
      '“The canal is a global artery,” Abdel Rahman told reporters.',
      '“We were losing crews every summer,” said Carver Valley spokesperson Denise Albright.',
    ].join('\n\n');
    await withUntitledArticle(content, async (doc) => {
      assert.equal(await speakerOnWords(doc, 'playing games'), 'Daniel Harcourt');
      assert.equal(await speakerOnWords(doc, 'cooperating fully'), 'Apex Logistics Inc');
      assert.equal(await speakerOnWords(doc, 'invested heavily'), 'Harbor Freight Lines');
      assert.equal(await speakerOnWords(doc, 'Every finding'), 'Ministry of Transport');
      assert.equal(await speakerOnWords(doc, 'global artery'), 'Sameh Abdel Rahman');
      assert.equal(await speakerOnWords(doc, 'losing crews'), 'Denise Albright');
    });
  });

  it('names the person a family name written first or a first name alone stands for', async () => {
    const content = [
      'China vows to answer new tariffs',
      'At a briefing in Beijing, the foreign ministry spokesman, Mao Lin, said the measures broke trade rules.',
      '“We will take all necessary steps to protect our interests,” Mao said.',
      'Maria Delgado has run the bakery on Fifth Street for 20 years.',
      '“Every morning I come in at four,” Maria said.',
    ].join('\n\n');
    await withUntitledArticle(content, async (doc) => {
      assert.equal(await speakerOnWords(doc, 'necessary steps'), 'Mao Lin');
      assert.equal(await speakerOnWords(doc, 'Every morning'), 'Maria Delgado');
    });
  });

  it('names a person as written, without an occupation, a title or letters around the name', async () => {
    const content = [
      'Council backs the housing plan after a long night',
      'Kate O’Brien, a councillor for the north inner city, backed the plan on Monday night.',
      '“We are paying the price for years of delay,” O’Brien said.',
      'Simon Hartley KC, for the residents, spoke next. “These were people who trusted the council,” Hartley said.',
      'Teacher Marcus Olufemi spoke for the parents. “I love my building,” Olufemi said.',
      'Prime Minister Narendra Modi sent a message of support. “Every family deserves a home,” the Prime Minister said.',
    ].join('\n\n');
    await withUntitledArticle(content, async (doc) => {
      assert.equal(await speakerOnWords(doc, 'paying the price'), 'Kate O’Brien');
      assert.equal(await speakerOnWords(doc, 'people who trusted'), 'Simon Hartley');
      assert.equal(await speakerOnWords(doc, 'love my building'), 'Marcus Olufemi');
      assert.equal(await speakerOnWords(doc, 'deserves a home'), 'Narendra Modi');
    });
  });

  it('names the kind of a boilerplate line and why', async () => {
    const { document: doc } = await openArticle('seeds', '000_03cb73ca90429b2a.txt');
    const offset = doc.getText().indexOf('Subscribe to our channel');
    const text = hoverText(await hoversAt(doc, offset + 2));
    assert.match(text, /\*\*Boilerplate\*\* · subscribe/);
    assert.match(text, /\*\*Why:\*\*/);
  });

  it('leaves the headline and standfirst above the byline undimmed, however many share buttons stand before the body', async () => {
    const paragraphs = [
      'Russian Foreign Minister Sergei Lavrov rejected calls for a ceasefire between the government troops and militants in the region, speaking at a conference in Geneva on Tuesday.',
      '“The international community is required to block extremists who have raised their heads,” Lavrov said.',
      'On Monday the state news agency reported that the government forces had advanced further into the countryside, taking over four new villages from the militants.',
    ];
    const headline = 'Lavrov rejects calls for a ceasefire in Idlib province';
    const standfirst = 'Moscow says the militants must be driven out before any truce, as government troops advance.';
    const content = ['Skip to content', 'News', 'Sports', 'Home > News > World', headline, standfirst, 'By Dana Whitcomb', 'Published: March 12, 2024', 'Share this:', 'Facebook', 'Twitter', 'Email', 'Print', ...paragraphs].join('\n\n');
    await withUntitledArticle(content, async (doc, shown) => {
      const dimmed = (line: string): boolean => shown.noise.some((r) => r.contains(doc.positionAt(content.indexOf(line) + 3)));
      assert.ok(!dimmed(headline), 'the headline is not dimmed');
      assert.ok(!dimmed(standfirst), 'the standfirst is not dimmed');
      assert.ok(dimmed('By Dana Whitcomb') && dimmed('Share this:') && dimmed('Skip to content'), 'the byline, the share buttons and the menu are dimmed');
      assert.match(hoverText(await hoversAt(doc, content.indexOf('By Dana Whitcomb') + 3)), /\*\*Boilerplate\*\* · byline/);
    });
  });

  it('leaves a headline undimmed whose number follows a word opening like a month, and dims a date line', async () => {
    const headline = 'Family bakery marks 50 years on Main Street';
    const content = [
      headline,
      'Updated March 5, 2024 at 10:02 am',
      'Maria Delgado was 19 when she first rolled dough in her father’s shop on Main Street, and she has baked there every morning since, through two floods and a fire.',
      '“I will bake until my hands give out,” Maria said, as the first customers of the day queued outside in the rain.',
      'Her brother, Luis Delgado, joined two years later and still runs the ovens, though he says his knees now tell him it is time to hand over to the next generation.',
    ].join('\n\n');
    await withUntitledArticle(content, async (doc, shown) => {
      const dimmed = (line: string): boolean => shown.noise.some((r) => r.contains(doc.positionAt(content.indexOf(line) + 3)));
      assert.ok(!dimmed(headline), 'the headline is not dimmed');
      assert.ok(dimmed('Updated March 5'), 'the date line is dimmed');
      assert.match(hoverText(await hoversAt(doc, content.indexOf('Updated March 5') + 3)), /\*\*Boilerplate\*\* · byline/);
    });
  });

  it('keeps the article going past a box of links without a header, and says why the box is boilerplate', async () => {
    const paragraphs = [
      'Russian Foreign Minister Sergei Lavrov rejected calls for a ceasefire between the government troops and militants in the region, speaking at a conference in Geneva on Tuesday.',
      '“The international community is required to block extremists who have raised their heads,” Lavrov said.',
      'On Monday the state news agency reported that the government forces had advanced further into the countryside, taking over four new villages from the militants.',
      'The announcement came after the president made major gains in the northwest of the country that led to his troops consolidating control over the province.',
    ];
    const headline = 'The ethics of artificial intelligence: a path toward responsible machines';
    const [p1 = '', p2 = '', p3 = '', p4 = ''] = paragraphs;
    const content = ['Menu', 'World', 'Politics', p1, p2, headline, 'Read More', headline, 'Read More', p3, p4, 'Privacy Policy'].join('\n\n');
    await withUntitledArticle(content, async (doc, shown) => {
      const dimmed = (offset: number): boolean => shown.noise.some((r) => r.contains(doc.positionAt(offset)));
      for (const p of paragraphs) assert.ok(!dimmed(content.indexOf(p) + 5), `not dimmed: ${p.slice(0, 40)}`);
      const at = content.indexOf(headline) + 5;
      assert.ok(dimmed(at), 'the box’s headline is dimmed');
      const text = hoverText(await hoversAt(doc, at));
      assert.match(text, /\*\*Boilerplate\*\* · related\\?-links/);
      assert.match(text, /in a box of links to other articles between paragraphs of the article/);
    });
  });

  it('keeps the article going past a gallery of pictures, and says why the names under the pictures are dimmed', async () => {
    const before = [
      'Russian Foreign Minister Sergei Lavrov rejected calls for a ceasefire between the government troops and militants in the region, speaking at a conference in Geneva on Tuesday.',
      '“The international community is required to block extremists who have raised their heads,” Lavrov said.',
      'On Monday the state news agency reported that the government forces had advanced further into the countryside, taking over four new villages from the militants.',
      'The announcement came after the president made major gains in the northwest of the country that led to his troops consolidating control over the province.',
      'Residents of the border villages described nights of shelling that drove families into basements and cellars, where many of them stayed for days without electricity or running water.',
      'The government has said that the offensive will continue until the last of the militant groups leaves the province, a promise the opposition called a pretext for taking back the whole region by force.',
      'Diplomats in Geneva said that talks on a new ceasefire had stalled over the question of who would monitor the front line, with neither side willing to accept observers chosen by the other.',
      'Turkey, which already hosts more than three million refugees, has said it cannot take in another wave and has reinforced its positions along the frontier with troops and armoured vehicles.',
    ];
    const gallery = ['Victor Virgile/Getty Images', 'Simone Rocha', 'WWD/Getty Images', 'Chopova Lowena', 'Sandy Liang', 'Pascal Le Segretain/Getty Images', 'Chanel'];
    const after = [
      'Farmers in the valley said the fighting had come at the worst possible time, just as the olive harvest was about to begin, and that most of the crop would now be left to rot on the trees this year. Teachers in the town have moved their lessons into a mosque on the outskirts.',
      'The local council, which was elected two years ago, said it had run out of money to pay its workers and that rubbish had been piling up in the streets of the old market for nearly three weeks.',
    ];
    const content = ['Menu', 'World', 'Politics', ...before, ...gallery, ...after, 'Privacy Policy', 'Terms of Use'].join('\n\n');
    await withUntitledArticle(content, async (doc, shown) => {
      const dimmed = (offset: number): boolean => shown.noise.some((r) => r.contains(doc.positionAt(offset)));
      for (const p of [...before, ...after]) assert.ok(!dimmed(content.indexOf(p) + 5), `not dimmed: ${p.slice(0, 40)}`);
      const at = content.indexOf('Simone Rocha') + 3;
      assert.ok(dimmed(at), 'the name under a picture is dimmed');
      const text = hoverText(await hoversAt(doc, at));
      assert.match(text, /\*\*Boilerplate\*\* · other/);
      assert.match(text, /a name under a picture of a gallery between paragraphs of the article/);
    });
  });

  it('escapes article text so a crafted article cannot add links, HTML or commands', async () => {
    const { document: doc } = await openArticle('crafted', 'markdown-injection.txt');
    const offset = doc.getText().indexOf('the full statement');
    const hovers = await hoversAt(doc, offset);
    const text = hoverText(hovers);
    assert.match(text, /\*\*Quote\*\*/, 'the crafted quote is detected and hovered');
    // The only links are the extension's own, to its enabled commands.
    const targets = [...text.matchAll(/\]\(([^)]*)\)/g)].map((m) => m[1] ?? '');
    for (const target of targets) assert.match(target, /^command:sourceAnnotator\.(revealRange|tagSelection|acceptSuggestion|rejectSuggestion)\?/, `unexpected link target ${target}`);
    assert.ok(!text.includes('command:sourceAnnotator.exportCleanText'), 'the article’s command link is not reproduced');
    assert.ok(text.includes('\\<a href'), 'the HTML of the article is shown escaped');
    assert.ok(!/(^|[^\\])</.test(text), 'no unescaped < that could open an HTML tag');
    assert.ok(!text.includes('**stay calm**'), 'no emphasis from the article');
    for (const hover of hovers) {
      for (const content of hover.contents) {
        if (typeof content === 'string' || !('isTrusted' in content)) continue;
        const trusted = content.isTrusted;
        assert.ok(trusted !== true, 'hover markdown is never fully trusted');
        if (trusted) assert.ok(trusted.enabledCommands.every((c) => c.startsWith('sourceAnnotator.')));
        assert.ok(!content.supportHtml, 'no HTML support');
      }
    }
  });
});
