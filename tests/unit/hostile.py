"""A corpus of hostile uploads, generated at test time (nothing big is committed).

Each entry builds one file (or CSV folder) in a directory and says how the import must refuse
it: with one sentence naming what is wrong (`Refusal.words`), or as a workbook with problems
(`Refusal.rejected`). Big files are cheap to make: sparse files for long CSV lines, and one
deflate stream of blanks, made once, for every decompression bomb.
"""

from __future__ import annotations

import functools
import re
import struct
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.drawing.image import Image as SheetImage

from .workbooks import valid_book, write_csv_folder, write_ods, write_xlsx

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
FREE, END_OF_CHAIN, FAT_SECTOR = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
BOMB_MB = 600  # over the 500 MB unpacked limit


@dataclass(frozen=True)
class Refusal:
    """How the import must refuse a file: `words` in its one sentence, or rejected with problems."""

    words: str = ""
    rejected: bool = False


Builder = Callable[[Path], Path]


# --------------------------------------------------------------------------- building blocks


@functools.cache
def _blank_deflate() -> tuple[bytes, int]:
    """A raw deflate stream of BOMB_MB megabytes of spaces, and its CRC.

    One megabyte is compressed once and ends on a full flush, which empties the compressor's
    window: the same bytes then stand for every further megabyte, so the stream is repeated,
    not recomputed.
    """
    block = b" " * (1 << 20)
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    packed = packer.compress(block) + packer.flush(zlib.Z_FULL_FLUSH)
    crc = 0
    for _ in range(BOMB_MB):
        crc = zlib.crc32(block, crc)
    return packed * BOMB_MB + packer.flush(zlib.Z_FINISH), crc


