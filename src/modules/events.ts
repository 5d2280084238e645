import { createEmitter, type EventHandlers } from '../platform/events/domain-events.js';
import { needsEventHandlers } from './needs/needs.events.js';
import { peopleEventHandlers } from './people/people.events.js';
import { positionsEventHandlers } from './positions/positions.events.js';
import { credentialsEventHandlers } from './training/credentials/credentials.events.js';
import { surveysEventHandlers } from './evaluation/surveys.events.js';
import { effectivenessEventHandlers, followupsEventHandlers } from './evaluation/followups.events.js';
import { recruitmentEventHandlers } from './recruitment/recruitment.events.js';

/**
 * `emit(trx, name, payload)` for every module, over the one list of handlers
 * (the platform imports no module). A module that reacts to an event adds its
 * `<m>.events.ts` handlers here. Bound by import rather than registered at
 * start-up, so every entry point (server, CLI, the data set build, tests that
 * call a service directly) runs the same handlers: a missed registration would
 * silently leave the needs summaries behind.
 */
export const eventHandlerModules: EventHandlers[] = [
  positionsEventHandlers,
  peopleEventHandlers,
  needsEventHandlers,
  credentialsEventHandlers,
  surveysEventHandlers,
  followupsEventHandlers,
  effectivenessEventHandlers,
  recruitmentEventHandlers,
];

/** Reads the list at every call (a test may append a handler to watch an event). */
export const emit = createEmitter(eventHandlerModules);
