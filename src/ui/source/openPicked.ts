// Files the user picked or dropped: a view file ("Copy link" when the link is too long) restores the view it holds
// (src/ui/share); anything else is read as a journal. Its own module so that the loaders never import the share
// layer, which loads runs through them.
import { looksLikeViewFile } from '../../share/view-file-format';
import type { LoadedRun } from '../../run/loaded-run';
import { openViewFile } from '../share/openViewFile';
import { openFileBytes, readBrowserFiles, showUnreadable } from './loaders';

/** Only the start is decoded to recognise a view file: a journal of hundreds of MB is not decoded twice. */
const VIEW_FILE_SNIFF_BYTES = 400;

export async function openBrowserFiles(list: FileList | File[]): Promise<LoadedRun | null> {
  const files = readBrowserFiles(list);
  if (!files) return null;
  try {
    if (files.length === 1 && looksLikeViewFile(await files[0].file.slice(0, VIEW_FILE_SNIFF_BYTES).text()))
      return openViewFile(await files[0].file.text());
  } catch (e) {
    return showUnreadable(files, e);
  }
  return openFileBytes(files);
}
