// @title KeBugCheck: stopping the machine
// @routines KeBugCheck
print('about to stop');
// KeBugCheck "brings down the system in a controlled manner when the caller discovers an unrecoverable
// inconsistency". Its four parameters are zero; KeBugCheckEx supplies them.
k.KeBugCheck(0xe0000002);
print('never printed');
