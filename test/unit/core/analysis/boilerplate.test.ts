import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../../../src/core/analysis/analyze';
import type { NoiseKind } from '../../../../src/core/analysis/types';
import { repoRoot } from './helpers';

const ARTICLE = [
  'Russian Foreign Minister Sergei Lavrov rejected calls for a ceasefire between the Syrian government troops and militants in the Idlib region, speaking at the conference of the UN Human Rights Council in Geneva on Tuesday.',
  '“The international community and the Human Rights Council are required to block extremists who have raised their heads,” Lavrov said.',
  'On Monday the state news agency reported that the government forces had advanced further into the Idlib countryside, taking over four new villages from the militants in the region.',
  'The announcement came after the president made major gains in the northwest of the country that led to his troops consolidating control over the province and the roads around it.',
];

/** The kind given to `line` when it is placed in `layout` around the article ("A" = the article). */
function kindOf(text: string, line: string): NoiseKind | null {
  const start = text.indexOf(line);
  const n = analyze(text).noise.find((x) => x.start === start);
  return n ? n.kind : null;
}

function page(before: string[], after: string[]): string {
  return [...before, ...ARTICLE, ...after].join('\n\n');
}

describe('noise: kinds of boilerplate lines', () => {
  const cases: [string, string[], string[], string, NoiseKind][] = [
    ['subscribe line', ['Lavrov rejects a ceasefire in Idlib', 'Subscribe to our channel! rupt.ly/subscribe'], [], 'Subscribe to our channel! rupt.ly/subscribe', 'subscribe'],
    ['video id', [], ['Video ID: 20200225-032', 'Video on Demand: https://ruptly.tv/videos/20200225-032'], 'Video ID: 20200225-032', 'video'],
    ['contact line', [], ['Contact: cd@ruptly.tv'], 'Contact: cd@ruptly.tv', 'contact'],
    ['social link', [], ['Twitter: http://twitter.com/Ruptly', 'Facebook: http://www.facebook.com/Ruptly'], 'Facebook: http://www.facebook.com/Ruptly', 'social'],
    ['comment form', [], ['Please enter your comment!', 'Please enter your name here'], 'Please enter your name here', 'comment-form'],
    ['comments header', [], ['No comments'], 'No comments', 'comment'],
    ['trending header', [], ['Trending', 'randomposts'], 'Trending', 'related-links'],
    ['a link to the next story', [], ['Next: Miley Cyrus Shares a Cover of a Holiday Song While on Tour'], 'Next: Miley Cyrus', 'related-links'],
    ['a link after "Read:"', [], ['Read: The unspoken wedge between parents and grandparents'], 'Read: The unspoken', 'related-links'],
    ['an embedded post’s credit', [], ['A post shared by The Chicks (@thechicks)'], 'A post shared by', 'social'],
    ['a contributor line', [], ['FOX News’ Landon Mion contributed to this report.'], 'FOX News’ Landon Mion', 'byline'],
    ['an app prompt', [], ['Install the Sky News app for free'], 'Install the Sky News app', 'subscribe'],
    ['a contributor line with a place', [], ['Keith Bradsher contributed reporting from Hong Kong.'], 'Keith Bradsher contributed', 'byline'],
    ['a script notice', [], ['This slideshow requires JavaScript.'], 'This slideshow requires', 'chrome'],
    ['a sharing prompt after a question', [], ['Like this story? Share it with a friend!'], 'Like this story?', 'social'],
    ['a link to the site’s other story', [], ['Also on rt.com Journalists and politicians threatened with arrest'], 'Also on rt.com', 'related-links'],
    ['a skip link', ['Skip to the content'], [], 'Skip to the content', 'chrome'],
    ['a paywall link', [], ['To Read the Full Story'], 'To Read the Full Story', 'related-links'],
    ['a prompt to follow the author', [], ['Follow Victor Davis Hanson on Twitter'], 'Follow Victor Davis Hanson', 'social'],
    ['a prompt to share', [], ['Share your thoughts with friends.'], 'Share your thoughts', 'social'],
    ['a link to the site’s other story, after its name', [], ['On HoustonChronicle.com: Car sales plunge nearly 17 percent in August'], 'On HoustonChronicle.com', 'related-links'],
    ['a trust badge', [], ['Why you can trust Sky News'], 'Why you can trust', 'chrome'],
    ['a picture’s source, after a comma', ['Lavrov rejects a ceasefire in Idlib', 'Image source, Reuters'], [], 'Image source, Reuters', 'other'],
    ['a list header of topics', [], ['Related topics', 'Diplomacy', 'Middle East'], 'Related topics', 'related-links'],
    ['an advertisement’s notice', [], ['Story continues below advertisement'], 'Story continues below', 'chrome'],
    ['an advertisement’s label with a prompt', [], ['Advertisement · Scroll to continue'], 'Advertisement · Scroll', 'chrome'],
    ['a link that opens a new tab', [], ['Acquire Licensing Rights, opens new tab'], 'Acquire Licensing Rights', 'chrome'],
    ['a wire service’s standards', [], ['Our Standards: The Thomson Reuters Trust Principles.'], 'Our Standards:', 'chrome'],
    ['a wire story’s credits in brackets', [], ['(Reporting by Will Dunham; Editing by Tom Brown)'], '(Reporting by Will Dunham', 'byline'],
    [
      'a wire story’s long credits',
      [],
      ['Reporting by Rodrigo Campos; additional reporting by Stephanie Kelly, Saqib Iqbal Ahmed and Gertrude Chavez-Dreyfuss in New York; Editing by Nick Zieminski and Dan Grebler'],
      'Reporting by Rodrigo Campos',
      'byline',
    ],
    ['a pager link with its arrow before', [], ['← Previous post', 'Next post →'], '← Previous post', 'chrome'],
    ['a pager link with its arrow after', [], ['← Previous post', 'Next post →'], 'Next post →', 'chrome'],
    ['sharing options with the headline', ['Share All sharing options for: How Ash Ketchum finally became a Pokémon master'], [], 'Share All sharing options', 'social'],
    ['a sharing prompt', [], ['Share or comment on this article: Lavrov rejects a ceasefire in Idlib as capitulation'], 'Share or comment', 'social'],
    [
      'a long list of tags',
      [],
      ['Filed Under: Politics, World, Syria, Russia, Idlib, Sergei Lavrov, United Nations, Human Rights Council, Geneva, ceasefire, militants, extremists, troops, villages, government forces, northwest, province, state news agency, conference, international community, Middle East, diplomacy, war, refugees, humanitarian aid, Turkey, border, offensive, civilians'],
      'Filed Under:',
      'chrome',
    ],
    [
      'headline list under a header',
      [],
      [' Top stories', 'The earthquake caused a temporary blackout, damaged many buildings and closed a number of rural roads in the region.', 'Partner news'],
      'The earthquake caused a temporary blackout, damaged many buildings and closed a number of rural roads in the region.',
      'related-links',
    ],
    ['navigation above the title', ['news', 'Followers', 'Lavrov rejects a ceasefire in Idlib as capitulation'], [], 'news', 'chrome'],
    ['duplicated title', ['Lavrov rejects a ceasefire in Idlib', 'Lavrov rejects a  ceasefire in Idlib'], [], 'Lavrov rejects a  ceasefire in Idlib', 'duplicate'],
    ['copyright line', [], ['© 2005-2019 SlashGear, All Rights Reserved.'], '© 2005-2019 SlashGear, All Rights Reserved.', 'chrome'],
    [
      'commerce disclosure',
      ['By Jane Roe', 'All products featured here are independently selected by our editors. If you buy something through our links, we may earn an affiliate commission.'],
      [],
      'All products featured here are independently selected',
      'chrome',
    ],
    ['fact check credit', ['By Jane Roe', 'Fact checked by Sarah Scott'], [], 'Fact checked by Sarah Scott', 'chrome'],
    ['author bio after the article', [], ['Jane Roe is a freelance lifestyle writer and editor whose work has appeared in several magazines.'], 'Jane Roe is a freelance', 'byline'],
    ['author beat after the article', [], ['John Doe writes about national security and legal policy from Washington.'], 'John Doe writes about', 'byline'],
    ['a widget that failed', [], ['Something went wrong. Try again later'], 'Something went wrong', 'chrome'],
    ['an appeal for money', [], ['Support our journalism', 'We cannot do this without your help. Support our newsroom by contributing as little as $1.'], 'We cannot do this', 'subscribe'],
    ['an embedded post\'s prompt', [], ['View this post on Instagram'], 'View this post on Instagram', 'social'],
    ['a row of sharing buttons', ['Facebook Twitter Pinterest LinkedIn Email'], [], 'Facebook Twitter Pinterest', 'social'],
    ['the author box\'s header', [], ['About the Author'], 'About the Author', 'chrome'],
    [
      'consent to the site\'s terms under a sign-up form',
      [],
      ['By submitting your information you agree to the Terms & Conditions and Privacy Policy and are aged 16 or over.'],
      'By submitting your information',
      'other',
    ],
    [
      'an invitation to write to the editor',
      [],
      ['The Times is committed to publishing a diversity of letters to the editor. We’d like to hear what you think about this or any of our articles. Here are some tips.'],
      'The Times is committed',
      'other',
    ],
    ['an invitation to the site\'s forums', [], ['Join our Space Forums to keep talking space on the latest missions, night sky and more!'], 'Join our Space Forums', 'other'],
    ['a community the reader may sign in to', [], ['Eurogamer welcomes videogamers of all types, so sign in and join our community!'], 'Eurogamer welcomes', 'other'],
    [
      'a health disclaimer',
      [],
      ['The information contained in this article is for educational and informational purposes only and is not intended as health or medical advice.'],
      'The information contained',
      'other',
    ],
    ['where the piece first ran', [], ['This article originally appeared on VICE Belgium.'], 'This article originally appeared', 'other'],
    ['an editor\'s note on where the piece first ran', [], ['Editor’s note: This story originally appeared in the winter issue of Coast Magazine.'], 'Editor’s note: This story', 'other'],
    ['a link to a schedule', [], ['For Michigan\'s full 2023-24 schedule, click here.'], 'For Michigan\'s full', 'other'],
    ['a caption ending with its credit', [], ['The canal towpath at Leighton, where the rescue took place (Image: Getty)'], 'The canal towpath', 'other'],
    ['the field of a sign-up form', [], ['Enter email'], 'Enter email', 'comment-form'],
    ['an author line', ['Author: Jenna Morales (KTVN)'], [], 'Author: Jenna Morales', 'byline'],
    ['a prompt to hear the article', ['Listen to this article'], [], 'Listen to this article', 'chrome'],
    ['a portal’s break in the story', [], ['Story continues'], 'Story continues', 'chrome'],
  ];
  for (const [name, before, after, line, kind] of cases) {
    it(name, () => assert.equal(kindOf(page(before, after), line), kind));
  }
  it('numbered reader comments and their continuation lines', () => {
    const text = page(
      [],
      [
        'Video ID: 20200225-032',
        'Contact: cd@ruptly.tv',
        'Twitter: http://twitter.com/Ruptly',
        '  1. Well done Switzerland, they dont deserve language of peace and we are with you all the way in this fight against the terror of these groups.',
        "  2. It was the same nonsense America said that they wouldn't negotiate with terrorist (Taliban)\n    Here they are now begging to come to common ground.",
      ],
    );
    assert.equal(kindOf(text, '  1. Well done'), 'comment');
    assert.equal(kindOf(text, '    Here they are now'), 'comment');
  });
  it('a pull-quote box repeating a paragraph', () => {
    const repeated = ARTICLE[2] ?? '';
    const text = [...ARTICLE.slice(0, 3), 'FASTFACT', repeated, ...ARTICLE.slice(3)].join('\n');
    assert.equal(kindOf(text, 'FASTFACT'), 'pull-quote');
    const lines = analyze(text).noise.filter((n) => text.slice(n.start, n.end) === repeated);
    assert.equal(lines.length, 1, 'only the repetition is noise');
    assert.equal(lines[0]?.kind, 'pull-quote');
    assert.ok(lines[0] && lines[0].start > text.indexOf('FASTFACT'));
  });
});

