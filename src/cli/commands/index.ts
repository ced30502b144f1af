// The command registry: one line per command file. Keep alphabetical.
import type { Command } from '../command';

export const COMMANDS: Command[] = [];
