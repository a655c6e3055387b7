// @title Bug-check callbacks: resetting a device when the machine stops
// @routines KeBugCheckEx KeInitializeCallbackRecord KeRegisterBugCheckCallback KeDeregisterBugCheckCallback KeRegisterBugCheckReasonCallback KeDeregisterBugCheckReasonCallback
// @structures KBUGCHECK_CALLBACK_RECORD KBUGCHECK_REASON_CALLBACK_RECORD
const record = k.alloc('KBUGCHECK_CALLBACK_RECORD');
const state = k.alloc(16);
k.write(state, 'ULONG', 0xd15ea5e);
k.KeInitializeCallbackRecord(record);
// "The BugCheckCallback routine is executed when the system issues a bug check. A driver can use the routine
// to reset the device to a known state."
print('register:', k.KeRegisterBugCheckCallback(record, (buffer, length) => {
  print('bug check callback: device state', hex(k.read(buffer, 'ULONG')), 'in', length, 'bytes: resetting the device');
}, state, 16, k.astr('DemoDriver')));
print('register the same record again:', k.KeRegisterBugCheckCallback(record, () => undefined, state, 16, k.astr('DemoDriver')));

const reason = k.alloc('KBUGCHECK_REASON_CALLBACK_RECORD');
print('register a reason callback:', k.KeRegisterBugCheckReasonCallback(reason, (why) => {
  print('reason callback, reason', why);
}, k.KbCallbackSecondaryDumpData, k.astr('DemoDriver')));
// KeDeregisterBugCheckReasonCallback "returns FALSE if the specified callback is not registered".
print('deregister it:', k.KeDeregisterBugCheckReasonCallback(reason), 'again:', k.KeDeregisterBugCheckReasonCallback(reason));

// The driver finds its device in an unrecoverable state and stops the machine with a code of its own ("the
// BugCheckCode passed to this routine should be distinct from those codes already in use by Windows"). The
// callbacks still registered run before the machine stops.
k.KeBugCheckEx(0xe0000001, 0x1, state, 0, 0);
k.KeDeregisterBugCheckCallback(record);