describe('noise: lines of links and addresses', () => {
  // The share of the line in links, addresses, handles and hashtags, with "@" in the line or not.
  const cases: [string, number][] = [
    ['desk@example.org or news@example.com', 89],
    ['Write to desk@example.org', 64],
    ['Mail desk@example.org, #news', 75],
    ['example.com/news and example.org/world', 87],
    ['www.example.com/a, t.co/xyz', 96],
    ['#news: example.com/news', 91],
  ];
  for (const [line, percent] of cases) {
    it(`${percent}% of ${JSON.stringify(line)}`, () => {
      const text = page([], [line]);
      const n = analyze(text).noise.find((x) => x.start === text.indexOf(line));
      assert.equal(n?.kind, 'other');
      assert.ok(n?.evidence.some((e) => e.rule === 'link-density' && e.detail.startsWith(`${percent}% `)), JSON.stringify(n?.evidence));
    });
  }
});

describe('noise: single lines of real pages, below an article', () => {
  const cases: [string, NoiseKind][] = [
    ['Skip to content', 'chrome'],
    ['Share this with Facebook', 'social'],
    ['258 Shares', 'social'],
    ['Image copyright Getty Images', 'other'],
    ['Image caption Scooter Braun has managed Justin Bieber, among others, throughout his career in music', 'other'],
    ['© 2005 - 2019 Healthline Media. All rights reserved.', 'chrome'],
    ['Let our news meet your inbox. The news and stories that matters, delivered weekday mornings.', 'subscribe'],
    ['Related: SpaceX\'s Starship and Super Heavy Mars Rocket in Pictures', 'related-links'],
    ['Apple TV+ \'Dickinson\' not shying away from sex in NYC premiere ~2 months ago', 'related-links'],
    ['Written by Rachael Link, MS, RD on November 14, 2019', 'byline'],
    ['Topics: Royals, Jeffrey Epstein, Sexual Assault, Media', 'chrome'],
    ['Home > News > Politics > White House', 'chrome'],
    ['Sign up to get an email from reporter Ryan Grim when he publishes a new story.', 'subscribe'],
  ];
  for (const [line, kind] of cases) {
    it(`${kind}: ${line}`, () => {
      const text = [...ARTICLE.slice(0, 2), line, ...ARTICLE.slice(2)].join('\n');
      assert.equal(kindOf(text, line), kind);
    });
  }
});

describe('noise: a page without a paragraph of article text', () => {
  it('marks only the lines of boilerplate phrases, and none for where it stands', () => {
    const text = ['Menu', 'Lavrov in Geneva', 'A short caption here', 'Share on Facebook', 'Ceasefire talks stall'].join('\n');
    assert.deepEqual(
      analyze(text).noise.map((n) => [text.slice(n.start, n.end), n.kind]),
      [
        ['Menu', 'chrome'],
        ['Share on Facebook', 'social'],
      ],
    );
  });
});

