import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../src/modules/registry.js';

/**
 * A migration that has landed has run on somebody's database: editing it
 * changes nothing there and makes fresh databases differ from old ones (0007
 * was edited after it landed). So every landed file's content is pinned here.
 * A new migration is added to this table once it lands — the failure message
 * gives the line to paste. Only line endings are normalised (a Windows
 * checkout must not fail); every other byte counts.
 */
const LANDED: Record<string, string> = {
  '0001_foundation': 'a17739b9f6e37f7e631f25d0d55584cfe23013151d2a80c7b85126a23cc54494',
  '0002_framework': '685094cdce6b912bad4cd9bb55995be404fbe530f88550441c817695c904f497',
  '0003_admin_units_agencies_staff': 'fba375d1b09cc5032ce2216faf316a94888390e396f1c9657548eafc4bd60a9e',
  '0004_assessment': '4c32c7907e055d9b7eabbc98c45cf6145dd222531934021c7e2081f219683044',
  '0005_needs_summaries': '628a1b30d17fd10b38aa3dea2df2849e07e3641936950a367b9900c92a5c7f1f',
  '0006_results_role_category': '39edfaa7f6246134f2ef3c4b1d8a9e6b6c498574a01e45196b1a3c7ebae0483b',
  '0007_needs_summary_key': 'ad35e129a3b578dce2e59c5a1e9d2d25dd8be88b51c4dc14dc4067f8e9f20b88',
  '0008_login_attempts': 'ae4d02b378aa8f410dadd58d612d08e0b83e3cd1e9eef0a8724f4744f1732f8b',
  '0009_anonymity_releases': '726b2098924cd532d2ed49b7fa5e600f001fa3e19a7d7c8ea17ae467b3fd0e40',
  '0010_staff_import_jobs': '2d2e78797aca08c5720fdd33d4cf1ce5969e033d6d4c2665dfc18f303b700aa4',
  '0011_audit_related_paths': '84e471212690c877434c25346a466aa84146398d39f933b9f0716782f125e378',
  '0012_training': '813d336672fa73c1f382ee28bf4ecf33aed89134a84963d48e03aa285abd14f0',
  '0013_training_calendar_feeds': '3e95d6ff7a698255d24e97628d121297949c6687b5e7e702014d6d31e48bda82',
  '0014_training_credentials': 'a6032493a57044d7c9e0ac2270fb1d694a6760b3a9803d5635b8e7bcd4c6f2e7',
  '0018_development_plans': 'f132b4e4a40ed978847951c4a4980f63ae74dcd57c296a8c133ffc4d6bcc2bea',
  '0019_quality_classification': 'eb872a86a3a359a41c4702c8a02fc58d33b14051a19f72e7582e0b3ace77ae7d',
  '0021_planning': '6516d3238a26a51fb99ecc9118831da5e1a95c806949e4a956bd1ed606a465a6',
  '0022_follow_up_cycles': '248b34deefe2bc3e3a1a7e2a9eaeb415bce24e2de786f781761c7c7e41b2091f',
  '0023_reaction_surveys': 'f1b638d2e81cda00540915d5b1f4985f8ed7b5eca82d558160d99fd951f1f61e',
  '0024_learning_tests': 'b258c96dfdee4ad11ecc1e79a0d3a453d909c051d3d6c22a0a2281805d2d5668',
  '0025_evaluation_followups': '4fc2b3ccb6f5b1ff093234a63e48f9028645c07b22e8863275714a61b49a846d',
  '0026_evaluation_effectiveness': '2fa2ea3bd2dab5d7e03abd31cbdd364937cc9d7a0b94f2b8eec924d4ed99cefc',
  '0027_case_identity': 'c252698502cf9fe9ec484d74436e8e5416111378e6dcfed67d515e543062892a',
  '0028_admin_unit_change_sets': '323dd5dd1a881ed37709c0f876efadc3b41efa9494e440b3ad87185b8ea6b479',
  '0029_password_must_change': 'b53b9f0270af1c8d052cfb74f190ab498af90f43028e96965b83dae05d19eb7b',
  '0030_moodle_extras': 'cb8fe35a3f40007b22092b1f1dab1d9ec35286c76cc94f7e049f5c25e12b3807',
  '0031_recruitment': '45cf5ace864f61c23afe1bf6547087d96e3a1e581e7fd9d97e2bb7ece16d057c',
  '0032_recruitment_assessment': '861a4630cd8d47dd2994428ed7a41f7daddbcd2142a08c5eea1e3fda255e14f6',
  '0033_promotion': 'e27dd417cdc51377a244d6b30553584417e16640572abeb993c4f4d7b507a975',
  '0034_framework_without_levels': '1aa05e0161862d71adf044be8187cd0b13ca27158bed1b224bbec28c39ada100',
  '0035_current_levels': 'b9fdd762aa9a0c2b15337e92f3144b2cd71179856f4ba94f2c1af39556139622',
  '0036_planning_openings': '4b8f758129c2c81aacf19a8720a19fbbe343c4b4a0f5744466ea290a9320f986',
  '0037_evaluation_effect_rollups': 'da239444010536b33461297656cbef760230e48433e1b01c22bc7f09efcb0b48',
  '0038_survey_non_completers': 'e8a6bc77c7fb41013f7ce688e9e7a835a1bab0a589cae02ede98471344675e8a',
  '0042_recruitment_standings': 'a6bd8f106835fb3c82a35b0dc4c417aef7f866b58f1a04bfa26cbf3eca5acb76',
  '0043_identity_numbers': '2c00cdee48387c387eb7ec137e93b87b5e7674832cb88ce29946a32b095d5809',
  '0044_packed_current_levels': '1314513a68c5e4caeef264a36b7910ec7c2fe9e6374077d8e46024f8b3c79a05',
  '0045_effect_rollups_fillfactor': 'a35c7d3987e64e7540df85fadff984cecf03b81bc1f66badb8ff75b2d50fe8e0',
};

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
// Migrations are imported where they are registered: the platform's list and each module's descriptor.
const registryFiles = [join(root, 'src/platform/db/migrations.ts'), ...moduleDescriptorFiles(join(root, 'src/modules'))];

function moduleDescriptorFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? moduleDescriptorFiles(join(dir, entry.name)) : entry.name.endsWith('.module.ts') ? [join(dir, entry.name)] : [],
  );
}

/** The source file of every migration in the registry, by the name it is registered under. */
function migrationFiles(): Map<string, string> {
  const fileOf = new Map<string, string>();
  for (const registry of registryFiles) {
    const text = readFileSync(registry, 'utf8');
    for (const m of text.matchAll(/import \* as \w+ from '([^']+\/(\d{4}_\w+))\.js';/g)) {
      fileOf.set(m[2]!, resolve(dirname(registry), `${m[1]!}.ts`));
    }
  }
  return fileOf;
}

function checksum(file: string): string {
  const text = readFileSync(file, 'utf8').replace(/\r\n?/g, '\n');
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

describe('landed migrations', () => {
  const files = migrationFiles();

  it('finds a source file for every registered migration', () => {
    expect([...files.keys()].sort()).toEqual(Object.keys(migrations).sort());
  });

  it('has not changed a landed migration', () => {
    const changed: string[] = [];
    for (const [name, expected] of Object.entries(LANDED)) {
      const file = files.get(name);
      if (!file) {
        changed.push(
          `${name}: landed but no longer registered (src/platform/db/migrations.ts or a module's <m>.module.ts) — a landed migration is never removed`,
        );
        continue;
      }
      if (checksum(file) !== expected) {
        changed.push(`${relative(root, file)} changed after it landed: restore it and put the change in a new migration`);
      }
    }
    expect(changed, changed.join('\n')).toEqual([]);
  });

  it('pins every migration in the registry', () => {
    const unpinned = [...files]
      .filter(([name]) => !(name in LANDED))
      .map(([name, file]) => `${relative(root, file)} is not in LANDED of test/platform/migrations-landed.test.ts: add  '${name}': '${checksum(file)}',`);
    expect(unpinned, unpinned.join('\n')).toEqual([]);
  });
});
