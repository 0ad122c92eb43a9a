/* QMP events: stamps an event with the virtual clock plus the epoch and hands it to every
 * negotiated monitor. Must never read the host clock. */
#ifndef QMP_EVENTS_H
#define QMP_EVENTS_H

#include "qmp/json.h"

/* Takes ownership of data (NULL: the event has no data member). */
void event_emit(const char *name, json_value *data);

/* Where formatted event lines go (the monitor layer sets it). NULL: dropped. */
extern void (*event_sink)(const json_value *event);

#endif
