# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""python -m emulator --host 127.0.0.1 --port 0

Prints one line, EMULATOR_URL=http://<host>:<port>, then serves until SIGTERM/SIGINT.
"""

import argparse
import signal
import sys
import threading

from .server import make_server


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m emulator", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port")
    args = parser.parse_args(argv)

    server = make_server(args.host, args.port)
    stopping = threading.Event()

    def _stop(signum, frame):  # pylint: disable=unused-argument
        if not stopping.is_set():
            stopping.set()
            threading.Thread(target=server.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    print("EMULATOR_URL=http://%s:%d" % (args.host, server.server_port), flush=True)
    try:
        server.serve_forever()
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