describe('noise: the article stays', () => {
  // "By" then a lower-case word opens a sentence; a byline names somebody ("By Tom Parfitt", "BY TOM PARFITT").
  const byClauses = ['By noon the doors had opened.', 'By then it was too late to turn back.', 'by dawn the water had receded'];
  for (const line of byClauses) {
    it(`keeps a short paragraph that opens with "by" and a lower-case word: ${line}`, () => {
      const text = [...ARTICLE.slice(0, 2), line, ...ARTICLE.slice(2)].join('\n\n');
      assert.equal(kindOf(text, line), null);
    });
  }
  for (const line of ['By Tom Parfitt', 'BY TOM PARFITT', 'Reporting by Ana Lima', 'WRITTEN BY Rachael Link', 'Written By Jane Doe', 'Story By Tom Roe', 'Photo By Getty Images']) {
    it(`takes a byline with a name for a byline: ${line}`, () => {
      const text = [...ARTICLE.slice(0, 2), line, ...ARTICLE.slice(2)].join('\n\n');
      assert.equal(kindOf(text, line), 'byline');
    });
  }
  // The headline and standfirst above the byline, with share buttons and dates before the body.
  const header = ['Skip to content', 'News', 'Sports', 'Opinion', 'Obituaries', 'Home > News > World'];
  const underByline = ['Published: March 12, 2024 at 6:45 p.m.', 'Share this:', 'Facebook', 'Twitter', 'Email', 'Print', 'WhatsApp', 'Reddit'];
  const headline = 'Lavrov rejects calls for a ceasefire in Idlib province';
  const standfirst = 'Moscow says the militants must be driven out before any truce, as government troops advance.';
  it('keeps a headline above the byline however many share buttons stand before the body', () => {
    const text = [...header, headline, 'By Dana Whitcomb', ...underByline, ...ARTICLE].join('\n\n');
    assert.equal(kindOf(text, headline), null);
    assert.equal(kindOf(text, 'By Dana Whitcomb'), 'byline');
    assert.equal(kindOf(text, 'Share this:'), 'social');
  });
  it('keeps a headline and its standfirst above the byline', () => {
    const text = [...header, headline, standfirst, 'By Dana Whitcomb', ...underByline, ...ARTICLE].join('\n\n');
    assert.equal(kindOf(text, headline), null);
    assert.equal(kindOf(text, standfirst), null);
  });
  it('keeps a headline and a standfirst without its full stop above a byline that names the story’s author', () => {
    const dek = 'Moscow says the militants must be driven out before any truce';
    const text = [...header, headline, dek, 'Story by Dana Whitcomb', ...underByline, ...ARTICLE].join('\n\n');
    assert.equal(kindOf(text, headline), null);
    assert.equal(kindOf(text, dek), null);
  });
  // Sentences of an article that read like a site's notes to its readers.
  const notesInArticle = [
    'The study, which was first published in Nature in 2019, has since been cited more than a thousand times.',
    'Residents were invited to join the community forum at the town hall on Tuesday evening.',
    '“Click here to claim your prize,” the message read, before asking for a bank card number.',
    'The company said the app was not a medical device and its advice should be checked with a doctor.',
  ];
  for (const line of notesInArticle) {
    it(`keeps a sentence of the article that reads like a note to readers: ${line}`, () => {
      const text = [...ARTICLE.slice(0, 2), line, ...ARTICLE.slice(2)].join('\n\n');
      assert.equal(kindOf(text, line), null);
    });
  }
  it('marks none of the article lines and keeps the title', () => {
    const title = 'Lavrov rejects Idlib cease-fire as capitulating before terrorists';
    const text = page([title], ['Comments']);
    const noisy = analyze(text).noise.map((n) => text.slice(n.start, n.end));
    assert.deepEqual(noisy, ['Comments']);
  });
  it('takes no sentence of the article for a list header, and keeps short quote paragraphs', () => {
    const text = [...ARTICLE, 'More to come.', '“We will see,” he said.', '“Not yet,” Lavrov added.', '“Maybe next week,” he said.', '“That is all,” he said.'].join('\n\n');
    assert.deepEqual(analyze(text).noise, []);
    assert.equal(analyze(text).quotes.length, 5);
  });
  it('gives every line a confidence and evidence', () => {
    const text = page(['Menu', 'Search'], ['Privacy Policy', 'Terms of Use']);
    const noise = analyze(text).noise;
    assert.ok(noise.length >= 4);
    for (const n of noise) {
      assert.ok(n.confidence > 0 && n.confidence <= 1);
      assert.ok(n.evidence.length > 0);
    }
  });
  it('hides quotes inside boilerplate', () => {
    const text = page([], ['Popular posts from this blog', '‘Not Hospital, it is a hideout’: Israel releases ‘confessions’ | Exclusive']);
    const quoted = analyze(text).quotes.map((q) => text.slice(q.start, q.end));
    assert.deepEqual(quoted, ['The international community and the Human Rights Council are required to block extremists who have raised their heads,']);
  });
});

describe('noise: the body is the article laid out in paragraphs', () => {
  const paragraphs = [
    ...ARTICLE,
    'Aid agencies said more than half a million people had fled the fighting since December, most of them women and children who were now living in tents and unfinished buildings near the border.',
    'The United Nations has warned that the offensive could lead to the worst humanitarian crisis of the war, and its envoy asked both sides to allow convoys of food and medicine into the region.',
    'Turkey, which backs some of the rebel groups, has sent thousands of troops and armoured vehicles into the province and said it would not allow the government to push further north.',
    'In Moscow, officials said the talks with their Turkish counterparts had been useful but that no agreement had been reached on how to separate the militants from the moderate opposition.',
    'Residents of the city described nights of shelling and said that many families had moved several times in a few weeks as the front line came closer to the places where they had taken refuge.',
    'The foreign minister is expected to meet his Turkish counterpart again next week, and both governments said that a meeting of their presidents was possible if the talks made progress.',
    'Analysts in Ankara said the two countries had too much at stake in trade and energy to let the dispute over the province turn into an open confrontation between their armies.',
    'The government has promised to reopen the main highway through the region within days, a route that was closed for most of the war and that links the capital with the largest city in the north.',
  ];
  // Pages repeat the whole article as one line of metadata (a description field) below the footer.
  const dump = paragraphs.join(' ');
  const title = 'Lavrov rejects a ceasefire in Idlib as capitulation';
  const metadata = [title, 'Tom Parfitt', '2020-02-25T10:00:00+01:00', 'https://example.com/images/lavrov-idlib-500-250.jpg', dump];
  const text = ['Menu', title, ...paragraphs, 'Share on Facebook', ...metadata, 'Privacy Policy'].join('\n\n');
  it('keeps every paragraph of the article when a copy of it in one line follows', () => {
    const noisy = new Set(analyze(text).noise.map((n) => text.slice(n.start, n.end)));
    for (const p of paragraphs) assert.ok(!noisy.has(p), `marked as boilerplate: ${p}`);
    assert.ok(noisy.has('Menu'));
  });
  it('leaves the copy of the article, its own words, undimmed, and takes the rest of the metadata for noise', () => {
    const noisy = new Set(analyze(text).noise.map((n) => text.slice(n.start, n.end)));
    assert.ok(!noisy.has(dump));
    assert.ok(noisy.has('https://example.com/images/lavrov-idlib-500-250.jpg'));
    assert.ok(noisy.has('2020-02-25T10:00:00+01:00'));
  });
  // The copy is compared on keys (case, quotation marks and runs of spaces aside), with the first
  // 200 characters of the keys of the first two paragraphs.
  // A word ending in a capital sigma and dots (lower-cased to a final sigma, by what follows the
  // dots) made to end at the first space after the 200th character.
  const sigmaAtCut = (p: string): string => {
    const at = p.indexOf(' ', 190);
    if (at < 0) return p;
    const edited = `${p.slice(0, at)} ΟΔΥΣΣΕΥΣ..${p.slice(at)}`;
    assert.ok(at <= 200 && edited.indexOf(' ', 201) === at + 11);
    return edited;
  };
  const variants: [string, (p: string) => string, (d: string) => string][] = [
    ['in capitals with runs of spaces', (p) => p, (d) => d.toUpperCase().replaceAll(', ', ',   ')],
    ['whose opening holds a Greek final sigma at its 200th character', (p) => sigmaAtCut(p), (d) => d],
    ['whose opening has a long run of spaces at its 200th character', (p) => p.replace('speaking at', `speaking${' '.repeat(300)}at`), (d) => d.replace(/ {300}/, ' ')],
  ];
  for (const [name, edit, copy] of variants) {
    it(`leaves a copy undimmed, ${name}`, () => {
      const edited = paragraphs.map((p, k) => (k < 2 ? edit(p) : p));
      const dumped = copy(edited.join(' '));
      const page3 = ['Menu', title, ...edited, 'Share on Facebook', ...metadata.slice(0, -1), dumped, 'Privacy Policy'].join('\n\n');
      assert.ok(!analyze(page3).noise.some((n) => n.start === page3.lastIndexOf(dumped)));
    });
  }
  it('takes a repetition of the opening paragraph alone for noise as before', () => {
    const lede = paragraphs[0] ?? '';
    const page2 = ['Menu', title, ...paragraphs, 'Share on Facebook', 'Privacy Policy', lede].join('\n\n');
    assert.ok(analyze(page2).noise.some((n) => n.start === page2.lastIndexOf(lede) && n.kind === 'duplicate'));
  });
});

