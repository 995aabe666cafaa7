#!/usr/bin/env python3
"""A small SensorThings API v1.1 + Open311 GeoReport v2 server for DoThi's feed tests.

Serves on 127.0.0.1 only. Prints "PORT <n>" on stdout once listening. State (entities, faults)
lives in a JSON file (--state) so the server can be killed and started again ("goes away and
comes back") with what it had.

SensorThings (written from OGC 18-088, SensorThings API Part 1: Sensing v1.1):
  GET /v1.1/Datastreams?$expand=Thing($expand=Locations),ObservedProperty&$top=N[&$skip=M]
  GET /v1.1/Datastreams(ID)/Observations?$orderby=phenomenonTime asc&$top=N[&$skip=M]
      [&$filter=phenomenonTime gt ISO]
  Collections page by --page-size (the smaller of it and $top) with @iot.nextLink.
  Entities: the FROST example deep-insert body (--frost), ids assigned as FROST assigns them.
Open311 (written from the GeoReport v2 spec, wiki.open311.org/GeoReport_v2):
  GET /open311/v2/services.json, GET /open311/v2/requests.json (from --open311 DIR).
Control (tests only):
  POST /_control/observations  body {"datastream": id, "observations": [ {...}, ... ]}
       each observation is stored as given; "@iot.id" is assigned unless "_noid" is true.
  POST /_control/requests      body [ {...request...} ]  (adds or replaces by service_request_id)
  POST /_control/fault         body {"mode": "500|malformed|slow|huge|drop|wrongshape", "count": n,
                                     "match": "substring of the path", "delay": seconds}
  GET  /_control/served        every observation id served so far (SensorThings), for checks
  GET  /_control/observations  every observation the server holds (with "_ds": its Datastream)
"""
import argparse
import json
import os
import sys
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from threading import Lock

LOCK = Lock()
STATE = {}
ARGS = None


def save():
    tmp = ARGS.state + ".tmp"
    with open(tmp, "w") as f:
        json.dump(STATE, f)
    os.replace(tmp, ARGS.state)


def parse_iso(text):
    # "2015-03-03T00:00:00Z" / "...00.000Z" / "+00:00" → seconds (UTC); None if not a time
    from datetime import datetime
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()
    except (ValueError, AttributeError):
        return None


