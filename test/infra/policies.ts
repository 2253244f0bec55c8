import type { Parser } from 'web-tree-sitter';
import { type BicepFile, outputs, parameters, properties } from './bicep';

/** Role definitions Tandem may assign: data-plane roles on its own resources, nothing broader. */
export const ALLOWED_ROLES = new Map([
  ['b7e6dc6d-f1e8-4753-8033-0f276bb0955b', 'Storage Blob Data Owner'],
  ['0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3', 'Storage Table Data Contributor'],
  ['974c5e8b-45b9-4653-ba55-5f855dd0fb88', 'Storage Queue Data Contributor'],
  ['3913510d-42f4-4e42-8a64-420c390055eb', 'Monitoring Metrics Publisher'],
]);

const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/**
 * The security settings the deployment must keep, checked on the parsed templates. Returns one
 * line per breach; an empty list means every policy holds.
 */
export function policyProblems(p: Parser, files: readonly BicepFile[]): string[] {
  const problems: string[] = [];
  const all = files.flatMap((file) =>
    properties(p, file).map((prop) => ({ ...prop, file: file.path })),
  );
  const values = (key: string) => all.filter((prop) => prop.key === key);
  const require = (key: string, expected: string, why: string) => {
    const found = values(key);
    if (found.length === 0) problems.push(`${key} must be set to ${expected} (${why})`);
    for (const prop of found) {
      if (prop.value !== expected) {
        problems.push(
          `${prop.file}:${prop.line}: ${key} is ${prop.value}, must be ${expected} (${why})`,
        );
      }
    }
  };

  require('allowSharedKeyAccess', 'false', 'storage is reached by identity only');
  require('allowBlobPublicAccess', 'false', 'no anonymous blobs');
  require('minimumTlsVersion', "'TLS1_2'", 'TLS 1.2 at least');
  require('supportsHttpsTrafficOnly', 'true', 'HTTPS only');
  require('publicAccess', "'None'", 'containers are private');
  require('DisableLocalAuth', 'true', 'telemetry by identity, no instrumentation-key auth');
  require('AzureWebJobsStorage__credential', "'managedidentity'", 'the Functions host uses the identity');
  require('httpsOnly', 'true', 'the Function App answers HTTPS only');
  require('minTlsVersion', "'1.2'", 'TLS 1.2 at least');
  if (!values('tier').some((t) => t.value === "'FlexConsumption'")) {
    problems.push('the Function App plan must be Flex Consumption');
  }

  const runtime = values('runtime');
  if (!runtime.some((r) => /name:\s*'node'/.test(r.value) && /version:\s*'22'/.test(r.value))) {
    problems.push("the Function App runtime must be { name: 'node', version: '22' }");
  }
  const identity = values('type').filter((t) => /Assigned/.test(t.value));
  if (!identity.some((t) => t.value === "'UserAssigned'"))
    problems.push('the Function App needs a user-assigned identity');
  if (values('AzureWebJobsStorage').length > 0) {
    problems.push(
      'AzureWebJobsStorage as a connection string carries a key: use __accountName + __credential',
    );
  }

  for (const file of files) {
    for (const [pattern, why] of [
      [/listKeys\s*\(/, 'reads storage keys'],
      [/AccountKey=/, 'embeds a storage key'],
      [/passwordCredentials|keyCredentials|clientSecret/, 'gives the app a secret'],
    ] as const) {
      if (pattern.test(file.text)) problems.push(`${file.path}: ${why}`);
    }
    for (const param of parameters(p, file)) {
      if (!param.described)
        problems.push(`${file.path}: parameter ${param.name} has no @description`);
    }
    for (const output of outputs(p, file)) {
      if (
        /secret|password|key\b|keys|connectionstring|sas/i.test(`${output.name} ${output.text}`) ||
        /@secure/.test(output.text)
      ) {
        problems.push(`${file.path}: output ${output.name} may expose a secret`);
      }
    }
    // Role assignments live in one module, whose every role id must be one Tandem needs.
    const assigns = /'Microsoft\.Authorization\/roleAssignments@/.test(file.text);
    if (assigns && !file.path.endsWith('roles.bicep')) {
      problems.push(`${file.path}: role assignments belong in modules/roles.bicep`);
    }
    if (file.path.endsWith('roles.bicep')) {
      for (const id of file.text.match(GUID) ?? []) {
        if (!ALLOWED_ROLES.has(id.toLowerCase()))
          problems.push(`${file.path}: role ${id} is not one Tandem needs`);
      }
      if (/scope:\s*(resourceGroup|subscription)\(\)/.test(file.text)) {
        problems.push(
          `${file.path}: roles are granted on Tandem's resources, not the group or subscription`,
        );
      }
    }
  }
  if (!files.some((f) => /federatedIdentityCredentials@/.test(f.text))) {
    problems.push('the managed identity must act as the app through a federated credential');
  }
  return problems;
}
