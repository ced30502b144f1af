// The command registry: one line per command file. Keep alphabetical.
import type { Command } from '../command';
import { batchCommand } from './batch';
import { captureCommand } from './capture';
import { datasetCommand } from './dataset';
import { evalCommand } from './eval';
import { extractCommand } from './extract';
import { finetuneCommand } from './finetune';
import { matchCommand } from './match';

export const COMMANDS: Command[] = [
  batchCommand,
  captureCommand,
  datasetCommand,
  evalCommand,
  extractCommand,
  finetuneCommand,
  matchCommand,
];
