# Which unexpected argument QEMU names when there are several (spec §3.4): the first in GLib's
# hash table order after the visitor consumed the known members; with enough keys the table
# grows (and shrinks again as members are consumed), which moves keys between slots.
args: -M none -nodefaults -display none -qmp stdio --dialect 7.2
status: 0
qemu: compare
--- stdin
{"execute":"qmp_capabilities"}
{"execute":"query-status","arguments":{"zeta":1,"alpha":2,"mid":3}}
{"execute":"query-status","arguments":{"p":1,"q":2,"r":3,"s":4,"t":5}}
{"execute":"query-status","arguments":{"foo":1,"bar":2,"baz":3,"qux":4,"quux":5,"corge":6,"grault":7}}
{"execute":"query-status","arguments":{"k1":1,"k2":2,"k3":3,"k4":4,"k5":5,"k6":6,"k7":7,"k8":8,"k9":9}}
{"execute":"set-action","arguments":{"reboot":"reset","xx":1,"yy":2,"shutdown":"pause"}}
{"execute":"set-action","arguments":{"a1":1,"a2":2,"a3":3,"a4":4,"a5":5,"a6":6,"a7":7,"a8":8,"a9":9,"a10":10,"a11":11,"a12":12,"a13":13,"a14":14,"a15":15,"a16":16,"a17":17,"a18":18,"a19":19,"a20":20,"a21":21,"a22":22,"a23":23,"a24":24,"a25":25,"a26":26,"a27":27,"a28":28,"a29":29,"a30":30,"a31":31,"a32":32,"a33":33}}
{"execute":"set-action","arguments":{"reboot":"reset","shutdown":"pause","panic":"none","watchdog":"none","b1":1,"b2":2,"b3":3,"b4":4,"b5":5,"b6":6,"b7":7,"b8":8}}
{"execute":"set-action","arguments":{"reboot":"reset","shutdown":"pause","panic":"none","watchdog":"none","c1":1}}
{"execute":"quit"}
--- stdout
{"QMP": {"version": {"qemu": {"micro": 0, "minor": 2, "major": 7}, "package": "emu 0.1.0"}, "capabilities": ["oob"]}}
{"return": {}}
{"error": {"class": "GenericError", "desc": "Parameter 'alpha' is unexpected"}}
{"error": {"class": "GenericError", "desc": "Parameter 's' is unexpected"}}
{"error": {"class": "GenericError", "desc": "Parameter 'baz' is unexpected"}}
{"error": {"class": "GenericError", "desc": "Parameter 'k6' is unexpected"}}
{"error": {"class": "GenericError", "desc": "Parameter 'yy' is unexpected"}}
{"error": {"class": "GenericError", "desc": "Parameter 'a33' is unexpected"}}
{"error": {"class": "GenericError", "desc": "Parameter 'b4' is unexpected"}}
{"error": {"class": "GenericError", "desc": "Parameter 'c1' is unexpected"}}
{"timestamp": {"seconds": 946684800, "microseconds": 0}, "event": "SHUTDOWN", "data": {"guest": false, "reason": "host-qmp-quit"}}
{"return": {}}
--- stderr
