import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_ARTICLE_EXCLUDE, isExcludedByDefault } from '../../../../src/core/articles/defaultExclusions';
import { repoRoot } from '../analysis/helpers';

describe('default article exclusions', () => {
  it('are the default of sourceAnnotator.articles.exclude in the manifest', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot(), 'package.json'), 'utf8')) as {
      contributes: { configuration: { properties: Record<string, { default?: unknown }> } };
    };
    assert.deepEqual(manifest.contributes.configuration.properties['sourceAnnotator.articles.exclude']?.default, DEFAULT_ARTICLE_EXCLUDE);
  });

  /** [file name, excluded by the globs of the default] */
  const cases: [string, boolean][] = [
    ['article.txt', false],
    ['article.clean.txt', true],
    ['2016-05-01 clean.txt', false],
    ['requirements.txt', true],
    ['requirements-dev.txt', true],
    ['constraints.txt', true],
    ['LICENSE.txt', true],
    ['LICENCE-MIT.txt', true],
    ['README.txt', true],
    ['robots.txt', true],
    ['CMakeLists.txt', true],
    ['license.txt', false], // the globs are written in capitals, and match as written
    ['my-requirements.txt', false],
    ['readme-notes.md', false],
    ['Senate NOTICE of hearing.txt', false],
    ['NOTICE.txt', true],
  ];
  for (const [name, excluded] of cases) {
    it(`${name}: ${excluded ? 'no article' : 'an article'}`, () => assert.equal(isExcludedByDefault(name), excluded));
  }
});
