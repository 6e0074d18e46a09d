/**
 * Web storage, guarded. Private modes and strict settings block it (reading it throws) and a
 * full store refuses writes: the widget then works the same, without remembering.
 */
import {isServer} from 'lit';

export type StorageKind = 'local' | 'session';

const area = (kind: StorageKind): Storage => (kind === 'local' ? localStorage : sessionStorage);

export function readStored(kind: StorageKind, key: string): string | null {
  // Pre-rendering has no reader, so nothing remembered: the first view is everyone's.
  if (isServer) return null;
  try {
    return area(kind).getItem(key);
  } catch {
    return null;
  }
}

export function writeStored(kind: StorageKind, key: string, value: string): void {
  if (isServer) return;
  try {
    area(kind).setItem(key, value);
  } catch {
    // Blocked or full: this page keeps working without remembering.
  }
}

export function removeStored(kind: StorageKind, key: string): void {
  if (isServer) return;
  try {
    area(kind).removeItem(key);
  } catch {
    // Nothing is stored where storage is blocked.
  }
}
