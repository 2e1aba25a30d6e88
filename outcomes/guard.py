"""The upload guard: look at a file before reading it, then read it in a child process with limits.

`inspect(path, limits)` reads only a container's directory and a few bytes of its parts: the zip
directory of xlsx/ods (declared unpacked size of every part, their ratio and count, the sheets'
`<dimension>`), the OLE directory of xls (and whether it is encrypted), the size, rows and line
lengths of CSV files. `in_child(function, path, ...)` then runs the reader in a process whose
address space (RLIMIT_AS) and time are capped, so that no file, whatever it claims, can take the
app's memory or time: a child that hits a cap becomes one sentence for the user.
"""

from __future__ import annotations

import gc
import logging
import math
import multiprocessing
import os
import re
import resource
import signal
import struct
import sys
import threading
import time
import traceback
import types
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import numpy as np

from outcomes.vocabulary import MessageError

LOG = logging.getLogger(__name__)
ZIP_SUFFIXES = {".xlsx", ".xlsm", ".xlsb", ".ods"}
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MAX_PARTS = 10_000  # a workbook of a few sheets has tens of parts
MAX_RATIO = 200  # unpacked / packed size of one part; deflate cannot exceed about 1,000
RATIO_FLOOR_BYTES = 10_000_000  # parts smaller than this may be as compressible as they like
MAX_CSV_LINE_BYTES = 1_000_000  # one line of a CSV file; Python's csv module stops at 131,072 characters
MAX_DIRECTORY_XML_BYTES = 10_000_000  # workbook.xml and its relationships
DIMENSION = re.compile(rb'<(?:\w+:)?dimension\s+ref="([A-Z]{1,3})?(\d{1,7})?(?::([A-Z]{1,3})(\d{1,7}))?"')
XML_DECLARATIONS = (b"<!DOCTYPE", b"<!ENTITY")
SHEET_HEAD_BYTES = 65_536  # the dimension element comes before the sheet's data


class UnreadableSourceError(MessageError):
    """The file cannot be read as a workbook at all; the message is one sentence for the user, in their language."""


UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def shown_name(path: Path) -> str:
    """A file name fit for a one-line message: control and direction characters become "?", at most 80 long."""
    name = UNPRINTABLE.sub("?", path.name)
    return name if len(name) <= 80 else name[:77] + "…"


@dataclass(frozen=True)
class Limits:
    """What an upload may cost, each from an environment variable (named in the messages)."""

    file_mb: float = 50.0  # OUTCOMES_MAX_FILE_MB: the file (or CSV folder) as uploaded
    unpacked_mb: float = 500.0  # OUTCOMES_MAX_UNPACKED_MB: a zip's parts once unpacked
    rows: int = 1_048_576  # OUTCOMES_MAX_ROWS: rows of one sheet
    cells: int = 50_000_000  # OUTCOMES_MAX_CELLS: rows x columns one sheet declares
    parse_mb: int = 1024  # OUTCOMES_MAX_PARSE_MB: memory the reading process may take
    parse_seconds: float = 60.0  # OUTCOMES_MAX_PARSE_SECONDS: time the reading process may take

    @classmethod
    def from_environment(cls) -> Limits:
        """The limits now in force (read at each call, so a changed variable counts at once)."""
        env = os.environ
        return cls(
            file_mb=float(env.get("OUTCOMES_MAX_FILE_MB", cls.file_mb)),
            unpacked_mb=float(env.get("OUTCOMES_MAX_UNPACKED_MB", cls.unpacked_mb)),
            rows=int(env.get("OUTCOMES_MAX_ROWS", cls.rows)),
            cells=int(env.get("OUTCOMES_MAX_CELLS", cls.cells)),
            parse_mb=int(env.get("OUTCOMES_MAX_PARSE_MB", cls.parse_mb)),
            parse_seconds=float(env.get("OUTCOMES_MAX_PARSE_SECONDS", cls.parse_seconds)),
        )


