import * as assert from 'node:assert/strict';
import { nameWordKey, organisationKey, parsePersonName, personKey } from '../../../../src/core/corpus/nameKeys';

const key = (name: string): string => {
  const parsed = parsePersonName(name);
  return parsed ? personKey(parsed) : '';
};

describe('name keys', () => {
  const sameWord: [string, string][] = [
    ['Sergei', 'Sergey'],
    ['Erdoğan', 'Erdogan'],
    ['Dmitry', 'Dmitriy'],
    ['Dmitry', 'Dmitrii'],
    ['Zelensky', 'Zelenskyy'],
    ['Zelensky', 'Zelenskiy'],
    ['Mikhail', 'Mihail'],
    ['Aleksei', 'Alexey'],
    ['Yevgeny', 'Evgeny'],
    ['Yuri', 'Yury'],
    ['Gaddafi', 'Gadafi'],
    ['Mohammed', 'Mohamed'],
    ['Müller', 'Muller'],
    ['Łukasz', 'Lukasz'],
    ['Andrei', 'Andrey'],
  ];
  for (const [a, b] of sameWord) it(`${a} and ${b} are one spelling`, () => assert.equal(nameWordKey(a), nameWordKey(b)));

  const differentWord: [string, string][] = [
    ['Bill', 'Hillary'],
    ['George', 'Jeb'],
    ['Sergei', 'Sergio'],
    ['Ivan', 'Ivana'],
  ];
  for (const [a, b] of differentWord) it(`${a} and ${b} stay different`, () => assert.notEqual(nameWordKey(a), nameWordKey(b)));

  it('strips titles and possessives and keeps initials and suffixes', () => {
    assert.equal(key('Foreign Minister Sergey Lavrov'), 'sergei lavrov');
    assert.equal(key("President Recep Tayyip Erdoğan's"), 'recep tayip erdogan');
    assert.equal(key('George W. Bush'), 'george w bush');
    assert.equal(key('Martin Luther King Jr.'), 'martin luther king jr');
    assert.equal(key('Lavrov'), 'lavrov');
  });

  it('gives organisations one key whatever the case, article or punctuation', () => {
    assert.equal(organisationKey('The International Committee of the Red Cross'), organisationKey('international committee of the red cross'));
    assert.equal(organisationKey('U.N.'), organisationKey('U N'));
  });

  it('returns null for text with no letters', () => {
    assert.equal(parsePersonName('— 42 —'), null);
  });
});