describe('noise: a line that is only a date', () => {
  const cases: [string, NoiseKind | null][] = [
    ['November 19, 2019 at 6:34 am', 'byline'],
    ['Wednesday, November 20, 2019', 'byline'],
    ['19 Nov 2019, 9:42am', 'byline'],
    ['Nov. 20, 2019, 9:28 AM UTC', 'byline'],
    ['2019-11-13', 'byline'],
    // A date inside a sentence is article text.
    ['On November 19, 2019, the ministry said the talks would go on.', null],
    ['Source: Russian Defense Ministry, October 25, 2019', null],
  ];
  for (const [line, kind] of cases) {
    it(`${kind ?? 'article'}: ${line}`, () => {
      const text = [...ARTICLE.slice(0, 2), line, ...ARTICLE.slice(2)].join('\n\n');
      assert.equal(kindOf(text, line), kind);
    });
  }
});

describe('noise: reader comments signed with a name and a date', () => {
  const comments = [
    'I skimmed your report, and did not see any analysis of what the ceasefire would mean for the people who are still living in the province and cannot leave it.',
    'We have not yet reviewed the follow-up paper, but we plan to consider it as part of our year-end review of the region, which we will publish in the spring.',
    'As usual too many mistakes by the negotiators. Both sides keep promising a ceasefire and nothing changes for the families who live near the front line, and nobody is held to account.',
  ];
  it('takes comments under "X on <date> said:" for comments, however long, and keeps the article', () => {
    const text = page(['Lavrov rejects a ceasefire in Idlib'], ['Comments', 'Milan on September 12, 2018 at 4:47 pm said:', comments[0] ?? '', 'Catherine (Editor) on September 13, 2018 at 5:23 pm said:', comments[1] ?? '', comments[2] ?? '']);
    for (const c of comments) assert.equal(kindOf(text, c), 'comment', c);
    assert.equal(kindOf(text, 'Milan on September 12'), 'comment');
    for (const p of ARTICLE) assert.equal(kindOf(text, p), null, p);
  });
  it('reads a line with a byte-order mark inside as the same line without it', () => {
    for (const line of ['Share on Face\uFEFFbook', '\uFEFFNo comments', 'No comments\uFEFF', '\uFEFFShare\uFEFF on \uFEFF\uFEFFFacebook\uFEFF', 'Sub\uFEFFscri\uFEFFbe to our news\uFEFFletter']) {
      const plain = line.replace(/\uFEFF/g, '');
      const kind = kindOf(page([], [plain]), plain);
      assert.notEqual(kind, null);
      assert.equal(kindOf(page([], [line]), line), kind);
    }
  });

  it('takes "name says:" above a date for a comment signature', () => {
    const text = page([], ['Share this:', 'thelastfan says:', 'November 19, 2019 at 6:34 am', comments[2] ?? '', 'joetoronto says:', 'November 19, 2019 at 6:44 am', comments[0] ?? '']);
    assert.equal(kindOf(text, 'thelastfan says:'), 'comment');
    assert.equal(kindOf(text, 'joetoronto says:'), 'comment');
    assert.equal(kindOf(text, comments[0] ?? ''), 'comment');
    for (const p of ARTICLE) assert.equal(kindOf(text, p), null, p);
  });
  it('keeps a line ending "says:" that introduces a quotation in the article', () => {
    const quoted = '“The international community is required to block extremists who have raised their heads in the region,” it says in its final paragraph.';
    const text = [...ARTICLE.slice(0, 2), 'The statement says:', quoted, ...ARTICLE.slice(2)].join('\n\n');
    assert.equal(kindOf(text, 'The statement says:'), null);
    assert.equal(kindOf(text, quoted), null);
  });
  it('takes "Name commented on" in a list of recent comments for a comment signature', () => {
    assert.equal(kindOf([...ARTICLE, 'Recent Comments', 'Colin Rust commented on', 'Why you might get a letter from us'].join('\n\n'), 'Colin Rust commented on'), 'comment');
  });
});

describe('noise: a table of the article laid out as lines after its last paragraph', () => {
  const cases: [string, string[]][] = [
    ['qualified teams', ['Qualified teams', 'England (Group A): 10th appearance', 'Czech Republic (Group A): Seventh appearance', 'Ukraine (Group B): Third appearance', 'Spain (Group F): 11th appearance', 'Sweden (Group F): Seventh appearance']],
    ['tour dates', ['June 9 – West Palm Beach, FL @ Coral Sky Amphitheatre', 'June 10 – Tampa, FL @ MIDFLORIDA Credit Union Amphitheatre', 'June 14 – Alpharetta, GA @ Ameris Bank Amphitheatre', 'August 14 – St. Louis, MO @ Hollywood Casino Amphitheatre', 'June 17 – Nashville, TN @ Bridgestone Arena']],
    ['charts', ['(Graphic: Global assets in 2019 - here)', '(Graphic: Global currencies vs. dollar - here)', '(Graphic: Emerging markets in 2019 - here)', '(Graphic: World stocks in 2019 - here)']],
  ];
  for (const [name, rows] of cases) {
    it(`keeps the rows: ${name}`, () => {
      const text = [...ARTICLE, ...rows].join('\n\n');
      for (const row of rows) assert.equal(kindOf(text, row), null, row);
    });
  }
  // The shape is the first three marks of a line: marks inside words, letters beyond the Basic Plane and later marks do not count.
  const shapes: [string, string[], boolean][] = [
    ['a fourth mark of code after the shape', ['England (Group A): 10th = appearance', 'Czech Republic (Group A): Seventh = appearance', 'Ukraine (Group B): Third = appearance', 'Spain (Group F): 11th = appearance'], true],
    ['letters beyond the Basic Plane among the marks', ['England 𝐀 (Group A): 10th appearance', 'Czech Republic 𝐀 (Group A): Seventh appearance', 'Ukraine 𝐀 (Group B): Third appearance', 'Spain 𝐀 (Group F): 11th appearance'], true],
    ['a mark of code in the shape', ['England (Group A) = 10th appearance', 'Czech Republic (Group A) = Seventh appearance', 'Ukraine (Group B) = Third appearance', 'Spain (Group F) = 11th appearance'], false],
    ['one mark only', ['England: tenth appearance', 'Czech Republic: seventh appearance', 'Ukraine: third appearance', 'Spain: eleventh appearance', 'Sweden: seventh appearance'], false],
  ];
  for (const [name, rows, table] of shapes) {
    it(`${table ? 'keeps' : 'does not keep'} rows as a table: ${name}`, () => {
      const text = [...ARTICLE, ...rows].join('\n\n');
      assert.equal(kindOf(text, rows[0] ?? ''), table ? null : 'related-links');
    });
  }
  it('still takes lines of a style sheet left in the page for noise', () => {
    const css = ['.image-wrap img {', 'width:100px;', 'height:100px;', 'padding-top:20px;', 'font-size:15px;', 'line-height:20px;', '}'];
    const text = [...ARTICLE, ...css].join('\n');
    assert.equal(kindOf(text, 'padding-top:20px;'), 'related-links');
  });
  it('still takes a list of other headlines, each punctuated its own way, for a list', () => {
    const teasers = ["Gronk's girlfriend tells all", 'Pochettino fired by Tottenham', 'Results from the MLS expansion draft: who moved', 'Maradona out as coach of Gimnasia', 'Messi accepts a challenge from Cavani'];
    const text = [...ARTICLE, ...teasers].join('\n\n');
    assert.equal(kindOf(text, teasers[0] ?? ''), 'related-links');
    assert.equal(kindOf(text, teasers[1] ?? ''), 'related-links');
  });
});

