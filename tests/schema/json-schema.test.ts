import { describe, expect, it } from 'vitest';
import { catalogJsonSchema } from '../../schema/index.ts';

describe('the published JSON Schema', () => {
  it('is generated from the zod schema and pinned by a snapshot', async () => {
    await expect(JSON.stringify(catalogJsonSchema(), null, 2) + '\n').toMatchFileSnapshot('./__snapshots__/catalog.schema.json');
  });
});
