/**
 * KEVENT: KeInitializeEvent, KeSetEvent, KeClearEvent, KeResetEvent, KePulseEvent, KeReadStateEvent.
 * A notification event stays signaled and releases every waiter; a synchronization event releases one
 * waiter and resets itself ("When a synchronization event is set, a single waiting thread is released and
 * the event is automatically reset" — KeInitializeEvent). KeSetEvent, KeResetEvent and KePulseEvent return
 * the previous state.
 */
import { KOBJECTS, initHeader, setSignalState, signalState } from './dispatcher.ts';
import { defineModule } from './module.ts';

export default defineModule({
  name: 'kevent',
  layouts: { KEVENT: [['Header', 'DISPATCHER_HEADER']] },
  constants: { NotificationEvent: 0, SynchronizationEvent: 1, EVENT_INCREMENT: 1, IO_NO_INCREMENT: 0 },
  routines: (sys) => {
    const ctx = sys.ctx;
    const event = (p: number, routine: string) => ctx.object(p, 'KEVENT', routine);
    const set = (p: number) => {
      const prev = signalState(sys, p);
      setSignalState(sys, p, 1);
      ctx.signal(p);
      return prev;
    };
    return {
      KeInitializeEvent(Event: number, Type: number, State: number) {
        if (Type !== 0 && Type !== 1) ctx.bugcheck('DRIVER_VERIFIER_DETECTED_VIOLATION', [0x1004, Event, Type, 0], `KeInitializeEvent: Type ${Type} is neither NotificationEvent nor SynchronizationEvent.`);
        const sync = Type === 1;
        initHeader(sys, Event, {
          type: 'KEVENT', headerType: sync ? KOBJECTS.EventSynchronizationObject : KOBJECTS.EventNotificationObject,
          size: sys.layouts.get('KEVENT').size, state: State ? 1 : 0,
          signaled: () => signalState(sys, Event) > 0,
          acquire: () => {
            if (sync) setSignalState(sys, Event, 0);
          },
          describe: () => ({ kind: sync ? 'SynchronizationEvent' : 'NotificationEvent', signaled: signalState(sys, Event) > 0 }),
        });
      },
      /** Returns the previous state (nonzero if it was signaled). Wait=TRUE only promises a wait follows. */
      KeSetEvent(Event: number, _Increment: number, _Wait: number) {
        event(Event, 'KeSetEvent');
        // The page's rule is in its remarks (the catalog records "See Remarks"): IRQL <= DISPATCH_LEVEL.
        if (ctx.irql > 2) ctx.bugcheck('IRQL_NOT_LESS_OR_EQUAL', [0, ctx.irql, 0, 0], `KeSetEvent was called at IRQL ${ctx.irql}; callers must be running at IRQL <= DISPATCH_LEVEL.`);
        return set(Event);
      },
      KeClearEvent(Event: number) {
        event(Event, 'KeClearEvent');
        setSignalState(sys, Event, 0);
      },
      KeResetEvent(Event: number) {
        event(Event, 'KeResetEvent');
        const prev = signalState(sys, Event);
        setSignalState(sys, Event, 0);
        return prev;
      },
      /** Signals long enough to satisfy the current waiters, then leaves the event not signaled. */
      KePulseEvent(Event: number, _Increment: number, _Wait: number) {
        event(Event, 'KePulseEvent');
        const prev = set(Event);
        setSignalState(sys, Event, 0);
        return prev;
      },
      KeReadStateEvent(Event: number) {
        event(Event, 'KeReadStateEvent');
        return signalState(sys, Event);
      },
    };
  },
});