describe('noise: an inset box of links to other articles between paragraphs', () => {
  const box = ['Related', "The Doobie Brothers: Lighting Up With the Stars of 'This Is the End'", 'Michael McDonald Talks New Album, Donna Summer and Retirement', 'Related', "Dave Grohl's Guest List: 21 Amazing Musical Cameos"];
  it('keeps the paragraphs on both sides of the box and takes the box for links', () => {
    const text = ['Menu', ...ARTICLE.slice(0, 2), ...box, ...ARTICLE.slice(2), 'Additional reporting by Joseph Hudak', 'In This Article: Doobie Brothers, Michael McDonald', 'Privacy Policy'].join('\n\n');
    for (const p of ARTICLE) assert.equal(kindOf(text, p), null, p);
    assert.equal(kindOf(text, box[1] ?? ''), 'related-links');
    assert.equal(kindOf(text, box[4] ?? ''), 'related-links');
    assert.equal(kindOf(text, 'Additional reporting by'), 'byline');
    assert.equal(kindOf(text, 'In This Article:'), 'chrome');
  });
  it('does not take the summaries under a list header for the article going on', () => {
    const summaries = [
      'The earthquake caused a temporary blackout, damaged many buildings and closed a number of rural roads in the region.',
      'In 2023, the government will increase the country’s defense budget by more than a billion, the finance minister said on Monday.',
    ];
    const text = [...ARTICLE, 'Top stories', ...summaries, 'Privacy Policy'].join('\n\n');
    for (const s of summaries) assert.equal(kindOf(text, s), 'related-links', s);
  });
});

describe('noise: the standfirst under the title', () => {
  const title = 'Lavrov rejects a ceasefire in Idlib as capitulation';
  const standfirst = 'The brain behind the offensive is said to be the army’s new chief of staff.';
  it('keeps the sentence between the title and the byline', () => {
    const text = ['Menu', 'World', title, title, standfirst, 'New Delhi, News Bureau | Updated : 19 November 2019, 09:01 AM', ...ARTICLE, 'Privacy Policy'].join('\n\n');
    assert.equal(kindOf(text, standfirst), null);
    assert.equal(kindOf(text, 'Menu'), 'chrome');
  });
  it('still takes a teaser above the title for chrome', () => {
    const teaser = 'Maharashtra | Sonia Gandhi gives nod to Congress alliance: Reports - Read More »»';
    const text = ['Menu', teaser, title, standfirst, 'By Tom Parfitt', ...ARTICLE].join('\n\n');
    assert.equal(kindOf(text, teaser), 'chrome');
    assert.equal(kindOf(text, standfirst), null);
  });
});

describe('noise: signing up for a product is not a subscribe prompt', () => {
  it('keeps the offer in a deals article', () => {
    const line = 'Disney Plus is Now Live, Sign up for the Disney +, Hulu, and ESPN+ Package and Save $5/Month';
    const text = [...ARTICLE.slice(0, 2), line, ...ARTICLE.slice(2)].join('\n\n');
    assert.equal(kindOf(text, line), null);
  });
});

describe('noise: the opening sentence of the article under a list header above it', () => {
  it('keeps a short first paragraph that follows a list header, a teaser and a byline', () => {
    // Dense with names, so few function words: a sentence, though not a full paragraph by its signals.
    const first = 'A New York man pleaded guilty Monday to threatening to kill U.S. Rep. Ilhan Omar, D-Minn., in March, prosecutors said.';
    const text = ['Menu', 'Trending', 'Pochettino fired by Tottenham after five years', 'By Phil Helsel', first, ...ARTICLE, 'Privacy Policy'].join('\n\n');
    assert.equal(kindOf(text, first), null);
    assert.equal(kindOf(text, 'Trending'), 'related-links');
  });
});

describe('noise: a mis-decoded é is no copyright sign', () => {
  // "é" read in the wrong encoding becomes "Ã©" (or "A", a combining tilde and "©").
  const lines: [string, NoiseKind | null][] = [
    ['"We have to work together," the prime minister told the daily Lib\u00C3\u00A9ration on Sunday.', null],
    ['The prosecutor, Marc Tr\u0041\u0303\u00A9vidic, said the suspect had no record.', null],
    ['\u00A9 2016 Example Media. All rights reserved.', 'chrome'],
  ];
  for (const [line, kind] of lines) {
    it(`${kind ?? 'article text'}: ${line}`, () => {
      const text = [...ARTICLE.slice(0, 2), line, ...ARTICLE.slice(2)].join('\n');
      assert.equal(kindOf(text, line), kind);
    });
  }
});

describe('noise: an article in one-sentence paragraphs goes on past an advertisement line', () => {
  const before = [
    'The Lakeview School Board on Tuesday postponed a vote on a districtwide cellphone ban after more than 60 parents and students signed up to speak during the public comment period.',
    'Board president Martin Cole said members needed more time to consider the feedback.',
  ];
  const after = [
    'Several students spoke against the proposal.',
    '“My phone is how my mom reaches me when she’s at work,” said Emily Tran, a junior at Lakeview High.',
    'Others supported it.',
    'Teachers say phones are a constant distraction.',
    'The board will take up the issue again on May 14.',
    'If approved, the ban would take effect in the fall.',
  ];
  it('keeps the short paragraphs after it, and their quote', () => {
    const text = ['School board delays vote on cellphone ban', 'By Priya Shah', ...before, 'Advertisement', ...after].join('\n');
    for (const p of [...before, ...after]) assert.equal(kindOf(text, p), null, p);
    assert.equal(kindOf(text, 'Advertisement'), 'chrome');
    assert.equal(analyze(text).quotes.length, 1);
  });
  it('still takes a list of headlines after it for links', () => {
    const teasers = ['Council approves new bike lanes on Main Street', 'Three schools to close early for repairs', 'Opinion: The library deserves more money'];
    const text = ['School board delays vote on cellphone ban', ...before, ...after, 'Advertisement', 'More from Lakeview', ...teasers].join('\n');
    for (const t of teasers) assert.notEqual(kindOf(text, t), null, t);
  });
});

describe('noise: a wire story’s lede opens with its dateline', () => {
  const body = [
    'Under the deal, Ukrainian grain bound for African and Middle Eastern ports will move through Poland in sealed rail cars, an arrangement that Polish farmers had opposed for months because they feared cheap imports would be dumped on the local market.',
    '"This is a fair solution for both our countries," Tusk told a joint news conference, adding that inspections would be carried out at the border.',
  ];
  /** [dateline lede] */
  const ledes = [
    'KYIV, Ukraine (AP) — Ukrainian President Volodymyr Zelenskyy and Polish Prime Minister Donald Tusk signed a grain transit agreement Tuesday in Kyiv.',
    'WARSAW (Reuters) - Polish Prime Minister Donald Tusk and Ukrainian President Volodymyr Zelenskyy signed a grain transit agreement in Kyiv on Tuesday.',
    'PITTSBURGH, Oct. 24, 2024 /PRNewswire/ -- Acme Robotics, Inc. (NASDAQ: ACMR), a maker of warehouse robots, today announced record quarterly revenue of $48.2 million.',
  ];
  for (const lede of ledes) {
    it(`is article text, and its full names name the speakers: ${lede.slice(0, 30)}`, () => {
      const text = ['Ukraine, Poland sign grain deal', lede, ...body].join('\n');
      assert.equal(kindOf(text, lede), null);
    });
  }
  it('gives the quote’s speaker the full name from the lede', () => {
    const text = ['Ukraine, Poland sign grain deal', ledes[0] ?? '', ...body].join('\n');
    const a = analyze(text);
    assert.deepEqual(a.speakers.map((s) => s.name), ['Donald Tusk']);
  });
});

