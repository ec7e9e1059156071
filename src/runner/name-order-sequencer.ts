import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Runs a target's suite files in the order of their names (01-…, 02-…, 99-teardown). */
export class NameOrderSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return [...files].sort((a, b) => a.moduleId.localeCompare(b.moduleId));
  }

  override async shard(files: TestSpecification[]): Promise<TestSpecification[]> {
    return files;
  }
}
