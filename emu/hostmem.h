/* Memory backends (-object memory-backend-ram,id=,size=): named RAM sizes that -numa
 * node,memdev= gives to a node, and what query-memdev reports. emu allocates nothing here: the
 * board's RAM is one block; a backend only says how much of it a node owns. Must never accept
 * two backends with one id. */
#ifndef EMU_HOSTMEM_H
#define EMU_HOSTMEM_H

#include <stdbool.h>
#include <stdint.h>

#include "emu/strbuf.h"
#include "qmp/json.h"

#define HOSTMEM_MAX 64

void hostmem_reset(void);
/* Adds a backend; false with QEMU's message in err (duplicate id, too many). */
bool hostmem_add(const char *id, uint64_t size, strbuf *err);
/* Index of the backend named id, or -1. */
int hostmem_find(const char *id);
const char *hostmem_id(int i);
uint64_t hostmem_size(int i);
/* query-memdev's list (QEMU's shape and order: the newest backend first). */
json_value *hostmem_query(void);

#endif