def init_state(frost_path, open311_dir):
    thing = {"name": "none"}
    if frost_path:
        with open(frost_path) as f:
            thing = json.load(f)
    st = {"things": [], "datastreams": [], "observations": [], "next_obs": 1, "faults": [],
          "requests": [], "services": [], "served": []}
    locs = []
    for i, loc in enumerate(thing.get("Locations", []), 1):
        l = dict(loc)
        l["@iot.id"] = i
        locs.append(l)
    t = {k: v for k, v in thing.items() if k not in ("Locations", "Datastreams")}
    t["@iot.id"] = 1
    t["Locations"] = locs
    st["things"].append(t)
    for i, ds in enumerate(thing.get("Datastreams", []), 1):
        d = {k: v for k, v in ds.items() if k not in ("Observations", "Sensor")}
        d["@iot.id"] = i
        d["_thing"] = 1
        d["ObservedProperty"] = dict(ds["ObservedProperty"], **{"@iot.id": i})
        st["datastreams"].append(d)
        for o in ds.get("Observations", []):
            ob = dict(o)
            ob["@iot.id"] = st["next_obs"]
            st["next_obs"] += 1
            ob["_ds"] = i
            st["observations"].append(ob)
    if open311_dir:
        with open(os.path.join(open311_dir, "services.json")) as f:
            st["services"] = json.load(f)
        with open(os.path.join(open311_dir, "requests.json")) as f:
            st["requests"] = json.load(f)
    return st


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):
        if ARGS.verbose:
            sys.stderr.write("feed_server: " + fmt % args + "\n")

    def send_body(self, code, body, ctype="application/json"):
        data = body.encode() if isinstance(body, str) else body
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def take_fault(self, path):
        with LOCK:
            for f in STATE["faults"]:
                if f.get("count", 1) > 0 and f.get("match", "") in path:
                    f["count"] = f.get("count", 1) - 1
                    STATE["faults"] = [x for x in STATE["faults"] if x.get("count", 1) > 0]
                    save()
                    return f
        return None

    def do_POST(self):
        n = int(self.headers.get("Content-Length", "0"))
        body = json.loads(self.rfile.read(n) or b"null")
        path = urllib.parse.urlparse(self.path).path
        with LOCK:
            if path == "/_control/observations":
                for o in body["observations"]:
                    ob = dict(o)
                    if not ob.pop("_noid", False):
                        ob["@iot.id"] = STATE["next_obs"]
                        STATE["next_obs"] += 1
                    ob["_ds"] = body["datastream"]
                    STATE["observations"].append(ob)
            elif path == "/_control/requests":
                for r in body:
                    STATE["requests"] = [x for x in STATE["requests"]
                                         if x.get("service_request_id") != r.get("service_request_id")] + [r]
            elif path == "/_control/fault":
                STATE["faults"].append(body)
            else:
                return self.send_body(404, '{"message":"no such control"}')
            save()
        self.send_body(200, "{}")

    def do_GET(self):
        url = urllib.parse.urlparse(self.path)
        q = {k: v[0] for k, v in urllib.parse.parse_qs(url.query).items()}
        path = url.path
        if path == "/_control/served":
            with LOCK:
                return self.send_body(200, json.dumps(STATE["served"]))
        if path == "/_control/observations":
            with LOCK:
                return self.send_body(200, json.dumps(STATE["observations"]))
        fault = self.take_fault(path + "?" + url.query)
        if fault:
            mode = fault["mode"]
            if mode == "500":
                return self.send_body(500, '{"code":500,"type":"error","message":"Internal Server Error"}')
            if mode == "slow":
                time.sleep(fault.get("delay", 5))
            if mode == "malformed":
                return self.send_body(200, '{"value": [ {"@iot.id": 1, "phenomenonTime": "2015-')
            if mode == "wrongshape":
                return self.send_body(200, '{"value": {"not": "an array"}}')
            if mode == "huge":
                pad = "x" * (1 << 20)
                return self.send_body(200, '{"value": [], "padding": [' + ",".join('"%s"' % pad for _ in range(40)) + "]}")
        try:
            code, body = self.route(path, q)
        except Exception as e:  # a bug in the fixture server must be visible
            code, body = 500, json.dumps({"message": str(e)})
        if fault and fault["mode"] == "drop":
            data = body.encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data[: len(data) // 2])
            self.wfile.flush()
            self.close_connection = True
            return
        self.send_body(code, body)

    def base(self):
        return "http://127.0.0.1:%d" % self.server.server_address[1]

    def page(self, items, q, path, extra_query):
        top = min(int(q.get("$top", "100")), ARGS.page_size)
        skip = int(q.get("$skip", "0"))
        out = {"value": items[skip: skip + top]}
        if skip + top < len(items):
            qq = dict(extra_query)
            qq["$top"] = str(top)
            qq["$skip"] = str(skip + top)
            out["@iot.nextLink"] = self.base() + path + "?" + urllib.parse.urlencode(qq)
        return out

    def route(self, path, q):
        with LOCK:
            if path == "/v1.1/Datastreams":
                items = []
                for d in STATE["datastreams"]:
                    x = {k: v for k, v in d.items() if not k.startswith("_")}
                    x["@iot.selfLink"] = self.base() + "/v1.1/Datastreams(%s)" % d["@iot.id"]
                    x["Thing"] = next(t for t in STATE["things"] if t["@iot.id"] == d["_thing"])
                    items.append(x)
                keep = {k: v for k, v in q.items() if k not in ("$skip", "$top")}
                return 200, json.dumps(self.page(items, q, path, keep))
            if path.startswith("/v1.1/Datastreams(") and path.endswith(")/Observations"):
                ds = json.loads(path[len("/v1.1/Datastreams("): -len(")/Observations")])
                obs = [o for o in STATE["observations"] if o["_ds"] == ds]
                flt = q.get("$filter", "")
                if flt:
                    prefix = "phenomenonTime gt "
                    if not flt.startswith(prefix):
                        return 400, '{"message":"unsupported $filter"}'
                    t0 = parse_iso(flt[len(prefix):])
                    if t0 is None:
                        return 400, '{"message":"bad time in $filter"}'
                    obs = [o for o in obs if (parse_iso(o.get("phenomenonTime")) or 0) > t0]

                def key(o):
                    p = o.get("phenomenonTime")
                    return (parse_iso(p) or 0, o.get("@iot.id") if isinstance(o.get("@iot.id"), int) else 0)
                obs.sort(key=key)
                items = [{k: v for k, v in o.items() if not k.startswith("_")} for o in obs]
                keep = {k: v for k, v in q.items() if k not in ("$skip", "$top")}
                page = self.page(items, q, path, keep)
                STATE["served"].extend(o.get("@iot.id") for o in page["value"])
                save()
                return 200, json.dumps(page)
            if path == "/open311/v2/services.json":
                return 200, json.dumps(STATE["services"])
            if path == "/open311/v2/requests.json":
                return 200, json.dumps(STATE["requests"])
        return 404, '{"message":"not found"}'


class Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def handle_error(self, request, client_address):
        # a client that gave up (time-out, size cap) resets the connection: expected, not news
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def main():
    global ARGS, STATE
    p = argparse.ArgumentParser()
    p.add_argument("--port", type=int, default=0)
    p.add_argument("--state", required=True)
    p.add_argument("--frost")
    p.add_argument("--open311")
    p.add_argument("--page-size", type=int, default=100)
    p.add_argument("--verbose", action="store_true")
    ARGS = p.parse_args()
    if os.path.exists(ARGS.state):
        with open(ARGS.state) as f:
            STATE = json.load(f)
    else:
        STATE = init_state(ARGS.frost, ARGS.open311)
        save()
    server = Server(("127.0.0.1", ARGS.port), Handler)
    print("PORT %d" % server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
