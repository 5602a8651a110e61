// The table of commands of `source-annotator`: name → command. Each command lives in its own file.
import type { CliCommand } from '../io';
import { agreementCommand } from './agreement';
import { analyzeCommand } from './analyze';
import { checkCommand } from './check';
import { corpusCommand } from './corpus';
import { exportCommand } from './export';
import { gitSetupCommand } from './gitSetup';
import { importCommand } from './import';
import { mergeSidecarCommand } from './mergeSidecar';
import { reanchorCommand } from './reanchor';
import { reportCommand } from './report';
import { splitCommand } from './split';

export const COMMANDS: Readonly<Record<string, CliCommand>> = {
  analyze: analyzeCommand,
  check: checkCommand,
  reanchor: reanchorCommand,
  split: splitCommand,
  export: exportCommand,
  import: importCommand,
  'git-setup': gitSetupCommand,
  'merge-sidecar': mergeSidecarCommand,
  agreement: agreementCommand,
  corpus: corpusCommand,
  report: reportCommand,
};
