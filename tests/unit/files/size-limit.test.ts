import { describe, expect, it } from 'vitest';
import { MAX_DATA_FILE_BYTES } from '../../../src/files/size-limit.ts';

describe('MAX_DATA_FILE_BYTES', () => {
  it('is 5 MB', () => {
    expect(MAX_DATA_FILE_BYTES).toBe(5 * 1024 * 1024);
  });
});