def safe_file_name(name: str) -> str:
    """An uploaded file's name fit to stage on disk: its last part only, control characters replaced."""
    base = UNPRINTABLE.sub("_", re.split(r"[\\/]", name)[-1]).strip()
    return base[-200:] if base.strip(".") else "upload"


# --------------------------------------------------------------------------- looking before reading


def inspect(path: Path, limits: Limits) -> None:
    """Refuse, with one sentence, a file whose container says it would cost more than the limits allow."""
    name = shown_name(path)
    if path.is_dir():
        _inspect_csv_folder(path, limits)
        return
    size = path.stat().st_size
    if size > limits.file_mb * 1_000_000:
        raise UnreadableSourceError("unreadable.too_big", name=name, size=size / 1_000_000, limit=limits.file_mb)
    if size == 0:
        raise UnreadableSourceError("unreadable.empty", name=name)
    with path.open("rb") as file:
        head = file.read(8)
    suffix = path.suffix.lower()
    if head == OLE_SIGNATURE:
        _inspect_ole(path, suffix)
    elif suffix in ZIP_SUFFIXES:
        _inspect_zip(path, limits)
    elif suffix == ".xls":
        # Excel's own files are OLE; an HTML page or text saved as .xls is not a workbook
        raise UnreadableSourceError("unreadable.damaged", name=name)


def _inspect_zip(path: Path, limits: Limits) -> None:
    name = shown_name(path)
    damaged = UnreadableSourceError("unreadable.damaged", name=name)
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError):
        raise damaged from None
    with archive:
        parts = archive.infolist()
        if len(parts) > MAX_PARTS:
            raise UnreadableSourceError("unreadable.parts", name=name, parts=len(parts))
        if any(part.flag_bits & 0x1 for part in parts):
            raise UnreadableSourceError("unreadable.encrypted", name=name)
        unpacked = sum(part.file_size for part in parts)
        if unpacked > limits.unpacked_mb * 1_000_000:
            raise UnreadableSourceError(
                "unreadable.unpacked", name=name, size=unpacked / 1_000_000, limit=limits.unpacked_mb
            )
        for part in parts:
            if part.file_size > RATIO_FLOOR_BYTES and part.file_size > MAX_RATIO * max(part.compress_size, 1):
                ratio = part.file_size / max(part.compress_size, 1)
                raise UnreadableSourceError("unreadable.bomb", name=name, ratio=ratio, most=MAX_RATIO)
        names = {part.filename for part in parts}
        try:
            if "xl/workbook.xml" in names:
                _inspect_xlsx_sheets(name, archive, limits)
            elif "xl/workbook.bin" in names:
                pass  # xlsb: binary sheets; the caps of the reading process bound them
            elif "content.xml" in names and archive.read("mimetype")[:64].startswith(b"application/vnd.oasis"):
                manifest = "META-INF/manifest.xml"
                if manifest in names and b"encryption-data" in _read_head(archive, manifest, 1_000_000):
                    raise UnreadableSourceError("unreadable.encrypted", name=name)
                _refuse_xml_declarations(name, archive, "content.xml")
            else:
                raise UnreadableSourceError("unreadable.zip_not_workbook", name=name)
        except (KeyError, zipfile.BadZipFile, OSError, EOFError, ElementTree.ParseError, ValueError):
            raise damaged from None


def _read_head(archive: zipfile.ZipFile, name: str, size: int) -> bytes:
    with archive.open(name) as part:
        return part.read(size)


def _refuse_xml_declarations(file_name: str, archive: zipfile.ZipFile, part: str) -> bytes:
    """The start of an XML part; a DTD or entity declaration (entity expansion) is refused."""
    head = _read_head(archive, part, SHEET_HEAD_BYTES)
    if any(marker in head for marker in XML_DECLARATIONS):
        raise UnreadableSourceError("unreadable.entities", name=file_name, part=part)
    return head


