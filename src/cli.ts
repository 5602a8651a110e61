import { analyze } from './core/analysis/analyze';

// Minimal entry until the full command line lands.
const [, , command, ...files] = process.argv;
if (command !== 'analyze' || files.length === 0) {
  process.stderr.write('usage: source-annotator analyze <files or folders…>\n');
  process.exit(2);
}
void analyze;
