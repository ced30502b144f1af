// The command registry: one line per command file. Keep alphabetical.
import type { Command } from '../command';
import { captureCommand } from './capture';
import { datasetCommand } from './dataset';
import { evalCommand } from './eval';
import { extractCommand } from './extract';
import { finetuneCommand } from './finetune';
import { matchCommand } from './match';

export const COMMANDS: Command[] = [captureCommand, datasetCommand, evalCommand, extractCommand, finetuneCommand, matchCommand];