def _inspect_xlsx_sheets(file_name: str, archive: zipfile.ZipFile, limits: Limits) -> None:
    """Each worksheet's declared dimension, against the row and cell limits, named by its sheet."""
    documents = {}
    for part in ("xl/workbook.xml", "xl/_rels/workbook.xml.rels"):
        if archive.getinfo(part).file_size > MAX_DIRECTORY_XML_BYTES:
            raise UnreadableSourceError("unreadable.directory", name=file_name)
        _refuse_xml_declarations(file_name, archive, part)
        documents[part] = ElementTree.fromstring(archive.read(part))
    targets = {
        rel.get("Id"): rel.get("Target", "")
        for rel in documents["xl/_rels/workbook.xml.rels"]
        if rel.tag.endswith("Relationship")
    }
    names = [part.filename for part in archive.infolist()]
    for sheet in documents["xl/workbook.xml"].iter():
        if not sheet.tag.endswith("}sheet"):
            continue
        relation = next((v for k, v in sheet.attrib.items() if k.endswith("}id")), None)
        target = targets.get(relation, "")
        part = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
        if part not in names:
            continue
        head = _refuse_xml_declarations(file_name, archive, part)
        match = DIMENSION.search(head)
        if not match:
            continue
        # the reader fills the sheet from A1 to the last cell: that area is what it allocates
        rows = int(match[4] or match[2] or 1)
        columns = _column_number(match[3] or match[1] or b"A")
        shown = {"name": file_name, "sheet": sheet.get("name", "?"), "rows": rows}
        if rows > limits.rows:
            raise UnreadableSourceError("unreadable.sheet_rows", **shown, limit=limits.rows)
        if rows * columns > limits.cells:
            last = f"{(match[3] or match[1] or b'A').decode()}{rows}"
            raise UnreadableSourceError(
                "unreadable.sheet_cells", **shown, cell=last, columns=columns, limit=limits.cells
            )


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


def _inspect_ole(path: Path, suffix: str) -> None:
    """An OLE (compound) file: an encrypted OOXML package, an xls workbook, or neither."""
    name = shown_name(path)
    password = UnreadableSourceError("unreadable.encrypted", name=name)
    if suffix != ".xls":
        raise password  # an OLE file named xlsx/ods is how Excel saves an encrypted workbook
    damaged = UnreadableSourceError("unreadable.damaged", name=name)
    try:
        streams = _ole_streams(path)
    except (ValueError, struct.error, OSError):
        raise damaged from None
    if "encryptedpackage" in streams or "encryptioninfo" in streams:
        raise password
    workbook = streams.get("workbook") or streams.get("book")
    if workbook is None:
        raise damaged
    if _xls_has_filepass(path, *workbook):
        raise password


def _ole_streams(path: Path) -> dict[str, tuple[int, int]]:
    """Stream names (lower case) of an OLE file's root storage, with their first sector and the sector size.

    Reads the header, the FAT and the directory chain, refusing (ValueError) anything that points
    outside the file or loops: what a broken or hostile OLE directory does.
    """
    size = path.stat().st_size
    with path.open("rb") as file:
        header = file.read(512)
        if len(header) < 512:
            raise ValueError("short header")
        shift = struct.unpack_from("<H", header, 30)[0]
        if shift not in (9, 12):
            raise ValueError("sector size")
        sector = 1 << shift
        sectors = (size - 512) // sector + 1
        fat_count, directory_start = struct.unpack_from("<I", header, 44)[0], struct.unpack_from("<I", header, 48)[0]
        if fat_count > sectors:
            raise ValueError("FAT larger than the file")
        difat = [s for s in struct.unpack_from("<109I", header, 76) if s < 0xFFFFFFFA][:fat_count]
        fat: list[int] = []
        for fat_sector in difat:
            if fat_sector >= sectors:
                raise ValueError("FAT sector outside the file")
            file.seek(512 + fat_sector * sector)
            fat.extend(struct.unpack(f"<{sector // 4}I", file.read(sector)))
        streams: dict[str, tuple[int, int]] = {}
        current, seen = directory_start, set()
        while current < 0xFFFFFFFA:
            if current >= sectors or current >= len(fat) or current in seen:
                raise ValueError("directory chain leaves the file or loops")
            seen.add(current)
            file.seek(512 + current * sector)
            block = file.read(sector)
            for offset in range(0, len(block) - 127, 128):
                entry = block[offset : offset + 128]
                length = struct.unpack_from("<H", entry, 64)[0]
                if entry[66] == 2 and 2 <= length <= 64:  # a stream
                    name = entry[: length - 2].decode("utf-16-le", "replace").lower()
                    streams[name] = (struct.unpack_from("<I", entry, 116)[0], sector)
            current = fat[current]
    if not streams:
        raise ValueError("no streams")
    return streams


