// @title CLFS log sequence numbers
// @routines ClfsLsnCreate ClfsLsnContainer ClfsLsnBlockOffset ClfsLsnRecordSequence ClfsLsnEqual ClfsLsnLess ClfsLsnGreater ClfsLsnNull
// @structures CLFS_LSN
// ClfsLsnCreate returns a CLFS_LSN by value (a bigint here); the other routines take pointers to LSNs.
const place = (lsn) => { const p = k.alloc('CLFS_LSN'); k.set(p, 'CLFS_LSN', 'Internal', lsn); return p; };
// "offBlock: The block offset. This parameter must be a multiple of 512." "cRecord: An integer in the range
// 0 - 511 that supplies the record sequence number."
const a = place(k.ClfsLsnCreate(3, 0x1200, 7));
print('LSN:', hex(k.get(a, 'CLFS_LSN', 'Internal')));
print('container', k.ClfsLsnContainer(a), 'block offset', hex(k.ClfsLsnBlockOffset(a)), 'record', k.ClfsLsnRecordSequence(a));
const b = place(k.ClfsLsnCreate(3, 0x1400, 0));
print('a < b:', k.ClfsLsnLess(a, b), 'a > b:', k.ClfsLsnGreater(a, b), 'a == a copy:', k.ClfsLsnEqual(a, place(k.get(a, 'CLFS_LSN', 'Internal'))));
// "CLFS_LSN_NULL (the smallest LSN) and CLFS_LSN_INVALID (larger than any valid LSN) are valid arguments".
const nul = place(k.CLFS_LSN_NULL);
const invalid = place(k.CLFS_LSN_INVALID);
print('ClfsLsnNull(NULL LSN):', k.ClfsLsnNull(nul), 'ClfsLsnNull(a):', k.ClfsLsnNull(a));
print('NULL < a:', k.ClfsLsnLess(nul, a), 'INVALID > b:', k.ClfsLsnGreater(invalid, b));
// A block offset that is not a multiple of 512 breaks ClfsLsnCreate's rule.
k.ClfsLsnCreate(3, 100, 0);
