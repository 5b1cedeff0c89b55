// The header's Export panel, for the specs that save files from it and check them as files.
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';

/** What the panel saves; each has its button, `export-<kind>`. */
export type ExportKind = 'svg' | 'png' | 'trace' | 'markdown' | 'pcap';

/** Clicks an export button (opening the panel if needed) and returns the file's name and bytes. */
export async function download(
  page: Page,
  kind: ExportKind,
): Promise<{ name: string; bytes: Buffer }> {
  const button = page.getByTestId(`export-${kind}`);
  if (!(await button.isVisible())) await page.getByTestId('export-open').click();
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: await readFile(path) };
}