def _rewrite(source: Path, target: Path, replace: dict[str, bytes | Callable[[bytes], bytes]]) -> Path:
    """Copy a zip, replacing the named parts (by bytes, or by a function of their bytes)."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = old.read(info.filename)
            change = replace.get(info.filename)
            if change is not None:
                data = change(data) if callable(change) else change
            new.writestr(info.filename, data)
    return target


def _add_bomb(archive: Path, part: str, lie: bool = False) -> Path:
    """Add (or replace) `part` with BOMB_MB of blanks; `lie` makes the zip directory claim 1 KB."""
    data, crc = _blank_deflate()
    size = BOMB_MB << 20
    declared = 1024 if lie else size
    kept = archive.with_suffix(".kept" + archive.suffix)
    archive.rename(kept)
    with zipfile.ZipFile(kept) as old, zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            if info.filename != part:
                new.writestr(info, old.read(info.filename))
    kept.unlink()
    # append the bomb by hand: a local header, the deflate stream, then a rebuilt central directory
    with zipfile.ZipFile(archive) as done:
        entries = [(info, done.read(info.filename)) for info in done.infolist()]
    name = part.encode()
    with archive.open("wb") as out:
        directory = []
        for info, content in entries:
            packed = zlib.compressobj(6, zlib.DEFLATED, -15)
            body = packed.compress(content) + packed.flush()
            offset = out.tell()
            entry = info.filename.encode()
            crc_entry = zlib.crc32(content)
            out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc_entry, len(body), len(content),
                                  len(entry), 0) + entry + body)  # fmt: skip
            directory.append((entry, crc_entry, len(body), len(content), offset))
        offset = out.tell()
        out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, len(data), declared, len(name), 0))
        out.write(name + data)
        directory.append((name, crc, len(data), declared, offset))
        start = out.tell()
        for entry, crc_entry, packed_size, size_entry, at in directory:
            out.write(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0, crc_entry, packed_size,
                                  size_entry, len(entry), 0, 0, 0, 0, 0, at) + entry)  # fmt: skip
        end = out.tell()
        out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(directory), len(directory), end - start, start, 0))
    return archive


def _sheet_part(workbook: Path, sheet: str) -> str:
    """The zip part of a worksheet, found through workbook.xml and its relationships."""
    with zipfile.ZipFile(workbook) as archive:
        book = archive.read("xl/workbook.xml").decode()
        rels = archive.read("xl/_rels/workbook.xml.rels").decode()
    relation = re.search(rf'<sheet[^>]*name="{sheet}"[^>]*r:id="(\w+)"', book)
    assert relation, sheet
    target = re.search(rf'Id="{relation[1]}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="{relation[1]}"', rels)
    assert target, relation[1]
    path = target[1] or target[2]
    return path.lstrip("/") if path.startswith("/") else f"xl/{path}"


def _valid_xlsx(folder: Path, name: str = "book.xlsx") -> Path:
    return write_xlsx(valid_book(), folder / name)


def _ole(path: Path, streams: dict[str, bytes], directory_sector: int | None = None) -> Path:
    """A compound (OLE) file as Excel writes one: header, one FAT sector, one directory sector, the streams.

    Every stream is padded to 4,096 bytes so it lives in ordinary sectors. `directory_sector` may
    point the header somewhere broken.
    """
    sector = 512
    payload_sectors = []
    chains: list[tuple[int, int]] = []  # first sector, length in sectors
    next_sector = 2  # 0 = FAT, 1 = directory
    for data in streams.values():
        padded = data.ljust(max(4096, -(-len(data) // sector) * sector), b"\0")
        count = len(padded) // sector
        chains.append((next_sector, count))
        payload_sectors.append(padded)
        next_sector += count
    fat = [FAT_SECTOR, END_OF_CHAIN]
    for first, count in chains:
        fat.extend([*range(first + 1, first + count), END_OF_CHAIN])
    fat.extend([FREE] * (sector // 4 - len(fat)))
    header = bytearray(512)
    header[:8] = OLE_SIGNATURE
    struct.pack_into("<HHHH", header, 24, 0x3E, 3, 0xFFFE, 9)  # minor, major version 3, byte order, 512-byte sectors
    struct.pack_into("<H", header, 32, 6)  # mini sector shift
    struct.pack_into("<I", header, 44, 1)  # one FAT sector
    struct.pack_into("<I", header, 48, 1 if directory_sector is None else directory_sector)
    struct.pack_into("<I", header, 56, 4096)  # mini stream cut-off
    struct.pack_into("<II", header, 60, END_OF_CHAIN, 0)
    struct.pack_into("<II", header, 68, END_OF_CHAIN, 0)
    struct.pack_into("<109I", header, 76, 0, *([FREE] * 108))

    def entry(name: str, kind: int, start: int, size: int, child: int = FREE, right: int = FREE) -> bytes:
        raw = bytearray(128)
        encoded = (name + "\0").encode("utf-16-le")
        raw[: len(encoded)] = encoded
        struct.pack_into("<HBB", raw, 64, len(encoded), kind, 1)
        struct.pack_into("<III", raw, 68, FREE, right, child)
        struct.pack_into("<II", raw, 116, start, size)
        return bytes(raw)

    names = list(streams)
    directory = entry("Root Entry", 5, END_OF_CHAIN, 0, child=1 if names else FREE)
    for index, (name, (first, _)) in enumerate(zip(names, chains, strict=True)):
        right = index + 2 if index + 1 < len(names) else FREE
        directory += entry(name, 2, first, len(streams[name]), right=right)
    directory = directory.ljust(sector, b"\0")
    path.write_bytes(bytes(header) + struct.pack(f"<{sector // 4}I", *fat) + directory + b"".join(payload_sectors))
    return path


def _biff_record(kind: int, data: bytes) -> bytes:
    return struct.pack("<HH", kind, len(data)) + data


# --------------------------------------------------------------------------- the corpus


def bomb_in_required_sheet(folder: Path) -> Path:
    book = _valid_xlsx(folder, "bomb.xlsx")
    return _add_bomb(book, _sheet_part(book, "organisations"))


def bomb_with_lying_directory(folder: Path) -> Path:
    book = _valid_xlsx(folder, "lying-bomb.xlsx")
    return _add_bomb(book, _sheet_part(book, "organisations"), lie=True)


def _stray_cell(folder: Path, name: str, cell: str, dimension: str | None) -> Path:
    """The valid book with one `x` far away in organisations; `dimension` replaces the declared one (a lie)."""
    book = valid_book()
    source = write_xlsx(book, folder / f"honest-{name}")
    from openpyxl import load_workbook

    workbook = load_workbook(source)
    workbook["organisations"][cell] = "x"
    workbook.save(source)
    if dimension is None:
        return source.rename(folder / name)
    part = _sheet_part(source, "organisations")
    lie = functools.partial(re.sub, rb'<dimension ref="[^"]*"/>', f'<dimension ref="{dimension}"/>'.encode(), count=1)
    return _rewrite(source, folder / name, {part: lie})


def stray_cell_xfd(folder: Path) -> Path:
    return _stray_cell(folder, "stray-xfd.xlsx", "XFD1048576", None)


def stray_cell_xfd_lying_dimension(folder: Path) -> Path:
    return _stray_cell(folder, "stray-xfd-lying.xlsx", "XFD1048576", "A1:G4")


def stray_cell_cv(folder: Path) -> Path:
    return _stray_cell(folder, "stray-cv.xlsx", "CV1048576", None)


def stray_cell_cv_lying_dimension(folder: Path) -> Path:
    return _stray_cell(folder, "stray-cv-lying.xlsx", "CV1048576", "A1:G4")


def stray_cell_without_dimension(folder: Path) -> Path:
    return _stray_cell(folder, "stray-no-dimension.xlsx", "XFD1048576", "")


def declares_every_cell(folder: Path) -> Path:
    source = _valid_xlsx(folder, "declared.source.xlsx")
    part = _sheet_part(source, "clusters")
    lie = functools.partial(re.sub, rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:XFD1048576"/>', count=1)
    return _rewrite(source, folder / "declares-all-cells.xlsx", {part: lie})


def declares_too_many_rows(folder: Path) -> Path:
    source = _valid_xlsx(folder, "rows.source.xlsx")
    part = _sheet_part(source, "memberships")
    lie = functools.partial(re.sub, rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:E2000000"/>', count=1)
    return _rewrite(source, folder / "declares-2m-rows.xlsx", {part: lie})


def million_formatted_empty_rows(folder: Path) -> Path:
    """A million styled rows without a value under the data of organisations, and one bad code (rejected)."""
    book = valid_book()
    book["organisations"][0]["org_type"] = "startup"
    source = write_xlsx(book, folder / "formatted.source.xlsx")
    part = _sheet_part(source, "organisations")
    empty = b"".join(b'<row r="%d" s="1" customFormat="1" ht="15"/>' % r for r in range(10, 1_048_577))

    def pad(xml: bytes) -> bytes:
        xml = re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:G1048576"/>', xml, count=1)
        return xml.replace(b"</sheetData>", empty + b"</sheetData>")

    return _rewrite(source, folder / "million-empty-rows.xlsx", {part: pad})


def _csv_folder(folder: Path, name: str) -> Path:
    return write_csv_folder(valid_book(), folder / name)


def csv_200mb_one_line(folder: Path) -> Path:
    target = _csv_folder(folder, "csv-200mb")
    with (target / "organisations.csv").open("wb") as file:
        file.truncate(200_000_000)  # sparse: costs no disk and no time to write
    return target


def csv_49mb_one_line(folder: Path) -> Path:
    target = _csv_folder(folder, "csv-49mb-line")
    with (target / "organisations.csv").open("wb") as file:
        file.write(b"org_id,name,org_type\n")
        file.seek(49_000_000)
        file.write(b"x\n")
    return target


def csv_millions_of_lines(folder: Path) -> Path:
    target = _csv_folder(folder, "csv-lines")
    (target / "organisations.csv").write_bytes(b"org_id,name,org_type\n" + b"x\n" * 24_000_000)
    return target


def csv_field_over_csv_module_limit(folder: Path) -> Path:
    """A 200,000-character name: over Python's csv field limit (131,072), under the guard's line limit."""
    book = valid_book()
    book["organisations"][0]["name"] = "N" * 200_000
    book["organisations"][1]["org_type"] = "startup"  # so that the workbook is refused (its one problem)
    return write_csv_folder(book, folder / "csv-long-field")


def csv_binary_garbage(folder: Path) -> Path:
    target = _csv_folder(folder, "csv-garbage")
    (target / "organisations.csv").write_bytes(bytes(range(256)) * 400)
    return target


def csv_nul_bytes(folder: Path) -> Path:
    target = _csv_folder(folder, "csv-nul")
    (target / "clusters.csv").write_bytes(b"cluster_id,name\x00,sector\n" * 10)
    return target


def ods_content_bomb(folder: Path) -> Path:
    return _add_bomb(write_ods(valid_book(), folder / "bomb.ods"), "content.xml")


def ods_encrypted(folder: Path) -> Path:
    source = write_ods(valid_book(), folder / "plain.ods")

    def encrypt(manifest: bytes) -> bytes:
        marker = b'<manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="x"/>'
        entry = rb'(<manifest:file-entry[^>]*content\.xml"[^>]*?)\s*/>'
        found = re.subn(entry, rb"\1>" + marker + b"</manifest:file-entry>", manifest)
        assert found[1] == 1, manifest
        return found[0]

    return _rewrite(source, folder / "locked.ods", {"META-INF/manifest.xml": encrypt, "content.xml": bytes(4096)})


def xls_broken_directory(folder: Path) -> Path:
    return _ole(folder / "broken.xls", {"Workbook": b"\x09\x08" + bytes(5000)}, directory_sector=4000)


def xls_looping_directory(folder: Path) -> Path:
    path = _ole(folder / "loop.xls", {"Workbook": bytes(5000)})
    data = bytearray(path.read_bytes())
    struct.pack_into("<I", data, 512 + 4, 1)  # the directory's FAT entry points at itself
    path.write_bytes(bytes(data))
    return path


def xls_without_workbook_stream(folder: Path) -> Path:
    return _ole(folder / "no-workbook.xls", {"Summary": bytes(5000)})


def xls_encrypted(folder: Path) -> Path:
    stream = _biff_record(0x0809, struct.pack("<HHHHII", 0x0600, 0x0005, 0, 0, 0, 0)) + _biff_record(
        0x002F, b"\x01\x00" + bytes(52)
    )
    return _ole(folder / "locked.xls", {"Workbook": stream})


def _encrypted_ooxml(folder: Path, name: str) -> Path:
    return _ole(folder / name, {"EncryptionInfo": b"\x04\x00\x04\x00" + bytes(200), "EncryptedPackage": bytes(8192)})


def xlsx_encrypted(folder: Path) -> Path:
    return _encrypted_ooxml(folder, "locked.xlsx")


def xlsm_encrypted(folder: Path) -> Path:
    return _encrypted_ooxml(folder, "locked.xlsm")


def xlsb_encrypted(folder: Path) -> Path:
    return _encrypted_ooxml(folder, "locked.xlsb")


def xlsx_zip_encrypted(folder: Path) -> Path:
    """Parts flagged as encrypted in the zip directory (what zip tools' passwords do)."""
    path = _valid_xlsx(folder, "zip-password.xlsx")
    data = bytearray(path.read_bytes())
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        for match in re.finditer(re.escape(signature), bytes(data)):
            flags = struct.unpack_from("<H", data, match.start() + offset)[0]
            struct.pack_into("<H", data, match.start() + offset, flags | 1)
    path.write_bytes(bytes(data))
    return path


def html_named_xls(folder: Path) -> Path:
    path = folder / "export.xls"
    path.write_text("<html><body><table><tr><td>org_id</td></tr></table></body></html>")
    return path


def html_named_xlsx(folder: Path) -> Path:
    path = folder / "export.xlsx"
    path.write_text("<!DOCTYPE html><html><body><img src=x onerror=alert(1)></body></html>")
    return path


def images_only(folder: Path) -> Path:
    from PIL import Image

    picture = folder / "logo.png"
    Image.new("RGB", (40, 40), "red").save(picture)
    workbook = Workbook()
    workbook.active.title = "Logos"
    workbook.active.add_image(SheetImage(str(picture)), "B2")
    path = folder / "images.xlsx"
    workbook.save(path)
    return path


def zip_not_a_workbook(folder: Path) -> Path:
    path = folder / "photos.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "holiday photos")
        archive.writestr("img/1.jpg", bytes(1000))
    return path


def zip_not_an_ods(folder: Path) -> Path:
    path = folder / "archive.ods"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/zip")
        archive.writestr("content.txt", "nothing")
    return path


def zip_many_parts(folder: Path) -> Path:
    source = _valid_xlsx(folder, "parts.source.xlsx")
    path = folder / "many-parts.xlsx"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(path, "w") as new:
        for info in old.infolist():
            new.writestr(info, old.read(info.filename))
        for number in range(12_000):
            new.writestr(f"xl/media/pad{number}.bin", b"")
    return path


BILLION_LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10) for i in range(1, 10))
    + b"]>"
)


