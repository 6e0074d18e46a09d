/** Copies `text`, and says whether the clipboard took it (an insecure page or a denied permission refuse it). */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Opens the system's share sheet; a reader who closes it has nothing to be told. */
export async function shareNatively(text: string, url: string): Promise<void> {
  try {
    await navigator.share({title: text, text, url});
  } catch {
    // Closed without sharing.
  }
}
