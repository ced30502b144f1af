// `job-entities finetune start`: check and upload the files, create the job (the uploads are
// deleted again when it cannot be created), and with --wait follow it to its end.
import { ExtractionError } from '../../core/errors';
import { MAX_EPOCHS, type FineTuningClient, type FineTuningJob } from '../../core/finetune';
import { errorMessage, firstLine } from '../../core/text';
import { intFlag, parseCommandArgs, UsageError, type CliIO } from '../command';
import { untilInterrupted } from '../interrupt';
import { connect, CONNECTION_OPTIONS } from './connect';
import { howToUse } from './job-text';
import { progressReporter } from './progress';
import { prepareFile } from './training-files';

const START_OPTIONS = {
  ...CONNECTION_OPTIONS,
  training: { type: 'string' },
  validation: { type: 'string' },
  model: { type: 'string' },
  suffix: { type: 'string' },
  epochs: { type: 'string' },
  wait: { type: 'boolean' },
  poll: { type: 'string' },
  'keep-files': { type: 'boolean' },
} as const;

type StartValues = ReturnType<typeof parseCommandArgs<typeof START_OPTIONS>>['values'];

/** What `finetune start` was asked for, every flag checked. */
interface StartRequest {
  values: StartValues;
  training: string;
  model: string;
  epochs?: number;
  pollMs: number;
}

function parseStartArgs(argv: string[]): StartRequest {
  const { values } = parseCommandArgs(argv, START_OPTIONS, false);
  if (!values.training) throw new UsageError('--training FILE is required');
  if (!values.model) throw new UsageError('--model BASE is required (e.g. davinci-002 or gpt-4o-mini-2024-07-18)');
  if (values.suffix !== undefined && (values.suffix.length === 0 || values.suffix.length > 64))
    throw new UsageError('--suffix takes 1 to 64 characters');
  const epochs = values.epochs === undefined ? undefined : intFlag(values.epochs, 'epochs', 1, 1);
  if (epochs !== undefined && epochs > MAX_EPOCHS)
    throw new UsageError(`--epochs takes 1 to ${MAX_EPOCHS} (the API's limit), got ${epochs}`);
  const pollSeconds = values.poll === undefined ? 10 : Number(values.poll);
  if (!(pollSeconds > 0)) throw new UsageError(`--poll takes a number of seconds > 0, got "${values.poll}"`);
  return { values, training: values.training, model: values.model, epochs, pollMs: pollSeconds * 1000 };
}

/** Both files checked before either is uploaded: a refused validation file uploads nothing. */
async function uploadFiles(
  req: StartRequest,
  client: FineTuningClient,
  io: CliIO,
): Promise<{ trainingId: string; validationId?: string }> {
  const { values, model } = req;
  const training = await prepareFile('training', req.training, model, io);
  const validation = values.validation ? await prepareFile('validation', values.validation, model, io) : undefined;
  const trainingFile = await client.uploadTrainingFile(training.name, training.content);
  io.stderr.write(`Uploaded ${req.training} as ${trainingFile.id} (${trainingFile.bytes} bytes).\n`);
  if (!validation) return { trainingId: trainingFile.id };
  const f = await client.uploadTrainingFile(validation.name, validation.content);
  io.stderr.write(`Uploaded ${values.validation} as ${f.id} (${f.bytes} bytes).\n`);
  return { trainingId: trainingFile.id, validationId: f.id };
}

/** Files nobody will train on would stay on the server (and count against its storage). */
async function deleteUploads(ids: string[], keep: boolean | undefined, client: FineTuningClient, io: CliIO) {
  if (keep) {
    io.stderr.write(`Kept the uploaded file(s) ${ids.join(', ')} (--keep-files).\n`);
    return;
  }
  for (const id of ids) {
    try {
      await client.deleteFile(id);
      io.stderr.write(`Deleted the uploaded file ${id}: no job uses it.\n`);
    } catch (e) {
      io.stderr.write(
        `Could not delete the uploaded file ${id} (${firstLine(errorMessage(e))}); delete it in your account's storage.\n`,
      );
    }
  }
}

async function createJob(req: StartRequest, client: FineTuningClient, io: CliIO): Promise<FineTuningJob> {
  const { trainingId, validationId } = await uploadFiles(req, client, io);
  try {
    return await client.createJob({
      model: req.model,
      trainingFile: trainingId,
      validationFile: validationId,
      suffix: req.values.suffix,
      epochs: req.epochs,
    });
  } catch (err) {
    await deleteUploads([trainingId, ...(validationId ? [validationId] : [])], req.values['keep-files'], client, io);
    throw err;
  }
}

/** Follow the job to its end: 0 with how to use the model when it succeeded, else the error. */
async function followToEnd(job: FineTuningJob, pollMs: number, client: FineTuningClient, io: CliIO): Promise<number> {
  const final = await untilInterrupted((signal) => client.followJob(job.id, progressReporter(io), signal, pollMs));
  if (final.status === 'succeeded' && final.fine_tuned_model) {
    io.stdout.write(howToUse(final.fine_tuned_model, client.conn.baseURL));
    return 0;
  }
  if (final.status === 'failed') {
    const why = final.error?.message
      ? `${final.error.message}${final.error.code ? ` (${final.error.code})` : ''}`
      : 'the server gave no reason';
    throw new ExtractionError('bad_request', `The fine-tuning job ${final.id} failed: ${why}`);
  }
  throw new ExtractionError(
    'cancelled',
    `The fine-tuning job ${final.id} ended with status ${final.status}${final.status === 'cancelled' ? ' (it was cancelled)' : ''}.`,
  );
}

export async function runStart(argv: string[], io: CliIO): Promise<number> {
  const req = parseStartArgs(argv);
  const client = connect(req.values, io);
  const job = await createJob(req, client, io);
  io.stdout.write(`Started fine-tuning job ${job.id} on ${req.model} (status: ${job.status}).\n`);
  if (!req.values.wait) {
    io.stdout.write(
      `Follow it with: job-entities finetune status ${job.id}   (or events ${job.id}; --wait follows it to the end)\n`,
    );
    return 0;
  }
  return followToEnd(job, req.pollMs, client, io);
}
