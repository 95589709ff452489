"""pip-audit of the locked runtime dependencies (``make audit``, part of ``make test``).

Fails on a known vulnerability; only warns when the vulnerability service cannot be reached
(an offline machine must still be able to run the tests).
"""

from __future__ import annotations

import subprocess
import sys

TIMEOUT_SECONDS = 180


def main(lock: str) -> int:
    command = [
        *(sys.executable, "-m", "pip_audit", "-r", lock),
        *("--no-deps", "--disable-pip", "--progress-spinner", "off"),
    ]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_SECONDS, check=False)
    except subprocess.TimeoutExpired:
        print(f"warning: pip-audit gave no answer in {TIMEOUT_SECONDS} s; dependencies NOT audited")
        return 0
    output = done.stdout + done.stderr
    skipped = output.count("could not be audited")
    # The table of skipped packages is long and says the same thing each line: summarise it.
    print("\n".join(line for line in output.splitlines() if "could not be audited" not in line).strip())
    if skipped:
        print(f"warning: {skipped} packages could not be looked up (vulnerability service unreachable?)")
    if done.returncode == 0:
        return 0
    if "known vulnerabilit" in output.lower():
        print(f"pip-audit: {lock} has known vulnerabilities: upgrade them and run 'make lock'")
        return 1
    print("warning: pip-audit could not reach the vulnerability service; dependencies NOT audited")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "requirements.lock"))
