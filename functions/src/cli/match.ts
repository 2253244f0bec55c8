import { parseMatchingInstance } from '../domain/matching/instance';
import { runMatching } from '../domain/matching/match';
import type { CliCommand } from './command';
import { rememberedZoneOffsets } from './zone-memo';

const USAGE =
  'usage: tandem match --in instance.json [--candidates] [--objective maxParticipation|maxScore]';

/** `tandem match` — exactly the contract of docs/matching.md: JSON out, exit 2 on bad input. */
export const matchCommand: CliCommand = {
  summary: 'match mentees and mentors of an instance file (JSON on stdout)',
  async run(args, io) {
    let file: string | undefined;
    let candidates = false;
    let objective: string | undefined;
    for (let k = 0; k < args.length; k++) {
      const arg = args[k]!;
      if (arg === '--in') file = args[++k];
      else if (arg.startsWith('--in=')) file = arg.slice(5);
      else if (arg === '--candidates') candidates = true;
      else if (arg === '--objective') objective = args[++k];
      else if (arg.startsWith('--objective=')) objective = arg.slice(12);
      else {
        io.stderr(`tandem match: unknown argument "${arg}"\n${USAGE}\n`);
        return 2;
      }
    }
    if (!file) {
      io.stderr(`--in: the instance file is required\n${USAGE}\n`);
      return 2;
    }
    if (objective !== undefined && objective !== 'maxParticipation' && objective !== 'maxScore') {
      io.stderr(`--objective: must be maxParticipation or maxScore, not "${objective}"\n`);
      return 2;
    }
    let text: string;
    try {
      text = await io.readFile(file);
    } catch (error) {
      io.stderr(`--in: cannot read "${file}": ${(error as Error).message}\n`);
      return 2;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      io.stderr(`--in: "${file}" is not valid JSON: ${(error as Error).message}\n`);
      return 2;
    }
    const parsed = parseMatchingInstance(json);
    if (!parsed.ok) {
      io.stderr(parsed.errors.map((e) => `${e.path || '(root)'}: ${e.message}\n`).join(''));
      return 2;
    }
    const zones = rememberedZoneOffsets(io.cache);
    const result = runMatching(parsed.instance, {
      candidates,
      objective: objective as 'maxParticipation' | 'maxScore' | undefined,
      zoneOffsets: zones.offsetsOf,
    });
    zones.save();
    io.stdout(`${JSON.stringify(result)}\n`);
    return 0;
  },
};