describe('noise: a paragraph of prose above the body, with nothing but its place against it, stays', () => {
  // On the shared noise sets' real pages (../shared/eval), every article line that reads as a
  // paragraph of prose ending a sentence is kept when the only evidence against it would be its
  // place above the body (a lede cut off by a box): that evidence is wrong more often than right.
  const sets = ['noise-dev', 'noise-dev-2'].map((s) => path.join(repoRoot(), '..', 'shared', 'eval', s)).filter((d) => fs.existsSync(d));
  it('finds the shared noise sets', () => assert.equal(sets.length, 2));
  for (const dir of sets) {
    it(`keeps them on every page of ${path.basename(dir)}`, () => {
      const dimmed: string[] = [];
      for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.txt'))) {
        const text = fs.readFileSync(path.join(dir, f), 'utf8');
        const gold = JSON.parse(fs.readFileSync(path.join(dir, f.replace(/\.txt$/, '.gold.json')), 'utf8')) as { content: { start: number; end: number }[] };
        const content = new Set(gold.content.map((c) => c.start));
        for (const n of analyze(text).noise) {
          const line = text.slice(n.start, n.end).trim();
          // Prose: 100 characters or more, at least 30 % function words (the hover's evidence gives the share).
          const share = Number(/(\d+)% function words/.exec(n.evidence.find((e) => e.rule === 'stop-words')?.detail ?? '')?.[1] ?? 0);
          const prose = line.length >= 100 && share >= 30 && /[.!?]["”’)]?$/u.test(line);
          if (content.has(n.start) && n.evidence[0]?.rule === 'before-body' && prose) dimmed.push(`${f}: ${line.slice(0, 60)}`);
        }
      }
      assert.deepEqual(dimmed, []);
    });
  }
});

describe('noise: article lines that look like an author bio or a list item stay', () => {
  it('a paragraph naming a contributor who speaks', () => {
    const line = 'Jamal Simmons is a Democratic consultant and a CNN contributor who also worked in the White House. Simmons said he saw the shift in attitude in his own family.';
    const text = [...ARTICLE.slice(0, 2), line, ...ARTICLE.slice(2)].join('\n\n');
    assert.equal(kindOf(text, line), null);
  });
  it('summaries ending with their source in brackets, and a colon opening a list', () => {
    const lines = [
      'WEDNESDAY’S OUTLIERS - Links to the best of news at the intersection of polling, politics and political data:',
      '-Nate Cohn explains why the polls were so far off on the front-runner in the first caucus state last night. [NYT.]',
      '-Philip Bump illustrates just how few people actually voted in the caucuses, and what that means for November. [WashPost.]',
      '-Jonathan Bernstein takes another look at what happened in the caucuses and why the winner has reason to worry. [Bloomberg.]',
    ];
    const text = ['Menu', 'Politics', ...lines, 'Privacy Policy'].join('\n\n');
    for (const l of lines) assert.equal(kindOf(text, l), null, l);
  });
});