def _xls_has_filepass(path: Path, start: int, sector: int) -> bool:
    """Whether the workbook stream's first records hold FILEPASS (BIFF8 encryption)."""
    with path.open("rb") as file:
        file.seek(512 + start * sector)
        block = file.read(sector)
    offset = 0
    while offset + 4 <= len(block):
        kind, length = struct.unpack_from("<HH", block, offset)
        if kind == 0x002F:
            return True
        if kind == 0x0085:  # BOUNDSHEET: past the place FILEPASS would be
            return False
        offset += 4 + length
    return False


def _inspect_csv_folder(folder: Path, limits: Limits) -> None:
    """The folder's size, and each file's rows and longest line, counted without decoding."""
    files = sorted(folder.glob("*.csv"))
    total = sum(file.stat().st_size for file in files)
    if total > limits.file_mb * 1_000_000:
        raise UnreadableSourceError(
            "unreadable.csv_total", name=shown_name(folder), size=total / 1_000_000, limit=limits.file_mb
        )
    for file in files:
        rows, longest = _line_stats(file)
        if rows > limits.rows:
            raise UnreadableSourceError("unreadable.csv_lines", name=shown_name(file), rows=rows, limit=limits.rows)
        if longest > MAX_CSV_LINE_BYTES:
            raise UnreadableSourceError(
                "unreadable.csv_line", name=shown_name(file), size=longest, limit=MAX_CSV_LINE_BYTES
            )


def _line_stats(file: Path) -> tuple[int, int]:
    """Number of lines and the length of the longest, in bytes, one megabyte at a time."""
    lines, longest, carried = 0, 0, 0
    with file.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            ends = np.flatnonzero(np.frombuffer(chunk, dtype=np.uint8) == 10)
            if len(ends) == 0:
                carried += len(chunk)
            else:
                gaps = np.diff(ends, prepend=-1) - 1
                gaps[0] += carried
                longest = max(longest, int(gaps.max()))
                carried = len(chunk) - int(ends[-1]) - 1
                lines += len(ends)
            longest = max(longest, carried)
    return lines + (carried > 0), longest


# --------------------------------------------------------------------------- reading in a child process


_STARTING = threading.Lock()


