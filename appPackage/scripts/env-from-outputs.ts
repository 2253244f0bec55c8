import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/**
 * Writes a deployment's outputs into an Agents Toolkit env file (env/.env.<name>), as the
 * toolkit's arm/deploy does: each output under its name in capitals, the file's other lines kept.
 * Input: `az deployment group create … --query properties.outputs` (ARM returns names with
 * their first letters' case changed, e.g. `aaD_APP_CLIENT_ID`, hence the capitals).
 */
const Outputs = z.record(
  z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'an output name is letters, digits and _'),
  z.object({
    type: z.string(),
    value: z.union([z.string(), z.number(), z.boolean()]),
  }),
);

export function envFromOutputs(envText: string, outputsJson: string): string {
  const parsed = Outputs.safeParse(JSON.parse(outputsJson));
  if (!parsed.success) {
    throw new Error(
      `Not a deployment's outputs: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  const values = new Map<string, string>();
  for (const [name, output] of Object.entries(parsed.data)) {
    const value = String(output.value);
    if (/[\r\n]/.test(value)) throw new Error(`Output ${name} spans lines: not an env value`);
    values.set(name.toUpperCase(), value);
  }
  const written = new Set<string>();
  const lines = envText.split('\n').map((line) => {
    const key = /^([A-Z0-9_]+)=/.exec(line)?.[1];
    if (!key || !values.has(key)) return line;
    written.add(key);
    return `${key}=${values.get(key)}`;
  });
  const added = [...values].filter(([key]) => !written.has(key)).map(([k, v]) => `${k}=${v}`);
  const body = lines.join('\n').replace(/\n*$/, '\n');
  return added.length > 0 ? `${body}${added.join('\n')}\n` : body;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [envFile, outputsFile] = process.argv.slice(2);
  if (!envFile || !outputsFile) {
    console.error('usage: tsx appPackage/scripts/env-from-outputs.ts <env file> <outputs.json>');
    process.exit(2);
  }
  try {
    writeFileSync(
      envFile,
      envFromOutputs(readFileSync(envFile, 'utf8'), readFileSync(outputsFile, 'utf8')),
    );
    console.log(`Wrote the deployment's outputs to ${envFile}`);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
