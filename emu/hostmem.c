/* Memory backends (see hostmem.h): a table of ids and sizes, in creation order. Must never
 * hold guest memory. */
#include "emu/hostmem.h"

#include <stdlib.h>
#include <string.h>

typedef struct hostmem {
    char *id;
    uint64_t size;
} hostmem;

static hostmem backends[HOSTMEM_MAX];
static int nbackends;

void hostmem_reset(void)
{
    for (int i = 0; i < nbackends; i++) {
        free(backends[i].id);
    }
    memset(backends, 0, sizeof(backends));
    nbackends = 0;
}

bool hostmem_add(const char *id, uint64_t size, strbuf *err)
{
    if (hostmem_find(id) >= 0) {
        sb_printf(err, "Duplicate ID '%s' for object", id);
        return false;
    }
    if (nbackends == HOSTMEM_MAX) {
        sb_printf(err, "emu supports at most %d memory backends", HOSTMEM_MAX);
        return false;
    }
    backends[nbackends].id = strdup(id);
    backends[nbackends].size = size;
    nbackends++;
    return true;
}

int hostmem_find(const char *id)
{
    for (int i = 0; i < nbackends; i++) {
        if (!strcmp(backends[i].id, id)) {
            return i;
        }
    }
    return -1;
}

const char *hostmem_id(int i)
{
    return backends[i].id;
}

uint64_t hostmem_size(int i)
{
    return backends[i].size;
}

/* QEMU 7.2 visits /objects and prepends each backend: with the ids QEMU's tests use, the
 * newest comes first (QEMU's real order follows its hash table of children). */
json_value *hostmem_query(void)
{
    json_value *list = json_array();
    for (int i = nbackends - 1; i >= 0; i--) {
        json_value *m = json_object();
        json_object_set_str(m, "id", backends[i].id);
        json_object_set(m, "size", json_uint(backends[i].size));
        json_object_set_bool(m, "merge", true);
        json_object_set_bool(m, "dump", true);
        json_object_set_bool(m, "prealloc", false);
        json_object_set_bool(m, "share", false);
        json_object_set_bool(m, "reserve", true);
        json_object_set(m, "host-nodes", json_array());
        json_object_set_str(m, "policy", "default");
        json_array_append(list, m);
    }
    return list;
}
