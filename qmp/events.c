/* Event construction: {"timestamp": {...}, "event": NAME, "data": {...}} with the timestamp
 * taken from the virtual clock plus the epoch, so transcripts need no masking.
 * Must never read the host clock. */
#include "qmp/events.h"

#include "emu/vclock.h"

void (*event_sink)(const json_value *event);

void event_emit(const char *name, json_value *data)
{
    int64_t t = vclock_epoch_ns() + (int64_t)vclock_now_ns();
    int64_t sec = t / 1000000000, usec = (t % 1000000000) / 1000;
    if (usec < 0) {
        sec -= 1;
        usec += 1000000;
    }
    json_value *ev = json_object();
    json_value *ts = json_object();
    json_object_set_int(ts, "seconds", sec);
    json_object_set_int(ts, "microseconds", usec);
    json_object_set(ev, "event", json_string(name));
    if (data) {
        json_object_set(ev, "data", data);
    }
    json_object_set(ev, "timestamp", ts);
    if (event_sink) {
        event_sink(ev);
    }
    json_free(ev);
}
