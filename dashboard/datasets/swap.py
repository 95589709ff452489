"""The data folder replaced as a whole: a reader sees the previous data or the new, never a mix.

A refresh (:func:`dashboard.etl.write.write_all`) builds a complete new folder beside the target,
``<data>.new-<pid>`` (same parent, so the same filesystem), verifies it, then :func:`swap_in`:

1. On Linux, one ``renameat2(RENAME_EXCHANGE)`` system call (glibc >= 2.28) exchanges the two
   directories atomically: ``<data>`` is the new folder, ``<data>.new-<pid>`` the previous one,
   which is then deleted. Killed at any moment, ``<data>`` is one complete folder, old or new.
2. Elsewhere (another system, a filesystem without the exchange), two renames:
   ``<data>`` -> ``<data>.old``, then ``<data>.new-<pid>`` -> ``<data>``, then ``<data>.old`` is
   deleted. A process killed between the two renames leaves no ``<data>`` but a complete
   ``<data>.old``: :func:`recover` (run by :func:`dashboard.datasets.verify` at every start and by
   every ETL run) renames it back, so the previous data serves again.

Leftovers of a killed run (``<data>.new-<pid>`` of a process that is gone, a ``<data>.old`` beside a
complete ``<data>``) are deleted by the next ETL run (:func:`remove_leftovers`), never by a server,
which may run where it cannot write. A failure (an exception) cleans up at once; only a crash
(a kill, or a ``BaseException`` such as Ctrl-C) leaves anything for the next run.
"""

from __future__ import annotations

import ctypes
import errno
import logging
import os
import shutil
import sys
from pathlib import Path

log = logging.getLogger(__name__)

AT_FDCWD = -100
RENAME_EXCHANGE = 2
NO_EXCHANGE = {errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP}


def new_folder(target: Path) -> Path:
    """Where this process builds the next ``target``: beside it, named with the process id."""
    return target.with_name(f"{target.name}.new-{os.getpid()}")


def old_folder(target: Path) -> Path:
    """Where the two-rename swap parks the previous ``target`` between its renames."""
    return target.with_name(f"{target.name}.old")


def exchange(first: Path, second: Path) -> None:
    """Exchange two directories atomically (Linux ``renameat2(RENAME_EXCHANGE)``); ``OSError``
    with ``errno.ENOSYS`` or ``EINVAL`` where the system or the filesystem cannot."""
    if not sys.platform.startswith("linux"):
        raise OSError(errno.ENOSYS, "renameat2 is Linux only")
    libc = ctypes.CDLL(None, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)  # glibc >= 2.28
    if renameat2 is None:
        raise OSError(errno.ENOSYS, "renameat2 not in this C library")
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if renameat2(AT_FDCWD, os.fsencode(first), AT_FDCWD, os.fsencode(second), RENAME_EXCHANGE) != 0:
        code = ctypes.get_errno()
        raise OSError(code, os.strerror(code), str(first), None, str(second))


def swap_in(new: Path, target: Path) -> None:
    """Make the complete folder ``new`` the ``target``, atomically where the system allows; the
    previous ``target`` is deleted. ``new`` and ``target`` must be on the same filesystem."""
    if not target.exists():
        os.rename(new, target)
        return
    try:
        exchange(new, target)
    except OSError as exc:
        if exc.errno not in NO_EXCHANGE:
            raise
        _two_renames(new, target)
    else:
        shutil.rmtree(new)  # the previous data, now under the new folder's name


def _two_renames(new: Path, target: Path) -> None:
    old = old_folder(target)
    shutil.rmtree(old, ignore_errors=True)  # a leftover beside a complete target
    park(target, old)
    try:
        os.rename(new, target)
    except Exception:
        os.rename(old, target)  # failed, not killed: put the previous data back at once
        raise
    shutil.rmtree(old)


def park(target: Path, old: Path) -> None:
    """The first of the two renames: from here until the second, ``target`` does not exist."""
    os.rename(target, old)


def recover(target: Path) -> bool:
    """Undo a two-rename swap killed between its renames: no ``target`` but a ``<target>.old``
    (the complete previous data) -> rename it back. True if it did."""
    old = old_folder(target)
    if target.exists() or not old.is_dir():
        return False
    try:
        os.rename(old, target)
    except FileNotFoundError:  # another process (a worker starting beside us) did it first
        return False
    log.warning("%s: restored the previous data from %s (a data refresh was interrupted)", target, old)
    return True


def remove_leftovers(target: Path) -> None:
    """Delete what killed runs left beside a complete ``target``: their new folders (of processes
    that are gone, or of this one) and a parked previous folder."""
    recover(target)
    if target.exists():
        shutil.rmtree(old_folder(target), ignore_errors=True)
    for path in target.parent.glob(f"{target.name}.new-*"):
        pid = path.name.rsplit("-", 1)[-1]
        if pid.isdigit() and (int(pid) == os.getpid() or not _alive(int(pid))):
            shutil.rmtree(path, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True