describe('noise: the article goes on past an inset box, a lone subheading, and lists of long headlines', () => {
  const [p1 = '', p2 = '', p3 = '', p4 = ''] = ARTICLE;
  const more = [
    'Aid agencies said on Wednesday that tens of thousands of people had fled the fighting in the past week, most of them heading north towards the border with Turkey.',
    'The United Nations has called for an immediate end to the violence and urged all sides to allow humanitarian convoys to reach the civilians trapped in the area.',
  ];
  const menu = ['Menu', 'World', 'Politics', 'Lavrov rejects a ceasefire in Idlib as capitulation'];
  const footer = ['Privacy Policy', 'Terms of Use'];
  it('a box of one headline twice, each with a "Read More" link, and no header', () => {
    const headline = 'The ethics of artificial intelligence: a path toward responsible machines';
    const text = [...menu, p1, p2, headline, 'Read More', headline, 'Read More', p3, p4, ...more, ...footer].join('\n\n');
    for (const p of [p1, p2, p3, p4]) assert.equal(kindOf(text, p), null, p);
    assert.equal(kindOf(text, headline), 'related-links');
  });
  it('a box under a header whose headline ends with a full stop, and its summary', () => {
    const headline = 'This artist is dominating machine-made art. And he is not happy about it.';
    const summary = 'His name is a more popular prompt than Picasso.';
    const text = [...menu, p1, p2, 'Related Story', headline, summary, p3, p4, ...more, ...footer].join('\n\n');
    for (const p of [p1, p2, p3, p4]) assert.equal(kindOf(text, p), null, p);
  });
  it('a box after an embedded video, with a subheading between the box and the next paragraph', () => {
    const text = [...menu, p1, p2, '2:34', 'Related', 'Solid-state battery myths busted', 'Why the aid is late', 'Idlib', p3, p4, ...more, ...footer].join('\n\n');
    for (const p of [p1, p2, p3, p4, ...more]) assert.equal(kindOf(text, p), null, p);
    assert.equal(kindOf(text, 'Solid-state battery myths busted'), 'related-links');
  });
  it('a numbered subheading alone between an advertisement and a picture credit', () => {
    const text = [...menu, p1, p2, 'Advertisement', '11. The second offensive', 'Image: Reuters', p3, p4, ...more, ...footer].join('\n\n');
    for (const p of [p1, p2, p3, p4, ...more]) assert.equal(kindOf(text, p), null, p);
    assert.equal(kindOf(text, '11. The second offensive'), null);
  });
  // A sidebar of other stories: a longer list of long headlines, ending with no mark or cut short with dots.
  const sidebars: [string, string[]][] = [
    [
      'long headlines that end with no mark',
      [
        'Doctor who tried to cover up his error after failing to spot a fatal infection in a woman of 75 is struck off by the tribunal',
        'Royal fans greet the King and the Queen at the church on Christmas morning before the family walks back for lunch at the estate',
        'Magnet fisherman left stunned after pulling a 400-year-old sword out of the murky depths of the river near his home in the north',
        'Record numbers of giant hornets invade the country as new figures reveal the number of sightings of the deadly insect this year',
        'Devastated family pays tribute to a loving mother who would do anything for anyone and to her son who died in the crash on Friday',
        'Navy scrambles a warship to the south of the continent for the holidays amid fears of violence between two neighbouring countries',
        'Jailed paramedic who posed as a nurse to steal painkillers from patients is told she will serve the rest of her sentence at home',
        'Hunt for the insider who helped kidnap a millionaire in a paradise lost as his young lover demands answers from the local police',
        'Brits favour plastic trees, open their presents before lunch and love roast potatoes more than any other part of the meal, poll finds',
        'Major claim that the missing airliner could be found in a matter of days would finally bring an end to the long mystery of its fate',
        'Strictly star invites a fellow professional dancer to spend the holidays with her family after he was left alone in the city this year',
        'Ukrainian soldier is alive for the holidays after a top surgeon removed a bullet from his heart during a six hour operation at the clinic',
        'Warmest Christmas Eve in more than twenty years as temperatures peak at fourteen degrees in the south of the country on Sunday afternoon',
        'Broadcaster says the duchess should have been less impatient with the aides who tried to help her settle into her new role in the family',
      ],
    ],
    [
      'headlines cut short with dots',
      [
        'Lingerie tycoon says she has been treated like a drug lord after the bank accounts of her family were frozen by the...',
        'Mother pays a devastating tribute after her son of fifteen died in the crash on the motorway as police appeal for...',
        'Pope appeals for peace during the Christmas Eve mass as thousands gather in the square despite the rain and the...',
        'Terrified passengers sit in lifejackets as enormous waves crash into a cruise ship bound for the port on the south...',
        'Comedian dead at 32 as fellow stars lead the tributes remembering the beloved stand-up who toured the country with...',
        'Minister faces calls to quit after joking about spiking the drink of his wife at a reception held in the capital on...',
        'Family of a missing walker make an appeal for help as the search enters a third day in the hills above the town of...',
        'Shoppers queue through the night for the sales as stores open their doors early on Boxing Day across the whole of...',
        'Record numbers of giant hornets invade the country as new figures reveal the number of sightings of the insect in...',
        'Warmest Christmas Eve in more than twenty years as temperatures peak at fourteen degrees in the south of the country...',
        'Navy scrambles a warship to the south of the continent for the holidays amid fears of violence between two nations...',
        'Jailed paramedic who posed as a nurse to steal painkillers from patients is told she will serve the rest of her...',
        'Hunt for the insider who helped kidnap a millionaire in a paradise lost as his young lover demands answers from the...',
        'Broadcaster says the duchess should have been less impatient with the aides who tried to help her settle into her...',
      ],
    ],
  ];
  for (const [name, headlines] of sidebars) {
    it(`a longer list of ${name} does not outweigh the article`, () => {
      const text = [...menu, ...ARTICLE, ...more, 'Advertisement', ...headlines, ...footer].join('\n\n');
      for (const p of [...ARTICLE, ...more]) assert.equal(kindOf(text, p), null, p);
      for (const h of headlines) assert.notEqual(kindOf(text, h), null, h);
    });
  }
  // A magazine's "Most Popular" box inside the article: per story its section (one word, repeated
  // down the box), headline and author.
  const popular = [
    'Most Popular',
    'Culture',
    'The Best Shows to Stream This Weekend',
    'Alan Sepinwall',
    'Culture',
    'What the Senate Vote Means for the Border',
    'Andrew Perez',
    'Business',
    'The Twenty Greatest Debut Albums of All Time',
    'Rob Sheffield',
    'Culture',
    'Why the Ocean Is Getting Louder',
    'Alan Sepinwall',
  ];
  const longer = [
    'Residents of the border villages described nights of shelling that drove families into basements and cellars, where many of them stayed for days without electricity or running water.',
    'The government has said that the offensive will continue until the last of the militant groups leaves the province, a promise the opposition called a pretext for taking back the whole region by force.',
    'Diplomats in Geneva said that talks on a new ceasefire had stalled over the question of who would monitor the front line, with neither side willing to accept observers chosen by the other.',
    'Turkey, which already hosts more than three million refugees, has said it cannot take in another wave and has reinforced its positions along the frontier with troops and armoured vehicles.',
    'Aid workers warned that the winter would make the situation worse, with temperatures in the camps already falling below freezing at night and tents offering little protection from the rain.',
    'The health ministry said that several clinics in the region had been damaged in air strikes over the past month, leaving hundreds of thousands of people with no hospital within a day’s travel.',
    'A spokesman for the United Nations said the organisation was ready to send more convoys as soon as the roads were safe, but that it had received no guarantees from any of the parties.',
    'Analysts said the fighting showed how little had changed since the last agreement was signed, and that without pressure from the outside powers a lasting peace in the north remained out of reach.',
    'Families who fled the fighting last week said they had left everything behind, and many of them did not know whether their homes were still standing or whether they would ever be able to return.',
  ];
  const beyond = [
    'Farmers in the valley said the fighting had come at the worst possible time, just as the olive harvest was about to begin, and that most of the crop would now be left to rot on the trees this year. Teachers in the town have moved their lessons into a mosque on the outskirts, where some two hundred children now gather each morning on carpets laid over the floor of the prayer hall.',
    'The local council, which was elected two years ago, said it had run out of money to pay its workers and that rubbish had been piling up in the streets of the old market for nearly three weeks. Engineers working for a charity have been trying to repair the main water pumping station, which was hit twice last month, but they say they cannot finish the job without spare parts from abroad.',
    'In the camps near the border, volunteers hand out bread and lentils twice a day, and queues begin to form before dawn, with older men and women often waiting for hours in the cold wind. Doctors at the last working hospital in the district said they were treating more than a hundred patients a day, many of them children with burns, broken bones and infections from dirty water.',
    'A shopkeeper who sells phone cards and batteries said business had never been better, because everyone needs to charge their phones and call relatives who have already left for the cities. Some families have begun to return to villages that were taken by the army in the spring, only to find that their houses had been looted and that the fields around them were full of unexploded shells.',
    'Human rights groups have asked for an independent inquiry into the strikes on the markets, saying that the evidence they collected points to the deliberate targeting of places where civilians gather. The foreign ministers of the three guarantor countries are due to meet again next month, though few in the region expect the meeting to change the course of the war before the end of the winter.',
    'Journalists who reached the area last week described roads lined with burned-out cars and trucks, and checkpoints where soldiers searched every vehicle and questioned the drivers at length. The price of fuel has tripled since the summer, and many families now burn furniture, shoes and plastic bags to keep warm, filling the air over the camps with thick and acrid smoke at night.',
    'Officials in the capital insist that life in the province is returning to normal, pointing to reopened schools and bakeries, but residents reached by telephone describe a very different picture.',
  ];
  it('a longer box of section labels, headlines and authors, followed by a long stretch of the article', () => {
    const text = [...menu, ...ARTICLE, ...more, ...longer, ...popular, ...beyond, ...footer].join('\n\n');
    for (const p of [...ARTICLE, ...more, ...longer, ...beyond]) assert.equal(kindOf(text, p), null, p);
    for (const h of popular) assert.notEqual(kindOf(text, h), null, h);
  });
  it('a longer box followed by the page\'s own prose (a bio, a note to readers) stays a box that closes the article', () => {
    const pageProse = [
      'Maria Hernandez covers the Middle East from Beirut, where she has lived since 2015. Before that she reported on migration and the border for newspapers in Texas and California, and her work has won awards from the press clubs of both states. She studied history in Madrid and journalism in New York, and she speaks Arabic, Spanish and French.',
      'Our reporters spend months on the ground in the places they write about, and they come back to the same towns year after year to tell the stories of the people who live there. We are able to do this because thousands of readers support us each month with a subscription, and every one of them makes a difference to the work we can do.',
    ];
    const text = [...menu, ...ARTICLE, ...more, ...longer, ...popular, ...pageProse, ...footer].join('\n\n');
    for (const p of [...ARTICLE, ...more, ...longer]) assert.equal(kindOf(text, p), null, p);
    for (const p of pageProse) assert.notEqual(kindOf(text, p), null, p);
  });
  it('a box whose headline asks a question over a long summary, before subheadings and the picture credit repeated from the article', () => {
    const question = 'A ceasefire in the north for half the price?';
    const summary = 'Mediators in Geneva have drawn up a cheaper plan that would keep the observers on the roads while leaving the front line where it stands today';
    const table = ['Crossings by month', 'January', '12,000 people', 'February', '17,500 people'];
    const [b1 = '', b2 = '', b3 = ''] = beyond;
    const text = [...menu, p1, 'Reuters', p2, p3, p4, ...more, ...longer, 'Related', question, summary, '7 The road to the border', 'Convoys Wait At The Crossing', 'Reuters', b1, ...table, b2, b3, ...footer].join('\n\n');
    for (const p of [...ARTICLE, ...more, ...longer, b1, b2, b3]) assert.equal(kindOf(text, p), null, p);
    assert.equal(kindOf(text, question), 'related-links');
    assert.equal(kindOf(text, summary), 'related-links');
  });
  it('a gallery of pictures, each with its credit and the name under it, between two paragraphs', () => {
    const gallery = ['Victor Virgile/Getty Images', 'Simone Rocha', 'WWD/Getty Images', 'Chopova Lowena', 'Sandy Liang', 'Pascal Le Segretain/Getty Images', 'Chanel'];
    const [b1 = '', b2 = ''] = beyond;
    const text = [...menu, ...ARTICLE, ...more, ...longer, ...gallery, b1, b2, ...footer].join('\n\n');
    for (const p of [...ARTICLE, ...more, ...longer, b1, b2]) assert.equal(kindOf(text, p), null, p);
    for (const line of gallery) assert.equal(kindOf(text, line), 'other', line);
  });
  it('still takes summaries under a list header after the article for links', () => {
    const summaries = [
      'Authorities said a total of 192 troops were killed and 511 were wounded during the offensive, the defence ministry reported.',
      'The earthquake caused a temporary blackout, damaged many buildings and closed a number of rural roads in the region.',
    ];
    const text = [...menu, ...ARTICLE, ...more, 'Top stories', ...summaries, 'Partner news', ...footer].join('\n\n');
    for (const s of summaries) assert.equal(kindOf(text, s), 'related-links', s);
  });
});

