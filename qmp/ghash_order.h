/* Which key of an argument object QEMU reports as unexpected: GLib GHashTable slot order after
 * QEMU's inserts and removals (see ghash_order.c). Must never be used for anything else. */
#ifndef QMP_GHASH_ORDER_H
#define QMP_GHASH_ORDER_H

#include <stddef.h>

#include "qmp/json.h"

/* Inserts obj's keys in QDict order, removes members removed[0..nremoved) in that order, and
 * returns the member index GLib's iterator yields first (-1 if none remain). */
long ghash_first_remaining(const json_value *obj, const size_t *removed, size_t nremoved);

#endif
