"""Reading the input folder: every file becomes a raw document or a rejection, never an exception.

Files with identical bytes share one document (one `sources` row listing all their
paths). File names are data: they are never put into a shell command or SQL text.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from pipeline.memory import bulk_objects
from pipeline.text.decode import DEFAULT_MAX_BYTES, Decoded, decode_document, too_large


@dataclass(frozen=True)
class RawDocument:
    source_id: str
    paths: tuple[str, ...]
    n_bytes: int
    encoding: str | None
    raw_text: str | None
    reject_reason: str | None

    @property
    def status(self) -> str:
        return "rejected" if self.reject_reason else "ok"


def source_id_of(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()[:16]


def list_input_files(folder: Path) -> list[str]:
    """Every file below the folder (links included, hidden files and folders excluded), as sorted relative POSIX paths."""
    found = []
    root_length = len(os.path.join(str(folder), ""))
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        prefix = root[root_length:].replace(os.sep, "/")
        found += [f"{prefix}/{name}" if prefix else name for name in files if not name.startswith(".")]
    return sorted(found)


def _read(path: str, folder: Path, max_bytes: int) -> tuple[bytes, Decoded | None]:
    """The file's bytes, or a rejection that needs no decoding. Plain strings, not Path objects: this runs per file."""
    resolved = path
    if os.path.islink(path):  # os.walk does not follow linked folders: only the file itself can lead outside
        resolved = os.path.realpath(path)
        if not Path(resolved).is_relative_to(folder.resolve()):
            marker = f"link outside the input folder: {os.path.basename(path)}".encode()
            return marker, Decoded(None, None, "outside the input folder: the file is a link to a path outside it; copy the file in instead")
    try:
        with open(resolved, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > max_bytes:
                # Identify an oversized file by its size and first MiB instead of reading it whole.
                return handle.read(1 << 20) + str(size).encode(), too_large(size, max_bytes)
            return handle.read(), None
    except OSError as error:
        return f"unreadable: {path}".encode(), Decoded(None, None, f"unreadable: {error.strerror or error}")


@bulk_objects()
def read_corpus(folder: Path, max_bytes: int = DEFAULT_MAX_BYTES, selected: Callable[[str], bool] | None = None) -> list[RawDocument]:
    """One RawDocument per distinct content in the folder (or in the files whose relative path is `selected`), sorted by source_id."""
    folder = Path(folder)
    if not folder.is_dir():
        raise FileNotFoundError(f"input folder {folder} does not exist: create it or set EXCHANGES_SEEDS_DIR to a folder of .txt articles")
    by_id: dict[str, tuple[list[str], bytes, Decoded | None]] = {}
    for relative in list_input_files(folder):
        if selected is not None and not selected(relative):
            continue
        raw, verdict = _read(os.path.join(folder, relative), folder, max_bytes)
        sid = source_id_of(raw)
        entry = by_id.setdefault(sid, ([], raw, verdict))
        entry[0].append(relative)
    documents = []
    for sid, (paths, raw, verdict) in sorted(by_id.items()):
        decoded = verdict or decode_document(raw, max_bytes)
        documents.append(RawDocument(sid, tuple(sorted(paths)), len(raw), decoded.encoding, decoded.text, decoded.reject_reason))
    return documents
