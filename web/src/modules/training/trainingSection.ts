import type { ReactNode } from 'react';
import type { ParseKeys } from 'i18next';
import type { Role } from '../../auth/roles';

/**
 * One tab of /training: the catalogue, sessions, my training, certificates…
 * Each part of the training module declares its own sections in its folder
 * and adds them to SECTIONS in TrainingPage.tsx (one line).
 */
export interface TrainingSection {
  /** Sub-path under /training ('catalogue' → /training/catalogue/*). */
  path: string;
  /** i18n key of the tab's label. */
  label: ParseKeys;
  /** Who sees the tab (default: everyone who sees /training). */
  roles?: readonly Role[];
  /** Only for an account with a staff record (my training, my plan). */
  person?: boolean;
  /** The section's own routes, relative to its path. */
  element: ReactNode;
}
