import type {ReactiveControllerHost} from 'lit';

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

/** Whether a copy button's last copy worked: `no` when the clipboard refused it and the reader must copy by hand. */
export type Copied = 'yes' | 'no' | null;
export type CopyTarget = 'message' | 'link';

/** What each copy button last did, for its status line: each button has its own. */
export class CopyController {
  copied: Readonly<Record<CopyTarget, Copied>> = {message: null, link: null};

  constructor(private readonly host: ReactiveControllerHost) {}

  async copy(what: CopyTarget, text: string): Promise<boolean> {
    const done = await copyText(text);
    this.copied = {...this.copied, [what]: done ? 'yes' : 'no'};
    this.host.requestUpdate();
    return done;
  }

  /** Copies the message; without clipboard access, selects it, so that the reader's own copy command works. */
  async copyMessage({composed, text}: {composed: {subject: string}; text: string}, root: ParentNode): Promise<void> {
    if (!(await this.copy('message', `${composed.subject}\n\n${text}`))) root.querySelector<HTMLTextAreaElement>('#message-body')?.select();
  }
}