describe('noise: "More", "Latest" or "Related" opening a line of the article is no list header', () => {
  const [p1 = '', p2 = '', p3 = '', p4 = ''] = ARTICLE;
  const menu = ['Menu', 'World', 'Politics', 'Lavrov rejects a ceasefire in Idlib as capitulation'];
  const footer = ['Privacy Policy', 'Terms of Use'];
  const cases: [string, string, boolean][] = [
    // A subheading of the article, in lower case after its first word: the paragraphs below it stay.
    ['a subheading comparing', 'More expensive than rivals', false],
    ['a subheading counting', 'More than 245 servers', false],
    ['a subheading in sentence case', 'Latest figures are worse', false],
    // A link to one other story in the article ("MORE: …"): the article goes on below it.
    ['a link to one other story', 'MORE: Brad Keselowski through the years', false],
    // Headers, alone or before a capitalised word: what follows is taken for links, as before.
    ['"More Stories"', 'More Stories', true],
    ['"More Sports"', 'More Sports', true],
    ['"Latest Issue"', 'Latest Issue', true],
    ['"More by" and an author', 'More by Abe Streep', true],
    ['"Related" alone', 'Related', true],
    ['"Recommended for you"', 'Recommended for you', true],
  ];
  for (const [name, line, header] of cases) {
    it(`${name}: ${header ? 'a header' : 'the article goes on'} ("${line}")`, () => {
      const text = [...menu, p1, p2, line, p3, p4, ...footer].join('\n\n');
      for (const p of [p1, p2]) assert.equal(kindOf(text, p), null, p);
      if (header) {
        assert.equal(kindOf(text, line), 'related-links');
        assert.notEqual(kindOf(text, p3), null, 'the paragraph under a header is taken for a teaser');
      } else {
        // The subheading is the article's; the link is one (dimmed), but no header of a list.
        assert.equal(kindOf(text, line), line.includes(':') ? 'related-links' : null);
        for (const p of [p3, p4]) assert.equal(kindOf(text, p), null, p);
      }
    });
  }
});

describe('noise: the article goes on below the header of an emptied box of other stories', () => {
  const menu = ['Menu', 'Science', 'Space', 'The winter solstice brings the longest night of the year'];
  const body = [
    'The winter solstice arrives on Thursday, bringing the shortest day of the year to the Northern Hemisphere and the longest night.',
    'Astronomers say the solstice happens when the North Pole is tilted farthest from the sun, so daylight in northern cities lasts only a few hours.',
    'In the Southern Hemisphere the same moment marks the summer solstice, the longest day of the year, and the start of the warmest season there.',
  ];
  const footer = ['Privacy Policy', 'Terms of Use'];
  it('keeps paragraphs on the article’s topic under "More From …" with nothing of its own', () => {
    const onTopic = [
      'After the solstice, days in the Northern Hemisphere grow longer again until the summer solstice in June, astronomers say.',
      'Ancient cultures marked the winter solstice with festivals, and people still gather at sunrise on the shortest day of the year in the Northern Hemisphere.',
    ];
    const text = [...menu, ...body, 'More From The Gazette', ...onTopic, ...footer].join('\n\n');
    for (const p of [...body, ...onTopic]) assert.equal(kindOf(text, p), null, p);
    assert.equal(kindOf(text, 'More From The Gazette'), 'related-links');
  });
  it('still takes summaries of stories on other topics under such a header for links', () => {
    const otherTopics = [
      'Authorities said a total of 192 troops were killed and 511 were wounded during the offensive in the mountains.',
      'The earthquake caused a temporary blackout, damaged many buildings and closed a number of rural roads in the region.',
    ];
    const text = [...menu, ...body, 'Top stories', ...otherTopics, ...footer].join('\n\n');
    for (const p of body) assert.equal(kindOf(text, p), null, p);
    for (const p of otherTopics) assert.equal(kindOf(text, p), 'related-links', p);
  });
});

describe('noise: a headline of two or three words', () => {
  it('is the title when the article follows it', () => {
    for (const title of ['Chipmaker beats forecasts', 'Storm batters coast', 'Lavrov defiant']) {
      const text = [title, ...ARTICLE].join('\n\n');
      assert.equal(kindOf(text, title), null, title);
    }
  });
  it('is still page furniture at the top of a saved page, above its menu', () => {
    const text = ['Open in app', 'Menu', 'World', 'Politics', 'Lavrov rejects a ceasefire in Idlib as capitulation', ...ARTICLE].join('\n\n');
    assert.equal(kindOf(text, 'Open in app'), 'chrome');
  });
});

describe('noise: a headline with a number after a word opening like a month is no date', () => {
  // "marks 50", "Decade 10" and "Octopus 8" open as months do, but are no dates: the headline stays.
  for (const title of ['Family bakery marks 50 years on Main Street', 'Mayor 2 votes short of a majority on the council', 'Decades 10 years apart meet in one stadium', 'Octopus 8 escapes from the city aquarium again']) {
    it(title, () => {
      const text = [title, ...ARTICLE].join('\n\n');
      assert.equal(kindOf(text, title), null, title);
    });
  }
  it('a headline with a date is still no title', () => {
    const text = ['Updated March 5, 2024 at 10:02 am', ...ARTICLE].join('\n\n');
    assert.equal(kindOf(text, 'Updated March 5'), 'byline');
  });
});

describe('noise: the caption under a caption’s label is no title', () => {
  it('the headline above the byline stays the title, the caption under "Image caption," is dimmed', () => {
    const title = 'Lavrov rejects a ceasefire in Idlib as capitulation';
    const caption = 'Sergei Lavrov spoke to reporters in Geneva on Tuesday';
    const text = ['Menu', 'World', title, 'By Tom Parfitt', 'Published 3 hours ago', 'Image source, Reuters', 'Image caption,', caption, ...ARTICLE, 'Related topics', 'Diplomacy', 'Middle East'].join('\n\n');
    assert.equal(kindOf(text, title), null);
    assert.notEqual(kindOf(text, caption), null);
    assert.equal(kindOf(text, 'Middle East'), 'related-links');
  });
});

describe('noise: the credit of a picture between paragraphs of the article', () => {
  const [p1 = '', p2 = '', p3 = '', p4 = ''] = ARTICLE;
  const menu = ['Menu', 'World', 'Politics', 'Lavrov rejects a ceasefire in Idlib as capitulation'];
  const footer = ['Privacy Policy', 'Terms of Use'];
  const credits = [
    'Sergei Lavrov speaks to reporters in Geneva on Tuesday. Credit: Reuters',
    '(AP Photo/Ng Han Guan)',
    'Image 2 of 5',
    'Courtesy of the UN Human Rights Council',
    'Guy Bell/Shutterstock',
    'Photograph: Martial Trezzini',
    'Credit...Sam Whitney/The New York Times',
  ];
  for (const credit of credits) {
    it(`"${credit}" is noise, and the article goes on past it`, () => {
      const text = [...menu, p1, p2, credit, p3, p4, ...footer].join('\n\n');
      assert.equal(kindOf(text, credit), 'other');
      for (const p of [p1, p2, p3, p4]) assert.equal(kindOf(text, p), null, p);
    });
  }
  it('a sentence about access or an app is the article’s', () => {
    for (const line of ['The inspectors were given unlimited access to the site for a week.', 'Get the facts before you download the app, the regulator warned.']) {
      const text = [...menu, p1, p2, line, p3, p4, ...footer].join('\n\n');
      assert.equal(kindOf(text, line), null, line);
    }
  });
  it('a sentence about credit is the article’s', () => {
    const line = 'Requests for credit card information are a common sign of fraud, the bank said.';
    const text = [...menu, p1, p2, line, p3, p4, ...footer].join('\n\n');
    assert.equal(kindOf(text, line), null);
  });
});
