// @title Misuse: freeing pool twice
// @routines ExFreePoolWithTag
const TAG = k.tag('Twce');
const p = k.ExAllocatePoolWithTag(k.NonPagedPoolNx, 64, TAG);
k.ExFreePoolWithTag(p, TAG);
print('freed once');
// Driver Verifier stops the machine: bug check 0xC4, parameter 1 = 0x13, "The driver attempted to free
// memory pool which was already freed."
k.ExFreePoolWithTag(p, TAG);
print('never printed');
