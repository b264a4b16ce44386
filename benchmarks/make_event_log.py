"""Writes a deterministic event log of about N events (JSON Lines) for timing the ServiceDesk replay.

Usage: python3 benchmarks/make_event_log.py 1000000 > /tmp/events-1m.jsonl
"""
import datetime
import random
import sys

target = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
rng = random.Random(2025)
start = datetime.datetime(2025, 1, 13, 0, 0, tzinfo=datetime.timezone.utc)
out = sys.stdout
count = 0


def emit(at, line):
    global count
    out.write('{"at":"' + at.strftime("%Y-%m-%dT%H:%M:%SZ") + '",' + line + "}\n")
    count += 1


customers = 10_000
for c in range(customers):
    emit(start - datetime.timedelta(days=30), f'"type":"CustomerRegistered","customer":"C-{c}","name":"Household {c}","tier":"{rng.choice(["ordinary", "ordinary", "gold", "key"])}","since":"2020-01-01"')

ticket = 0
while count < target:
    t = start + datetime.timedelta(minutes=rng.randrange(0, 60 * 24 * 120))
    tid = f"T-{ticket}"
    staff = f"staff-{rng.randrange(40)}"

    def later(lo, hi):
        global t
        t += datetime.timedelta(minutes=rng.randrange(lo, hi))
        return t

    emit(t, f'"type":"TicketOpened","ticket":"{tid}","customer":"C-{rng.randrange(customers)}","kind":"RepairRequest","channel":"Hotline","priority":"P{rng.randrange(1, 5)}","staff":"{staff}","agreement":"PM-2025"')
    emit(later(1, 60), f'"type":"TicketAssigned","ticket":"{tid}","staff":"{staff}","department":"repairs"')
    emit(later(1, 120), f'"type":"ResponseRecorded","ticket":"{tid}","staff":"{staff}","public":true')
    emit(later(1, 60), f'"type":"TicketWorkStarted","ticket":"{tid}"')
    if rng.random() < 0.3:
        emit(later(10, 300), f'"type":"TicketOnHold","ticket":"{tid}","reason":"WaitingForCustomer"')
        emit(later(60, 2000), f'"type":"TicketResumed","ticket":"{tid}"')
    emit(later(30, 900), f'"type":"ResponseRecorded","ticket":"{tid}","staff":"{staff}","public":true')
    emit(later(30, 1500), f'"type":"TicketResolved","ticket":"{tid}","staff":"{staff}"')
    emit(later(60, 2880), f'"type":"TicketClosed","ticket":"{tid}"')
    ticket += 1

print(f"{count} events, {ticket} tickets", file=sys.stderr)
