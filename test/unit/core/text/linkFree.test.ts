import * as assert from 'node:assert/strict';
import { withoutLinks } from '../../../../src/core/text/linkFree';

/**
 * The links VS Code makes in the text of a notification: `[label](target)`, the target opening with
 * a scheme it opens (commands among them), without spaces or `)`, with an optional quoted title.
 */
const NOTIFICATION_LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)\3)?\)/gi;

describe('text made link-free for notifications', () => {
  // Messages as the extension builds them, with a value written by someone else inside.
  const table: [string, string][] = [
    ['a sidecar value repeated by a schema error', 'Source Annotator: a.txt.annotations.yaml: not a valid sidecar (line 3: `sha256` has the wrong form ("[Reload the sidecar](command:workbench.extensions.installExtension?%22evil.ext%22)")). Its annotations are read-only.'],
    ['a file name', 'Saved notes/[x](command:workbench.action.terminal.new).clean.txt.'],
    ['a setting', 'Source Annotator: [Docs](command:workbench.action.terminal.new)( is not a valid pattern. Check the setting sourceAnnotator.archive.separator.'],
    ['a title and a web address', 'Could not save [here](https://example.com/x "Open") : permission denied'],
    ['a link split over two values', 'Comparing [x and ](command:a) in b.txt'],
    ['brackets nested and repeated', '[[a](command:b)] [c](file:///etc/passwd)'],
  ];
  for (const [what, message] of table) {
    it(`leaves no link in ${what}, and shows the same characters`, () => {
      assert.ok([...message.matchAll(NOTIFICATION_LINK)].length > 0, 'the message had a link');
      const shown = withoutLinks(message);
      assert.deepEqual([...shown.matchAll(NOTIFICATION_LINK)], []);
      assert.equal(shown.replace(/\u2060/g, ''), message);
    });
  }

  it('leaves text without a closing bracket as it is', () => {
    assert.equal(withoutLinks('Saved a (copy).txt: 3 quotes [of 4'), 'Saved a (copy).txt: 3 quotes [of 4');
  });
});