def entity_expansion_in_sheet(folder: Path) -> Path:
    source = _valid_xlsx(folder, "entities.source.xlsx")
    part = _sheet_part(source, "clusters")

    def laugh(xml: bytes) -> bytes:
        body = xml.split(b"?>", 1)[1] if xml.startswith(b"<?xml") else xml
        return BILLION_LAUGHS + body.replace(b"<sheetData>", b"<sheetData>&lol9;", 1)

    return _rewrite(source, folder / "entities.xlsx", {part: laugh})


def entity_expansion_in_workbook_part(folder: Path) -> Path:
    source = _valid_xlsx(folder, "entities-wb.source.xlsx")

    def laugh(xml: bytes) -> bytes:
        return BILLION_LAUGHS + (xml.split(b"?>", 1)[1] if xml.startswith(b"<?xml") else xml)

    return _rewrite(source, folder / "entities-workbook.xlsx", {"xl/workbook.xml": laugh})


def truncated_xlsx(folder: Path) -> Path:
    whole = _valid_xlsx(folder, "cut.source.xlsx").read_bytes()
    path = folder / "cut.xlsx"
    path.write_bytes(whole[: len(whole) // 3])
    return path


def control_characters_in_name(folder: Path) -> Path:
    path = folder / "report\x1b[31m\rinjected\n.xlsx"
    path.write_bytes(b"not a workbook at all")
    return path


def path_separators_in_name(folder: Path) -> Path:
    """A name a browser could send for an upload: backslashes and dots (slashes cannot be in a file name)."""
    path = folder / "..\\..\\etc\\passwd.xlsx"
    path.write_bytes(b"not a workbook at all")
    return path


CORPUS: dict[str, tuple[Builder, Refusal]] = {
    "bomb in a required sheet": (bomb_in_required_sheet, Refusal("OUTCOMES_MAX_UNPACKED_MB")),
    "bomb behind a lying zip directory": (bomb_with_lying_directory, Refusal("lying-bomb.xlsx")),
    "stray cell at XFD1048576": (stray_cell_xfd, Refusal("OUTCOMES_MAX_CELLS")),
    "stray cell at XFD1048576, lying dimension": (stray_cell_xfd_lying_dimension, Refusal("OUTCOMES_MAX_PARSE_MB")),
    "stray cell at CV1048576": (stray_cell_cv, Refusal("OUTCOMES_MAX_CELLS")),
    "stray cell at CV1048576, lying dimension": (stray_cell_cv_lying_dimension, Refusal("OUTCOMES_MAX_PARSE_MB")),
    "stray cell, no dimension": (stray_cell_without_dimension, Refusal(rejected=True)),
    "declares 1048576 x 16384 cells": (declares_every_cell, Refusal("OUTCOMES_MAX_CELLS")),
    "declares 2 million rows": (declares_too_many_rows, Refusal("OUTCOMES_MAX_ROWS")),
    "a million formatted empty rows": (million_formatted_empty_rows, Refusal(rejected=True)),
    "200 MB one-line CSV": (csv_200mb_one_line, Refusal("OUTCOMES_MAX_FILE_MB")),
    "49 MB one-line CSV": (csv_49mb_one_line, Refusal("a line of")),
    "24 million CSV lines": (csv_millions_of_lines, Refusal("OUTCOMES_MAX_ROWS")),
    "CSV field over the csv module's limit": (csv_field_over_csv_module_limit, Refusal(rejected=True)),
    "binary garbage named .csv": (csv_binary_garbage, Refusal("save it as CSV UTF-8")),
    "NUL bytes in a CSV": (csv_nul_bytes, Refusal("binary data")),
    "ods whose content.xml is a bomb": (ods_content_bomb, Refusal("OUTCOMES_MAX_UNPACKED_MB")),
    "password-protected ods": (ods_encrypted, Refusal("password")),
    "xls with a broken OLE directory": (xls_broken_directory, Refusal("damaged")),
    "xls with a looping OLE directory": (xls_looping_directory, Refusal("damaged")),
    "xls without a workbook stream": (xls_without_workbook_stream, Refusal("damaged")),
    "password-protected xls": (xls_encrypted, Refusal("password")),
    "password-protected xlsx": (xlsx_encrypted, Refusal("password")),
    "password-protected xlsm": (xlsm_encrypted, Refusal("password")),
    "password-protected xlsb": (xlsb_encrypted, Refusal("password")),
    "zip password on an xlsx": (xlsx_zip_encrypted, Refusal("password")),
    "HTML page named .xls": (html_named_xls, Refusal("damaged")),
    "HTML page named .xlsx": (html_named_xlsx, Refusal("damaged")),
    "workbook of images only": (images_only, Refusal("programme workbook")),
    "zip that is not a workbook": (zip_not_a_workbook, Refusal("not a workbook")),
    "zip named .ods that is not one": (zip_not_an_ods, Refusal("not a workbook")),
    "zip of 12,000 parts": (zip_many_parts, Refusal("12,")),
    "XML entity expansion in a sheet": (entity_expansion_in_sheet, Refusal("XML entities")),
    "XML entity expansion in workbook.xml": (entity_expansion_in_workbook_part, Refusal("XML entities")),
    "truncated xlsx": (truncated_xlsx, Refusal("damaged")),
    "control characters in the file name": (control_characters_in_name, Refusal("report?[31m?injected?.xlsx")),
    "path separators in the file name": (path_separators_in_name, Refusal("damaged")),
}
