# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Run the emulator as a subprocess (python -m emulator) and drive its /_emulator/ control endpoints.

with start_server() as server:
    client = server.client()  # boto3, customer-profiles, us-east-1, test credentials
    server.inject_fault("UpdateDomain", "ThrottlingException", count=2)
    assert server.calls()[-1]["operation"] == "UpdateDomain"
"""

import json
import os
import queue
import subprocess
import sys
import tempfile
import threading
import urllib.error
import urllib.request

TESTS_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
URL_PREFIX = "EMULATOR_URL="


class EmulatorServer:
    """A running `python -m emulator` subprocess."""

    def __init__(self, process, url, stderr_file):
        self.process = process
        self.url = url
        self._stderr_file = stderr_file

    # control endpoints ------------------------------------------------------
    def _request(self, method, path, payload=None):
        data = json.dumps(payload).encode("utf-8") if payload is not None else None
        request = urllib.request.Request(
            self.url + "/_emulator/" + path, data=data, method=method, headers={"Content-Type": "application/json"}
        )
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                body = response.read()
        except urllib.error.HTTPError as exc:
            raise RuntimeError(
                "emulator control %s %s failed: %s %s" % (method, path, exc.code, exc.read().decode("utf-8", "replace"))
            ) from None
        return json.loads(body.decode("utf-8")) if body else {}

    def client(self, service="customer-profiles", region="us-east-1", **kwargs):
        """A boto3 client of ``service`` against this server, with test credentials."""
        import boto3  # pylint: disable=import-outside-toplevel

        return boto3.client(
            service,
            endpoint_url=self.url,
            region_name=region,
            aws_access_key_id="testing",
            aws_secret_access_key="testing",
            **kwargs,
        )

    def calls(self, times=False):
        return self._request("GET", "calls?times=1" if times else "calls")["calls"]

    def reset_calls(self):
        self._request("DELETE", "calls")

    def inject_fault(self, operation, error="ThrottlingException", **options):
        """Add a fault (emulator.inject_fault's arguments: count, kind, rate, seed, after_commit, status, seconds)."""
        self._request("POST", "faults", dict(options, operation=operation, error=error))

    def pending_faults(self):
        """The pending faults: {operation or "*": [fault, ...]}."""
        return self._request("GET", "faults")["faults"]

    def clear_faults(self):
        self._request("DELETE", "faults")

    def set_rule_based_matching_status(self, domain_name, status, region="us-east-1"):
        self._request(
            "POST", "rule-based-matching-status", {"domain_name": domain_name, "status": status, "region": region}
        )

    def set_search_lag(self, seconds):
        """Profile writes reach SearchProfiles `seconds` later (0: at once, the default)."""
        self._request("POST", "search-lag", {"seconds": seconds})

    def search_lag(self):
        return self._request("GET", "search-lag")["seconds"]

    def set_quota_mode(self, enabled, rates=None):
        """Enforce the documented per-operation requests-per-second quotas (429 ThrottlingException);
        rates: {operation: requests per second} overriding the table."""
        payload = {"enabled": enabled}
        if rates is not None:
            payload["rates"] = rates
        self._request("POST", "quota", payload)

    def quota_mode(self):
        return self._request("GET", "quota")

    def set_search_values_limit(self, limit):
        """At most `limit` Values per search key in a SearchProfiles call (None: no limit, the default)."""
        self._request("POST", "search-values-limit", {"limit": limit})

    def search_values_limit(self):
        return self._request("GET", "search-values-limit")["limit"]

    def set_segment_exports(self, **settings):
        """emulator.set_segment_exports over HTTP: snapshot_polls, estimate_polls, snapshot_failure, fail_snapshots."""
        return self._request("POST", "segment-exports", settings)

    def segment_exports(self):
        return self._request("GET", "segment-exports")

    def set_upload_job_polls(self, polls):
        """A started upload job finishes at the ``polls``-th GetUploadJob read (default 2)."""
        self._request("POST", "upload-job-polls", {"polls": polls})

    def upload_job_polls(self):
        return self._request("GET", "upload-job-polls")["polls"]

    def dead_letters(self):
        """Profile objects accepted but sent to the dead-letter queue (no profile matched, no creation allowed)."""
        return self._request("GET", "dead-letters")["dead_letters"]

    def reset(self):
        """State, call log, faults and settings (search lag, quota mode, values limit)."""
        self._request("POST", "reset")

    # lifecycle ----------------------------------------------------------------
    def stop(self, timeout=10):
        """Terminate the server and wait for it; kill it if it does not exit in time."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.process.stdout:
            self.process.stdout.close()
        self._stderr_file.close()
        return self.process.returncode

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.stop()


def _drain(stream, lines):
    for line in iter(stream.readline, ""):
        if lines is not None:
            lines.put(line)
            lines = None if line.startswith(URL_PREFIX) else lines
    if lines is not None:
        lines.put("")  # EOF before the URL line: the server died


def start_server(host="127.0.0.1", port=0, timeout=60):
    """Start `python -m emulator` and return an EmulatorServer once it printed its URL."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([TESTS_DIR] + [p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p])
    stderr_file = tempfile.TemporaryFile()  # pylint: disable=consider-using-with
    process = subprocess.Popen(  # pylint: disable=consider-using-with
        [sys.executable, "-m", "emulator", "--host", host, "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=stderr_file,
        stdin=subprocess.DEVNULL,
        env=env,
        text=True,
    )
    lines = queue.Queue()
    # keep reading stdout for the server's whole life so it can never block on a full pipe
    threading.Thread(target=_drain, args=(process.stdout, lines), daemon=True).start()
    try:
        while True:
            line = lines.get(timeout=timeout)
            if not line:
                break
            if line.startswith(URL_PREFIX):
                return EmulatorServer(process, line[len(URL_PREFIX) :].strip(), stderr_file)
    except queue.Empty:
        pass
    process.kill()
    process.wait()
    stderr_file.seek(0)
    detail = stderr_file.read().decode("utf-8", "replace")[-2000:]
    stderr_file.close()
    raise RuntimeError(
        "emulator did not print its URL within %ss (exit code %s): %s" % (timeout, process.returncode, detail)
    )
