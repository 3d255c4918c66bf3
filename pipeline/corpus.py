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


def list_input_files(folder: Path) -> list[Path]:
    """Every file below the folder (links included, hidden files and folders excluded), in sort order."""
    found = []
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found += [Path(root) / name for name in files if not name.startswith(".")]
    return sorted(found, key=lambda p: p.relative_to(folder).as_posix())


def _read(path: Path, folder: Path, max_bytes: int) -> tuple[bytes, Decoded | None]:
    """The file's bytes, or a rejection that needs no decoding."""
    resolved = path
    if path.is_symlink():  # os.walk does not follow linked folders: only the file itself can lead outside
        resolved = path.resolve()
        if not resolved.is_relative_to(folder.resolve()):
            marker = f"link outside the input folder: {path.name}".encode()
            return marker, Decoded(None, None, "outside the input folder: the file is a link to a path outside it; copy the file in instead")
    try:
        size = resolved.stat().st_size
        if size > max_bytes:
            with resolved.open("rb") as handle:
                head = handle.read(1 << 20)
            # Identify an oversized file by its size and first MiB instead of reading it whole.
            return head + str(size).encode(), too_large(size, max_bytes)
        return resolved.read_bytes(), None
    except OSError as error:
        return f"unreadable: {path}".encode(), Decoded(None, None, f"unreadable: {error.strerror or error}")


def read_corpus(folder: Path, max_bytes: int = DEFAULT_MAX_BYTES, selected: Callable[[str], bool] | None = None) -> list[RawDocument]:
    """One RawDocument per distinct content in the folder (or in the files whose relative path is `selected`), sorted by source_id."""
    folder = Path(folder)
    if not folder.is_dir():
        raise FileNotFoundError(f"input folder {folder} does not exist: create it or set EXCHANGES_SEEDS_DIR to a folder of .txt articles")
    by_id: dict[str, tuple[list[str], bytes, Decoded | None]] = {}
    for path in list_input_files(folder):
        relative = path.relative_to(folder).as_posix()
        if selected is not None and not selected(relative):
            continue
        raw, verdict = _read(path, folder, max_bytes)
        sid = source_id_of(raw)
        entry = by_id.setdefault(sid, ([], raw, verdict))
        entry[0].append(relative)
    documents = []
    for sid, (paths, raw, verdict) in sorted(by_id.items()):
        decoded = verdict or decode_document(raw, max_bytes)
        documents.append(RawDocument(sid, tuple(sorted(paths)), len(raw), decoded.encoding, decoded.text, decoded.reject_reason))
    return documents