def _context() -> multiprocessing.context.BaseContext:
    """Children are forked from a small server process, never from the (threaded) app itself."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["outcomes.ingest"])
    return context


def _start(child: multiprocessing.process.BaseProcess) -> None:
    """Start `child` without it importing the main module.

    A forkserver child imports the parent's `__main__` by its file (multiprocessing's "safe
    importing of main module"); under Streamlit `__main__` is the page being run, which would run
    again, upload and all, in the child. While the child's start-up data is taken, `__main__` is
    an empty module, the way Streamlit itself swaps it for each script run.
    """
    with _STARTING:
        main = sys.modules["__main__"]
        sys.modules["__main__"] = types.ModuleType("__main__")
        try:
            child.start()
        finally:
            sys.modules["__main__"] = main


WALL_FACTOR = 3  # the wall-clock backstop, in multiples of the CPU-time limit (a busy machine stretches time)


@dataclass(frozen=True)
class ChildUsage:
    """What the last reading process used: CPU seconds and peak resident memory (MB)."""

    cpu_s: float
    peak_rss_mb: float


last_usage: ChildUsage | None = None  # read by the benchmark; the child's own figures, not the app's


def _child(
    function: Callable[..., Any], args: tuple, memory_bytes: int, seconds: float, conn: Any, sends_parts: bool
) -> None:
    # a native reader that aborts prints its own backtrace: it must reach neither a page nor the terminal
    with open(os.devnull, "wb") as devnull:
        os.dup2(devnull.fileno(), 2)
    gc.disable()  # a short-lived reader of millions of cells: collecting cycles would cost a third of its time
    vm_size = _vm_size_bytes()
    resource.setrlimit(resource.RLIMIT_AS, (vm_size + memory_bytes, vm_size + memory_bytes))
    cpu = max(1, math.ceil(seconds))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))  # SIGXCPU at the soft limit, SIGKILL at the hard
    extra = {"part": lambda value: conn.send(("part", value))} if sends_parts else {}
    try:
        outcome: tuple[str, object] = ("ok", function(*args, **extra))
    except UnreadableSourceError as error:
        outcome = ("unreadable", error.message)
    except MemoryError:
        outcome = ("memory", "")
    except Exception:  # the reader's own failure: the log gets the traceback, the user a sentence
        outcome = ("damaged", traceback.format_exc())
    usage = resource.getrusage(resource.RUSAGE_SELF)
    spent = ChildUsage(usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)
    try:
        conn.send((*outcome, spent))
    except MemoryError:
        conn.send(("memory", "", spent))
    conn.close()


def _vm_size_bytes() -> int:
    """This process's address space now (the libraries it inherited), so the cap counts what reading adds."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[0]) * resource.getpagesize()


def in_child(
    function: Callable[..., Any],
    name: str,
    args: tuple,
    limits: Limits,
    on_part: Callable[[Any], None] | None = None,
) -> Any:
    """`function(*args)` in a child process capped at `limits.parse_mb` of memory and `parse_seconds` of CPU time.

    `function` must be importable by name (it runs in another process). UnreadableSourceError raised
    there is raised here; a child stopped by a cap, or failing otherwise, becomes one sentence about `name`.
    A child that waits instead of computing is stopped after WALL_FACTOR times the time limit.

    With `on_part`, `function` is also given `part=`: each value it passes to `part` is handed to
    `on_part` here while the child goes on, so the caller can use a result's parts as they come.
    """
    global last_usage
    context = _context()
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(
        target=_child,
        args=(function, args, limits.parse_mb * 1_048_576, limits.parse_seconds, sender, on_part is not None),
        daemon=True,
    )
    _start(child)
    sender.close()
    deadline = time.monotonic() + limits.parse_seconds * WALL_FACTOR
    try:
        while True:
            if not receiver.poll(max(0.0, deadline - time.monotonic())):
                outcome = ["time", ""]
                break
            kind, *rest = receiver.recv()
            if kind != "part":
                outcome, last_usage = [kind, rest[0]], rest[1]
                break
            on_part(rest[0])
    except EOFError:  # the child died without a word: killed by a cap (or a crash in a reader's native code)
        outcome = ["memory", ""]
    finally:
        receiver.close()
        if child.is_alive():
            child.kill()
        child.join()
    kind, value = outcome
    if kind == "memory" and child.exitcode == -signal.SIGXCPU:
        kind = "time"  # stopped by its CPU-time limit
    if kind == "ok":
        return value
    if kind == "unreadable":
        raise UnreadableSourceError(value)
    if kind == "time":
        raise UnreadableSourceError("unreadable.time", name=name, limit=limits.parse_seconds)
    if kind == "memory":
        raise UnreadableSourceError("unreadable.memory", name=name, limit=limits.parse_mb)
    LOG.info("reading %s failed:\n%s", name, value)
    raise UnreadableSourceError("unreadable.damaged", name=name)
